"""Articles/s through the running ingest worker, against offline extraction and a raw pass-through.

    uv run python bench/ingest_bench.py [--articles 1000]

1. offline: `extract_claims` over every article in this process (the ceiling the worker can reach);
2. raw: redis-py XREADGROUP -> XADD one output per entry -> XACK, pipelined (the cost of Redis alone);
3. worker: `claimwire run ingest` as a separate process; time from the first XADD of an article to the
   last expected claim on the claims stream.
Target: worker >= 0.8 x offline.
"""

import argparse
import asyncio
import os
import subprocess
import sys
import time

from redis.asyncio import Redis

from _common import REPO, bench_articles, private_redis_server
from claimwire.broker import build_broker
from claimwire.extraction import extract_claims
from claimwire.settings import Settings
from claimwire.streams import ensure_group


def offline_rate(articles: list) -> tuple[float, float, int]:
    """Articles per wall second and per CPU second of extraction in this process, and the claims found."""
    start, cpu = time.perf_counter(), time.process_time()
    claims = sum(len(extract_claims(a)) for a in articles)
    return len(articles) / (time.perf_counter() - start), len(articles) / (time.process_time() - cpu), claims


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def publish(settings: Settings, articles: list) -> None:
    broker = build_broker(settings)
    client = await broker.connect()
    async with client.pipeline(transaction=False) as pipe:
        for article in articles:
            await broker.publish(article, stream=settings.articles_stream, pipeline=pipe)
        await pipe.execute()
    await broker.stop()


async def raw_rate(url: str, articles: list, batch: int) -> float:
    settings = Settings(redis_url=url, key_prefix="bench-raw")
    await publish(settings, articles)
    client: Redis = Redis.from_url(url)
    await ensure_group(client, settings.articles_stream, "raw")
    done, start = 0, time.perf_counter()
    while done < len(articles):
        reply = await client.xreadgroup("raw", "c1", {settings.articles_stream: ">"}, count=batch, block=100)
        for _, rows in reply:
            async with client.pipeline(transaction=False) as pipe:
                for _, fields in rows:
                    pipe.xadd(settings.claims_stream, {"__data__": fields[b"__data__"][:200]})
                pipe.xack(settings.articles_stream, "raw", *[entry_id for entry_id, _ in rows])
                await pipe.execute()
            done += len(rows)
    elapsed = time.perf_counter() - start
    await client.aclose()
    return len(articles) / elapsed


async def worker_rate(url: str, articles: list, expected_claims: int, batch: int) -> tuple[float, float]:
    """Articles per wall second and per CPU second of the worker process, first XADD to last claim."""
    settings = Settings(redis_url=url, key_prefix="bench-worker")
    env = {
        **os.environ,
        "REDIS_URL": url,
        "CLAIMWIRE_KEY_PREFIX": settings.key_prefix,
        "CLAIMWIRE_BATCH_SIZE": str(batch),
        "CLAIMWIRE_LOG_LEVEL": "warning",
        "CLAIMWIRE_POLL_INTERVAL_MS": "10",
    }
    worker = subprocess.Popen([sys.executable, "-m", "claimwire", "run", "ingest"], env=env, cwd=REPO)
    client: Redis = Redis.from_url(url)
    try:
        while not await client.exists(settings.articles_stream):  # the worker has created its group
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)
        start, cpu = time.perf_counter(), cpu_seconds(worker.pid)
        await publish(settings, articles)
        while await client.xlen(settings.claims_stream) < expected_claims:
            await asyncio.sleep(0.005)
        wall, used = time.perf_counter() - start, cpu_seconds(worker.pid) - cpu
        return len(articles) / wall, len(articles) / used
    finally:
        worker.terminate()
        worker.wait()
        await client.aclose()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=50)
    args = parser.parse_args()
    articles = bench_articles(args.articles)
    size = sum(len(a.text.encode()) for a in articles) / len(articles)
    offline_before, cpu_before, claims = offline_rate(articles)
    with private_redis_server() as (url, _):
        raw = await raw_rate(url, articles, args.batch)
        worker, worker_cpu = await worker_rate(url, articles, claims, args.batch)
    offline_after, cpu_after, _ = offline_rate(articles)
    # Measured before and after the worker run: the machine is shared, so the baseline brackets the run.
    offline, offline_cpu = (offline_before + offline_after) / 2, (cpu_before + cpu_after) / 2
    print(f"articles: {len(articles)} of {size / 1000:.1f} KB on average, {claims} claims")
    print(
        f"offline extraction (one process):   {offline:9.1f} articles/s "
        f"(before {offline_before:.1f}, after {offline_after:.1f})"
    )
    print(f"raw redis-py pass-through:          {raw:9.1f} articles/s")
    print(f"ingest worker (XADD -> last claim): {worker:9.1f} articles/s")
    print(f"per CPU second: offline {offline_cpu:.1f}, worker process {worker_cpu:.1f} articles/s")
    print(f"worker / offline = {worker / offline:.2f} wall, {worker_cpu / offline_cpu:.2f} CPU  (target >= 0.80)")
    print(f"worker / raw     = {worker / raw:.3f}")


if __name__ == "__main__":
    asyncio.run(main())
