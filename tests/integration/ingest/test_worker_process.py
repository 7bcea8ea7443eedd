"""`claimwire run ingest` as a real process: SIGKILL mid-way loses nothing, SIGTERM stops cleanly."""

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from redis.asyncio import Redis

from claimwire.extraction import extract_claims
from claimwire.progress import wait_until_drained
from claimwire.settings import Settings
from claimwire.streams import read_events
from claimwire_contracts import ClaimExtracted
from tests.integration.ingest.test_ingest_worker import publish_articles
from tests.support.articles import many_articles

pytestmark = [pytest.mark.redis, pytest.mark.slow]


def start_worker(settings: Settings, log_path: Path, **env: str) -> subprocess.Popen[bytes]:
    """`claimwire run ingest` logging to `log_path`: a pipe nobody reads would fill up and stall the worker."""
    environment = {
        **os.environ,
        "REDIS_URL": settings.url,
        "CLAIMWIRE_KEY_PREFIX": settings.key_prefix,
        "CLAIMWIRE_RECLAIM_IDLE_MS": "500",
        "CLAIMWIRE_BATCH_SIZE": "5",
        "CLAIMWIRE_LOG_FORMAT": "json",
        **env,
    }
    environment.pop("CLAIMWIRE_CONSUMER_NAME", None)
    with log_path.open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "claimwire", "run", "ingest"], env=environment, stdout=subprocess.DEVNULL, stderr=log
        )


def log_tail(path: Path) -> str:
    return path.read_text(errors="replace")[-2000:]


async def wait_for_first_claim(
    client: Redis, settings: Settings, worker: subprocess.Popen[bytes], log_path: Path, timeout: float = 120
) -> None:
    """Until the worker has published a claim (so it is up, signal handlers included); a cold start of a fresh
    clone on a loaded machine takes many seconds."""
    deadline = time.monotonic() + timeout
    while not await client.xlen(settings.claims_stream):
        assert worker.poll() is None, log_tail(log_path)
        assert time.monotonic() < deadline, f"no claim within {timeout} s: {log_tail(log_path)}"
        await asyncio.sleep(0.02)


async def finish_with_a_new_worker(settings: Settings, redis_client: Redis, log_path, **env: str) -> None:
    """Start another worker process, wait until the ingest group has nothing left, stop it with SIGTERM."""
    worker = start_worker(settings, log_path, **env)
    try:
        # Generous: a fresh process's imports alone take seconds on a loaded 2-core machine.
        assert await wait_until_drained(redis_client, [(settings.articles_stream, settings.ingest_group)], timeout=60)
    finally:
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0


async def assert_every_claim_arrived_and_no_other(settings: Settings, redis_client: Redis, articles) -> set[str]:
    """The claims stream holds exactly the claim ids offline extraction gives (duplicates allowed)."""
    claims = [c for _, c in await read_events(redis_client, settings.claims_stream, ClaimExtracted)]
    expected = {c.claim_id for a in articles for c in extract_claims(a)}
    assert expected == {c.claim_id for c in claims}
    return expected


async def test_a_worker_killed_mid_batch_loses_no_article(settings, redis_client: Redis, tmp_path):
    """SIGKILL during processing, then a restart: every expected claim id arrives and no other."""
    articles = many_articles(300)
    await publish_articles(settings, articles)
    log_path = tmp_path / "worker.log"
    first = start_worker(settings, log_path)
    try:
        await wait_for_first_claim(redis_client, settings, first, log_path)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    processed_before_restart = await redis_client.xlen(settings.claims_stream)
    await finish_with_a_new_worker(settings, redis_client, log_path)
    expected = await assert_every_claim_arrived_and_no_other(settings, redis_client, articles)
    assert processed_before_restart < len(expected), (
        "the kill must have happened mid-way for this test to mean anything"
    )


async def test_sigterm_stops_the_worker_cleanly_and_hands_back_what_it_did_not_finish(
    settings, redis_client: Redis, tmp_path
):
    """SIGTERM while work is flowing: exit 0, anything left pending is reclaimable at once, and a new worker
    finishes every article. (The batch in hand usually finishes within the graceful timeout, leaving nothing
    pending; the hand-back itself is tested in-process in test_ingest_worker.py.)"""
    articles = many_articles(40)
    await publish_articles(settings, articles)
    log_path = tmp_path / "worker.log"
    worker = start_worker(settings, log_path, CLAIMWIRE_RECLAIM_IDLE_MS="20000")
    try:
        await wait_for_first_claim(redis_client, settings, worker, log_path)
    finally:
        worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=30) == 0
    for row in await redis_client.xpending_range(settings.articles_stream, settings.ingest_group, "-", "+", 100):
        assert row["time_since_delivered"] >= 20000
    await finish_with_a_new_worker(settings, redis_client, log_path, CLAIMWIRE_RECLAIM_IDLE_MS="20000")
    await assert_every_claim_arrived_and_no_other(settings, redis_client, articles)


@pytest.mark.parametrize("service", ["adapter", "ingest", "dedup"])
async def test_each_service_runs_alone_and_exits_0_on_sigterm(settings, tmp_path, service):
    """`claimwire run SERVICE` runs until SIGTERM, then logs that it stopped and exits 0."""
    log_file = tmp_path / "service.log"
    drop = tmp_path / "drop"
    drop.mkdir()
    with log_file.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "claimwire", "run", service],
            env={
                **os.environ,
                "REDIS_URL": settings.url,
                "CLAIMWIRE_KEY_PREFIX": settings.key_prefix,
                "CLAIMWIRE_ADAPTER_DROP_DIR": str(drop),
                "CLAIMWIRE_LOG_FORMAT": "json",
            },
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            for _ in range(600):  # start-up imports can take seconds on a busy machine
                if b"started" in log_file.read_bytes() or process.poll() is not None:
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(0.5)
            assert process.poll() is None, log_file.read_text()[-2000:]
        finally:
            process.send_signal(signal.SIGTERM)
            code = process.wait(timeout=30)
    assert code == 0, log_file.read_text()[-2000:]
    assert b"stopped" in log_file.read_bytes()
