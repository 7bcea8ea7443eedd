"""The Redis ledger on a real Redis: idempotency, versions, window expiry, one slot per script."""

import asyncio

import pytest

from claimwire.dedup import RedisLedger, cluster_claims
from claimwire.dedup._keys import PartitionKeys
from tests.unit.dedup.factories import claim

from .helpers import eval_claims

pytestmark = pytest.mark.redis


async def test_same_claim_twice_changes_nothing(settings, redis_client):
    """A claim processed again returns the recorded state: no version bump, no second count."""
    ledger = RedisLedger(redis_client, settings)
    first = await ledger.process(claim("a drone hit the depot"))
    again = await ledger.process(claim("a drone hit the depot"))
    assert first.fresh and not again.fresh
    assert again.state == first.state
    stored = await ledger.incident(first.state.incident_id)
    assert stored.version == 1
    assert stored.claim_ids == first.state.claim_ids


async def test_redis_ledger_clusters_like_the_offline_clusterer(settings, redis_client):
    """The same claims in the same order give the same incidents in Redis as in memory, including a placed
    claim that follows an unplaced one of its article (partitions are apart in both)."""
    claims, _ = eval_claims()
    claims += [claim("the Zarya power plant was shut down after the strike", article="art_zp", places=()),
               claim("the Zarya power plant was shut down after the strike", article="art_zp", start=80)]
    ledger = RedisLedger(redis_client, settings)
    redis_assignment = {c.claim_id: (await ledger.process(c)).state.incident_id for c in claims}
    offline = cluster_claims(claims)
    assert redis_assignment == {c: i for c, (i, _) in offline.applied.items()}


async def test_concurrent_claims_of_one_partition_lose_nothing(settings, redis_client):
    """Twenty claims of one incident applied concurrently: every one counted, versions 1..20 each used once."""
    ledger = RedisLedger(redis_client, settings)
    claims = [claim(f"a missile hit the Saltivskyi apartment block, report {i}", article=f"art_{i}")
              for i in range(20)]
    results = await asyncio.gather(*(ledger.process(c) for c in claims))
    versions = sorted(r.state.version for r in results)
    incident = await ledger.incident(results[0].state.incident_id)
    assert {r.state.incident_id for r in results} == {incident.incident_id}
    assert versions == list(range(1, 21))
    assert sorted(incident.claim_ids) == sorted(c.claim_id for c in claims)


async def test_old_incidents_stop_attracting_claims_but_stay_readable(settings, redis_client):
    """After the window an identical report opens a new incident; the old record is still there."""
    quick = settings.model_copy(update={"dedup_window_s": 60})
    ledger = RedisLedger(redis_client, quick)
    old = await ledger.process(claim("a missile hit the port terminal", article="art_1"), now=1_000_000.0)
    late = await ledger.process(claim("a missile hit the port terminal", article="art_2"), now=1_000_061.0)
    soon = await ledger.process(claim("a missile hit the port terminal", article="art_3"), now=1_000_062.0)
    assert late.state.incident_id != old.state.incident_id
    assert soon.state.incident_id == late.state.incident_id
    assert (await ledger.incident(old.state.incident_id)).claim_ids == old.state.claim_ids


async def test_every_key_is_under_the_prefix_and_index_keys_expire(settings, redis_client):
    """All keys start with the prefix; index buckets carry a TTL no longer than the window."""
    ledger = RedisLedger(redis_client, settings)
    before = {k.decode() async for k in redis_client.scan_iter(match="*")}
    applied = await ledger.process(claim("a drone hit the depot"))
    ours = {k.decode() async for k in redis_client.scan_iter(match="*")} - before
    assert all(k.startswith(settings.key_prefix + ":") for k in ours)
    base = PartitionKeys.for_incident(settings, applied.state.incident_id).base
    buckets = [k for k in ours if k.startswith(base + ":x:")]
    assert buckets
    for key in buckets:
        assert 0 < await redis_client.ttl(key) <= settings.dedup_window_s
    assert await redis_client.ttl(f"{base}:i:{applied.state.incident_id}") == -1


async def test_unlocated_claim_redelivered_after_its_article_moved_stays_applied_once(settings, redis_client):
    """A claim without place processed before its article's located claim keeps its partition on redelivery:
    it is not applied a second time elsewhere."""
    ledger = RedisLedger(redis_client, settings)
    follow_up = claim("two attackers were killed", article="art_z", places=(), event_type="casualties", start=60)
    first = await ledger.process(follow_up)
    await ledger.process(claim("Russian forces shelled Zarichne", article="art_z",
                               places=(("Zarichne", "Bryansk region"),)))
    again = await ledger.process(follow_up)
    assert not again.fresh
    assert again.state == first.state


async def test_service_files_articles_and_claims_like_cluster_articles(settings, redis_client):
    """Each article's report, then its claims, in input order: the Redis ledger ends where `claimwire cluster`
    (cluster_inputs) ends with the same articles."""
    from claimwire.dedup import article_claims, report_claim
    from claimwire.dedup._inputs import Input
    from claimwire.dedup._offline_run import cluster_inputs
    from tests.support.articles import sample_articles

    articles = sample_articles()
    offline = cluster_inputs([Input(a.article_id, article=a) for a in articles])
    offline_of = {c: s.incident_id for s in offline.incidents for c in s.claim_ids}
    ledger = RedisLedger(redis_client, settings)
    redis_of: dict[str, str] = {}
    for article in articles:
        report = report_claim(article)
        for c in article_claims(article):
            applied = await ledger.process(c, article_report=report is not None and c.claim_id == report.claim_id)
            redis_of[c.claim_id] = applied.state.incident_id
    assert redis_of == offline_of
    assert any(len(s.article_ids) > 1 for s in offline.incidents), "reports of one story from several outlets merge"
