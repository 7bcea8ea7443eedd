"""Folding articles into an incident: figures with conflicts, corroboration, verification, idempotency."""

from datetime import UTC, datetime

from claimwire.dedup import claims_unit, group_claims, unit_features
from claimwire.dedup._features import claim_features
from claimwire.dedup._merge import merge
from claimwire_contracts import MergeReason, VerificationStatus

from .factories import claim

NOW = datetime(2026, 11, 10, 12, tzinfo=UTC)


def file_unit(state, unit):
    reason = MergeReason(claim_id=unit.report.claim_id, article_id=unit.article_id, score=1.0)
    return merge(state, unit, unit_features(unit.report, unit.claims), reason, NOW)


def fold_all(*claims):
    """The claims grouped by article, each article filed in turn."""
    state = None
    for unit in group_claims(claims):
        state = file_unit(state, unit)
    return state


def test_conflicting_figures_stay_visible_with_who_said_them():
    """60 killed by the ministry and 0 by the other side are both kept, and the figure is conflicting."""
    state = fold_all(
        claim("60 soldiers were killed", claimant="defence ministry", figures=((60, "killed"),)),
        claim("none of its fighters were killed", article="art_2", claimant="battalion", figures=((0, "killed"),)),
    )
    (killed,) = state.figures
    assert sorted((r.value, r.claimant) for r in killed.reports) == [(0, "battalion"), (60, "defence ministry")]
    assert killed.conflicting


def test_agency_copies_and_follow_ups_count_once():
    """Two outlets copying one agency story and one outlet's follow-up add up to two independent outlets."""
    state = fold_all(
        claim("fire at the depot, as reported by RIA Novosti", outlet="Steppe Times"),
        claim("fire at the depot, citing RIA Novosti", article="art_2", outlet="Volga Wire"),
        claim("fire at the depot", article="art_3", outlet="Kyiv Ledger"),
        claim("the depot fire is out", article="art_4", outlet="Kyiv Ledger"),
    )
    assert state.corroboration == 2
    assert len(state.article_ids) == 4


def test_an_outlet_crediting_any_outlet_counts_as_that_outlet_for_all_its_reports():
    """"as reported by" credits an outlet of any name; the copying outlet's own sentence of that story does not
    count as independent reporting either."""
    state = fold_all(
        claim("raid on the village repelled", outlet="Northwire Agency"),
        claim("raid on the village repelled, as reported by Northwire Agency", article="art_2",
              outlet="Eastern Herald"),
        claim("the battalion still holds part of the village", article="art_2", outlet="Eastern Herald",
              start=90),
    )
    assert state.corroboration == 1
    assert {ref.origin for ref in state.sources} == {"northwire agency"}
    capitalised = claim("As reported by The Northwire Agency on Friday, the raid was repelled", outlet="Kyiv Ledger")
    assert claim_features(capitalised).origin == "northwire agency"


def test_confirmation_lifts_and_denial_disputes():
    """unverified + confirmed is confirmed; a denial (cue "denied") makes it disputed."""
    unverified = claim("a strike hit the port", status="unverified")
    confirmed = claim("satellite images show the damage", article="art_2", status="confirmed")
    denial = claim("no strike took place", article="art_3", cue="denied")
    assert fold_all(unverified, confirmed).verification is VerificationStatus.confirmed
    assert fold_all(unverified, confirmed, denial).verification is VerificationStatus.disputed


def test_the_same_article_twice_changes_nothing():
    """Filing an article already in the incident returns the incident as it was, version included."""
    first = claim("a strike hit the port")
    state = fold_all(first, claim("the port was hit", article="art_2"))
    again = file_unit(state, claims_unit([first]))
    assert again == state
    assert state.version == 2


def test_an_article_is_one_version_with_all_its_claims():
    """An article of three claims makes one version holding the three, each claimant a source."""
    state = fold_all(
        claim("a strike hit the port", claimant="governor"),
        claim("two cranes were destroyed", claimant="port authority", start=40),
        claim("the strike was repelled", claimant="air force", start=80),
    )
    assert state.version == 1
    assert len(state.claim_ids) == 3
    assert {"governor", "port authority", "air force"} <= {ref.claimant for ref in state.sources}


def test_quoting_a_source_that_is_not_an_outlet_here_collapses_nothing():
    """Two outlets reporting the strike themselves and each quoting State TV stay two outlets: a quoted
    broadcaster is a claimant, not one more outlet that reported the incident."""
    state = fold_all(
        claim("a strike hit the port", outlet="Kyiv Ledger"),
        claim("the port was hit twice", article="art_1", outlet="Kyiv Ledger", claimant="State TV", kind="media",
              start=40),
        claim("a strike hit the port at dawn", article="art_2", outlet="Eastern Herald"),
        claim("the port was hit twice", article="art_2", outlet="Eastern Herald", claimant="State TV", kind="media",
              start=40),
    )
    assert state.corroboration == 2
