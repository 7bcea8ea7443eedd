"""Folding a claim into an incident record: pure, deterministic, order-insensitive where it can be."""

import hashlib
from datetime import datetime

from claimwire_contracts import (
    ClaimExtracted,
    EventType,
    Figure,
    IncidentLocation,
    IncidentUpdated,
    MergeReason,
    SourceRef,
    TimeRange,
    VerificationStatus,
)

from ._features import ClaimFeatures, partition_tag
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
    """Deterministic id of the incident a claim opens; carries its partition tag so the record is findable."""
    digest = hashlib.sha256(features.claim_id.encode()).hexdigest()[:16]
    return f"inc_{partition_tag(features.anchor)}_{digest}"


def _title(event_type: EventType, locations: list[IncidentLocation], time: TimeRange, text: str) -> str:
    label = event_type.value.replace("_", " ").capitalize()
    if locations:
        where = locations[0].name + (f" ({locations[0].admin1})" if locations[0].admin1 else "")
        when = f", {time.start.isoformat()}" if time.start else ""
        return f"{label} in {where}{when}"
    snippet = " ".join(text.split())
    return f"{label}: {snippet[:77]}..." if len(snippet) > 80 else f"{label}: {snippet}"


def _sources(sources: list[SourceRef], claim: ClaimExtracted, origin: str) -> list[SourceRef]:
    out = list(sources)
    for index, ref in enumerate(out):
        if (ref.outlet, ref.claimant, ref.origin) == (claim.source, claim.claimant.name, origin):
            out[index] = ref.model_copy(update={"claim_ids": [*ref.claim_ids, claim.claim_id]})
            return out
    return [*out, SourceRef(outlet=claim.source, claimant=claim.claimant.name, origin=origin,
                            claim_ids=[claim.claim_id])]


def corroboration(sources: list[SourceRef]) -> int:
    """Independent outlets among `sources`: distinct origins, where an outlet that credits another outlet of
    this incident ("as reported by Northwire Agency", Northwire reporting here too) counts as that outlet for
    all its reports, so its other sentences of the copied story are not independent reporting. Quoting a
    source that is not itself an outlet of the incident ("State TV said") collapses nothing."""
    outlets = {fold(ref.outlet) for ref in sources if ref.outlet is not None}
    credited: dict[str, str] = {}
    for ref in sources:
        if ref.outlet is not None and ref.origin in outlets and ref.origin != fold(ref.outlet):
            credited.setdefault(ref.outlet, ref.origin)
    return len({credited.get(ref.outlet, ref.origin) if ref.outlet else ref.origin for ref in sources})


def _figures(figures: list[Figure], claim: ClaimExtracted) -> list[Figure]:
    return fold_figures(figures, claim)


def _locations(locations: list[IncidentLocation], claim: ClaimExtracted) -> list[IncidentLocation]:
    out = list(locations)
    known = {loc.name for loc in out}
    for loc in claim.locations:
        if loc.name not in known:
            known.add(loc.name)
            out.append(IncidentLocation(name=loc.name, country=loc.country, admin1=loc.admin1))
    return out


def _time(time: TimeRange, features: ClaimFeatures, claim: ClaimExtracted) -> TimeRange:
    if claim.time is None or claim.time.start is None:
        if time.start is None and features.days is not None:
            return TimeRange(start=features.days[1], end=features.days[1])
        return time
    start, end = claim.time.start, claim.time.end or claim.time.start
    return TimeRange(start=min(start, time.start) if time.start else start,
                     end=max(end, time.end) if time.end else end)


def merge(
    state: IncidentUpdated | None,
    claim: ClaimExtracted,
    features: ClaimFeatures,
    reason: MergeReason,
    seen_at: datetime,
) -> IncidentUpdated:
    """The incident after `claim` joins it (or opens it when `state` is None); version + 1.

    A claim already in the incident leaves it unchanged, version included.
    """
    if state is not None and claim.claim_id in state.claim_ids:
        return state
    event_type = features.event_type
    if state is not None:
        event_type = min(state.event_type, event_type, key=_TYPE_PRECEDENCE.index)
    previous = state.verification if state else VerificationStatus.unknown
    verification = max(previous, features.verification, key=_STATUS_RANK.__getitem__)
    locations = _locations(state.locations if state else [], claim)
    time = _time(state.time if state else TimeRange(), features, claim)
    sources = _sources(state.sources if state else [], claim, features.origin)
    first_text = claim.text if state is None else state.title.partition(": ")[2] or claim.text
    return IncidentUpdated(
        incident_id=state.incident_id if state else incident_id_for(features),
        version=(state.version if state else 0) + 1,
        event_type=event_type,
        title=_title(event_type, locations, time, first_text),
        locations=locations,
        time=time,
        claim_ids=[*(state.claim_ids if state else []), claim.claim_id],
        article_ids=sorted({*(state.article_ids if state else []), claim.article_id}),
        sources=sources,
        corroboration=corroboration(sources),
        figures=_figures(state.figures if state else [], claim),
        verification=verification,
        merges=[*(state.merges if state else []), reason],
        first_seen=min(state.first_seen, seen_at) if state else seen_at,
        last_seen=max(state.last_seen, seen_at) if state else seen_at,
        changed_by=claim.claim_id,
    )
