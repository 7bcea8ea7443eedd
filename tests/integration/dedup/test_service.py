"""The dedup service on a real Redis: extracted articles in, incidents out, crash-safe publish, several replicas
in one group."""

import random

import pytest

from claimwire.dedup import RedisLedger, cluster_articles, dedup_component
from claimwire.dedup.scoring import bcubed
from claimwire.runtime import start_components
from claimwire.streams import read_events
from claimwire_contracts import DeadLetter, DeadLetterReason, IncidentUpdated
from tests.data.dedup.wire_set import articles, gold_partition
from tests.support.articles import sample_articles

from .helpers import (
    article_partition,
    copies,
    drained,
    extracted,
    feed_extracted,
    incident_events,
    incident_of_articles,
    latest,
    unit_of,
    wire_feed,
)

pytestmark = pytest.mark.redis


@pytest.fixture
def settings(settings):
    """Every version stays on the incidents stream, so the tests can count them (the default keeps the latest
    only: `test_the_incidents_stream_keeps_each_incidents_latest_version`)."""
    return settings.model_copy(update={"incidents_retention": "all"})


async def test_the_incidents_stream_keeps_each_incidents_latest_version(settings, redis_client):
    """By default each incident has one entry on the incidents stream, its latest version; nothing of the run
    is lost (the latest states hold the wire set's exact partition)."""
    latest_only = settings.model_copy(update={"incidents_retention": "latest", "batch_size": 3})
    feed, _ = wire_feed()
    await feed_extracted(redis_client, latest_only, feed)
    broker = await start_components(latest_only, [dedup_component(latest_only)])
    try:
        await drained(redis_client, latest_only)
    finally:
        await broker.stop()
    events = await incident_events(redis_client, latest_only)
    assert len({e.incident_id for e in events}) == len(events) == len(gold_partition())
    assert gold_partition() == article_partition(latest(events))


@pytest.fixture
async def start_replicas(settings):
    brokers = []

    async def start(count: int = 1, batch_size: int = 5):
        for index in range(count):
            replica = settings.model_copy(update={"consumer_name": f"dedup-{index}", "batch_size": batch_size})
            brokers.append(await start_components(replica, [dedup_component(replica)]))

    yield start
    for broker in brokers:
        await broker.stop()


def assert_versions_complete(events: list[IncidentUpdated]) -> dict[str, IncidentUpdated]:
    """Each incident's versions 1..n published exactly once, version k holding k articles; the final states."""
    final = latest(events)
    for incident_id, state in final.items():
        mine = [e for e in events if e.incident_id == incident_id]
        assert list(range(1, state.version + 1)) == sorted(e.version for e in mine)
        assert all(len(e.article_ids) == len(e.merges) == e.version for e in mine)
    return final


async def test_articles_become_incidents_with_increasing_versions(settings, redis_client, start_replicas):
    """Articles fed before the service starts: one event per article, versions 1..n per incident in stream
    order, every claim in its article's incident, and exactly the wire set's gold partition."""
    entries, _ = wire_feed()
    await feed_extracted(redis_client, settings, entries)
    await start_replicas(1)
    await drained(redis_client, settings)
    events = await incident_events(redis_client, settings)
    assert len(entries) == len(events)
    final = assert_versions_complete(events)
    for incident_id, state in final.items():
        assert list(range(1, state.version + 1)) == [e.version for e in events if e.incident_id == incident_id]
    assert gold_partition() == article_partition(final)
    incident_of = incident_of_articles(final)
    expected = sorted((c.claim_id, incident_of[e.article_id]) for e in entries for c in e.claims)
    assert expected == sorted((c, i) for i, s in final.items() for c in s.claim_ids)


async def test_malformed_entry_is_dead_lettered_and_the_rest_go_on(settings, redis_client, start_replicas):
    """An extracted-stream entry that is not an ArticleExtracted lands in the dead-letter stream; the next
    article is still filed."""
    entries, _ = wire_feed()
    await redis_client.xadd(settings.extracted_stream, {"article_id": "art_x", "text": "no article"})
    await feed_extracted(redis_client, settings, entries[:1])
    await start_replicas(1)
    await drained(redis_client, settings)
    dead = [d for _, d in await read_events(redis_client, settings.deadletter_stream, DeadLetter)]
    assert [DeadLetterReason.schema_violation] == [d.reason for d in dead]
    assert [[entries[0].article_id]] == [e.article_ids for e in await incident_events(redis_client, settings)]


