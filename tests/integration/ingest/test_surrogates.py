"""The ingest worker's input can carry a lone surrogate (any producer may XADD JSON with "\\ud800"): it is
repaired, not dead-lettered."""

import json

import pytest

from claimwire.ingest import ingest_stage
from claimwire.progress import wait_until_drained
from claimwire.runtime import start_components
from claimwire.streams import DATA_FIELD, read_events
from claimwire_contracts import ClaimExtracted

pytestmark = pytest.mark.redis


async def test_a_lone_surrogate_in_an_article_entry_is_replaced_and_the_article_extracted(settings, redis_client):
    """An article whose JSON text escapes half a UTF-16 pair is extracted with U+FFFD in its place."""
    text = "The army said on Tuesday that 12 drones were shot down over Kursk \\ud800 overnight."
    body = json.dumps({"article_id": "art_surrogate", "text": "PLACEHOLDER", "received_at": "2026-11-24T10:00:00Z"})
    await redis_client.xadd(settings.articles_stream, {DATA_FIELD: body.replace("PLACEHOLDER", text).encode()})
    broker = await start_components(settings, [ingest_stage(settings)])
    try:
        assert await wait_until_drained(redis_client, [(settings.articles_stream, settings.ingest_group)], timeout=30)
    finally:
        await broker.stop()
    assert 0 == await redis_client.xlen(settings.deadletter_stream)
    claims = [c for _, c in await read_events(redis_client, settings.claims_stream, ClaimExtracted)]
    assert ["art_surrogate"] == sorted({c.article_id for c in claims})
    assert any("Kursk \ufffd overnight" in c.text for c in claims)
