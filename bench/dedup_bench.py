"""Dedup benchmark: per-claim cost as the ledger grows, memory per incident, claims/s with 1 and 2 replicas.

Run: `uv run python bench/dedup_bench.py` (about 5-8 minutes; `--sizes 1000,100000` for a quicker run).
Everything runs on a private redis-server started from PATH. The ledger is bulk-loaded with synthetic but
realistic incidents (25 regions, 4,000 places, 365 days, varied targets, weapons and figures) written with
the same code the service uses to build records, summaries and index entries, through pipelines.
"""

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from redis import Redis as SyncRedis
from redis.asyncio import Redis

from _common import REPO, private_redis_server
from claimwire.dedup import RedisLedger
from claimwire.dedup._engine import index_buckets
from claimwire.dedup._features import claim_features
from claimwire.dedup._keys import PartitionKeys
from claimwire.dedup._merge import incident_id_for
from claimwire.dedup._summary import IncidentSummary
from claimwire.progress import wait_until_drained
from claimwire.settings import Settings
from claimwire.streams import publish_all
from claimwire_contracts import ClaimExtracted, Span, make_claim_id

REGIONS = ["Kharkiv", "Donetsk", "Luhansk", "Zaporizhzhia", "Kherson", "Mykolaiv", "Odesa", "Dnipropetrovsk",
           "Sumy", "Chernihiv", "Kyiv", "Poltava", "Kursk", "Belgorod", "Bryansk", "Rostov", "Voronezh",
           "Crimea", "Lviv", "Rivne", "Volyn", "Zhytomyr", "Vinnytsia", "Cherkasy", "Kirovohrad"]
SYLLABLES = ["no", "vo", "ka", "mi", "ro", "lo", "ve", "ta", "sla", "gor", "dub", "ly", "po", "pet", "zar"]
TARGETS = ["fuel depot", "power substation", "school", "railway station", "bridge", "market", "hospital",
           "grain terminal", "apartment block", "airfield", "warehouse", "factory", "water pumping station",
           "checkpoint", "ammunition dump", "bus station", "church", "bakery", "radar post", "ferry crossing"]
WEAPONS = ["drone", "missile", "glide bomb", "artillery shell", "rocket", "mortar round"]
TYPES = ["attack", "damage", "casualties", "interception", "disruption", "territorial_control"]
START = date(2026, 1, 1)


def place_name(i: int) -> str:
    rng = random.Random(i)
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() + rng.choice(["ka", "ne", "ove", "ivka"])


def synthetic_claim(i: int, variant: int = 0, tag: str = "L") -> ClaimExtracted:
    """Report `variant` of synthetic incident `i` (variants share place, day, target and weapon)."""
    rng = random.Random(i)
    place, region = place_name(i % 4000), REGIONS[i % 4000 % len(REGIONS)]
    target, weapon, etype = rng.choice(TARGETS), rng.choice(WEAPONS), rng.choice(TYPES)
    day = START + timedelta(days=rng.randrange(365))
    killed = rng.randrange(0, 12)
    other = random.Random(i * 7 + variant)
    text = (f"a {weapon} hit a {target} in {place} {other.choice(['overnight', 'in the morning', 'at dawn'])}, "
            f"killing {killed} people and damaging {other.randrange(2, 30)} nearby buildings")
    article = f"art_{tag}_{i}_{variant}"
    span = Span(start=0, end=len(text))
    return ClaimExtracted.model_validate({
        "claim_id": make_claim_id(article, span), "article_id": article, "source": f"Outlet {variant % 9}",
        "published_at": datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=12),
        "span": span, "text": text,
        "claimant": {"name": other.choice(["regional governor", "defence ministry", "police"]), "kind": "government"},
        "cue": {"text": "said", "span": {"start": 0, "end": 4}}, "event_type": etype,
        "locations": [{"name": place, "mention": place, "span": {"start": 0, "end": 1}, "admin1": f"{region} region"}],
        "quantities": [{"value": killed, "unit": "killed", "text": str(killed), "span": {"start": 0, "end": 1}}],
        "time": {"text": "overnight", "start": day.isoformat(), "end": day.isoformat()},
    })


def _resp(*parts: object) -> bytes:
    encoded = [p if isinstance(p, bytes) else str(p).encode() for p in parts]
    return b"*%d\r\n" % len(encoded) + b"".join(b"$%d\r\n%s\r\n" % (len(e), e) for e in encoded)


