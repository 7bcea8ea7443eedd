"""End-to-end load: one feeder, N `claimwire run ingest`, M `claimwire run dedup`, real Redis with AOF, real news.

Run: `uv run python bench/load_bench.py` (about 5-8 minutes). With none of --ingest, --dedup, --rate it runs
three phases: as fast as possible with 1 ingest + 1 dedup, the same with 2 ingest + 1 dedup, then 1 + 1 fed
at half the end-to-end rate the first phase sustained. With any of them, one phase with those.

The feed is real news: the ECB+ articles (Cybulska and Vossen, LREC 2014; CC BY 3.0; read by path from
../shared/data/ecbplus), in a seeded random order, repeated with fresh ids and outlets past their 772. They go
in as `claimwire feed` sends a JSONL file: read by the adapter's JSONL parser, then through its `Sink` and
`Publisher` (seen set, backpressure, FastStream framing): in batches of 200 when as fast as possible, one at a
time on a fixed schedule at a rate. Each phase has its own private redis-server (AOF on, everysec, as in
docker-compose.yml) and its own service processes, started (model loaded, groups joined) before the first
article. Services run with their default settings except that the incidents stream keeps every version
(CLAIMWIRE_INCIDENTS_RETENTION=all), so that each article's update is still there to be timed.

Per phase it prints the backlog of each consumer group (sampled every second, every 5th sample shown),
the sustained rate (through ingest: first article entry to last claim entry; end to end: to last incident
update), latency percentiles from each article's entry id to its last claim's entry id and to the entry id of
the IncidentUpdated its filing produced (all times are Redis's, from entry ids), each process's peak RSS
(VmHWM), and Redis used_memory added per article (the three streams as the services leave them, the ledger,
the seen set).
"""

import argparse
import asyncio
import contextlib
import json
import time
from dataclasses import dataclass, field
from typing import TypeVar

from redis.asyncio import Redis

from _common import (
    duration,
    ecbplus_rows,
    peak_rss_mb,
    percentile,
    private_redis_server,
    series_lines,
    service_processes,
    stamp,
)
from claimwire.adapter._formats import parse_jsonl
from claimwire.adapter._publish import Publisher
from claimwire.adapter._sink import Sink, mode_of
from claimwire.progress import as_text, group_backlog, group_infos, wait_until_drained
from claimwire.settings import Settings
from claimwire.streams import read_events
from claimwire_contracts import ArticleReceived, ClaimExtracted, Contract, IncidentUpdated

T = TypeVar("T", bound=Contract)

PREFIX = "load"
SAMPLE_S = 1.0
SHOW_EVERY = 5
HEADER = ("t s", "articles", "ingest lag", "ingest pend", "extracted", "dedup lag", "dedup pend", "incidents")
SERVICE_ENV = {"CLAIMWIRE_INCIDENTS_RETENTION": "all", "CLAIMWIRE_LOG_LEVEL": "info"}
NOISE = ("2 shared cores (redis-server, the services and this script on them; other people's jobs too): absolute "
         "rates drift between runs; compare the ratios, measured in the same run.")


@dataclass(frozen=True)
class Phase:
    """One run: how many processes of each service, and the feed rate (0: as fast as possible)."""

    ingest: int
    dedup: int
    rate: float

    def __str__(self) -> str:
        pace = "as fast as possible" if not self.rate else f"at {self.rate:.1f} articles/s"
        return f"{self.ingest} ingest + {self.dedup} dedup, {pace}"


@dataclass
class Result:
    """What one phase measured (times in seconds, memory in MB or bytes)."""

    phase: Phase
    articles: int
    claims: int
    ingest_rate: float
    end_to_end_rate: float
    to_claims: list[float]
    to_incident: list[float]
    rss_mb: dict[str, float]
    memory_per_article: float
    stream_memory: dict[str, int] = field(default_factory=dict)
    series: list[str] = field(default_factory=list)


def jsonl(count: int) -> bytes:
    """`count` ECB+ articles as a JSONL file would hold them (repeats get fresh ids and outlets)."""
    rows = ecbplus_rows()
    lines = []
    for i in range(count):
        row, copy = rows[i % len(rows)], i // len(rows)
        lines.append(json.dumps({"id": f"{row['id']}-{copy}", "source": f"Outlet {copy}", "text": row["text"],
                                 "published_at": row["published_at"]}))
    return "\n".join(lines).encode()


