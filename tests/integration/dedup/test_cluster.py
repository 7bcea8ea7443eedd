"""The dedup service on a local 3-master Redis Cluster through FastStream's RedisClusterBroker."""

import uuid
from collections.abc import Iterator

import pytest
from redis.asyncio.cluster import RedisCluster

from claimwire.dedup import RedisLedger, dedup_component
from claimwire.dedup.scoring import bcubed
from claimwire.runtime import start_components
from claimwire.settings import Settings
from tests.support.redis_cluster import private_redis_cluster

from .helpers import drained, eval_claims, feed_claims, incident_events, latest

pytestmark = [pytest.mark.cluster, pytest.mark.redis, pytest.mark.slow]


@pytest.fixture(scope="module")
def cluster_url() -> Iterator[str]:
    with private_redis_cluster() as url:
        yield url


@pytest.fixture
def cluster_settings(cluster_url: str) -> Settings:
    return Settings(redis_url=cluster_url, redis_cluster=True, key_prefix=f"cwtest-{uuid.uuid4().hex[:12]}",
                    poll_interval_ms=20, reclaim_idle_ms=500, log_format="json")


@pytest.fixture
async def cluster_client(cluster_settings: Settings):
    client = RedisCluster.from_url(cluster_settings.url)
    yield client
    await client.aclose()


async def test_two_replicas_on_redis_cluster(cluster_settings, cluster_client):
    """On a cluster, two replicas merge the evaluation claims: all claims placed once, versions complete,
    partitions spread over several slots, quality as on one Redis."""
    claims, gold = eval_claims()
    await feed_claims(cluster_client, cluster_settings, claims)
    brokers = []
    try:
        for name in ("c-0", "c-1"):
            replica = cluster_settings.model_copy(update={"consumer_name": name, "batch_size": 5})
            brokers.append(await start_components(replica, [dedup_component(replica)]))
        await drained(cluster_client, cluster_settings)
    finally:
        for broker in brokers:
            await broker.stop()
    events = await incident_events(cluster_client, cluster_settings)
    final = latest(events)
    assert sorted(c for s in final.values() for c in s.claim_ids) == sorted(c.claim_id for c in claims)
    for incident_id, state in final.items():
        assert sorted(e.version for e in events if e.incident_id == incident_id) == list(
            range(1, state.version + 1))
    predicted = {c: i for i, s in final.items() for c in s.claim_ids}
    assert bcubed(predicted, gold).f1 >= 0.9
    slots = {cluster_client.keyslot(f"{{{i.split('_')[1]}}}") for i in final}
    assert len(slots) > 1


async def test_ledger_idempotent_on_cluster(cluster_settings, cluster_client):
    """On a cluster the scripts run (one slot each) and a repeated claim changes nothing."""
    claims, _ = eval_claims()
    ledger = RedisLedger(cluster_client, cluster_settings)
    first = await ledger.process(claims[0])
    again = await ledger.process(claims[0])
    assert not again.fresh and again.state == first.state
    assert (await ledger.recent(5))[0].incident_id == first.state.incident_id


async def test_ingest_worker_and_dedup_on_cluster(cluster_settings, cluster_client):
    """Articles published on a cluster flow through the ingest worker and the dedup service: every claim
    the extraction yields arrives and ends in exactly one incident."""
    from claimwire.dedup import article_claims
    from claimwire.ingest import ingest_stage
    from claimwire.progress import wait_until_drained
    from claimwire.streams import publish_all
    from tests.support.articles import sample_articles

    articles = sample_articles()
    expected = {c.claim_id for a in articles for c in article_claims(a)}
    await publish_all(cluster_client, [(cluster_settings.articles_stream, a, a.article_id) for a in articles],
                      maxlen=None)
    broker = await start_components(cluster_settings, [ingest_stage(cluster_settings),
                                                       dedup_component(cluster_settings)])
    try:
        assert await wait_until_drained(cluster_client, [
            (cluster_settings.articles_stream, cluster_settings.ingest_group),
            (cluster_settings.claims_stream, cluster_settings.dedup_group),
            (cluster_settings.articles_stream, cluster_settings.dedup_articles_group)], timeout=30)
        await drained(cluster_client, cluster_settings)
    finally:
        await broker.stop()
    final = latest(await incident_events(cluster_client, cluster_settings))
    placed = [c for s in final.values() for c in s.claim_ids]
    assert sorted(placed) == sorted(expected)
