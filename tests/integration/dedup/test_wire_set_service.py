"""The wire set (tests/data/dedup/wire_set.py) through the real pipeline on Redis: articles stream -> ingest ->
extracted stream -> dedup -> incidents stream, ending with one incident per real incident."""

import pytest
from redis.asyncio import Redis

from claimwire.components import components_for
from claimwire.progress import wait_until_drained
from claimwire.runtime import start_components
from claimwire.streams import publish_all, read_events
from claimwire_contracts import ClaimExtracted
from tests.data.dedup.wire_set import articles, gold_partition

from .helpers import incident_events, latest

pytestmark = [pytest.mark.redis, pytest.mark.slow]


async def test_service_ledger_holds_one_incident_per_real_incident(settings, redis_client: Redis):
    """Fed on the articles stream in publication order, the ledger's incidents list exactly the readers' groups,
    and their claim lists hold exactly the claims ingest published (no article's own report among them)."""
    feed = articles()
    components = [*components_for("ingest", settings), *components_for("dedup", settings)]
    broker = await start_components(settings, components)
    try:
        await publish_all(redis_client, [(settings.articles_stream, a, a.article_id) for a in feed], maxlen=None)
        groups = [(settings.articles_stream, settings.ingest_group), (settings.extracted_stream, settings.dedup_group)]
        assert await wait_until_drained(redis_client, groups, timeout=60)
    finally:
        await broker.stop()

    incidents = latest(await incident_events(redis_client, settings)).values()
    expected = sorted(tuple(sorted(group)) for group in gold_partition())
    assert expected == sorted(tuple(sorted(incident.article_ids)) for incident in incidents)
    claims = [c.claim_id for _, c in await read_events(redis_client, settings.claims_stream, ClaimExtracted)]
    assert sorted(claims) == sorted(c for incident in incidents for c in incident.claim_ids)
