"""Events for desk tests, built by hand: incidents with chosen places, days, outlets and figures, their claims
and articles, so each test states exactly what the desk receives."""

from datetime import UTC, date, datetime, timedelta

from claimwire_contracts import (
    ArticleReceived,
    Bound,
    Claimant,
    ClaimExtracted,
    Cue,
    EventType,
    Figure,
    FigureKind,
    FigureReport,
    IncidentLocation,
    IncidentUpdated,
    MergeReason,
    SourceRef,
    Span,
    TimeRange,
    make_claim_id,
)

T0 = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
TEXT = "DUNMERE — Police said 3 people were arrested. Organisers said 40 were detained. <script>alert(1)</script>"


def article(article_id: str, source: str = "Northern Ledger", text: str = TEXT) -> ArticleReceived:
    """An article of `source` published at T0."""
    return ArticleReceived(
        article_id=article_id, source=source, title=f"Headline <b>{article_id}</b>", text=text,
        published_at=T0, received_at=T0,
    )


def claim(art: ArticleReceived, content: str, claimant: str, cue: str = "said") -> ClaimExtracted:
    """The claim whose content is the first occurrence of `content` in the article, its cue right before it."""
    start = art.text.index(content)
    span = Span(start=start, end=start + len(content))
    cue_start = art.text.rindex(cue, 0, start)
    return ClaimExtracted(
        claim_id=make_claim_id(art.article_id, span), article_id=art.article_id, source=art.source,
        published_at=art.published_at, span=span, text=content, claimant=Claimant(name=claimant),
        cue=Cue(text=cue, span=Span(start=cue_start, end=cue_start + len(cue))), event_type=EventType.casualties,
    )


def incident(
    incident_id: str,
    *,
    version: int = 1,
    minutes: int = 0,
    event_type: EventType = EventType.attack,
    place: str = "Dunmere",
    day: date = date(2026, 3, 10),
    outlets: tuple[str, ...] = ("Northern Ledger",),
    claims: tuple[ClaimExtracted, ...] = (),
    conflicting: bool = False,
    title: str | None = None,
) -> IncidentUpdated:
    """An incident state last filed `minutes` after T0, with one merge per version."""
    articles = sorted({c.article_id for c in claims}) or [f"art_{incident_id}"]
    reports = [
        FigureReport(value=value, claimant=c.claimant.name, outlet=c.source, claim_id=c.claim_id, bound=Bound.exact,
                     published_at=c.published_at)
        for c, value in zip(claims, (3, 40), strict=False)
    ]
    return IncidentUpdated(
        incident_id=incident_id, version=version, event_type=event_type,
        title=title or f"{event_type.value} in {place}, {day}",
        locations=[IncidentLocation(name=place, country="Velland")], time=TimeRange(start=day, end=day),
        claim_ids=[c.claim_id for c in claims], article_ids=articles,
        sources=[SourceRef(outlet=o, claimant=o, origin=o.casefold()) for o in outlets],
        corroboration=len(outlets),
        figures=[Figure(unit="arrested", kind=FigureKind.arrested, reports=reports, conflicting=conflicting)]
        if reports else [],
        merges=[MergeReason(claim_id=f"clm_report_{v}", article_id=articles[min(v, len(articles)) - 1], score=0.8,
                            signals={"place": 1.0, "time": 1.0}) for v in range(1, version + 1)],
        first_seen=T0, last_seen=T0 + timedelta(minutes=minutes), first_reported=T0, last_reported=T0,
    )
