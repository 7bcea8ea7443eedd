"""/healthz, /readyz and /metrics of every service, run in-process against a real Redis."""

import asyncio
import contextlib
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest

from claimwire.adapter import serve as serve_adapter
from claimwire.components import components_for
from claimwire.embedded import free_port
from claimwire.extraction import extract_claims
from claimwire.progress import wait_until_drained
from claimwire.runtime import serve
from claimwire.settings import Settings
from claimwire.streams import ensure_group
from tests.integration.ingest.test_ingest_worker import publish_articles
from tests.support.articles import sample_articles

pytestmark = pytest.mark.redis

Service = Callable[[Settings, asyncio.Event], Awaitable[None]]


def consumer(name: str) -> Service:
    async def run(settings: Settings, stop: asyncio.Event) -> None:
        await serve(settings, components_for(name, settings), stop)

    return run


@contextlib.asynccontextmanager
async def running(service: Service, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """`service` in a task with its HTTP server on a free port; yields a client on that port."""
    port = free_port()
    stop = asyncio.Event()
    task = asyncio.create_task(service(settings.model_copy(update={"http_port": port, "http_host": "127.0.0.1"}), stop))
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:
        try:
            await until_alive(client, task)
            yield client
        finally:
            stop.set()
            await asyncio.wait_for(task, 30)


async def until_alive(client: httpx.AsyncClient, task: asyncio.Task[None], timeout: float = 10) -> None:
    """Wait until the HTTP server accepts connections (the service task starts it first)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            await client.get("/healthz")
            return
        except httpx.TransportError:
            assert not task.done(), task
            assert time.monotonic() < deadline, "the HTTP server never answered"
            await asyncio.sleep(0.02)


async def until_ready(client: httpx.AsyncClient, timeout: float = 60) -> httpx.Response:
    """GET /readyz until it answers 200 (the ingest worker loads its gazetteer first)."""
    deadline = time.monotonic() + timeout
    while True:
        response = await client.get("/readyz")
        if response.status_code == 200 or time.monotonic() > deadline:
            return response
        await asyncio.sleep(0.05)


def sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text (0 when absent)."""
    for line in text.splitlines():
        match = re.fullmatch(rf"{name}\{{(.*)\}} (\S+)", line) or re.fullmatch(rf"{name} (\S+)", line)
        if match is None:
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1))) if match.lastindex == 2 else {}
        if all(found.get(k) == v for k, v in labels.items()):
            return float(match.group(match.lastindex or 1))
    return 0.0


async def test_an_ingest_worker_answers_all_three_endpoints_and_counts_a_processed_article(settings, redis_client):
    """Liveness, readiness once its groups are joined, and metrics that show one article in and its claims out."""
    article = sample_articles()[0]
    async with running(consumer("ingest"), settings) as client:
        assert "ok\n" == (await client.get("/healthz")).text
        ready = await until_ready(client)
        assert 200 == ready.status_code, ready.text
        await publish_articles(settings, [article])
        assert await wait_until_drained(redis_client, [(settings.articles_stream, settings.ingest_group)], timeout=20)
        metrics = await client.get("/metrics")

    assert 200 == metrics.status_code
    assert metrics.headers["content-type"].startswith("text/plain; version=0.0.4")
    text = metrics.text
    claims = len(extract_claims(article))
    assert 1 == sample(text, "claimwire_messages_in_total", stage="ingest", stream=settings.articles_stream)
    assert claims == sample(text, "claimwire_messages_out_total", stage="ingest", stream=settings.claims_stream)
    assert 1 == sample(text, "claimwire_handling_seconds_count", stage="ingest")
    assert 0 == sample(text, "claimwire_group_pending", stream=settings.articles_stream, group=settings.ingest_group)
    assert 0 == sample(text, "claimwire_group_lag", stream=settings.articles_stream, group=settings.ingest_group)
    assert 1 == sample(text, "claimwire_redis_up")
    assert sample(text, "claimwire_redis_round_trip_seconds_count") >= 1
    assert sample(text, "faststream_received_messages_total") >= 1, "FastStream's own middleware records batches"


async def test_dead_letters_are_counted_by_reason(settings, redis_client):
    """An undecodable entry shows as one dead letter with reason malformed_json."""
    async with running(consumer("ingest"), settings) as client:
        assert 200 == (await until_ready(client)).status_code
        await redis_client.xadd(settings.articles_stream, {"__data__": b"\x00\xffnot json"})
        assert await wait_until_drained(redis_client, [(settings.articles_stream, settings.ingest_group)], timeout=20)
        text = (await client.get("/metrics")).text
    assert 1 == sample(text, "claimwire_dead_lettered_total", stage="ingest", reason="malformed_json")
    assert 1 == sample(text, "claimwire_messages_out_total", stage="ingest", stream=settings.deadletter_stream)


async def test_the_dedup_service_is_ready_once_it_joined_its_group(settings):
    """/readyz of the dedup service turns 200 and names no problem; unknown paths are 404."""
    async with running(consumer("dedup"), settings) as client:
        ready = await until_ready(client)
        missing = await client.get("/nope")
        text = (await client.get("/metrics")).text
    assert (200, "ready\n") == (ready.status_code, ready.text)
    assert 404 == missing.status_code
    assert 0 == sample(text, "claimwire_group_pending", stream=settings.extracted_stream, group=settings.dedup_group)


async def test_the_adapter_serves_metrics_of_what_it_fed(settings, redis_client, tmp_path):
    """The adapter is ready once Redis answers; a dropped file shows as one article out and the ingest backlog."""
    drop = tmp_path / "drop"
    adapter_settings = settings.model_copy(
        update={"adapter_drop_dir": str(drop), "adapter_drop_settle_s": 0.0, "adapter_scan_interval_s": 0.05}
    )
    await ensure_group(redis_client, settings.articles_stream, settings.ingest_group)  # as a running ingest would
    async with running(serve_adapter, adapter_settings) as client:
        assert 200 == (await until_ready(client)).status_code
        (drop / "one.txt").write_text(sample_articles()[0].text)
        deadline = time.monotonic() + 20
        while not (drop / "done" / "one.txt").exists():
            assert time.monotonic() < deadline, "the dropped file was never fed"
            await asyncio.sleep(0.05)
        text = (await client.get("/metrics")).text
    assert 1 == sample(text, "claimwire_messages_out_total", stage="adapter", stream=settings.articles_stream)
    assert 1 == sample(text, "claimwire_group_lag", stream=settings.articles_stream, group=settings.ingest_group)
