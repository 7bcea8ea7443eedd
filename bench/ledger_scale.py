"""Dedup decision cost as the ledger grows: filing an article into a ledger of N incidents against one of 1,000.

Run: `uv run python bench/ledger_scale.py --sizes 100000` (a few minutes per 100k incidents loaded).

The big ledger is bulk-loaded into a private redis-server with the records the service itself writes: each
incident is a real ECB+ article's filing (state, summary and index entries from `fold` and `index_buckets`),
under a fresh id and a day spread over a year, so the index holds N incidents the way a year of news would.
A baseline ledger of 1,000 such incidents sits in the same Redis under another prefix. Then the same real
articles (other ECB+ texts, days in the same year) are filed alternately into both, one at a time, through
`RedisLedger.process`, and the per-article times are compared: absolute times drift on this shared
machine, the ratio measured in the same run does not. ECB+: Cybulska and Vossen, LREC 2014, CC BY 3.0,
read by path from ../shared/data/ecbplus.
"""

import argparse
import asyncio
import dataclasses
import json
import random
import statistics
import time
from datetime import UTC, date, datetime, timedelta

from redis.asyncio import Redis

from _common import ECBPLUS, private_redis_server
from claimwire.dedup import RedisLedger, article_unit, unit_features
from claimwire.dedup._engine import fold, index_buckets
from claimwire.dedup._keys import PartitionKeys
from claimwire.extraction import extract_claims, preload
from claimwire.settings import Settings
from claimwire_contracts import ArticleExtracted, ArticleReceived

YEAR = date(2026, 1, 1)


def articles(rows: list[dict], offset: int, count: int, seed: int) -> list[ArticleExtracted]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        row = rows[(offset + i) % len(rows)]
        day = YEAR + timedelta(days=rng.randrange(365))
        article = ArticleReceived(article_id=f"art_{seed}_{i}", source=f"Outlet {i % 40}", text=row["text"],
                                  published_at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
                                  received_at=datetime(2026, 12, 4, tzinfo=UTC))
        out.append(ArticleExtracted(article=article, claims=extract_claims(article)))
    return out


async def load(client: Redis, settings: Settings, templates: list[ArticleExtracted], size: int) -> float:
    """Write `size` incidents (copies of the templates' filings under fresh ids and days); seconds taken."""
    keys = PartitionKeys.for_anchor(settings, "-")
    now = time.time()
    made = []
    for extracted in templates:
        unit = article_unit(extracted)
        assert unit is not None
        features = unit_features(unit.report, unit.claims)
        folded = fold(unit, features, None, None, None, datetime.fromtimestamp(now, UTC))
        made.append((features, folded.state.incident_id, folded.state.model_dump_json(),
                     json.dumps(folded.summary.to_json())))
    t0 = time.perf_counter()
    rng = random.Random(size)
    pipe = client.pipeline(transaction=False)
    for i in range(size):
        features, template_id, state, summary = made[i % len(made)]
        incident_id = f"{template_id}x{i}"
        day = YEAR + timedelta(days=rng.randrange(365))
        shifted = dataclasses.replace(features, days=(day, day), dated=True)
        key = keys.incident(incident_id)
        pipe.hset(key, mapping={"state": state.replace(template_id, incident_id),
                                "summary": summary.replace(template_id, incident_id), "version": 1})
        for name in index_buckets(shifted):
            pipe.zadd(keys.bucket(name), {incident_id: now})
        if i % 2000 == 1999:
            await pipe.execute()
    await pipe.execute()
    return time.perf_counter() - t0


async def run(url: str, sizes: list[int], timed: int) -> None:
    rows = [json.loads(line) for line in ECBPLUS.read_text().splitlines()]
    preload()
    templates = articles(rows, 0, 500, seed=1)
    probes = articles(rows, 500, timed, seed=2)
    client = Redis.from_url(url)
    for size in sizes:
        base = Settings(redis_url=url, key_prefix=f"scale-base-{size}")
        big = Settings(redis_url=url, key_prefix=f"scale-{size}")
        await load(client, base, templates, 1000)
        took = await load(client, big, templates, size)
        before = (await client.info("memory"))["used_memory"]
        ledgers = {"base": RedisLedger(client, base), "big": RedisLedger(client, big)}
        times: dict[str, list[float]] = {"base": [], "big": []}
        for extracted in probes:
            unit = article_unit(extracted)
            assert unit is not None
            for name, ledger in ledgers.items():
                t0 = time.perf_counter()
                await ledger.process(unit)
                times[name].append(time.perf_counter() - t0)
        mean = {name: statistics.mean(values) * 1e3 for name, values in times.items()}
        p95 = {name: sorted(values)[int(0.95 * len(values))] * 1e3 for name, values in times.items()}
        print(f"ledger of {size:,} incidents (loaded in {took:.0f} s): per article mean {mean['big']:.2f} ms, "
              f"p95 {p95['big']:.2f} ms; same-run 1,000-incident ledger mean {mean['base']:.2f} ms, p95 "
              f"{p95['base']:.2f} ms; ratio of means {mean['big'] / mean['base']:.2f} (target <= 1.5); "
              f"used_memory {before / 2**20:.0f} MiB")
    await client.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000", help="ledger sizes, comma-separated")
    parser.add_argument("--articles", type=int, default=200, help="articles timed per size (each into both ledgers)")
    args = parser.parse_args()
    with private_redis_server() as (url, _):
        asyncio.run(run(url, [int(s) for s in args.sizes.split(",")], args.articles))


if __name__ == "__main__":
    main()