async def test_crash_between_change_and_publish_republishes_that_version(settings, redis_client, start_replicas):
    """An article filed but not published (the process died) is published on redelivery with exactly the
    state its filing produced, once; the next article builds on it."""
    entries, _ = wire_feed()
    ledger = RedisLedger(redis_client, settings)
    applied = await ledger.process(unit_of(entries[0].article))  # the state change of a consumer that then died
    await feed_extracted(redis_client, settings, entries[:2])
    await start_replicas(1)
    await drained(redis_client, settings)
    events = await incident_events(redis_client, settings)
    assert 2 == len(events) == len({(e.incident_id, e.version) for e in events})
    assert applied.state == events[0]
    assert [entries[1].article_id] == [a for a in events[1].article_ids if a != entries[0].article_id]


async def test_replicas_lose_nothing_and_agree_with_one_replica(settings, redis_client, start_replicas):
    """Three replicas on the wire set and the sample articles: every article and claim in exactly one incident,
    each version published once, B-cubed F1 >= 0.98 against the single-process `cluster_articles` partition
    of the same articles in the same order, and no wire story split because two replicas raced (its gold
    partition)."""
    feed = [*articles(), *sample_articles()]
    entries = [extracted(a) for a in feed]
    await start_replicas(3, batch_size=1)
    await feed_extracted(redis_client, settings, entries)
    await drained(redis_client, settings)
    events = await incident_events(redis_client, settings)
    assert len(entries) == len(events)
    final = assert_versions_complete(events)
    assert sorted(e.article_id for e in entries) == sorted(a for s in final.values() for a in s.article_ids)
    assert sorted(c.claim_id for e in entries for c in e.claims) == sorted(
        c for s in final.values() for c in s.claim_ids)
    one_replica = incident_of_articles(cluster_articles(feed).incidents)
    replicas = incident_of_articles(final)
    assert bcubed(replicas, one_replica).f1 >= 0.98, bcubed(replicas, one_replica).as_dict()
    wire = {a.article_id for a in articles()}
    assert gold_partition() == {g for g in article_partition(final) if g <= wire}


async def test_two_replicas_file_exactly_like_one_replica(settings, redis_client, start_replicas):
    """Two replicas decide articles in stream order, so on a shuffled feed (the wire set, the sample articles
    and other outlets' copies of some of them), three articles a batch so their batches interleave, they file
    exactly the partition one replica files."""
    feed = [*articles(), *sample_articles()]
    feed += [c.model_copy(update={"article_id": f"{a.article_id}_copy"}) for a in feed[::3] for c in copies(a, 1)]
    random.Random(12).shuffle(feed)
    entries = [extracted(a) for a in feed]
    alone = settings.model_copy(update={"key_prefix": f"{settings.key_prefix}:one", "consumer_name": "alone",
                                        "batch_size": 3})
    broker = await start_components(alone, [dedup_component(alone)])
    try:
        await feed_extracted(redis_client, alone, entries)
        await drained(redis_client, alone)
    finally:
        await broker.stop()
    await start_replicas(2, batch_size=3)
    await feed_extracted(redis_client, settings, entries)
    await drained(redis_client, settings)
    one = article_partition(latest(await incident_events(redis_client, alone)))
    two = article_partition(assert_versions_complete(await incident_events(redis_client, settings)))
    assert one == two
    assert len(feed) == sum(map(len, two))


async def test_replicas_racing_on_one_story_open_one_incident(settings, redis_client, start_replicas):
    """Copies of one story fed at once to three replicas, one article a batch: one incident, versions 1..n."""
    story = articles()[0]
    reports = copies(story, 12)
    entries = [extracted(c) for c in reports]
    await start_replicas(3, batch_size=1)
    await feed_extracted(redis_client, settings, entries)
    await drained(redis_client, settings)
    final = assert_versions_complete(await incident_events(redis_client, settings))
    assert {frozenset(c.article_id for c in reports)} == article_partition(final)


async def test_refed_article_publishes_nothing_and_leaves_no_entries_or_outbox(settings, redis_client,
                                                                               start_replicas):
    """Acked entries are deleted from the extracted stream and their outbox copies dropped; the same articles
    fed again are filed already and publish nothing."""
    entries, _ = wire_feed()
    await feed_extracted(redis_client, settings, entries)
    await start_replicas(1)
    await drained(redis_client, settings)
    first = await incident_events(redis_client, settings)
    assert 0 == await redis_client.xlen(settings.extracted_stream)
    assert [] == [k async for k in redis_client.scan_iter(match=f"{settings.key_prefix}:dedup:*:o:*")]
    await feed_extracted(redis_client, settings, entries[:3])
    await drained(redis_client, settings)
    assert first == await incident_events(redis_client, settings)
    assert 0 == await redis_client.xlen(settings.extracted_stream)
    assert [] == await read_events(redis_client, settings.deadletter_stream, DeadLetter)
