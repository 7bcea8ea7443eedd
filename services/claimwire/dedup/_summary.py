"""The matching view of an incident: what a new claim is compared with. Stored next to the incident."""

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ._features import ClaimFeatures

#: A number token that reads as a year.
YEAR = re.compile(r"#(?:19[5-9]\d|20[0-4]\d)")

#: Members kept for claim-to-claim comparison; the newest win (an incident's wording drifts as it unfolds).
MAX_MEMBERS = 12


@dataclass
class Member:
    """One claim of the incident as the matcher sees it."""

    claim_id: str
    article_id: str
    tokens: frozenset[str]
    entities: frozenset[str]

    @functools.cached_property
    def years(self) -> frozenset[str]:
        """The number tokens that read as a year (1950-2049), counts among them included."""
        return frozenset(t for t in self.tokens if len(t) == 5 and YEAR.fullmatch(t))

    @functools.cached_property
    def stored(self) -> list[str]:
        """The member as `IncidentSummary.to_json` writes it (made once: the same members are written again
        with every article that joins the incident)."""
        return [self.claim_id, self.article_id, " ".join(sorted(self.tokens)), " ".join(sorted(self.entities))]


@dataclass
class IncidentSummary:
    """Event types, places, days, figures and recent members of an incident."""

    incident_id: str
    version: int = 0
    types: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    days: tuple[date, date] | None = None
    figures: dict[str, set[float]] = field(default_factory=dict)
    members: list[Member] = field(default_factory=list)

    def add(self, claim: ClaimFeatures) -> None:
        """Fold `claim` into the summary."""
        self.version += 1
        self.types.add(claim.event_type.value)
        self.kinds |= claim.kinds
        self.places |= claim.places
        self.regions |= claim.regions
        if claim.days is not None:
            start, end = claim.days
            self.days = (min(start, self.days[0]), max(end, self.days[1])) if self.days else (start, end)
        for unit, value in claim.figures:
            self.figures.setdefault(unit, set()).add(value)
        self.members.append(Member(claim.claim_id, claim.article_id, claim.tokens, claim.entities))
        del self.members[:-MAX_MEMBERS]

    def copy(self) -> "IncidentSummary":
        """An independent copy to fold a claim into; members are shared (never changed once made), so what is
        known about each (`Member.years`) is not worked out again."""
        return IncidentSummary(
            incident_id=self.incident_id,
            version=self.version,
            types=set(self.types),
            kinds=set(self.kinds),
            places=set(self.places),
            regions=set(self.regions),
            days=self.days,
            figures={unit: set(values) for unit, values in self.figures.items()},
            members=list(self.members),
        )

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form (sorted, so equal summaries serialise equally)."""
        return {
            "id": self.incident_id,
            "v": self.version,
            "types": sorted(self.types),
            "kinds": sorted(self.kinds),
            "places": sorted(self.places),
            "regions": sorted(self.regions),
            "days": [d.isoformat() for d in self.days] if self.days else None,
            "figures": {unit: sorted(values) for unit, values in sorted(self.figures.items())},
            # Words joined by spaces (no word holds one): every candidate's members are parsed per article, and
            # splitting a string is several times cheaper than decoding a JSON list of strings.
            "members": [m.stored for m in self.members],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "IncidentSummary":
        """Inverse of `to_json`."""
        days = data.get("days")
        return cls(
            incident_id=data["id"],
            version=data["v"],
            types=set(data["types"]),
            kinds=set(data.get("kinds", ())),
            places=set(data["places"]),
            regions=set(data["regions"]),
            days=(date.fromisoformat(days[0]), date.fromisoformat(days[1])) if days else None,
            figures={unit: set(values) for unit, values in data["figures"].items()},
            members=[_member(*stored) for stored in data["members"]],
        )


def _member(claim_id: str, article_id: str, tokens: str | list[str], entities: str | list[str]) -> Member:
    member = Member(claim_id, article_id, frozenset(_words(tokens)), frozenset(_words(entities)))
    if isinstance(tokens, str) and isinstance(entities, str):
        # Read as written (sorted and joined): written again as it is.
        member.__dict__["stored"] = [claim_id, article_id, tokens, entities]
    return member


def _words(stored: str | list[str]) -> list[str]:
    # Summaries written before words were joined hold JSON lists.
    return stored.split() if isinstance(stored, str) else stored