async def feed(settings: Settings, data: bytes, rate: float) -> None:
    """Publish the articles as `claimwire feed` does; at `rate` articles/s one at a time, else all at once."""
    publisher = await Publisher.connect(settings)
    sink = Sink(settings, publisher, mode_of(force=False, updates=False))
    items = list(parse_jsonl(data, "ecbplus", None))
    try:
        if not rate:
            await sink.put(items, "ecbplus")
        start = time.perf_counter()
        for i, item in enumerate(items if rate else []):
            await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
            await sink.put([item], "ecbplus")
            await sink.flush()
        await sink.flush()
    finally:
        await publisher.close()
    assert sink.report.fed == len(items) and not sink.report.rejected, sink.report


async def lag_and_pending(client: Redis, stream: str, group: str) -> list[int]:
    """Entries of `stream` not yet delivered to `group`, and delivered but not acked."""
    info = next((i for i in await group_infos(client, stream) if as_text(i["name"]) == group), None)
    if info is None:
        return [0, 0]
    pending = int(info["pending"])
    return [(await group_backlog(client, stream, group, limit=10**6) or 0) - pending, pending]


async def backlog_row(client: Redis, settings: Settings) -> list[int]:
    """XLEN of each stream with the lag and pending count of the group reading it."""
    ingest = await lag_and_pending(client, settings.articles_stream, settings.ingest_group)
    dedup = await lag_and_pending(client, settings.extracted_stream, settings.dedup_group)
    lengths = [await client.xlen(s) for s in (settings.articles_stream, settings.extracted_stream,
                                               settings.incidents_stream)]
    return [lengths[0], *ingest, lengths[1], *dedup, lengths[2]]


async def sample(client: Redis, settings: Settings, stop: asyncio.Event) -> list[tuple[float, list[int]]]:
    """The backlog every `SAMPLE_S` seconds until `stop` is set (then once more)."""
    start, samples = time.perf_counter(), []
    while True:
        samples.append((time.perf_counter() - start, await backlog_row(client, settings)))
        if stop.is_set():
            return samples
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), SAMPLE_S - (time.perf_counter() - start) % SAMPLE_S)


async def entry_times(client: Redis, settings: Settings) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Per article id, when Redis took its entry, its last claim, and the IncidentUpdated its filing produced."""
    fed = {a.article_id: stamp(i) for i, a in await read_all(client, settings.articles_stream, ArticleReceived)}
    claimed: dict[str, float] = {}
    for entry_id, claim in await read_all(client, settings.claims_stream, ClaimExtracted):
        claimed[claim.article_id] = max(claimed.get(claim.article_id, 0.0), stamp(entry_id))
    filed: dict[str, float] = {}
    for entry_id, state in await read_all(client, settings.incidents_stream, IncidentUpdated):
        if state.merges and state.merges[-1].article_id:
            filed.setdefault(state.merges[-1].article_id, stamp(entry_id))
    return fed, claimed, filed


async def read_all(client: Redis, stream: str, model: type[T]) -> list[tuple[str, T]]:
    """Every entry of `stream`, 1,000 per XRANGE."""
    out: list[tuple[str, T]] = []
    start = "-"
    while batch := await read_events(client, stream, model, start=start, count=1000):
        out += batch
        start = f"({batch[-1][0]}"
    return out


def latencies(fed: dict[str, float], later: dict[str, float]) -> list[float]:
    return [later[a] - t for a, t in fed.items() if a in later]


async def measure(client: Redis, settings: Settings, phase: Phase, before: int) -> Result:
    """The phase's figures from what the services left in Redis (the processes have stopped)."""
    fed, claimed, filed = await entry_times(client, settings)
    first = min(fed.values())
    streams = {"articles": settings.articles_stream, "claims": settings.claims_stream,
               "incidents": settings.incidents_stream}
    memory = int((await client.info("memory"))["used_memory"]) - before
    return Result(
        phase=phase, articles=len(fed), claims=await client.xlen(settings.claims_stream),
        ingest_rate=len(fed) / (max(claimed.values()) - first),
        end_to_end_rate=len(fed) / (max(filed.values()) - first),
        to_claims=latencies(fed, claimed), to_incident=latencies(fed, filed), rss_mb={},
        memory_per_article=memory / len(fed),
        stream_memory={name: int(await client.memory_usage(key, samples=0) or 0) for name, key in streams.items()},
    )


