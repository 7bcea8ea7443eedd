"""An incident's figures: every reported value per kind and scope, with superseding and conflicts. Pure.

A figure is identified by its kind and its scope, the quantities' `unit` ("killed"/"killed", "damage"/"tanks"):
"killed" and "injured" never conflict, and "3 tanks" and "5 drones" are different figures. Within a figure:

- a report is **superseded** when a later report of the same source (the folded claimant: the outlet itself
  for its own reporting) from another claim exists; later means a later `published_at` (unknown counts as
  earliest), then a later position in the article. It stays listed. Two values of one claim ("22 of 27
  drones") never supersede each other;
- the figure is **conflicting** when two current reports of different sources give values no bound reconciles:
  each report is an interval (`interval`) and two intervals that do not meet conflict ("at least 200" and
  "230" meet; "60 killed" and "0 killed" do not).

Reports are kept in one total order and figures sorted by kind and scope, so folding the same claims in any
order gives the same list.
"""

import math
from datetime import UTC, datetime

from claimwire_contracts import Bound, ClaimExtracted, Figure, FigureKind, FigureReport, Quantity

from ._text import fold

#: "about v" reconciles with any value within this fraction of v: [0.9 v, 1.1 v].
ABOUT_TOLERANCE = 0.1
_KINDS = list(FigureKind)
_Scope = tuple[FigureKind, str]


def fold_figures(figures: list[Figure], *claims: ClaimExtracted) -> list[Figure]:
    """`figures` after the quantities of `claims` join them; a claim already folded in adds nothing.

    Only the scopes the claims report are rebuilt (an article's claims are folded in one call: a large
    incident holds many figures, and rebuilding them all per claim made filing cost grow with the incident).
    """
    known = {r.claim_id for figure in figures for r in figure.reports}
    added: dict[_Scope, list[FigureReport]] = {}
    for claim in claims:
        if claim.claim_id in known:
            continue
        known.add(claim.claim_id)
        for quantity in claim.quantities:
            added.setdefault(scope_of(quantity), []).append(report_of(claim, quantity))
    if not added:
        return figures
    scopes = {(figure.kind, figure.unit): figure for figure in figures}
    for (kind, unit), reports in added.items():
        earlier = scopes[(kind, unit)].reports if (kind, unit) in scopes else []
        scopes[(kind, unit)] = figure_of(kind, unit, [*earlier, *reports])
    return [scopes[scope] for scope in sorted(scopes, key=lambda scope: (_KINDS.index(scope[0]), scope[1]))]


#: Kinds that count people: their scope is the kind itself, whatever word the text used ("4 wounded" and
#: "5 injured" are one figure, and they conflict).
PEOPLE_KINDS = frozenset({FigureKind.killed, FigureKind.injured, FigureKind.missing, FigureKind.rescued,
                          FigureKind.evacuated, FigureKind.displaced, FigureKind.arrested})


def scope_of(quantity: Quantity) -> _Scope:
    """The figure a quantity reports: its kind, and for things and amounts what is counted ("tanks")."""
    return quantity.kind, quantity.kind.value if quantity.kind in PEOPLE_KINDS else quantity.unit


def report_of(claim: ClaimExtracted, quantity: Quantity) -> FigureReport:
    """The report of one quantity: its value and bound, who said it, where and when."""
    return FigureReport(
        value=quantity.value,
        approximate=quantity.approximate,
        bound=quantity.bound,
        high=quantity.high,
        claimant=claim.claimant.name,
        outlet=claim.source,
        claim_id=claim.claim_id,
        published_at=claim.published_at,
        span=quantity.span,
    )


def figure_of(kind: FigureKind, unit: str, reports: list[FigureReport]) -> Figure:
    """The figure of one scope: its reports in order, superseded ones marked, conflicting or not."""
    current = supersede(sorted(reports, key=_order))
    return Figure(kind=kind, unit=unit, reports=current, conflicting=conflicting(current))


def supersede(ordered: list[FigureReport]) -> list[FigureReport]:
    """`ordered` (earliest first) with `superseded` set where a later report of its source from another claim
    exists; recomputed from scratch, so a stored flag never outlives its reason."""
    later_claims: dict[str, set[str]] = {}
    marked: list[FigureReport] = []
    for report in reversed(ordered):
        claims = later_claims.setdefault(source_of(report), set())
        superseded = bool(claims - {report.claim_id})
        claims.add(report.claim_id)
        if report.superseded != superseded:
            report = report.model_copy(update={"superseded": superseded})
        marked.append(report)
    return marked[::-1]


def conflicting(reports: list[FigureReport]) -> bool:
    """True when two current reports of different sources have intervals that do not meet."""
    current = [(source_of(r), interval(r)) for r in reports if not r.superseded]
    return any(
        a_source != b_source and (a_high < b_low or b_high < a_low)
        for i, (a_source, (a_low, a_high)) in enumerate(current)
        for b_source, (b_low, b_high) in current[i + 1 :]
    )


def interval(report: FigureReport) -> tuple[float, float]:
    """The values `report` allows: exact v is [v, v]; at least / more than v is [v, inf); up to / less than v is
    [0, v]; about v is [0.9 v, 1.1 v]; a range is [value, high]. An approximate report without a bound (written
    before bounds existed) counts as about."""
    value = float(report.value)
    bound = Bound.about if report.bound is Bound.exact and report.approximate else report.bound
    if bound in (Bound.at_least, Bound.more_than):
        return value, math.inf
    if bound in (Bound.up_to, Bound.less_than):
        return min(0.0, value), value
    if bound is Bound.about:
        return value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)
    if bound is Bound.range and report.high is not None:
        high = float(report.high)
        return min(value, high), max(value, high)
    return value, value


def source_of(report: FigureReport) -> str:
    """Whose figure a report is, for superseding and conflicts: the folded claimant."""
    return fold(report.claimant)


def _order(report: FigureReport) -> tuple[float, int, str, float, str, float, str, str]:
    """A total order on reports: publication time (unknown first), position in the article, then the rest of
    the report so that equal keys cannot depend on arrival order."""
    return (
        _instant(report.published_at),
        report.span.start if report.span is not None else -1,
        report.claim_id,
        float(report.value),
        report.bound.value,
        float(report.high) if report.high is not None else -1.0,
        report.outlet or "",
        report.claimant,
    )


def _instant(when: datetime | None) -> float:
    if when is None:
        return -math.inf
    return (when if when.tzinfo is not None else when.replace(tzinfo=UTC)).timestamp()
