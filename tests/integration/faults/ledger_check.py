"""What a fault test feeds, how it waits, and what "nothing lost, nothing doubled, ledger consistent" means."""

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from functools import cache

import redis
from redis.asyncio import Redis

from claimwire.dedup import RedisLedger, report_claim
from claimwire.extraction import extract_claims
from claimwire.progress import group_backlog
from claimwire.settings import Settings
from claimwire.streams import publish_all, read_events
from claimwire_contracts import ArticleReceived, ClaimExtracted, DeadLetter, IncidentUpdated
from tests.data.dedup.wire_set import articles as wire_articles
from tests.support.articles import sample_articles


def fault_articles(count: int) -> list[ArticleReceived]:
    """`count` distinct articles (own ids and outlets) cycling through the wire set and the samples, so the
    ledger both opens incidents and merges into them."""
    base = [*wire_articles(), *sample_articles()]
    return [
        base[i % len(base)].model_copy(update={"article_id": f"art_fault_{i:05d}", "source": f"Outlet {i % 7}"})
        for i in range(count)
    ]


@cache
def _claim_ids(article: ArticleReceived) -> tuple[str, ...]:
    return tuple(c.claim_id for c in extract_claims(article))


def expected_claims(articles: list[ArticleReceived]) -> Counter[str]:
    """The claim ids offline extraction gives for `articles`, each counted once per time it is produced."""
    return Counter(claim_id for article in articles for claim_id in _claim_ids(article))


def feed(url: str, settings: Settings, articles: list[ArticleReceived]) -> None:
    """Publish `articles` on the articles stream as the adapter does (one scripted XADD per chunk)."""

    async def run() -> None:
        async with Redis.from_url(url) as client:
            await publish_all(client, [(settings.articles_stream, a, a.article_id) for a in articles], maxlen=None)

    asyncio.run(run())


def stream_length(url: str, stream: str) -> int:
    """XLEN of `stream`, 0 while Redis is unreachable."""
    try:
        with redis.Redis.from_url(url) as client:
            return int(client.xlen(stream))
    except redis.ConnectionError:
        return 0


def wait_until(condition: Callable[[], bool], timeout: float, what: Callable[[], str]) -> None:
    """Poll `condition` every 50 ms until true; fail with `what()` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what()
        time.sleep(0.05)


def wait_until_done(url: str, settings: Settings, articles: list[ArticleReceived], timeout: float = 60) -> None:
    """Block until both groups have nothing left and the incidents name every article (or fail after `timeout`)."""

    async def done() -> bool:
        async with Redis.from_url(url) as client:
            backlogs = [
                await group_backlog(client, settings.articles_stream, settings.ingest_group, limit=1),
                await group_backlog(client, settings.extracted_stream, settings.dedup_group, limit=1),
            ]
            if backlogs != [0, 0]:
                return False
            filed = {a for _, i in await read_events(client, settings.incidents_stream, IncidentUpdated)
                     for a in i.article_ids}
            return filed >= {a.article_id for a in articles}

    def check() -> bool:
        try:
            return asyncio.run(done())
        except (redis.ConnectionError, OSError):
            return False

    wait_until(check, timeout, lambda: "the pipeline did not finish the articles")


def assert_exactly_once(url: str, settings: Settings, articles: list[ArticleReceived]) -> None:
    """The claims stream holds each claim offline extraction gives exactly once; every incident version was
    published once (versions 1..n, none twice, none missing); the latest versions place every claim in exactly
    one incident and file every article once; the ledger's records agree; no dead letter."""
    asyncio.run(_assert_exactly_once(url, settings, articles))


async def _assert_exactly_once(url: str, settings: Settings, articles: list[ArticleReceived]) -> None:
    async with Redis.from_url(url) as client:
        claims = [c for _, c in await read_events(client, settings.claims_stream, ClaimExtracted)]
        updates = [u for _, u in await read_events(client, settings.incidents_stream, IncidentUpdated)]
        dead = await read_events(client, settings.deadletter_stream, DeadLetter)
        ledger = RedisLedger(client, settings)
        latest = _latest_once_each(updates)
        stored = {incident_id: await ledger.incident(incident_id) for incident_id in latest}
        backlog = await client.xlen(settings.extracted_stream)

    assert [] == [(d.reason, d.detail) for d in dead], "no dead letter"
    expected = expected_claims(articles)
    actual = Counter(c.claim_id for c in claims)
    assert {} == {k: n for k, n in (expected - actual).items()}, "claims lost"
    assert {} == {k: n for k, n in (actual - expected).items()}, "claims doubled (or never expected)"

    placed = Counter(claim_id for incident in latest.values() for claim_id in incident.claim_ids)
    assert expected == placed, "every claim in exactly one incident"
    filed = sorted((m.article_id, m.claim_id) for incident in latest.values() for m in incident.merges)
    assert sorted((a.article_id, report_claim(a).claim_id) for a in articles) == filed, "each article filed once"
    assert latest == stored, "the ledger holds the latest published version of each incident"
    assert 0 == backlog, "the dedup service deleted every extracted entry it filed"


def _latest_once_each(updates: list[IncidentUpdated]) -> dict[str, IncidentUpdated]:
    """The latest version of each incident, after checking each version was published exactly once."""
    published = Counter((u.incident_id, u.version) for u in updates)
    assert {} == {k: n for k, n in published.items() if n > 1}, "incident versions published twice"
    versions: dict[str, list[int]] = {}
    for incident_id, version in published:
        versions.setdefault(incident_id, []).append(version)
    gaps = {i: sorted(v) for i, v in versions.items() if sorted(v) != list(range(1, len(v) + 1))}
    assert {} == gaps, "every version of every incident published (1..n)"
    latest: dict[str, IncidentUpdated] = {}
    for update in updates:
        if update.incident_id not in latest or update.version > latest[update.incident_id].version:
            latest[update.incident_id] = update
    return latest