async def run_phase(phase: Phase, data: bytes) -> Result:
    """Start a Redis and the services, feed, wait until every group is done, and measure."""
    with private_redis_server("--appendonly", "yes", "--appendfsync", "everysec") as (url, _):
        settings = Settings(redis_url=url, key_prefix=PREFIX)
        client = Redis.from_url(url)
        before = int((await client.info("memory"))["used_memory"])
        redis_pid = int((await client.info("server"))["process_id"])
        with (service_processes(url, PREFIX, "ingest", phase.ingest, SERVICE_ENV) as ingest,
              service_processes(url, PREFIX, "dedup", phase.dedup, SERVICE_ENV) as dedup):
            stop = asyncio.Event()
            sampler = asyncio.create_task(sample(client, settings, stop))
            await feed(settings, data, phase.rate)
            groups = [(settings.articles_stream, settings.ingest_group),
                      (settings.extracted_stream, settings.dedup_group)]
            assert await wait_until_drained(client, groups, timeout=3600)
            stop.set()
            samples = await sampler
            rss = {f"ingest-{i}": peak_rss_mb(p.pid) for i, p in enumerate(ingest)}
            rss |= {f"dedup-{i}": peak_rss_mb(p.pid) for i, p in enumerate(dedup)}
        rss["redis-server"] = peak_rss_mb(redis_pid)
        result = await measure(client, settings, phase, before)
        await client.aclose()
    result.rss_mb, result.series = rss, series_lines(HEADER, samples, SHOW_EVERY)
    return result


def spread(seconds: list[float]) -> str:
    return " / ".join(duration(percentile(seconds, q)) for q in (0.5, 0.95, 0.99))


def report(result: Result) -> None:
    print(f"\n== {result.phase} ==")
    print(f"backlog (sampled every {SAMPLE_S:.0f} s, every {SHOW_EVERY}th shown; 'articles', 'extracted', "
          "'incidents' are XLEN; lag = not yet delivered to the group, pend = delivered, not acked):")
    for line in result.series:
        print("  " + line)
    print(f"sustained: {result.ingest_rate:.1f} articles/s through ingest (first article entry -> last claim "
          f"entry), {result.end_to_end_rate:.1f} end to end (-> last incident update); {result.articles} articles, "
          f"{result.claims} claims")
    print(f"article entry -> last claim:      p50 / p95 / p99 {spread(result.to_claims)} "
          f"({len(result.to_claims)} articles with claims)")
    print(f"article entry -> incident update: p50 / p95 / p99 {spread(result.to_incident)} "
          f"({len(result.to_incident)} articles)")
    print("peak RSS (VmHWM): " + ", ".join(f"{name} {mb:.0f} MB" for name, mb in result.rss_mb.items()))
    streams = ", ".join(f"{n} {b / result.articles / 1024:.1f}" for n, b in result.stream_memory.items())
    print(f"Redis used_memory added per article: {result.memory_per_article / 1024:.1f} KB (streams: {streams} KB; "
          "the rest is the ledger, the seen set and Redis's own)")


def table(results: list[Result]) -> None:
    print("\n| phase | articles/s through ingest | end to end | entry -> last claim p50 / p95 / p99 | "
          "entry -> incident update p50 / p95 / p99 | peak RSS per process (MB) | Redis KB per article |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        rss = ", ".join(f"{name} {mb:.0f}" for name, mb in r.rss_mb.items())
        print(f"| {r.phase} | {r.ingest_rate:.1f} | {r.end_to_end_rate:.1f} | {spread(r.to_claims)} | "
              f"{spread(r.to_incident)} | {rss} | {r.memory_per_article / 1024:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--ingest", type=int, help="ingest processes (default 1)")
    parser.add_argument("--dedup", type=int, help="dedup processes (default 1)")
    parser.add_argument("--rate", type=float, help="articles/s fed; 0: as fast as possible (the default)")
    args = parser.parse_args()
    data = jsonl(args.articles)
    print(f"feed: {args.articles} ECB+ news articles (CC BY 3.0, read from ../shared), mean "
          f"{len(data) / args.articles / 1024:.1f} KB a JSONL line; private redis-server with AOF (everysec) per phase")
    print(f"note: {NOISE}")
    if {args.ingest, args.dedup, args.rate} != {None}:
        phase = Phase(args.ingest or 1, args.dedup or 1, args.rate or 0.0)
        results = [asyncio.run(run_phase(phase, data))]
        report(results[0])
    else:
        results = []
        for phase in (Phase(1, 1, 0.0), Phase(2, 1, 0.0)):
            results.append(asyncio.run(run_phase(phase, data)))
            report(results[-1])
        results.append(asyncio.run(run_phase(Phase(1, 1, round(results[0].end_to_end_rate / 2, 1)), data)))
        report(results[-1])
    table(results)
    if len(results) == 3:
        one, two = results[0], results[1]
        print(f"\n2 ingest / 1 ingest, same run: x{two.ingest_rate / one.ingest_rate:.2f} through ingest, "
              f"x{two.end_to_end_rate / one.end_to_end_rate:.2f} end to end")
        print(f"at half the 1+1 capacity, p99 entry -> incident update is "
              f"{percentile(results[2].to_incident, 0.99) / percentile(one.to_incident, 0.99):.3f} of the "
              "as-fast-as-possible run's")
    print(f"note: {NOISE}")


if __name__ == "__main__":
    main()
