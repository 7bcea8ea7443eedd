"""The incident desk: list page latency with 100,000 incidents in its read model, and how fast it consumes.

    uv run python bench/desk_bench.py [--incidents 100000] [--requests 200] [--consume 5000]

1. Loads N synthetic incidents (3 articles, 12 claims, 3 sources, 2 figures of 3 reports each; 8 event types,
   500 places, 365 days, 40 outlets) into the read model of a private Redis, as the desk's subscriber applies
   them.
2. Starts `claimwire desk` as a separate process on that Redis and times `--requests` sequential HTTP requests
   per query (the list page unfiltered, by type, place, words, type and day, a deep page, and the JSON API),
   against `/healthz` in the same run (the HTTP floor): p50 / p95 and the ratio of p95 to the floor's.
3. Publishes `--consume` incident versions on the incidents stream and, separately, 10x as many claims on the
   claims stream, then times the desk's subscribers (in this process, logging at info to /dev/null as a
   deployed desk logs) from start to drained: entries/s, beside the pipeline's own rate.
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from redis.asyncio import Redis

import claimwire_contracts as cw
from _common import private_redis_server
from claimwire.desk import DeskStore
from claimwire.desk._consume import desk_stages
from claimwire.logs import configure_logging
from claimwire.progress import wait_until_drained
from claimwire.runtime import start_components
from claimwire.settings import Settings
from claimwire.streams import publish_all

TYPES = [t for t in cw.EventType if t is not cw.EventType.other][:8]
FIRST = "North South Port Lower Upper New Old East West Great".split()
SECOND = [f"{a}{b}" for a in ("Kes", "Dun", "Bren", "Ost", "Hal") for b in ("sa", "mere", "nock", "ry", "vard", "ton",
                                                                           "by", "ford", "wick", "holm")]
OUTLETS = [f"Outlet {n}" for n in range(40)]
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def synthetic(n: int) -> cw.IncidentUpdated:
    """The n-th synthetic incident, sized like a small real one."""
    place = f"{FIRST[n % 10]} {SECOND[(n // 10) % 50]}"
    day = date(2026, 1, 1) + timedelta(days=n % 365)
    kind = TYPES[n % len(TYPES)]
    outlets = [OUTLETS[(n + k * 7) % 40] for k in range(3)]
    claims = [f"clm_{n:08d}_{k:02d}" for k in range(12)]
    articles = [f"art_{n:08d}_{k}" for k in range(3)]
    figures = [
        cw.Figure(unit=unit, kind=fk, conflicting=k == 0 and n % 5 == 0, reports=[
            cw.FigureReport(value=10 + r * (n % 7), claimant=f"Claimant {r}", outlet=outlets[r], claim_id=claims[r],
                         bound=cw.Bound.exact, published_at=T0 + timedelta(minutes=n + r)) for r in range(3)])
        for k, (unit, fk) in enumerate((("killed", cw.FigureKind.killed), ("homes", cw.FigureKind.damage)))
    ]
    return cw.IncidentUpdated(
        incident_id=f"inc_bench_{n:08d}", version=3, event_type=kind, title=f"{kind.value} in {place}, {day}",
        locations=[cw.IncidentLocation(name=place, country="Velland")], time=cw.TimeRange(start=day, end=day),
        claim_ids=claims, article_ids=articles,
        sources=[cw.SourceRef(outlet=o, claimant=o, origin=o.lower(), claim_ids=claims[:4]) for o in outlets],
        corroboration=3, figures=figures,
        merges=[cw.MergeReason(claim_id=f"clm_r_{n}_{k}", article_id=a, score=0.7, signals={"place": 1.0, "time": 1.0})
                for k, a in enumerate(articles)],
        first_seen=T0 + timedelta(seconds=n), last_seen=T0 + timedelta(seconds=n, milliseconds=500),
    )


async def load(store: DeskStore, n: int) -> float:
    """Apply n incidents, 500 per pipelined round trip; seconds taken."""
    started = time.perf_counter()
    for start in range(0, n, 500):
        await store.apply_incidents([synthetic(i) for i in range(start, min(n, start + 500))])
    return time.perf_counter() - started


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def time_queries(base: str, requests: int) -> dict[str, tuple[float, float]]:
    """p50/p95 of each query, sequential requests on one keep-alive connection."""
    queries = {
        "/healthz (HTTP floor)": "/healthz",
        "list page, no filter": "/",
        "list page, type": "/?type=attack",
        "list page, place": "/?place=Port+Kessa",
        "list page, words": "/?q=kessa+attack",
        "list page, type + day": "/?type=attack&day=2026-03-10",
        "list page, offset 50,000": "/?offset=50000",
        "live fragment (what SSE refreshes)": "/partials/incidents",
        "JSON /api/incidents?limit=50": "/api/incidents?limit=50",
    }
    results = {}
    with httpx.Client(base_url=base, timeout=30) as client:
        for label, path in queries.items():
            for _ in range(5):
                client.get(path).raise_for_status()
            samples = []
            for _ in range(requests):
                started = time.perf_counter()
                client.get(path).raise_for_status()
                samples.append(time.perf_counter() - started)
            results[label] = percentiles(samples)
    return results


def serve(settings: Settings, port: int) -> subprocess.Popen[bytes]:
    """`claimwire desk` in its own process on the bench Redis; returns once it is ready."""
    env = {**os.environ, "REDIS_URL": settings.url, "CLAIMWIRE_KEY_PREFIX": settings.key_prefix,
           "CLAIMWIRE_LOG_LEVEL": "warning"}
    process = subprocess.Popen([sys.executable, "-m", "claimwire", "desk", "--port", str(port)], env=env,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("the desk did not become ready")


def claim_event(n: int) -> cw.ClaimExtracted:
    """A small claim, as ingest publishes them."""
    return cw.ClaimExtracted(claim_id=f"clm_c_{n:08d}", article_id=f"art_c_{n // 20:06d}", source="Outlet 1",
                          span=cw.Span(start=0, end=40), text="x" * 40, claimant=cw.Claimant(name="Police"))


async def consume(settings: Settings, events: list[tuple[str, object]], label: str) -> float:
    """Publish `events`, then time the desk's subscribers from start to drained; entries/s."""
    client = Redis.from_url(settings.url)
    for start in range(0, len(events), 2000):
        chunk = [(stream, event, "bench") for stream, event in events[start : start + 2000]]
        await publish_all(client, chunk, maxlen=None)  # type: ignore[arg-type]
    store = DeskStore(client, settings)
    started = time.perf_counter()
    broker = await start_components(settings, desk_stages(settings, store))
    try:
        stream = events[0][0]
        assert await wait_until_drained(client, [(stream, settings.desk_group)], timeout=600, settle=0.0)
        elapsed = time.perf_counter() - started
    finally:
        await broker.stop()
        await client.aclose()
    rate = len(events) / elapsed
    print(f"{label}: {len(events):,} entries in {elapsed:.1f} s = {rate:,.0f}/s")
    return rate


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--consume", type=int, default=5_000)
    args = parser.parse_args()
    with private_redis_server() as (url, _):
        settings = Settings(redis_url=url, key_prefix=f"bench-{uuid.uuid4().hex[:6]}", log_level="warning")
        client = Redis.from_url(url)
        store = DeskStore(client, settings)
        seconds = await load(store, args.incidents)
        memory = (await client.info("memory"))["used_memory"]
        await client.aclose()
        print(f"read model: {args.incidents:,} incidents loaded in {seconds:.1f} s "
              f"({args.incidents / seconds:,.0f}/s, 500 per round trip); Redis {memory / 2**20:,.0f} MiB, "
              f"{memory / args.incidents / 1024:.1f} KB per incident")
        desk = serve(settings, port=18_000 + os.getpid() % 1000)
        try:
            results = time_queries(f"http://127.0.0.1:{18_000 + os.getpid() % 1000}", args.requests)
        finally:
            desk.terminate()
            desk.wait(30)
        floor = results["/healthz (HTTP floor)"][1]
        print(f"\n{args.requests} sequential requests each, `claimwire desk` in its own process:\n")
        print("| request | p50 ms | p95 ms | p95 / floor |\n|---|---|---|---|")
        for label, (p50, p95) in results.items():
            print(f"| {label} | {p50:.1f} | {p95:.1f} | {p95 / floor:.1f} |")

        print()
        fresh = settings.model_copy(update={"key_prefix": f"bench-c-{uuid.uuid4().hex[:6]}", "log_level": "info"})
        with Path(os.devnull).open("w") as null:  # noqa: ASYNC230 - opening /dev/null does not block
            configure_logging(fresh, stream=null)
            await consume(fresh, [(fresh.incidents_stream, synthetic(i)) for i in range(args.consume)],
                          "desk consuming incidents (new versions)")
            await consume(fresh, [(fresh.claims_stream, claim_event(i)) for i in range(args.consume * 10)],
                          "desk consuming claims")


if __name__ == "__main__":
    asyncio.run(main())
