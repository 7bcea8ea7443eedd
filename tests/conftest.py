"""Fixtures shared by every tier: a real Redis and settings isolated by a fresh key prefix."""

import io
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import redis
import redis.asyncio as aioredis
from structlog.testing import capture_logs

from claimwire.logs import configure_logging
from claimwire.settings import Settings
from tests.support.redis_server import redis_for_tests

REPO = Path(__file__).resolve().parent.parent
# ../shared sits beside the main checkout; a worktree (/work/wt/<name>) finds it one directory further up.
SHARED = next((d / "shared" for d in REPO.parents if (d / "shared").is_dir()), REPO.parent / "shared")
SEED_ARTICLE = SHARED / "seeds" / "000_f6d8031f7ba4c74a.txt"


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """URL of a real Redis (REDIS_URL, a testcontainer, or a private redis-server)."""
    with redis_for_tests() as url:
        yield url


@pytest.fixture
def settings(redis_url: str) -> Iterator[Settings]:
    """Settings on the test Redis under a key prefix no other test uses; the prefix's keys go afterwards
    (also for tests that write through the CLI and never take `redis_client`)."""
    test_settings = Settings(
        redis_url=redis_url,
        key_prefix=f"cwtest-{uuid.uuid4().hex[:12]}",
        consumer_name="test-consumer",
        poll_interval_ms=20,
        reclaim_idle_ms=500,
        log_format="json",
    )
    yield test_settings
    with redis.Redis.from_url(redis_url) as client:
        for key in client.scan_iter(match=f"{test_settings.key_prefix}:*", count=1000):
            client.delete(key)


@pytest.fixture
async def redis_client(settings: Settings) -> AsyncIterator[aioredis.Redis]:
    """A raw client on the test Redis; deletes the test's keys afterwards."""
    client = aioredis.Redis.from_url(settings.url)
    yield client
    async for key in client.scan_iter(match=f"{settings.key_prefix}*", count=1000):
        await client.delete(key)
    await client.aclose()


@pytest.fixture
def captured_logs() -> Iterator[list[dict[str, object]]]:
    """Every structlog line from debug up, as event dicts. capture_logs alone keeps the level filter of
    whatever configured logging last (a CLI test may have left it at error)."""
    configure_logging(Settings(log_level="debug", log_format="json"), stream=io.StringIO())
    with capture_logs() as logs:
        yield logs