def _chunk(job: tuple[str, int, int, int, float]) -> bytes:
    """Redis commands (RESP) writing incidents start..stop-1 exactly as the apply script would."""
    prefix, window, start, stop, now = job
    settings = Settings(key_prefix=prefix, dedup_window_s=window)
    out = []
    for i in range(start, stop):
        claim = synthetic_claim(i)
        features = claim_features(claim)
        keys = PartitionKeys.for_anchor(settings, features.anchor)
        incident_id = incident_id_for(features)
        summary = IncidentSummary(incident_id=incident_id)
        summary.add(features)
        place, claimant = claim.locations[0].name, claim.claimant.name
        state = {"schema_version": 1, "incident_id": incident_id, "version": 1, "event_type": claim.event_type.value,
                 "title": f"Attack in {place}", "claim_ids": [claim.claim_id], "article_ids": [claim.article_id],
                 "first_seen": "2026-11-27T00:00:00Z", "last_seen": "2026-11-27T00:00:00Z",
                 "locations": [{"name": place}], "corroboration": 1,
                 "sources": [{"outlet": claim.source, "claimant": claimant, "claim_ids": [claim.claim_id]}],
                 "figures": [{"unit": "killed", "reports": [{"value": claim.quantities[0].value,
                              "claimant": claimant, "claim_id": claim.claim_id}]}],
                 "merges": [{"claim_id": claim.claim_id, "score": 1.0, "signals": {"opened": 1.0}}]}
        out.append(_resp("HSET", keys.incident(incident_id), "state", json.dumps(state),
                         "summary", json.dumps(summary.to_json()), "version", 1))
        out.append(_resp("HSET", keys.claim(claim.claim_id), "incident", incident_id, "version", 1))
        for name in index_buckets(features):
            out.append(_resp("ZADD", keys.bucket(name), now, incident_id))
            out.append(_resp("EXPIRE", keys.bucket(name), window))
    return b"".join(out)


def bulk_load(port: int, settings: Settings, start: int, stop: int, now: float) -> None:
    """Write incidents start..stop-1 through `redis-cli --pipe`, generated by two worker processes."""
    step = 5000
    jobs = [(settings.key_prefix, settings.dedup_window_s, i, min(i + step, stop), now)
            for i in range(start, stop, step)]
    pipe = subprocess.Popen(["redis-cli", "-p", str(port), "--pipe"], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL)
    assert pipe.stdin is not None
    with multiprocessing.Pool(2) as pool:
        for chunk in pool.imap(_chunk, jobs):
            pipe.stdin.write(chunk)
    pipe.stdin.close()
    if pipe.wait() != 0:
        raise RuntimeError("redis-cli --pipe failed")


def timing_claims(loaded: int, count: int, tag: str) -> list[ClaimExtracted]:
    """Half follow-up reports of loaded incidents, half reports of incidents not in the ledger."""
    seed = zlib.crc32(tag.encode())
    rng = random.Random(seed)
    return [synthetic_claim(rng.randrange(loaded), variant=1 + k, tag=tag) if k % 2 == 0
            else synthetic_claim(10_000_000 + seed % 1_000_000 * 100 + k, tag=tag) for k in range(count)]


async def per_claim_times(ledgers: list[tuple[Settings, int]], count: int, tag: str) -> list[list[float]]:
    """Seconds per claim on each ledger (settings, incidents loaded), claims interleaved one by one so
    that every ledger is timed under the same machine load."""
    client = Redis.from_url(ledgers[0][0].url)
    runs = [(RedisLedger(client, s), timing_claims(n, count, f"{tag}-{s.key_prefix}")) for s, n in ledgers]
    for ledger, _ in runs:
        await ledger.process(synthetic_claim(5, variant=99, tag=tag + "w"))  # load the scripts
    times: list[list[float]] = [[] for _ in runs]
    merged, candidates = [0] * len(runs), [0] * len(runs)
    for k in range(count):
        for r, (ledger, claims) in enumerate(runs):
            t0 = time.perf_counter()
            applied = await ledger.process(claims[k])
            times[r].append(time.perf_counter() - t0)
            merged[r] += applied.state.version > 1
            candidates[r] += applied.candidates
    await client.aclose()
    for (s, n), m, c in zip(ledgers, merged, candidates, strict=True):
        print(f"    {s.key_prefix} ({n:,} incidents): {m} of {count} claims joined an existing incident, "
              f"{c / count:.1f} candidates scored per claim")
    return times


def _stats(times: list[float]) -> str:
    return (f"mean {statistics.mean(times) * 1e6:6.0f} us, p50 {statistics.median(times) * 1e6:6.0f} us, "
            f"p95 {sorted(times)[int(len(times) * 0.95)] * 1e6:6.0f} us")


