"""What the incident page shows, computed from the contracts alone: figures side by side, a small chart per
figure, and each article's text cut into segments at the exact claim offsets (the template escapes them)."""

import itertools
from dataclasses import dataclass, field
from datetime import datetime

from claimwire_contracts import (
    ArticleReceived,
    Bound,
    ClaimExtracted,
    Figure,
    FigureKind,
    FigureReport,
    IncidentUpdated,
    MergeReason,
)

from ._model import TimelineEntry

_BOUND_WORDS = {
    Bound.at_least: "at least ",
    Bound.more_than: "more than ",
    Bound.up_to: "up to ",
    Bound.less_than: "fewer than ",
    Bound.about: "about ",
}
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 320, 110, 14


def number(value: float) -> str:
    """A figure's number as people write it: 1,200 and 2.5, never 12.0."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def value_text(report: FigureReport) -> str:
    """A report's value with its bound in words: "at least 12", "20–30", "19"."""
    if report.bound is Bound.range and report.high is not None:
        return f"{number(report.value)}–{number(report.high)}"
    return _BOUND_WORDS.get(report.bound, "") + number(report.value)


def source_label(report: FigureReport) -> str:
    """Who reported a value: the claimant, with the outlet that carried it when that is someone else."""
    if report.outlet and report.outlet != report.claimant:
        return f"{report.claimant} (via {report.outlet})"
    return report.claimant


@dataclass(frozen=True)
class ChartPoint:
    """One plotted report: coordinates in the chart's box, and what its tooltip says."""

    x: float
    y: float
    label: str


@dataclass(frozen=True)
class ChartSeries:
    """One source's reports of a figure over time."""

    source: str
    points: list[ChartPoint]

    @property
    def path(self) -> str:
        """The SVG polyline points."""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class FigureView:
    """One figure: its reports side by side, and a chart of values over time when reports were dated apart."""

    figure: Figure
    chart: list[ChartSeries] = field(default_factory=list)
    top: str = ""

    @property
    def sources(self) -> list[str]:
        """Distinct sources of the figure's reports, in order."""
        return list(dict.fromkeys(source_label(r) for r in self.figure.reports))


def figure_chart(figure: Figure) -> tuple[list[ChartSeries], str]:
    """Values over publication time, one series per source; empty unless reports were published apart."""
    dated = [r for r in figure.reports if r.published_at is not None]
    times = sorted({r.published_at for r in dated if r.published_at is not None})
    if len(times) < 2 or len(dated) < 2:
        return [], ""
    start, span = times[0].timestamp(), times[-1].timestamp() - times[0].timestamp()
    top = max(max(r.high or r.value, r.value) for r in dated) or 1
    series: dict[str, list[ChartPoint]] = {}
    for report in dated:
        assert report.published_at is not None
        x = CHART_PAD + (report.published_at.timestamp() - start) / span * (CHART_WIDTH - 2 * CHART_PAD)
        y = CHART_HEIGHT - CHART_PAD - report.value / top * (CHART_HEIGHT - 2 * CHART_PAD)
        when = report.published_at.strftime("%d %b %H:%M")
        label = f"{source_label(report)}: {value_text(report)} ({when})"
        series.setdefault(source_label(report), []).append(ChartPoint(x, y, label))
    return [ChartSeries(source, points) for source, points in series.items()], number(top)


def figures_by_kind(incident: IncidentUpdated) -> list[tuple[FigureKind, list[FigureView]]]:
    """The incident's figures grouped by kind, in the kinds' order, each with its chart."""
    grouped: dict[FigureKind, list[FigureView]] = {}
    for figure in incident.figures:
        chart, top = figure_chart(figure)
        grouped.setdefault(figure.kind, []).append(FigureView(figure, chart, top))
    return [(kind, grouped[kind]) for kind in FigureKind if kind in grouped]


@dataclass(frozen=True)
class Segment:
    """A stretch of article text and the marks over it (claim content, cue, claimant)."""

    text: str
    content: tuple[str, ...] = ()
    """Ids of the claims whose content covers this stretch."""
    cue: bool = False
    claimant: bool = False

    @property
    def marked(self) -> bool:
        """Whether any mark covers the stretch."""
        return bool(self.content) or self.cue or self.claimant


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str
    claim_id: str


def _marks(text: str, claims: list[ClaimExtracted]) -> list[_Mark]:
    marks = []
    for claim in claims:
        spans = [("content", claim.span), ("cue", claim.cue.span if claim.cue else None)]
        spans.append(("claimant", claim.claimant.span))
        for kind, span in spans:
            if span is not None and 0 <= span.start < span.end <= len(text):
                marks.append(_Mark(span.start, span.end, kind, claim.claim_id))
    return marks


def segments(text: str, claims: list[ClaimExtracted]) -> list[Segment]:
    """`text` cut at every claim's content, cue and claimant offsets, each piece with the marks covering it."""
    marks = _marks(text, claims)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for start, end in itertools.pairwise(cuts):
        over = [m for m in marks if m.start <= start and end <= m.end]
        pieces.append(
            Segment(
                text=text[start:end],
                content=tuple(m.claim_id for m in over if m.kind == "content"),
                cue=any(m.kind == "cue" for m in over),
                claimant=any(m.kind == "claimant" for m in over),
            )
        )
    return pieces


@dataclass(frozen=True)
class ArticleView:
    """One article of the incident: why it joined, its text with the claims marked, and the claims."""

    article_id: str
    article: ArticleReceived | None
    reason: MergeReason | None
    version: int | None
    claims: list[ClaimExtracted]
    segments: list[Segment]
    mismatched: list[str]
    """Claims whose text is not at their offsets in the article as received (the article changed)."""


def article_views(
    incident: IncidentUpdated, articles: dict[str, ArticleReceived], claims: list[ClaimExtracted]
) -> list[ArticleView]:
    """Every article of the incident in filing order, with its claims in text order."""
    reasons = {m.article_id: (version, m) for version, m in enumerate(incident.merges, start=1)}
    views = []
    for article_id in incident.article_ids:
        own = sorted((c for c in claims if c.article_id == article_id), key=lambda c: c.span.start)
        article = articles.get(article_id)
        text = article.text if article else ""
        version, reason = reasons.get(article_id, (None, None))
        views.append(
            ArticleView(
                article_id=article_id,
                article=article,
                reason=reason,
                version=version,
                claims=own,
                segments=segments(text, own) if article else [],
                mismatched=[c.claim_id for c in own if article and text[c.span.start : c.span.end] != c.text],
            )
        )
    return sorted(views, key=lambda v: v.version if v.version is not None else len(incident.merges) + 1)


@dataclass(frozen=True)
class VersionView:
    """One version of the timeline: the article that made it, and what the desk saw of it."""

    version: int
    reason: MergeReason | None
    seen: TimelineEntry | None
    published_at: datetime | None = None


def timeline(incident: IncidentUpdated, seen: dict[int, TimelineEntry],
             articles: dict[str, ArticleReceived]) -> list[VersionView]:
    """Every version, newest first: version n filed the incident's n-th article (its merge reason)."""
    views = []
    for version in range(incident.version, 0, -1):
        reason = incident.merges[version - 1] if version <= len(incident.merges) else None
        article = articles.get(reason.article_id or "") if reason else None
        views.append(VersionView(version, reason, seen.get(version), article.published_at if article else None))
    return views
