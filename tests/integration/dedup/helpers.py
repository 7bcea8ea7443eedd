"""Shared steps of the dedup integration tests: feeding claims, waiting, reading incidents."""

import json
from pathlib import Path

from redis.asyncio import Redis

from claimwire.progress import wait_until_drained
from claimwire.settings import Settings
from claimwire.streams import publish_all, read_events
from claimwire_contracts import ClaimExtracted, IncidentUpdated

DATA = Path(__file__).resolve().parents[2] / "data" / "dedup" / "claims.jsonl"


def eval_claims() -> tuple[list[ClaimExtracted], dict[str, str]]:
    """The hand-written evaluation claims and their gold incident labels."""
    rows = [json.loads(line) for line in DATA.read_text().splitlines()]
    return [ClaimExtracted.model_validate(r) for r in rows], {r["claim_id"]: r["gold"] for r in rows}


async def feed_claims(client: "Redis", settings: Settings, claims: list[ClaimExtracted]) -> None:
    """Publish claims on the claims stream the way the ingest worker does."""
    await publish_all(client, [(settings.claims_stream, c, c.claim_id) for c in claims], maxlen=None)


async def drained(client: "Redis", settings: Settings, timeout: float = 30) -> None:
    """Wait until the dedup group has finished every claim."""
    assert await wait_until_drained(client, [(settings.claims_stream, settings.dedup_group)], timeout=timeout)


async def incident_events(client: "Redis", settings: Settings) -> list[IncidentUpdated]:
    """Every IncidentUpdated on the incidents stream, in stream order."""
    return [event for _, event in await read_events(client, settings.incidents_stream, IncidentUpdated)]


def latest(events: list[IncidentUpdated]) -> dict[str, IncidentUpdated]:
    """The highest version of each incident."""
    out: dict[str, IncidentUpdated] = {}
    for event in events:
        if event.incident_id not in out or event.version > out[event.incident_id].version:
            out[event.incident_id] = event
    return out
