"""An incident's figures: scopes by kind and unit, interval conflicts, superseding by source, any fold order."""

import json
from datetime import UTC, datetime
from itertools import permutations

import pytest

from claimwire.dedup import claims_unit, unit_features
from claimwire.dedup._figures import fold_figures, interval
from claimwire.dedup._merge import merge
from claimwire_contracts import Bound, ClaimExtracted, Figure, FigureKind, FigureReport, MergeReason

from .factories import claim

NOW = datetime(2026, 11, 10, 12, tzinfo=UTC)
KILLED, INJURED, DAMAGE = FigureKind.killed, FigureKind.injured, FigureKind.damage


Quantity = tuple[float, str, FigureKind, Bound, float | None]


def reported(text: str, *figures: Quantity, start: int = 0, **fields: str) -> ClaimExtracted:
    """A claim (`factories.claim` with `fields`) whose quantities have the given (value, unit, kind, bound,
    high), placed from `start` on."""
    base = claim(text, start=start, **fields)
    quantities = [
        {
            "value": value,
            "unit": unit,
            "kind": kind,
            "bound": bound,
            "high": high,
            "approximate": bound is not Bound.exact,
            "text": text,
            "span": {"start": start, "end": start + len(text)},
        }
        for value, unit, kind, bound, high in figures
    ]
    return ClaimExtracted.model_validate({**base.model_dump(), "quantities": quantities})


def fold(*claims: ClaimExtracted) -> list[Figure]:
    figures: list[Figure] = []
    for c in claims:
        figures = fold_figures(figures, c)
    return figures


def killed(value: float, bound: Bound = Bound.exact, high: float | None = None) -> Quantity:
    return (value, "killed", KILLED, bound, high)


@pytest.mark.parametrize(
    ("bound", "value", "high", "expected"),
    [
        (Bound.exact, 60, None, (60, 60)),
        (Bound.at_least, 200, None, (200, float("inf"))),
        (Bound.more_than, 200, None, (200, float("inf"))),
        (Bound.up_to, 50, None, (0, 50)),
        (Bound.less_than, 50, None, (0, 50)),
        (Bound.about, 100, None, (90, 110.00000000000001)),
        (Bound.range, 20, 30, (20, 30)),
    ],
)
def test_each_bound_is_an_interval(bound: Bound, value: float, high: float | None, expected: tuple) -> None:
    """exact [v, v]; at least / more than [v, inf); up to / less than [0, v]; about [0.9 v, 1.1 v]; range."""
    report = FigureReport(value=value, bound=bound, high=high, claimant="x", claim_id="c")
    assert expected == interval(report)


def test_an_approximate_report_without_a_bound_counts_as_about() -> None:
    """A report stored before bounds existed (approximate, bound exact) reconciles like "about"."""
    assert (90, 110.00000000000001) == interval(FigureReport(value=100, approximate=True, claimant="x", claim_id="c"))


@pytest.mark.parametrize(
    ("first", "second", "conflicting"),
    [
        (killed(200, Bound.at_least), killed(230), False),
        (killed(60), killed(0), True),
        (killed(60), killed(60), False),
        (killed(50, Bound.about), killed(54), False),
        (killed(50, Bound.about), killed(60), True),
        (killed(20, Bound.range, 30), killed(25, Bound.up_to), False),
        (killed(20, Bound.range, 30), killed(40, Bound.more_than), True),
        (killed(10, Bound.less_than), killed(12), True),
        (killed(12, Bound.up_to), killed(12), False),
    ],
)
def test_conflict_is_two_sources_whose_intervals_do_not_meet(first: tuple, second: tuple, conflicting: bool) -> None:
    """ "at least 200" and "230" do not conflict; "60" and "0" do; bounds reconcile what they cover."""
    (figure,) = fold(
        reported("first report", first, claimant="defence ministry"),
        reported("second report", second, claimant="village council", article="art_2"),
    )
    assert conflicting == figure.conflicting


