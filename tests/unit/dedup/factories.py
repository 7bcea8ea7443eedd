"""Hand-built claims for the dedup unit tests."""

from datetime import date, datetime
from typing import Any

from claimwire_contracts import ClaimExtracted, Span, make_claim_id


def claim(
    text: str,
    *,
    article: str = "art_1",
    outlet: str = "Kyiv Ledger",
    claimant: str = "regional governor",
    kind: str = "government",
    cue: str | None = "said",
    event_type: str = "attack",
    places: tuple[tuple[str, str | None], ...] = (("Kharkiv", "Kharkiv region"),),
    figures: tuple[tuple[float, str], ...] = (),
    day: str | None = "2026-11-10",
    published: str = "2026-11-10T12:00:00+00:00",
    status: str = "unknown",
    start: int = 0,
) -> ClaimExtracted:
    """A valid claim with the given content; offsets are consistent within the claim."""
    span = Span(start=start, end=start + len(text))
    data: dict[str, Any] = {
        "claim_id": make_claim_id(article, span),
        "article_id": article,
        "source": outlet,
        "published_at": datetime.fromisoformat(published),
        "span": span,
        "text": text,
        "claimant": {"name": claimant, "kind": kind},
        "cue": {"text": cue, "span": {"start": 0, "end": len(cue)}} if cue else None,
        "event_type": event_type,
        "locations": [
            {"name": name, "mention": name, "admin1": admin1, "span": {"start": 0, "end": len(name)}}
            for name, admin1 in places
        ],
        "quantities": [
            {"value": value, "unit": unit, "text": f"{value:g}", "span": {"start": 0, "end": 1}}
            for value, unit in figures
        ],
        "time": {"text": "on Monday", "start": date.fromisoformat(day), "end": date.fromisoformat(day)}
        if day
        else None,
        "verification": {"status": status},
    }
    return ClaimExtracted.model_validate(data)
