"""Services started before their Redis wait for it, logging each attempt, then work normally."""

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis

from claimwire.components import components_for
from claimwire.embedded import free_port
from claimwire.extraction import extract_claims
from claimwire.progress import wait_until_drained
from claimwire.runtime import serve
from claimwire.settings import Settings
from claimwire.streams import read_events
from claimwire_contracts import ClaimExtracted
from tests.integration.core.test_health import until_alive, until_ready
from tests.integration.ingest.test_ingest_worker import publish_articles
from tests.support.articles import sample_articles
from tests.support.redis_server import private_redis_server

pytestmark = pytest.mark.redis


def late_settings(port: int, **overrides: object) -> Settings:
    """Settings for a Redis that will listen on `port` later, retrying quickly."""
    return Settings(
        redis_url=f"redis://127.0.0.1:{port}/0",
        key_prefix=f"cwlate-{uuid.uuid4().hex[:8]}",
        consumer_name="late-consumer",
        poll_interval_ms=20,
        redis_retry_initial_s=0.05,
        redis_retry_max_s=0.2,
        log_format="json",
        **overrides,
    )


async def until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        await asyncio.sleep(0.05)


async def test_an_ingest_worker_started_before_redis_waits_then_processes(captured_logs):
    """Alive but not ready while Redis is down, each attempt logged with a growing wait; once Redis is up the
    worker joins its group and an article fed then becomes claims."""
    redis_port, http_port = free_port(), free_port()
    settings = late_settings(redis_port, http_port=http_port, http_host="127.0.0.1")
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, components_for("ingest", settings), stop))
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{http_port}", timeout=5) as http:
            await until_alive(http, task)
            retries = lambda: sum(e["event"] == "redis.unreachable" for e in captured_logs)  # noqa: E731
            # The first attempt waits for the extraction imports (spaCy: seconds on a busy machine).
            await until(lambda: retries() >= 4, 60, "no retries logged")
            assert 503 == (await http.get("/readyz")).status_code
            assert 200 == (await http.get("/healthz")).status_code
            with private_redis_server(port=redis_port) as (url, _):
                assert 200 == (await until_ready(http)).status_code
                article = sample_articles()[0]
                await publish_articles(settings, [article])
                client = Redis.from_url(url)
                try:
                    assert await wait_until_drained(
                        client, [(settings.articles_stream, settings.ingest_group)], timeout=20
                    )
                    claims = [c for _, c in await read_events(client, settings.claims_stream, ClaimExtracted)]
                finally:
                    await client.aclose()
                stop.set()
                await asyncio.wait_for(task, 30)
    finally:
        stop.set()
    assert {c.claim_id for c in extract_claims(article)} == {c.claim_id for c in claims}
    waits = [e["retry_in_s"] for e in captured_logs if e["event"] == "redis.unreachable"]
    assert [0.05, 0.1, 0.2, 0.2] == waits[:4], "doubling up to CLAIMWIRE_REDIS_RETRY_MAX_S"
    assert any(e["event"] == "redis.reachable" for e in captured_logs)


@pytest.mark.slow
async def test_claimwire_run_started_before_redis_does_not_exit(tmp_path: Path):
    """`claimwire run ingest --http-port N` with no Redis yet keeps retrying (JSON log line per attempt) instead
    of exiting; once a redis-server starts on that port it gets ready, and SIGTERM ends it with 0."""
    redis_port, http_port = free_port(), free_port()
    settings = late_settings(redis_port)
    log_path = tmp_path / "worker.log"
    environment = {
        **os.environ,
        "REDIS_URL": settings.url,
        "CLAIMWIRE_KEY_PREFIX": settings.key_prefix,
        "CLAIMWIRE_REDIS_RETRY_INITIAL_S": "0.1",
        "CLAIMWIRE_REDIS_RETRY_MAX_S": "0.5",
        "CLAIMWIRE_LOG_FORMAT": "json",
    }
    with log_path.open("ab") as log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "claimwire", "run", "ingest", "--http-port", str(http_port)],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    try:

        def attempts() -> int:
            lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
            return sum(line["event"] == "redis.unreachable" for line in lines)

        await until(lambda: attempts() >= 3 or worker.poll() is not None, 60, log_path.read_text()[-2000:])
        assert worker.poll() is None, log_path.read_text()[-2000:]
        with private_redis_server(port=redis_port):
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{http_port}", timeout=5) as http:
                ready = await until_ready(http)
            assert 200 == ready.status_code, ready.text
            worker.send_signal(signal.SIGTERM)
            assert 0 == worker.wait(timeout=30), log_path.read_text()[-2000:]
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
