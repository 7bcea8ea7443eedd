"""The Redis ledger on a real Redis: idempotency, versions, window expiry, keys, and the offline equivalence."""

import asyncio
from collections import Counter

import pytest

from claimwire.dedup import MemoryLedger, RedisLedger, cluster_articles, dedup_component, unit_features
from claimwire.dedup._features import UNPLACED
from claimwire.dedup._keys import DOCS_FIELD, PartitionKeys
from claimwire.runtime import start_components
from tests.data.dedup.wire_set import articles
from tests.support.articles import sample_articles

from .helpers import copies, drained, extracted, feed_extracted, incident_events, latest, unit_of

pytestmark = pytest.mark.redis


async def test_same_article_twice_changes_nothing(settings, redis_client):
    """An article filed again returns the state its filing produced (no version bump); once published, a
    re-fed article returns no state at all."""
    ledger = RedisLedger(redis_client, settings)
    unit = unit_of(articles()[0])
    first = await ledger.process(unit)
    again = await ledger.process(unit)
    assert first.fresh and not again.fresh
    assert first.state == again.state
    assert first.state == await ledger.incident(first.state.incident_id)
    assert 1 == first.state.version
    await ledger.published([unit.article_id], [])
    refed = await ledger.process(unit)
    assert (None, False) == (refed.state, refed.fresh)
    assert first.state == await ledger.incident(first.state.incident_id)


async def test_document_frequencies_count_each_article_once(settings, redis_client):
    """The IDF statistic counts each article's tokens once, whatever its claims repeat; a redelivery does not
    count them again."""
    ledger = RedisLedger(redis_client, settings)
    one, other = unit_of(articles()[0]), unit_of(articles()[3])
    for unit in (one, other, one):
        await ledger.process(unit)
    counts = await redis_client.hgetall(PartitionKeys.for_anchor(settings, UNPLACED).df)
    actual = {k.decode(): int(v) for k, v in counts.items()}
    expected = Counter(unit_features(one.report, one.claims).tokens)
    expected.update(unit_features(other.report, other.claims).tokens)
    assert {DOCS_FIELD: 2, **expected} == actual


async def test_redis_ledger_files_like_the_memory_ledger(settings, redis_client):
    """The same articles in the same order (and at the same times) give the same incident states, article by
    article, in Redis as in the offline MemoryLedger."""
    ledger = RedisLedger(redis_client, settings.model_copy(update={"dedup_window_s": 400 * 24 * 3600}))
    memory = MemoryLedger()
    feed = sorted([*articles(), *sample_articles()], key=lambda a: a.published_at)
    for article in feed:
        unit = unit_of(article)
        applied = await ledger.process(unit, now=article.published_at.timestamp())
        assert memory.process(unit) == applied.state, article.article_id
    assert any(len(s.article_ids) > 1 for s in memory.states.values()), "reports of one story merge"


async def test_concurrent_filings_of_one_incident_lose_nothing(settings, redis_client):
    """Twenty reports of one story filed concurrently: one incident, every article and claim in it, versions
    1..20 each used once."""
    ledger = RedisLedger(redis_client, settings)
    units = [unit_of(a) for a in copies(articles()[0], 20)]
    results = await asyncio.gather(*(ledger.process(u) for u in units))
    incident = await ledger.incident(results[0].state.incident_id)
    assert {incident.incident_id} == {r.state.incident_id for r in results}
    assert list(range(1, 21)) == sorted(r.state.version for r in results)
    assert sorted(u.article_id for u in units) == sorted(incident.article_ids)
    assert sorted(c.claim_id for u in units for c in u.claims) == sorted(incident.claim_ids)


async def test_old_incidents_stop_attracting_articles_but_stay_readable(settings, redis_client):
    """After the window an identical report opens a new incident; the old record is still there."""
    ledger = RedisLedger(redis_client, settings.model_copy(update={"dedup_window_s": 60}))
    first, second, third = (unit_of(a) for a in copies(articles()[0], 3))
    old = await ledger.process(first, now=1_000_000.0)
    late = await ledger.process(second, now=1_000_061.0)
    soon = await ledger.process(third, now=1_000_062.0)
    assert late.state.incident_id != old.state.incident_id
    assert soon.state.incident_id == late.state.incident_id
    assert old.state == await ledger.incident(old.state.incident_id)


async def test_every_key_is_under_the_prefix_and_index_keys_expire(settings, redis_client):
    """All keys start with the prefix; index buckets expire within the window, the outbox copy within its TTL;
    the incident and the article's record stay."""
    ledger = RedisLedger(redis_client, settings)
    before = {k.decode() async for k in redis_client.scan_iter(match="*")}
    unit = unit_of(articles()[0])
    applied = await ledger.process(unit)
    ours = {k.decode() async for k in redis_client.scan_iter(match="*")} - before
    assert all(k.startswith(settings.key_prefix + ":") for k in ours)
    keys = PartitionKeys.for_incident(settings, applied.state.incident_id)
    buckets = [k for k in ours if k.startswith(keys.base + ":x:")]
    assert buckets
    for key in buckets:
        assert 0 < await redis_client.ttl(key) <= settings.dedup_window_s
    assert 0 < await redis_client.ttl(keys.outbox(unit.article_id)) <= settings.dedup_outbox_ttl_s
    assert -1 == await redis_client.ttl(keys.incident(applied.state.incident_id))
    assert -1 == await redis_client.ttl(keys.claim(unit.report.claim_id))


async def test_service_files_like_cluster_articles(settings, redis_client):
    """The sample articles through the dedup service (one replica) end in the incidents `claimwire cluster`
    (cluster_articles) makes of them: same ids, articles, claims, reasons and figures."""
    feed = sample_articles()
    await feed_extracted(redis_client, settings, [extracted(a) for a in feed])
    broker = await start_components(settings, [dedup_component(settings)])
    try:
        await drained(redis_client, settings)
    finally:
        await broker.stop()
    timeless = {"first_seen", "last_seen"}
    offline = {s.incident_id: s.model_dump(exclude=timeless) for s in cluster_articles(feed).incidents}
    final = latest(await incident_events(redis_client, settings))
    served = {i: s.model_dump(exclude=timeless) for i, s in final.items()}
    assert offline == served
    assert any(len(s["article_ids"]) > 1 for s in offline.values()), "reports of one story from several outlets merge"