def test_different_kinds_and_scopes_never_conflict() -> None:
    """Killed and injured, tanks and drones are separate figures, each with its own reports; people counted
    are scoped by their kind whatever the word ("wounded" is the injured figure)."""
    figures = fold(
        reported("a", killed(3), (40, "wounded", INJURED, Bound.exact, None), (3, "tanks", DAMAGE, Bound.exact, None)),
        reported("b", killed(3), (12, "drones", DAMAGE, Bound.exact, None), claimant="army", article="art_2"),
    )
    assert [(KILLED, "killed", 2), (INJURED, "injured", 1), (DAMAGE, "drones", 1), (DAMAGE, "tanks", 1)] == [
        (f.kind, f.unit, len(f.reports)) for f in figures
    ]
    assert not any(f.conflicting for f in figures)


def test_a_later_report_of_the_same_source_supersedes_the_earlier() -> None:
    """The governor's 12 killed, then 45 the next day: 12 is superseded (still listed), no conflict."""
    (figure,) = fold(
        reported("a", killed(12), published="2026-11-10T08:00:00+00:00"),
        reported("b", killed(45), article="art_2", published="2026-11-11T08:00:00+00:00"),
    )
    assert [(12, True), (45, False)] == [(r.value, r.superseded) for r in figure.reports]
    assert not figure.conflicting


def test_within_one_article_the_later_position_supersedes() -> None:
    """Same source, same article: the report further down the article replaces the one above it."""
    (figure,) = fold(
        reported("the toll has risen to 45", killed(45), start=300),
        reported("nine people were killed", killed(9), start=10),
    )
    assert [(9, True), (45, False)] == [(r.value, r.superseded) for r in figure.reports]


def test_superseded_reports_do_not_conflict() -> None:
    """The ministry's first count (9) disagreed with the council's 45; its update (45) agrees: no conflict."""
    (figure,) = fold(
        reported("a", killed(9), claimant="defence ministry", published="2026-11-10T08:00:00+00:00"),
        reported("b", killed(45), claimant="village council", article="art_2"),
        reported("c", killed(45), claimant="Defence Ministry", article="art_3", published="2026-11-11T08:00:00+00:00"),
    )
    assert [r.value for r in figure.reports if r.superseded] == [9]
    assert not figure.conflicting


def test_two_values_of_one_claim_do_not_supersede_each_other() -> None:
    """ "22 of 27 drones" reports two values at once: both stay current."""
    drones = [(22, "drones", DAMAGE, Bound.exact, None), (27, "drones", DAMAGE, Bound.exact, None)]
    (figure,) = fold(reported("22 of 27 drones", *drones))
    assert [False, False] == [r.superseded for r in figure.reports]


def test_the_fold_is_order_insensitive() -> None:
    """Folding the same claims in every order gives the same figures, superseded flags and conflicts included."""
    claims = [
        reported("a", killed(12), (3, "homes", DAMAGE, Bound.exact, None), published="2026-11-10T08:00:00+00:00"),
        reported("b", killed(45), article="art_2", published="2026-11-11T08:00:00+00:00"),
        reported("c", killed(30, Bound.at_least), claimant="red cross", outlet="Harbour Times", article="art_3"),
        reported("d", killed(0), claimant="battalion", article="art_4", start=50),
        reported("e", (5, "homes", DAMAGE, Bound.up_to, None), claimant="battalion", article="art_4", start=90),
    ]
    results = {json.dumps([f.model_dump(mode="json") for f in fold(*order)]) for order in permutations(claims)}
    assert 1 == len(results)
    assert [True, False] == [f.conflicting for f in fold(*claims)]


def test_a_claim_folded_twice_adds_nothing() -> None:
    """Folding a claim whose quantities are already reported leaves the figures as they were."""
    first = reported("a", killed(12))
    once = fold(first)
    assert once == fold_figures(once, first)


def test_merge_carries_typed_figures_into_the_incident() -> None:
    """Through `merge`, the incident's figures have kinds, bounds and publication times."""
    c = reported("at least 200 killed", killed(200, Bound.at_least))
    unit = claims_unit([c])
    reason = MergeReason(claim_id=unit.report.claim_id, score=1.0)
    state = merge(None, unit, unit_features(unit.report, unit.claims), reason, NOW)
    (figure,) = state.figures
    assert (KILLED, "killed", Bound.at_least, c.published_at) == (
        figure.kind,
        figure.unit,
        figure.reports[0].bound,
        figure.reports[0].published_at,
    )
