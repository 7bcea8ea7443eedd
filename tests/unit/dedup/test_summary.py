"""The matching view of an incident: one member per article."""

from claimwire.dedup._features import claim_features
from claimwire.dedup._summary import MAX_MEMBERS, IncidentSummary

from .factories import claim


def test_claims_of_one_article_share_one_member_with_their_words_together():
    """A follow-up sentence of an article adds its words to the article's member instead of a new member."""
    summary = IncidentSummary(incident_id="inc_x_1")
    first = claim_features(claim("A missile hit the depot in Kharkiv.", article="art_a"))
    follow = claim_features(claim("Firefighters battled the blaze until dawn.", article="art_a", start=40))
    summary.add(first)
    summary.add(follow)
    assert len(summary.members) == 1
    member = summary.members[0]
    assert member.claim_id == first.claim_id
    assert member.tokens == first.tokens | follow.tokens
    assert IncidentSummary.from_json(summary.to_json()).members == summary.members


def test_an_articles_many_sentences_do_not_push_other_outlets_out_of_the_window():
    """Many claims of one article leave the earlier outlets' members in the window."""
    summary = IncidentSummary(incident_id="inc_x_1")
    summary.add(claim_features(claim("A missile hit the depot in Kharkiv.", article="art_a")))
    for i in range(MAX_MEMBERS + 3):
        summary.add(claim_features(claim(f"Detail number {i} of the strike.", article="art_b", start=100 * i)))
    assert [m.article_id for m in summary.members] == ["art_a", "art_b"]
