"""The wire-editor rules: type, place, time and content decide whether a claim joins an incident."""

from claimwire.dedup._features import claim_features
from claimwire.dedup._match import PLACE_MISMATCH, THRESHOLD, place_signal, score, type_signal
from claimwire.dedup._summary import IncidentSummary
from claimwire_contracts import EventType

from .factories import claim


def summary_of(*claims):
    s = IncidentSummary(incident_id="inc_t_1")
    for c in claims:
        s.add(claim_features(c))
    return s


STRIKE = claim("a missile hit an apartment block in the Saltivskyi district, killing five residents",
               figures=((5, "killed"),))


def test_reports_of_one_strike_in_other_words_merge():
    """Another outlet's wording, claimant and figure for the same strike scores above the threshold."""
    other = claim("six people died when a rocket struck a residential building in Saltivskyi district",
                  article="art_2", outlet="Eastern Herald", event_type="casualties", figures=((6, "killed"),))
    match = score(claim_features(other), summary_of(STRIKE))
    assert match is not None
    assert match.score >= THRESHOLD
    assert match.signals["place"] == 1.0


def test_same_city_same_day_other_incident_stays_apart():
    """Shelling of a substation in the same city on the same day does not join the apartment strike."""
    substation = claim("shelling damaged a power substation in Kholodnohirskyi district, cutting electricity",
                       article="art_3", event_type="damage")
    match = score(claim_features(substation), summary_of(STRIKE))
    assert match is None or match.score < THRESHOLD


def test_accident_never_joins_an_attack():
    """An accident and an attack rule each other out whatever the words say."""
    assert type_signal(EventType.accident, {"attack"}) == 0.0
    crash = claim("a lorry hit an apartment block in the Saltivskyi district, killing five residents",
                  article="art_4", event_type="accident")
    assert score(claim_features(crash), summary_of(STRIKE)) is None


def test_village_inside_named_region_is_compatible_but_other_village_is_not():
    """A village in the named region scores 0.8; two different villages with no region in common score
    PLACE_MISMATCH, below unknown (soft: an article's lead places are not always the incident's)."""
    region_report = summary_of(claim("drones were downed over the region", places=(("Belgorod region", None),)))
    village = claim_features(claim("debris damaged two houses", places=(("Dubovoye", "Belgorod region"),)))
    elsewhere = claim_features(claim("debris damaged two houses", places=(("Sumy", None),)))
    assert place_signal(village, region_report) == 0.8
    assert place_signal(elsewhere, summary_of(claim("x", places=(("Odesa", None),)))) == PLACE_MISMATCH < 0.5


def test_city_is_not_its_region():
    """Kharkiv the city and a village in Kharkiv region are not "a village inside the named region"."""
    city = summary_of(claim("a strike on the city", places=(("Kharkiv", "Kharkiv region"),)))
    village = claim_features(claim("fighting in the village", places=(("Petropavlivka", "Kharkiv region"),)))
    assert place_signal(village, city) < 0.8


def test_reports_days_apart_do_not_merge():
    """The same words three days later are another incident."""
    later = claim("a missile hit an apartment block in the Saltivskyi district, killing five residents",
                  article="art_5", day="2026-11-13", published="2026-11-13T12:00:00+00:00")
    assert score(claim_features(later), summary_of(STRIKE)) is None


def test_shared_rare_words_count_more_than_shared_common_ones():
    """With document frequencies, sharing a word every report uses says less than sharing a rare one."""
    from claimwire.dedup._features import with_rarity
    from claimwire.dedup._match import content_similarity

    first = claim("a drone hit the grain terminal near the harbour", article="art_8")
    common = claim("a drone hit a warehouse by the river", article="art_9")
    rare = claim("fire at the grain terminal after the strike", article="art_10")
    df = {"drone": 900, "hit": 900, "grain": 3, "terminal": 3, "~drone": 900}
    member = summary_of(first).members[0]
    by_common = content_similarity(with_rarity(claim_features(common), 1000, df), member, set())
    by_rare = content_similarity(with_rarity(claim_features(rare), 1000, df), member, set())
    assert by_rare > by_common


def test_reports_naming_different_years_score_lower_and_sharing_one_changes_nothing():
    """Both sides name years and none is shared: the year penalty; a shared year or none named: no effect."""
    from claimwire.dedup._match import YEAR_PENALTY

    incident = summary_of(claim("the flood of 2019 swept away the Dolna bridge", day=None))
    other_year = claim_features(claim("the flood of 2021 swept away the Dolna bridge", article="art_2", day=None))
    same_year = claim_features(claim("the flood of 2019 swept away the Dolna bridge", article="art_3", day=None))
    no_year = claim_features(claim("the flood swept away the Dolna bridge", article="art_4", day=None))
    penalised, shared = score(other_year, incident), score(same_year, incident)
    assert penalised.signals["years"] == 0.0 and shared.signals["years"] == 1.0
    assert "years" not in score(no_year, incident).signals
    # Same words but for the year token: the gap is the penalty plus what the differing token costs.
    assert shared.score - penalised.score >= YEAR_PENALTY


def test_published_the_same_day_counts_less_than_dated_the_same_day():
    """A claim whose day comes only from its publication gets the weaker time signal on overlap."""
    from claimwire.dedup._match import UNDATED_SAME_DAY

    incident = summary_of(claim("a drone hit the grain terminal in the port"))
    dated = claim_features(claim("a drone struck the grain terminal", article="art_2"))
    undated = claim_features(claim("a drone struck the grain terminal", article="art_3", day=None))
    assert score(dated, incident).signals["time"] == 1.0
    assert score(undated, incident).signals["time"] == UNDATED_SAME_DAY


def test_a_count_that_reads_like_a_year_is_not_a_year():
    """'2,000 homes' against '1,980 homes' is a figure conflict, not two different years."""
    incident = summary_of(claim("the flood damaged 2,000 homes in the valley", figures=((2000, "homes"),), day=None))
    other = claim_features(claim("the flood damaged 1980 homes in the valley", article="art_2",
                                 figures=((1980, "homes"),), day=None))
    assert "years" not in score(other, incident).signals
