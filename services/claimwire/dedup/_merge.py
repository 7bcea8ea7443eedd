"""Folding an article (its report and claims) into an incident record: pure, deterministic, order-insensitive
where it can be."""

import hashlib
from datetime import datetime

from claimwire_contracts import (
    ClaimExtracted,
    EventType,
    IncidentLocation,
    IncidentUpdated,
    MergeReason,
    SourceRef,
    TimeRange,
    VerificationStatus,
)

from ._articles import ArticleUnit
from ._features import ClaimFeatures, claim_status, partition_tag
from ._figures import fold_figures
from ._text import fold

# The incident's type is the most telling type any of its reports has, so arrival order does not matter.
_TYPE_PRECEDENCE = [
    EventType.attack, EventType.interception, EventType.territorial_control, EventType.accident,
    EventType.casualties, EventType.damage, EventType.disruption, EventType.statement, EventType.other,
]
# A denial anywhere makes the incident disputed; a confirmation lifts unverified reports.
_STATUS_RANK = {
    VerificationStatus.unknown: 0, VerificationStatus.unverified: 1,
    VerificationStatus.confirmed: 2, VerificationStatus.disputed: 3,
}


def incident_id_for(features: ClaimFeatures) -> str:
    """Deterministic id of the incident an article opens (from its report's id); carries its partition tag so
    the record is findable from the id alone."""
    digest = hashlib.sha256(features.claim_id.encode()).hexdigest()[:16]
    return f"inc_{partition_tag(features.anchor)}_{digest}"


def _title(event_type: EventType, locations: list[IncidentLocation], time: TimeRange, headline: str) -> str:
    label = event_type.value.replace("_", " ").capitalize()
    if locations:
        where = locations[0].name + (f" ({locations[0].admin1})" if locations[0].admin1 else "")
        when = f", {time.start.isoformat()}" if time.start else ""
        return f"{label} in {where}{when}"
    snippet = " ".join(headline.split())
    return f"{label}: {snippet[:77]}..." if len(snippet) > 80 else f"{label}: {snippet}"


def _sources(sources: list[SourceRef], unit: ArticleUnit, origin: str) -> list[SourceRef]:
    """The sources with the article's: its outlet's own reporting (origin: the agency it copies, if any)
    and each claimant it quotes; a claimant's claims are listed under it."""
    out = list(sources)
    outlet = unit.report.source
    own = unit.report.claimant.name
    by_claimant: dict[str, list[str]] = {own: []}
    for claim in unit.claims:
        by_claimant.setdefault(claim.claimant.name, []).append(claim.claim_id)
    # Where each (outlet, claimant, origin) is listed first: one pass over the incident's sources, not one per
    # claimant of the article (a large incident lists hundreds).
    listed: dict[tuple[str | None, str, str | None], int] = {}
    for index, ref in enumerate(out):
        listed.setdefault((ref.outlet, ref.claimant, ref.origin), index)
    for claimant, claim_ids in by_claimant.items():
        at = listed.get((outlet, claimant, origin))
        if at is not None:
            ref = out[at]
            out[at] = ref.model_copy(update={"claim_ids": [*ref.claim_ids, *claim_ids]})
        else:
            out.append(SourceRef(outlet=outlet, claimant=claimant, origin=origin, claim_ids=claim_ids))
    return out


def corroboration(sources: list[SourceRef]) -> int:
    """Independent outlets among `sources`: distinct origins of the outlets' reporting. An article's origin is
    its outlet, or the agency whose story it republishes (a wire copy counts once, as the agency's). An outlet
    that credits another outlet of this incident ("as reported by Northwire Agency", Northwire reporting
    here too) counts as that outlet for all its reports. Quoted claimants are not outlets: a ministry quoted
    by three papers adds nothing to the three."""
    outlets = {fold(ref.outlet) for ref in sources if ref.outlet is not None}
    credited: dict[str, str] = {}
    for ref in sources:
        if ref.outlet is not None and ref.origin in outlets and ref.origin != fold(ref.outlet):
            credited.setdefault(ref.outlet, ref.origin)
    origins = set()
    for ref in sources:
        origins.add(credited.get(ref.outlet, ref.origin) if ref.outlet else ref.origin)
    return len(origins)


def _locations(locations: list[IncidentLocation], claims: tuple[ClaimExtracted, ...]) -> list[IncidentLocation]:
    out = list(locations)
    known = {loc.name for loc in out}
    for claim in claims:
        for loc in claim.locations:
            if loc.name not in known:
                known.add(loc.name)
                out.append(IncidentLocation(name=loc.name, country=loc.country, admin1=loc.admin1))
    return out


def _time(time: TimeRange, features: ClaimFeatures) -> TimeRange:
    """The incident's days with the article's: the day its claims say the story happened on, else its
    publication day (`unit_features`)."""
    if features.days is None:
        return time
    start, end = features.days if features.dated else (features.days[1], features.days[1])
    return TimeRange(start=min(start, time.start) if time.start else start,
                     end=max(end, time.end) if time.end else end)


def _bounds(first: datetime | None, last: datetime | None, at: datetime | None) -> tuple[datetime | None, ...]:
    if at is None:
        return first, last
    return (min(first, at) if first else at), (max(last, at) if last else at)


def merge(
    state: IncidentUpdated | None,
    unit: ArticleUnit,
    features: ClaimFeatures,
    reason: MergeReason,
    seen_at: datetime,
) -> IncidentUpdated:
    """The incident after the article `unit` (its report and all its claims) joins it, or opens it when
    `state` is None; version + 1. An article already in the incident leaves it unchanged, version included.
    """
    if state is not None and unit.article_id in state.article_ids:
        return state
    event_type = features.event_type
    if state is not None:
        event_type = min(state.event_type, event_type, key=_TYPE_PRECEDENCE.index)
    statuses = [state.verification if state else VerificationStatus.unknown, features.verification]
    statuses += [claim_status(c) for c in unit.claims]
    locations = _locations(state.locations if state else [], unit.claims)
    time = _time(state.time if state else TimeRange(), features)
    sources = _sources(state.sources if state else [], unit, features.origin)
    figures = fold_figures(state.figures if state else [], *unit.claims)
    headline = state.title.partition(": ")[2] if state else (unit.title or unit.report.text.split("\n", 1)[0])
    first_reported, last_reported = _bounds(state.first_reported if state else None,
                                            state.last_reported if state else None, unit.report.published_at)
    return IncidentUpdated(
        incident_id=state.incident_id if state else incident_id_for(features),
        version=(state.version if state else 0) + 1,
        event_type=event_type,
        title=_title(event_type, locations, time, headline),
        locations=locations,
        time=time,
        claim_ids=[*(state.claim_ids if state else []), *(c.claim_id for c in unit.claims)],
        article_ids=sorted({*(state.article_ids if state else []), unit.article_id}),
        sources=sources,
        corroboration=corroboration(sources),
        figures=figures,
        verification=max(statuses, key=_STATUS_RANK.__getitem__),
        merges=[*(state.merges if state else []), reason],
        first_seen=min(state.first_seen, seen_at) if state else seen_at,
        last_seen=max(state.last_seen, seen_at) if state else seen_at,
        first_reported=first_reported,
        last_reported=last_reported,
        changed_by=unit.report.claim_id,
    )
