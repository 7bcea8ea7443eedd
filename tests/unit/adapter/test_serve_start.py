"""`claimwire run adapter` starting without a reachable Redis (no Redis needed)."""

import asyncio

import pytest
import redis.exceptions

from claimwire.adapter import serve
from claimwire.settings import Settings

UNREACHABLE = "redis://127.0.0.1:1/0"


async def test_the_adapter_gives_up_after_the_configured_time_with_a_clear_error(captured_logs):
    """With CLAIMWIRE_REDIS_RETRY_GIVE_UP_S the adapter retries, then fails naming the setting."""
    settings = Settings(
        redis_url=UNREACHABLE, redis_retry_initial_s=0.05, redis_retry_max_s=0.1, redis_retry_give_up_s=0.5
    )
    with pytest.raises(redis.exceptions.ConnectionError, match="REDIS_RETRY_GIVE_UP_S"):
        await asyncio.wait_for(serve(settings, asyncio.Event()), timeout=30)
    attempts = [e["attempt"] for e in captured_logs if e["event"] == "redis.unreachable"]
    assert len(attempts) >= 3 and attempts == list(range(1, len(attempts) + 1))


async def test_an_adapter_waiting_for_redis_stops_cleanly_on_request():
    """By default it never gives up; a stop request while waiting ends it without an error."""
    settings = Settings(redis_url=UNREACHABLE, redis_retry_initial_s=0.05)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop))
    await asyncio.sleep(0.5)
    assert not task.done()
    stop.set()
    await asyncio.wait_for(task, timeout=10)
