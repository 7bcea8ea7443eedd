"""The dedup service on a real Redis: incidents out, crash-safe publish, several replicas in one group."""

import pytest

from claimwire.dedup import RedisLedger, cluster_claims, dedup_component
from claimwire.dedup.scoring import bcubed
from claimwire.runtime import start_components
from claimwire.streams import read_events
from claimwire_contracts import DeadLetter, DeadLetterReason

from .helpers import drained, eval_claims, feed_claims, incident_events, latest

pytestmark = pytest.mark.redis


@pytest.fixture
async def start_replicas(settings):
    brokers = []

    async def start(count: int = 1):
        for index in range(count):
            replica = settings.model_copy(update={"consumer_name": f"dedup-{index}", "batch_size": 5})
            brokers.append(await start_components(replica, [dedup_component(replica)]))

    yield start
    for broker in brokers:
        await broker.stop()


async def test_claims_become_incidents_with_increasing_versions(settings, redis_client, start_replicas):
    """Claims fed before the service starts are all merged; each change is published once, versions 1..n."""
    claims, gold = eval_claims()
    await feed_claims(redis_client, settings, claims)
    await start_replicas(1)
    await drained(redis_client, settings)
    events = await incident_events(redis_client, settings)
    assert len(events) == len(claims)
    final = latest(events)
    for incident_id, state in final.items():
        versions = [e.version for e in events if e.incident_id == incident_id]
        assert versions == list(range(1, state.version + 1))
    predicted = {c: i for i, s in final.items() for c in s.claim_ids}
    assert bcubed(predicted, gold).f1 >= 0.9


async def test_malformed_claim_is_dead_lettered_and_the_rest_go_on(settings, redis_client, start_replicas):
    """A claim entry that is not a claim lands in the dead-letter stream; the next one is still merged."""
    claims, _ = eval_claims()
    await redis_client.xadd(settings.claims_stream, {"claim_id": "clm_x", "text": "no article"})
    await feed_claims(redis_client, settings, claims[:1])
    await start_replicas(1)
    await drained(redis_client, settings)
    dead = [d for _, d in await read_events(redis_client, settings.deadletter_stream, DeadLetter)]
    assert [d.reason for d in dead] == [DeadLetterReason.schema_violation]
    assert len(await incident_events(redis_client, settings)) == 1


async def test_crash_between_change_and_publish_republishes_that_version(settings, redis_client, start_replicas):
    """A claim applied but not published (the process died) is published on redelivery with the same version."""
    claims, _ = eval_claims()
    ledger = RedisLedger(redis_client, settings)
    applied = await ledger.process(claims[0])  # the state change of a consumer that then died
    await feed_claims(redis_client, settings, claims[:2])
    await start_replicas(1)
    await drained(redis_client, settings)
    events = await incident_events(redis_client, settings)
    keys = [(e.incident_id, e.version) for e in events]
    assert len(keys) == len(set(keys)) == 2
    assert events[0] == applied.state


async def test_replicas_in_one_group_lose_nothing(settings, redis_client, start_replicas):
    """Three replicas: every claim in exactly one incident, each version of each incident published once
    (1..n, version k holding k claims; replicas may publish two versions out of stream order, subscribers
    keep the highest), and clustering as good as one replica's."""
    claims, gold = eval_claims()
    claims = claims * 1  # all distinct ids
    await start_replicas(3)
    await feed_claims(redis_client, settings, claims)
    await drained(redis_client, settings)
    events = await incident_events(redis_client, settings)
    assert len(events) == len(claims)
    final = latest(events)
    owners = [c for s in final.values() for c in s.claim_ids]
    assert sorted(owners) == sorted(c.claim_id for c in claims)
    for incident_id, state in final.items():
        mine = [e for e in events if e.incident_id == incident_id]
        assert sorted(e.version for e in mine) == list(range(1, state.version + 1))
        assert all(len(e.claim_ids) == e.version for e in mine)
        assert len(state.merges) == len(state.claim_ids) == state.version
    predicted = {c: i for i, s in final.items() for c in s.claim_ids}
    one_replica = {c: i for c, (i, _) in cluster_claims(claims).applied.items()}
    assert bcubed(predicted, gold).f1 >= bcubed(one_replica, gold).f1 - 0.1
