"""publish_all on a real Redis: order, chunks, several streams, MAXLEN, and what a FastStream subscriber reads."""

import pytest
from faststream.redis import RedisBroker, RedisStreamMessage, StreamSub

from claimwire import streams
from claimwire.streams import ensure_group, publish_all, read_events
from claimwire_contracts import ArticleReceived, ClaimExtracted
from tests.support.articles import sample_articles

pytestmark = pytest.mark.redis


async def test_events_of_several_streams_keep_their_order_across_chunks(settings, redis_client, monkeypatch):
    """More events than one scripted call takes: every one written once, in order, each to its own stream, and
    the returned ids are the new entries', in the order of the events."""
    monkeypatch.setattr(streams, "XADD_CHUNK", 7)
    from claimwire.extraction import extract_claims

    articles = sample_articles()
    claims = [c for a in articles for c in extract_claims(a)]
    events = [(settings.claims_stream, c, c.claim_id) for c in claims]
    events += [(settings.articles_stream, a, a.article_id) for a in articles]
    ids = await publish_all(redis_client, events, maxlen=None)
    written_claims = await read_events(redis_client, settings.claims_stream, ClaimExtracted)
    written_articles = await read_events(redis_client, settings.articles_stream, ArticleReceived)
    assert [c for _, c in written_claims] == claims
    assert [a for _, a in written_articles] == articles
    assert ids == [i for i, _ in written_claims] + [i for i, _ in written_articles]


async def test_maxlen_trims_the_stream(settings, redis_client):
    """With maxlen the stream is trimmed (approximately, as FastStream's publisher does)."""
    article = sample_articles()[0]
    await publish_all(redis_client, [(settings.articles_stream, article, str(i)) for i in range(3000)], maxlen=1000)
    assert 1000 <= await redis_client.xlen(settings.articles_stream) < 3000


async def test_a_faststream_subscriber_reads_what_publish_all_wrote(settings, redis_client):
    """The real broker's subscriber decodes the scripted XADDs into the contract, correlation id included."""
    import asyncio

    article = sample_articles()[0]
    got: asyncio.Future = asyncio.get_running_loop().create_future()
    broker = RedisBroker(settings.url)

    @broker.subscriber(stream=StreamSub(settings.articles_stream, group="reader", consumer="r1"))
    async def handle(body: ArticleReceived, message: RedisStreamMessage) -> None:
        if not got.done():
            got.set_result((body, message.correlation_id))

    await publish_all(redis_client, [(settings.articles_stream, article, "corr-1")], maxlen=None)
    await ensure_group(redis_client, settings.articles_stream, "reader")
    async with broker:
        await broker.start()
        body, correlation_id = await asyncio.wait_for(got, 10)
    assert (body, correlation_id) == (article, "corr-1")


def test_a_marker_shares_its_stream_s_cluster_slot():
    """The marker hashes as its stream does, whether the stream has a hash tag or not; braces in the owner do not
    matter."""
    from redis.crc import key_slot

    once = streams.SentMarkers("claimwire:sent", "desk.claims:{odd}group")
    for stream in ("claimwire:claims", "claimwire:{desk}:changes"):
        assert key_slot(stream.encode()) == key_slot(once.key(stream, "1-0").encode())


async def test_a_failed_stream_write_raises_the_redis_error_itself(settings, redis_client):
    """One output stream cannot be written (the key holds a string): the Redis error reaches the caller as
    itself, not wrapped in an exception group, so the stage leaves the batch pending for a retry."""
    from redis.exceptions import ResponseError

    article = sample_articles()[0]
    broken = settings.key("not-a-stream")
    await redis_client.set(broken, "x")
    with pytest.raises(ResponseError, match="WRONGTYPE"):
        await publish_all(redis_client, [(settings.articles_stream, article, "a"), (broken, article, "b")],
                          maxlen=None)


async def test_with_once_a_source_entry_publishes_its_events_at_most_once(settings, redis_client, monkeypatch):
    """A batch published again (redelivered after a crash before its ack) writes only the sources not published
    before, and returns the first publish's ids for the others; chunks never split one source's events."""
    monkeypatch.setattr(streams, "XADD_CHUNK", 3)
    from claimwire.extraction import extract_claims

    by_source = {f"1-{i}": extract_claims(a) for i, a in enumerate(sample_articles())}
    events = [(settings.claims_stream, c, source) for source, claims in by_source.items() for c in claims]
    half = [e for e in events if e[2] in list(by_source)[:4]]
    once = streams.SentMarkers(settings.key("sent"), "test:group")
    first = await publish_all(redis_client, half, maxlen=None, once=once)
    again = await publish_all(redis_client, events, maxlen=None, once=once)
    written = await read_events(redis_client, settings.claims_stream, ClaimExtracted)
    assert [c for _, c, _ in events] == [c for _, c in written]
    assert [i for i, _ in written] == again
    assert first == again[: len(half)]
    assert await redis_client.ttl(once.key(settings.claims_stream, "1-0")) > 0
