"""Dedup ledger benchmark on real news: articles/s per replica, replica scaling and agreement, latency at half
capacity, Redis memory per article.

Run: `uv run python bench/ledger_bench.py` (about 3-5 minutes; `--articles 3000` by default).

The feed is real news: the ECB+ articles (Cybulska and Vossen, LREC 2014; CC BY 3.0; read by path from
../shared/data/ecbplus), repeated with fresh ids to reach `--articles` (a repeat is another outlet's copy of
the same story, so it has somewhere to go in the ledger), in a seeded random order (ECB+ lists its articles
topic by topic; a live feed interleaves stories). Each article is extracted once up front, in this
process, so the timed part is the dedup service alone: `claimwire run dedup` processes (the real service,
started and joined to their group first) on a private redis-server with AOF on (everysec, as in
docker-compose.yml). What is timed:

1. Throughput: the whole backlog of `ArticleExtracted` entries published at once, then the time until the
   group has finished it, with 1 and with 2 replicas; same-run baseline: a pass-through consumer (XREADGROUP,
   XACK, XDEL of the same entries, no ledger) in this process.
2. Agreement: B-cubed F1 of the 2-replica ledger's article partition against the 1-replica one.
3. Latency: the articles fed at half the measured 1-replica rate to one replica; per article, the time from
   its extracted entry's id (the moment Redis took it) to the id of the IncidentUpdated it produced.
4. Memory: INFO used_memory after the 1-replica run minus before, per article: the articles and claims
   streams as the ingest worker leaves them, the incidents stream with its default retention, the ledger.
"""

import argparse
import asyncio
import contextlib
import json
import statistics
import time
from collections.abc import Iterator

from redis.asyncio import Redis

from _common import ecbplus_rows, percentile, private_redis_server, service_processes, stamp
from claimwire.dedup.scoring import bcubed
from claimwire.extraction import extract_claims, preload
from claimwire.progress import wait_until_drained
from claimwire.settings import Settings
from claimwire.streams import publish_all, read_events
from claimwire_contracts import ArticleExtracted, ArticleReceived, IncidentUpdated


def feed(count: int) -> list[ArticleExtracted]:
    """`count` extracted real news articles (ECB+ repeated with fresh ids and outlets)."""
    rows = ecbplus_rows()
    preload()
    out = []
    for i in range(count):
        row = rows[i % len(rows)]
        article = ArticleReceived(
            article_id=f"art_{i:06d}_{row['id']}", source=f"Outlet {i // len(rows)}", text=row["text"],
            published_at=row["published_at"], received_at="2026-12-04T12:00:00Z",
        )
        out.append(ArticleExtracted(article=article, claims=extract_claims(article)))
    return out


@contextlib.contextmanager
def dedup_processes(url: str, prefix: str, replicas: int, retention: str = "latest") -> Iterator[None]:
    """`replicas` `claimwire run dedup` processes, yielded once all have joined the group."""
    env = {"CLAIMWIRE_BATCH_SIZE": "100", "CLAIMWIRE_POLL_INTERVAL_MS": "5", "CLAIMWIRE_INCIDENTS_RETENTION": retention}
    with service_processes(url, prefix, "dedup", replicas, env):
        yield


def entries(settings: Settings, items: list[ArticleExtracted]) -> list[tuple[str, ArticleExtracted, str]]:
    return [(settings.extracted_stream, item, item.article_id) for item in items]


async def partition(client: Redis, settings: Settings) -> dict[str, str]:
    """Article id -> incident id, from the latest version of every incident on the stream."""
    latest: dict[str, IncidentUpdated] = {}
    for _, state in await read_events(client, settings.incidents_stream, IncidentUpdated):
        if state.incident_id not in latest or state.version > latest[state.incident_id].version:
            latest[state.incident_id] = state
    return {a: s.incident_id for s in latest.values() for a in s.article_ids}


async def throughput(url: str, items: list[ArticleExtracted], replicas: int) -> tuple[float, dict[str, str], int]:
    """Articles/s of `replicas` processes on the whole backlog, their partition, and the Redis memory the run
    added (the articles and claims streams as ingest leaves them, the incidents stream, the ledger)."""
    settings = Settings(redis_url=url, key_prefix=f"bench-tp-{replicas}")
    client = Redis.from_url(url)
    before = (await client.info("memory"))["used_memory"]
    # What ingest leaves in Redis for subscribers besides the entry for dedup: the article and its claims.
    for item in items:
        await publish_all(client, [(settings.articles_stream, item.article, item.article_id),
                                   *((settings.claims_stream, c, c.claim_id) for c in item.claims)], maxlen=None)
    with dedup_processes(url, settings.key_prefix, replicas):
        t0 = time.perf_counter()
        await publish_all(client, entries(settings, items), maxlen=None)
        assert await wait_until_drained(client, [(settings.extracted_stream, settings.dedup_group)], timeout=900)
        elapsed = time.perf_counter() - t0
        result = await partition(client, settings)
    after = (await client.info("memory"))["used_memory"]
    await client.aclose()
    return len(items) / elapsed, result, after - before


