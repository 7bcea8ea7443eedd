"""The demo: the whole pipeline in one process on the sample articles, then a summary."""

import uuid
from dataclasses import dataclass
from pathlib import Path

from redis.asyncio import Redis

from claimwire_contracts import ArticleReceived, ClaimExtracted, DeadLetter, IncidentUpdated

from .components import components_for
from .progress import wait_until_drained
from .runtime import start_components
from .settings import Settings
from .streams import read_events


def default_seeds() -> Path:
    """The sample articles: ./seeds, else the repository's seeds/ (a source checkout), else the image's."""
    candidates = [Path.cwd() / "seeds", Path(__file__).resolve().parents[2] / "seeds", Path("/app/seeds")]
    return next((path for path in candidates if path.is_dir()), candidates[1])


@dataclass(frozen=True)
class DemoResult:
    """What the demo run produced, read back from the streams."""

    articles: list[ArticleReceived]
    claims: list[ClaimExtracted]
    incidents: list[IncidentUpdated]
    dead_letters: list[DeadLetter]

    def counts(self) -> dict[str, int]:
        """The figures `claimwire demo --json` prints."""
        return {
            "articles": len(self.articles),
            "claims": len(self.claims),
            "incidents": len(self.incidents),
            "dead_letters": len(self.dead_letters),
        }


def demo_settings(settings: Settings, shared_redis: bool) -> Settings:
    """On a Redis the user gave, the demo works under a key prefix of its own, so it never meets real data."""
    if not shared_redis:
        return settings
    return settings.model_copy(update={"key_prefix": f"{settings.key_prefix}-demo-{uuid.uuid4().hex[:8]}"})


async def run_demo(settings: Settings, seeds: list[str], timeout: float = 120.0) -> DemoResult:
    """Start ingest and dedup in-process, feed `seeds`, wait until both groups are drained, read results."""
    from .adapter import feed_paths

    broker = await start_components(settings, [*components_for("ingest", settings), *components_for("dedup", settings)])
    client: Redis = Redis.from_url(settings.url)
    try:
        await feed_paths(settings, seeds, force=True)
        drained = await wait_until_drained(
            client,
            [
                (settings.articles_stream, settings.ingest_group),
                (settings.extracted_stream, settings.dedup_group),
            ],
            timeout=timeout,
        )
        if not drained:
            raise TimeoutError(f"the pipeline did not finish the sample articles within {timeout:.0f} s")
        return DemoResult(
            articles=[a for _, a in await read_events(client, settings.articles_stream, ArticleReceived)],
            claims=[c for _, c in await read_events(client, settings.claims_stream, ClaimExtracted)],
            incidents=_latest_versions(
                [i for _, i in await read_events(client, settings.incidents_stream, IncidentUpdated)]
            ),
            dead_letters=[d for _, d in await read_events(client, settings.deadletter_stream, DeadLetter)],
        )
    finally:
        await broker.stop()
        await client.aclose()


async def delete_keys(settings: Settings) -> None:
    """Remove every key of this deployment's prefix (the demo's own, on a shared Redis)."""
    client: Redis = Redis.from_url(settings.url)
    try:
        async for key in client.scan_iter(match=f"{settings.key_prefix}:*", count=1000):
            await client.delete(key)
    finally:
        await client.aclose()


def _latest_versions(updates: list[IncidentUpdated]) -> list[IncidentUpdated]:
    latest: dict[str, IncidentUpdated] = {}
    for update in updates:
        if update.incident_id not in latest or update.version > latest[update.incident_id].version:
            latest[update.incident_id] = update
    return sorted(latest.values(), key=lambda i: (-len(i.claim_ids), i.incident_id))
