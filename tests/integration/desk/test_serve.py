"""The desk served over HTTP: live changes as server-sent events, and the `claimwire desk` command."""

import asyncio
import contextlib
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator

import httpx
import pytest

from claimwire.desk import serve_desk
from claimwire.embedded import free_port
from claimwire.settings import Settings
from tests.support.desk import incident

from .conftest import Publish

pytestmark = pytest.mark.redis


@contextlib.asynccontextmanager
async def served(settings: Settings) -> AsyncIterator[str]:
    """The desk on a free loopback port for the duration of the block; yields its base URL."""
    port, stop, started = free_port(), asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(serve_desk(settings, "127.0.0.1", port, stop=stop, announce=lambda _: started.set()))
    await asyncio.wait_for(started.wait(), 20)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)


async def test_a_new_version_reaches_an_open_page_as_a_server_sent_event(settings: Settings, publish: Publish):
    """A page following /events gets `ready`, then one `incident` event (id, version) per version applied."""
    async with (
        served(settings) as url,
        httpx.AsyncClient(base_url=url, timeout=20) as client,
        client.stream("GET", "/events") as events,
    ):
        assert events.headers["content-type"].startswith("text/event-stream")
        lines = events.aiter_lines()
        assert "event: ready" == await anext(lines)
        await publish([incident("live-1", version=1)])
        seen: list[str] = []
        async for line in lines:
            seen.append(line)
            if not line and any("live-1" in s for s in seen):
                break
        assert "event: incident" in seen and any(line.startswith("id: ") for line in seen)
        assert any(s.startswith("data:") and '"version":1' in s.replace(" ", "") for s in seen)


async def test_a_reconnecting_page_gets_what_it_missed(settings: Settings, publish: Publish):
    """With Last-Event-ID the stream starts after that change, so versions applied meanwhile are not lost."""
    async with served(settings) as url, httpx.AsyncClient(base_url=url, timeout=20) as client:
        await publish([incident("a", version=1)])
        await publish([incident("a", version=2), incident("b", version=1)])
        headers = {"Last-Event-ID": "0-0"}
        async with client.stream("GET", "/events", headers=headers) as events:
            data = []
            async for line in events.aiter_lines():
                if line.startswith("data:") and "incident_id" in line:
                    data.append(line)
                if len(data) == 3:
                    break
    assert ['"a"', '"a"', '"b"'] == [d.split('"incident_id":')[1].split(",")[0].strip() for d in data]


def test_claimwire_desk_serves_until_sigterm_and_exits_0(settings: Settings):
    """`claimwire desk --port P` answers /readyz, then stops gracefully on SIGTERM with exit code 0."""
    port = free_port()
    env = {**os.environ, "REDIS_URL": settings.url, "CLAIMWIRE_KEY_PREFIX": settings.key_prefix}
    process = subprocess.Popen(
        [sys.executable, "-m", "claimwire", "desk", "--port", str(port)], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                    break
            assert time.monotonic() < deadline and process.poll() is None, "the desk did not become ready"
            time.sleep(0.2)
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert 0 == process.returncode, stderr[-2000:]
    assert f"desk: http://127.0.0.1:{port}/" in stderr


async def test_many_open_pages_share_one_redis_read(settings: Settings, publish: Publish):
    """120 open live pages (more than a Redis connection pool holds) all get a change, and the API still answers."""
    limits = httpx.Limits(max_connections=200)
    async with (
        served(settings) as url,
        httpx.AsyncClient(base_url=url, timeout=20, limits=limits) as client,
        contextlib.AsyncExitStack() as stack,
    ):
        pages = [await stack.enter_async_context(client.stream("GET", "/events")) for _ in range(120)]
        lines = [page.aiter_lines() for page in pages]
        assert all([await anext(line) == "event: ready" for line in lines])
        await publish([incident("busy", version=1)])
        assert 200 == (await client.get("/api/incidents")).status_code

        async def gets_the_change(page_lines: AsyncIterator[str]) -> bool:
            async for line in page_lines:
                if line.startswith("data:") and "busy" in line:
                    return True
            return False

        assert all(await asyncio.gather(*(gets_the_change(line) for line in lines)))