def memory_per_incident(client: SyncRedis, settings: Settings, sample: int) -> float:
    """Mean MEMORY USAGE of an incident's record, claim marker and its share of index buckets."""
    total = 0
    for i in range(sample):
        features = claim_features(synthetic_claim(i))
        keys = PartitionKeys.for_anchor(settings, features.anchor)
        incident_id = incident_id_for(features)
        total += client.memory_usage(keys.incident(incident_id), samples=0) or 0
        total += client.memory_usage(keys.claim(features.claim_id), samples=0) or 0
        for name in index_buckets(features):
            key = keys.bucket(name)
            usage = client.memory_usage(key, samples=0) or 0
            total += usage / max(client.zcard(key), 1)
    return total / sample


def throughput(url: str, replicas: int, claims: list[ClaimExtracted]) -> float:
    """Claims/s of `replicas` `claimwire run dedup` processes, from feeding a backlog of `claims` to the
    group having finished it (the processes are started and joined to the group first)."""
    prefix = f"bench-tp-{replicas}"
    settings = Settings(redis_url=url, key_prefix=prefix)
    env = {**os.environ, "REDIS_URL": url, "CLAIMWIRE_KEY_PREFIX": prefix, "CLAIMWIRE_LOG_FORMAT": "json",
           "CLAIMWIRE_BATCH_SIZE": "100"}

    async def feed_and_drain() -> float:
        client = Redis.from_url(url)
        t0 = time.perf_counter()
        await publish_all(client, [(settings.claims_stream, c, c.claim_id) for c in claims], maxlen=None)
        assert await wait_until_drained(client, [(settings.claims_stream, settings.dedup_group)], timeout=600)
        elapsed = time.perf_counter() - t0
        await client.aclose()
        return elapsed

    with tempfile.TemporaryDirectory(prefix="dedup-bench-") as folder, contextlib.ExitStack() as stack:
        logs = [Path(folder) / f"replica-{r}.log" for r in range(replicas)]

        def ready() -> None:
            # Each process logs service.started once its subscribers run (imports take seconds here).
            while not all(log.exists() and b"service.started" in log.read_bytes() for log in logs):
                time.sleep(0.1)

        procs = [subprocess.Popen([sys.executable, "-m", "claimwire", "run", "dedup"], cwd=REPO,
                                  env={**env, "CLAIMWIRE_CONSUMER_NAME": f"bench-{r}"}, stdout=subprocess.DEVNULL,
                                  stderr=stack.enter_context(logs[r].open("wb"))) for r in range(replicas)]
        try:
            ready()
            elapsed = asyncio.run(feed_and_drain())
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait(timeout=30)
    return len(claims) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000,1000000", help="ledger sizes, comma-separated")
    parser.add_argument("--claims", type=int, default=1000, help="claims timed at each size")
    parser.add_argument("--throughput-claims", type=int, default=4000,
                        help="backlog for the claims/s runs (0: skip them)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with private_redis_server() as (url, port):
        sync = SyncRedis.from_url(url)
        base = Settings(redis_url=url, key_prefix="bench-base")
        settings = Settings(redis_url=url, key_prefix="bench")
        now = time.time()
        bulk_load(port, base, 0, sizes[0], now)
        loaded, ratio = 0, 0.0
        base_memory = sync.info("memory")["used_memory"]
        for size in sizes:
            t0 = time.perf_counter()
            bulk_load(port, settings, loaded, size, now)
            load_s = time.perf_counter() - t0
            used = sync.info("memory")["used_memory"] - base_memory
            loaded = size
            small, big = asyncio.run(per_claim_times([(base, sizes[0]), (settings, size)], args.claims, f"n{size}"))
            ratio = statistics.mean(big) / statistics.mean(small)
            print(f"ledger {size:>9,} incidents (loaded in {load_s:5.1f} s): per claim {_stats(big)}; "
                  f"same-time baseline ledger of {sizes[0]:,}: {_stats(small)}; ratio {ratio:.2f}; "
                  f"INFO used_memory/incident {used / size:5.0f} B", flush=True)
        print(f"MEMORY USAGE per incident (record + claim marker + share of index buckets, 500 sampled): "
              f"{memory_per_incident(sync, settings, 500):.0f} B")
        print(f"ratio per-claim time {sizes[-1]:,} / {sizes[0]:,} incidents: {ratio:.2f} (target <= 1.5)")
        if not args.throughput_claims:
            return
        rng = random.Random(1)
        backlog = [synthetic_claim(rng.randrange(3000), variant=1 + k, tag="tp") for k in range(args.throughput_claims)]
        one = throughput(url, 1, backlog)
        two = throughput(url, 2, backlog)
        print(f"claims/s: 1 replica {one:,.0f}, 2 replicas {two:,.0f} (x{two / one:.2f}; "
              f"{os.cpu_count()} CPUs shared with redis-server)")


if __name__ == "__main__":
    main()
