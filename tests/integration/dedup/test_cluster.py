"""The dedup service on a local 3-master Redis Cluster through FastStream's RedisClusterBroker."""

import uuid
from collections.abc import Iterator

import pytest
from redis.asyncio.cluster import RedisCluster

from claimwire.dedup import RedisLedger, article_unit, dedup_component, unit_features
from claimwire.dedup._engine import index_buckets, lookup_buckets
from claimwire.dedup._keys import PartitionKeys
from claimwire.runtime import start_components
from claimwire.settings import Settings
from tests.data.dedup.wire_set import gold_partition
from tests.support.redis_cluster import private_redis_cluster

from .helpers import (
    article_partition,
    drained,
    feed_extracted,
    incident_events,
    incident_of_articles,
    latest,
    wire_feed,
)

pytestmark = [pytest.mark.cluster, pytest.mark.redis, pytest.mark.slow]


@pytest.fixture(scope="module")
def cluster_url() -> Iterator[str]:
    with private_redis_cluster() as url:
        yield url


@pytest.fixture
def cluster_settings(cluster_url: str) -> Settings:
    # Every version stays on the incidents stream, so the tests can count them.
    return Settings(redis_url=cluster_url, redis_cluster=True, key_prefix=f"cwtest-{uuid.uuid4().hex[:12]}",
                    poll_interval_ms=20, reclaim_idle_ms=500, log_format="json", incidents_retention="all")


@pytest.fixture
async def cluster_client(cluster_settings: Settings):
    client = RedisCluster.from_url(cluster_settings.url)
    yield client
    await client.aclose()


async def test_two_replicas_on_redis_cluster(cluster_settings, cluster_client):
    """On a cluster, two replicas file the wire set: every article and claim placed once, versions complete,
    the gold partition exactly, and each script's keys (article record, outbox, incident, buckets) in one
    slot. Articles are matched by their reports, which name no place, so today every ledger key carries the
    same hash tag: the whole ledger is one slot, on one master."""
    entries, _ = wire_feed()
    await feed_extracted(cluster_client, cluster_settings, entries)
    brokers = []
    try:
        for name in ("c-0", "c-1"):
            replica = cluster_settings.model_copy(update={"consumer_name": name, "batch_size": 2})
            brokers.append(await start_components(replica, [dedup_component(replica)]))
        await drained(cluster_client, cluster_settings)
    finally:
        for broker in brokers:
            await broker.stop()
    events = await incident_events(cluster_client, cluster_settings)
    assert len(entries) == len(events)
    final = latest(events)
    assert sorted(e.article_id for e in entries) == sorted(a for s in final.values() for a in s.article_ids)
    assert sorted(c.claim_id for e in entries for c in e.claims) == sorted(
        c for s in final.values() for c in s.claim_ids)
    for incident_id, state in final.items():
        assert list(range(1, state.version + 1)) == sorted(e.version for e in events if e.incident_id == incident_id)
    assert gold_partition() == article_partition(final)
    incident_of = incident_of_articles(final)
    slots = set()
    for entry in entries:
        unit = article_unit(entry)
        assert unit is not None
        features = unit_features(unit.report, unit.claims)
        keys = PartitionKeys.for_anchor(cluster_settings, features.anchor)
        buckets = [*lookup_buckets(features), *index_buckets(features)]
        script_keys = [keys.claim(unit.report.claim_id), keys.outbox(unit.article_id),
                       keys.incident(incident_of[entry.article_id]), *map(keys.bucket, buckets)]
        script_slots = {cluster_client.keyslot(k) for k in script_keys}
        assert 1 == len(script_slots), entry.article_id
        slots |= script_slots
    stored = [k.decode() async for k in cluster_client.scan_iter(match=f"{cluster_settings.key_prefix}:dedup:{{*")]
    assert stored
    assert slots == {cluster_client.keyslot(k) for k in stored}
    assert 1 == len(slots)


async def test_ledger_idempotent_on_cluster(cluster_settings, cluster_client):
    """On a cluster the scripts run (one slot each) and a repeated article changes nothing."""
    entries, _ = wire_feed()
    unit = article_unit(entries[0])
    assert unit is not None
    ledger = RedisLedger(cluster_client, cluster_settings)
    first = await ledger.process(unit)
    again = await ledger.process(unit)
    assert first.fresh and not again.fresh
    assert first.state == again.state
    assert [first.state] == await ledger.recent(5)


async def test_ingest_worker_and_dedup_on_cluster(cluster_settings, cluster_client):
    """Articles published on a cluster flow through the ingest worker and the dedup service: every claim
    the extraction yields ends in exactly one incident, its article's, and every article in one incident."""
    from claimwire.extraction import extract_claims
    from claimwire.ingest import ingest_stage
    from claimwire.progress import wait_until_drained
    from claimwire.streams import publish_all
    from tests.support.articles import sample_articles

    articles = sample_articles()
    await publish_all(cluster_client, [(cluster_settings.articles_stream, a, a.article_id) for a in articles],
                      maxlen=None)
    broker = await start_components(cluster_settings, [ingest_stage(cluster_settings),
                                                       dedup_component(cluster_settings)])
    try:
        assert await wait_until_drained(cluster_client, [
            (cluster_settings.articles_stream, cluster_settings.ingest_group),
            (cluster_settings.extracted_stream, cluster_settings.dedup_group)], timeout=30)
    finally:
        await broker.stop()
    final = latest(await incident_events(cluster_client, cluster_settings))
    incident_of = incident_of_articles(final)
    assert sorted(a.article_id for a in articles) == sorted(a for s in final.values() for a in s.article_ids)
    expected = sorted((c.claim_id, incident_of[a.article_id]) for a in articles for c in extract_claims(a))
    assert expected == sorted((c, i) for i, s in final.items() for c in s.claim_ids)
