"""The desk's pure core: what an incident is indexed under, its list card, and its timeline entries.

No I/O here: the store writes what these functions compute, the pages render it.
"""

import re
from datetime import date, datetime, timedelta

from pydantic import BaseModel, Field

from claimwire_contracts import EventType, Figure, IncidentUpdated, TimeRange, VerificationStatus

#: An incident is indexed under at most this many days (a long-running story stays findable by its first ones).
MAX_INDEXED_DAYS = 62
FACETS = ("type", "place", "day", "outlet", "word")
_WORD = re.compile(r"\w+")
_STOPWORDS = frozenset("the of in on at to and or by for from with an as is was were".split())


class IncidentSummary(BaseModel):
    """One incident as the list shows it: enough to render a row and to filter, without its claims."""

    incident_id: str
    version: int
    title: str
    event_type: EventType
    places: list[str] = Field(default_factory=list)
    """Place names, as the incident gives them."""
    days: TimeRange = Field(default_factory=TimeRange)
    """Days the reports place it in."""
    outlets: list[str] = Field(default_factory=list)
    """Distinct outlets that carried a report, in order of appearance."""
    corroboration: int
    verification: VerificationStatus
    article_ids: list[str] = Field(default_factory=list)
    claims: int
    """Number of claims filed under it."""
    figures: list[Figure] = Field(default_factory=list)
    conflicting: bool
    """True when any figure has conflicting reports."""
    updated: datetime
    """When its latest article was filed (`last_seen`): the list's order."""
    last_reported: datetime | None = None


class TimelineEntry(BaseModel):
    """What one version of an incident looked like, as far as the desk saw it."""

    version: int
    filed_at: datetime
    changed_by: str | None = None
    articles: int
    claims: int
    corroboration: int
    verification: VerificationStatus
    conflicting: int
    """Figures with conflicting reports at this version."""


def norm(value: str) -> str:
    """A facet value as indexed and as looked up: case-folded, single-spaced."""
    return " ".join(value.casefold().split())


def words(text: str) -> list[str]:
    """The search words of `text`: case-folded word characters, without one-letter words and stopwords."""
    return [w for w in _WORD.findall(text.casefold()) if len(w) > 1 and w not in _STOPWORDS]


def outlets_of(incident: IncidentUpdated) -> list[str]:
    """Distinct outlets of the incident's sources, in order of appearance."""
    return list(dict.fromkeys(s.outlet for s in incident.sources if s.outlet))


def days_of(incident: IncidentUpdated) -> list[date]:
    """The days an incident is filed under: its event days, else the day it was first reported or seen."""
    start = incident.time.start or incident.time.end
    end = incident.time.end or start
    if start is None or end is None:
        first = incident.first_reported or incident.first_seen
        return [first.date()]
    count = min((end - start).days + 1, MAX_INDEXED_DAYS)
    return [start + timedelta(days=i) for i in range(max(count, 1))]


def facets(incident: IncidentUpdated) -> list[tuple[str, str]]:
    """Every (facet, value) the incident is found under: its type, places, days, outlets and words."""
    found: dict[tuple[str, str], None] = {("type", incident.event_type.value): None}
    text = [incident.title, incident.event_type.value.replace("_", " ")]
    for location in incident.locations:
        for name in (location.name, location.admin1, location.country):
            if name:
                found[("place", norm(name))] = None
                text.append(name)
    found.update({("day", day.isoformat()): None for day in days_of(incident)})
    for outlet in outlets_of(incident):
        found[("outlet", norm(outlet))] = None
    text += [s.outlet or "" for s in incident.sources] + [s.claimant for s in incident.sources]
    text += [f.unit for f in incident.figures]
    found.update({("word", w): None for w in words(" ".join(text))})
    return list(found)


def summary(incident: IncidentUpdated) -> IncidentSummary:
    """The list card of an incident."""
    return IncidentSummary(
        incident_id=incident.incident_id,
        version=incident.version,
        title=incident.title,
        event_type=incident.event_type,
        places=[loc.name for loc in incident.locations],
        days=incident.time,
        outlets=outlets_of(incident),
        corroboration=incident.corroboration,
        verification=incident.verification,
        article_ids=incident.article_ids,
        claims=len(incident.claim_ids),
        figures=incident.figures,
        conflicting=any(f.conflicting for f in incident.figures),
        updated=incident.last_seen,
        last_reported=incident.last_reported,
    )


def timeline_entry(incident: IncidentUpdated) -> TimelineEntry:
    """The timeline entry of the version `incident` is."""
    return TimelineEntry(
        version=incident.version,
        filed_at=incident.last_seen,
        changed_by=incident.changed_by,
        articles=len(incident.article_ids),
        claims=len(incident.claim_ids),
        corroboration=incident.corroboration,
        verification=incident.verification,
        conflicting=sum(f.conflicting for f in incident.figures),
    )


class Filters(BaseModel):
    """What the list is narrowed to; every filter given must match (words: every word)."""

    event_type: EventType | None = None
    place: str | None = None
    day: date | None = None
    outlet: str | None = None
    q: str | None = None

    def facets(self) -> list[tuple[str, str]]:
        """The (facet, value) pairs an incident must all be indexed under."""
        wanted: list[tuple[str, str]] = []
        if self.event_type is not None:
            wanted.append(("type", self.event_type.value))
        if self.place:
            wanted.append(("place", norm(self.place)))
        if self.day is not None:
            wanted.append(("day", self.day.isoformat()))
        if self.outlet:
            wanted.append(("outlet", norm(self.outlet)))
        wanted += [("word", w) for w in dict.fromkeys(words(self.q or ""))]
        return wanted

    def query(self) -> dict[str, str]:
        """The filters as URL query parameters (only those set)."""
        values = {
            "type": self.event_type.value if self.event_type else None,
            "place": self.place,
            "day": self.day.isoformat() if self.day else None,
            "outlet": self.outlet,
            "q": self.q,
        }
        return {k: v for k, v in values.items() if v}
