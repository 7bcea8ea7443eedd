"""The matching view of an incident: one member per filed article, the newest kept, stored compactly."""

from claimwire.dedup._features import claim_features
from claimwire.dedup._summary import MAX_MEMBERS, IncidentSummary

from .factories import claim


def test_the_newest_articles_are_the_members():
    """Each filed article is one member; beyond MAX_MEMBERS the oldest go."""
    summary = IncidentSummary(incident_id="inc_x_1")
    for i in range(MAX_MEMBERS + 3):
        summary.add(claim_features(claim(f"Report number {i} of the strike.", article=f"art_{i}")))
    assert [f"art_{i}" for i in range(3, MAX_MEMBERS + 3)] == [m.article_id for m in summary.members]


def test_a_summary_survives_its_json_and_reads_the_older_list_form():
    """to_json/from_json round-trip; members stored as JSON lists (before words were joined) still read."""
    summary = IncidentSummary(incident_id="inc_x_1")
    summary.add(claim_features(claim("A missile hit the depot in Kharkiv.", article="art_a")))
    stored = summary.to_json()
    assert summary == IncidentSummary.from_json(stored)
    older = {**stored, "members": [[c, a, t.split(), e.split()] for c, a, t, e in stored["members"]]}
    assert summary == IncidentSummary.from_json(older)


def test_a_summary_read_back_is_written_back_the_same():
    """Members keep the form they were read in, so a summary read and written again is the same document,
    whichever form (joined words, or the older lists) it was read from."""
    summary = IncidentSummary(incident_id="inc_x_1")
    summary.add(claim_features(claim("A missile hit the depot in Kharkiv.", article="art_a")))
    stored = summary.to_json()
    assert stored == IncidentSummary.from_json(stored).to_json()
    older = {**stored, "members": [[c, a, t.split(), e.split()] for c, a, t, e in stored["members"]]}
    assert stored == IncidentSummary.from_json(older).to_json()