async def pass_through(url: str, items: list[ArticleExtracted]) -> float:
    """Articles/s of reading, acking and deleting the same entries with no ledger: the stream stage's floor."""
    settings = Settings(redis_url=url, key_prefix="bench-pass")
    client = Redis.from_url(url)
    stream, group = settings.extracted_stream, settings.dedup_group
    await publish_all(client, entries(settings, items), maxlen=None)
    await client.xgroup_create(stream, group, id="0")
    t0 = time.perf_counter()
    done = 0
    while done < len(items):
        reply = await client.xreadgroup(group, "c", {stream: ">"}, count=100)
        ids = [entry_id for _, batch in reply for entry_id, fields in batch]
        for _, batch in reply:
            for _, fields in batch:
                json.loads(fields[b"__data__"][fields[b"__data__"].index(b"{"):])
        await client.xack(stream, group, *ids)
        await client.xdel(stream, *ids)
        done += len(ids)
    elapsed = time.perf_counter() - t0
    await client.aclose()
    return len(items) / elapsed


async def latency(url: str, items: list[ArticleExtracted], rate: float) -> list[float]:
    """Per-article latencies (s) fed at `rate` articles/s to one replica (every version kept, to be timed)."""
    settings = Settings(redis_url=url, key_prefix="bench-lat")
    client = Redis.from_url(url)
    fed: dict[str, float] = {}
    with dedup_processes(url, settings.key_prefix, 1, retention="all"):
        t0 = time.perf_counter()
        for i, item in enumerate(items):
            await publish_all(client, entries(settings, [item]), maxlen=None)
            # The only writer here: the newest entry is this article's (or already gone: then, its stream id
            # was taken within the last instant, and the clock now is as good).
            last = await client.xrevrange(settings.extracted_stream, count=1)
            fed[item.article_id] = stamp(last[0][0]) if last else time.time()
            ahead = t0 + (i + 1) / rate - time.perf_counter()
            if ahead > 0:
                await asyncio.sleep(ahead)
        assert await wait_until_drained(client, [(settings.extracted_stream, settings.dedup_group)], timeout=900)
    seconds = []
    for entry_id, state in await read_events(client, settings.incidents_stream, IncidentUpdated):
        article = state.merges[-1].article_id if state.merges else None
        if article in fed:
            seconds.append(stamp(entry_id) - fed.pop(article))
    await client.aclose()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    items = feed(args.articles)
    words = statistics.mean(len(i.article.text) for i in items)
    print(f"feed: {len(items)} real news articles (ECB+, mean {words:.0f} characters), "
          f"{sum(len(i.claims) for i in items)} claims, extracted in {time.perf_counter() - t0:.1f} s")
    with private_redis_server("--appendonly", "yes", "--appendfsync", "everysec") as (url, _):
        floor = asyncio.run(pass_through(url, items))
        one, one_partition, memory = asyncio.run(throughput(url, items, 1))
        two, two_partition, _ = asyncio.run(throughput(url, items, 2))
        agreement = bcubed(two_partition, one_partition).f1 if set(two_partition) == set(one_partition) else 0.0
        print(f"pass-through (read, decode, ack, delete; no ledger): {floor:7.1f} articles/s")
        print(f"dedup, 1 replica:  {one:7.1f} articles/s  (ratio to pass-through {one / floor:.3f})")
        print(f"dedup, 2 replicas: {two:7.1f} articles/s  (x{two / one:.2f} of one replica; 2 CPUs shared with "
              "redis-server and this script)")
        print(f"2-replica ledger against 1-replica ledger: B3 F1 {agreement:.3f} "
              f"({len(set(one_partition.values()))} vs {len(set(two_partition.values()))} incidents)")
        rate = one / 2
        seconds = asyncio.run(latency(url, items, rate))
        print(f"latency at {rate:.0f} articles/s (half of one replica's rate), extracted entry -> incident update: "
              f"p50 {1000 * percentile(seconds, 0.5):.1f} ms, p99 {1000 * percentile(seconds, 0.99):.1f} ms, "
              f"max {1000 * max(seconds):.1f} ms ({len(seconds)} articles)")
        print(f"Redis used_memory per article fed, 1-replica run (articles, claims and incidents streams with "
              f"their default retention, ledger): {memory / len(items) / 1024:.1f} KB")


if __name__ == "__main__":
    main()
