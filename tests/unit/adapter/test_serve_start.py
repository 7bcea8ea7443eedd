"""`claimwire run adapter` starting without a reachable Redis (no Redis needed)."""

import asyncio

import pytest
import redis.exceptions

from claimwire.adapter import serve
from claimwire.settings import Settings


async def test_the_adapter_fails_at_once_when_redis_is_unreachable():
    """Like ingest and dedup, the adapter reports an unreachable Redis at start instead of idling silently."""
    settings = Settings(redis_url="redis://127.0.0.1:1/0")
    with pytest.raises(redis.exceptions.ConnectionError):
        await asyncio.wait_for(serve(settings, asyncio.Event()), timeout=30)
