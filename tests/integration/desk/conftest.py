"""A desk app on the test Redis, consuming while the test runs, and a way to publish what it should receive."""

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence

import httpx
import pytest
from redis.asyncio import Redis

from claimwire.desk import build_app
from claimwire.progress import wait_until_drained
from claimwire.settings import Settings
from claimwire.streams import publish_all
from claimwire_contracts import ArticleReceived, ClaimExtracted, Contract, IncidentUpdated

Publish = Callable[[Sequence[Contract]], Awaitable[None]]


@pytest.fixture
async def desk(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on a running desk (its lifespan started: consumer groups created, subscribers reading)."""
    app = build_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://desk") as client:
            yield client


@pytest.fixture
def publish(settings: Settings, redis_client: Redis) -> Publish:
    """Publish events on their streams as the pipeline does, then wait until the desk has read them all."""
    streams: dict[type[Contract], str] = {
        IncidentUpdated: settings.incidents_stream,
        ClaimExtracted: settings.claims_stream,
        ArticleReceived: settings.articles_stream,
    }

    async def send(events: Sequence[Contract]) -> None:
        await publish_all(redis_client, [(streams[type(e)], e, "test") for e in events], maxlen=None)
        groups = [(stream, settings.desk_group) for stream in streams.values()]
        assert await wait_until_drained(redis_client, groups, timeout=20, settle=0.05)

    return send
