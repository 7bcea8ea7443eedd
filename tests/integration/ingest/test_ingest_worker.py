"""The ingest worker against a real Redis: claims out, bad input dead-lettered, retries capped, reclaim."""

import asyncio
import json
from collections.abc import AsyncIterator, Callable

import pytest
from faststream.redis import RedisBroker
from redis.asyncio import Redis

from claimwire.broker import build_broker
from claimwire.extraction import extract_claims
from claimwire.ingest import ingest_stage
from claimwire.progress import wait_until_drained
from claimwire.runtime import serve, start_components
from claimwire.settings import Settings
from claimwire.streams import DATA_FIELD, ensure_group, forget_idle_consumers, read_events
from claimwire_contracts import ArticleReceived, ClaimExtracted, DeadLetter, DeadLetterReason
from tests.support.articles import original_seed_article, sample_articles

pytestmark = pytest.mark.redis


async def publish_articles(settings: Settings, articles: list[ArticleReceived]) -> None:
    broker = build_broker(settings)
    await broker.connect()
    try:
        for article in articles:
            await broker.publish(article, stream=settings.articles_stream)
    finally:
        await broker.stop()


async def drained(client: Redis, settings: Settings, timeout: float = 20) -> None:
    assert await wait_until_drained(client, [(settings.articles_stream, settings.ingest_group)], timeout=timeout)


@pytest.fixture
async def start_worker(settings: Settings) -> AsyncIterator[Callable[..., object]]:
    brokers: list[RedisBroker] = []

    async def start(
        extract: Callable[[ArticleReceived], list[ClaimExtracted]] = extract_claims, **overrides: object
    ) -> RedisBroker:
        worker_settings = settings.model_copy(update=overrides)
        broker = await start_components(worker_settings, [ingest_stage(worker_settings, extract)])
        brokers.append(broker)
        return broker

    yield start
    for broker in brokers:
        await broker.stop()


async def test_articles_become_claims_whose_offsets_slice_the_text(settings, redis_client, start_worker):
    """Every article published before the worker starts is processed; each claim's span slices its text."""
    articles = sample_articles()
    seed = original_seed_article()
    if seed is not None:
        articles.append(seed)
    await publish_articles(settings, articles)  # before the group exists: must not be skipped
    await start_worker()
    await drained(redis_client, settings)

    claims = [c for _, c in await read_events(redis_client, settings.claims_stream, ClaimExtracted)]
    by_id = {a.article_id: a for a in articles}
    expected = {c.claim_id for a in articles for c in extract_claims(a)}
    assert expected == {c.claim_id for c in claims}
    for claim in claims:
        text = by_id[claim.article_id].text
        assert claim.text == text[claim.span.start : claim.span.end]
        if claim.cue is not None:
            assert claim.cue.text == text[claim.cue.span.start : claim.cue.span.end]


async def test_malformed_entries_are_dead_lettered_and_the_worker_keeps_going(settings, redis_client, start_worker):
    """Garbage, a schema violation and an oversize entry each land in the dead-letter stream with a reason."""
    await start_worker(max_article_bytes=5000)
    await redis_client.xadd(settings.articles_stream, {"__data__": b"\x00\xffnot json"})
    await redis_client.xadd(settings.articles_stream, {"text": "no id, no received_at"})
    await redis_client.xadd(
        settings.articles_stream,
        {"text": "x" * 6000, "article_id": "a", "received_at": "2026-01-01T00:00:00Z"},
    )
    good = sample_articles()[0]
    await publish_articles(settings, [good])
    await drained(redis_client, settings)

    dead = [d for _, d in await read_events(redis_client, settings.deadletter_stream, DeadLetter)]
    assert [
        DeadLetterReason.malformed_json,
        DeadLetterReason.schema_violation,
        DeadLetterReason.too_large,
    ] == [d.reason for d in dead]
    assert dead[0].fields_base64, "non-UTF-8 bytes are kept base64-encoded"
    assert "article_id" in dead[1].detail
    claims = [c for _, c in await read_events(redis_client, settings.claims_stream, ClaimExtracted)]
    assert {c.claim_id for c in extract_claims(good)} == {c.claim_id for c in claims}


async def test_an_article_that_keeps_failing_is_dead_lettered_after_max_attempts(settings, redis_client, start_worker):
    """Extraction raising leaves the entry pending; it is reclaimed and retried, then dead-lettered."""
    calls: list[str] = []

    def broken(article: ArticleReceived) -> list[ClaimExtracted]:
        calls.append(article.article_id)
        raise RuntimeError("extractor bug")

    await start_worker(broken, max_attempts=3, reclaim_idle_ms=200)
    article = sample_articles()[0]
    await publish_articles(settings, [article])
    for _ in range(200):
        if await redis_client.xlen(settings.deadletter_stream):
            break
        await asyncio.sleep(0.05)
    dead = [d for _, d in await read_events(redis_client, settings.deadletter_stream, DeadLetter)]
    assert len(dead) == 1
    assert DeadLetterReason.extraction_error == dead[0].reason
    assert dead[0].attempts == 3
    assert dead[0].article_id == article.article_id
    assert dead[0].first_failed_at <= dead[0].dead_lettered_at
    assert len(calls) == 3
    await drained(redis_client, settings)


async def test_entries_of_a_dead_consumer_are_reclaimed(settings, redis_client, start_worker):
    """An entry read by a consumer that died without acking is reclaimed and processed by the worker."""
    article = sample_articles()[1]
    await publish_articles(settings, [article])
    await ensure_group(redis_client, settings.articles_stream, settings.ingest_group)
    taken = await redis_client.xreadgroup(
        settings.ingest_group, "dead-consumer", {settings.articles_stream: ">"}, count=10
    )
    assert len(taken[0][1]) == 1
    await start_worker(reclaim_idle_ms=300)
    await drained(redis_client, settings)
    claims = [c for _, c in await read_events(redis_client, settings.claims_stream, ClaimExtracted)]
    assert {c.claim_id for c in extract_claims(article)} == {c.claim_id for c in claims}


async def test_idle_consumers_without_pending_entries_are_forgotten_and_others_kept(settings, redis_client):
    """forget_idle_consumers deletes idle consumers that own nothing and keeps those with pending entries."""
    await publish_articles(settings, sample_articles()[:2])
    await ensure_group(redis_client, settings.articles_stream, settings.ingest_group)
    await redis_client.xreadgroup(settings.ingest_group, "holds-one", {settings.articles_stream: ">"}, count=1)
    read = await redis_client.xreadgroup(
        settings.ingest_group, "owns-nothing", {settings.articles_stream: ">"}, count=1
    )
    await redis_client.xack(settings.articles_stream, settings.ingest_group, read[0][1][0][0])
    await asyncio.sleep(0.05)
    gone = await forget_idle_consumers(redis_client, settings.articles_stream, settings.ingest_group, idle_ms=10)
    assert ["owns-nothing"] == gone
    names = [c["name"] for c in await redis_client.xinfo_consumers(settings.articles_stream, settings.ingest_group)]
    assert [b"holds-one"] == names


async def test_a_stopping_worker_hands_back_the_entry_it_could_not_finish(settings, redis_client):
    """Stopped while an entry is still in hand past the graceful timeout: nothing is acked or published, and
    the entry is marked idle so another consumer's reclaimer takes it at once, its delivery count unchanged."""
    worker_settings = settings.model_copy(update={"graceful_timeout_s": 0.2, "reclaim_idle_ms": 20_000})
    never = asyncio.Event()

    async def stuck(article: ArticleReceived) -> list[tuple[str, ClaimExtracted]]:
        await never.wait()
        return []

    stage = ingest_stage(worker_settings)
    stage.process = stuck
    await publish_articles(settings, sample_articles()[:1])
    await ensure_group(redis_client, settings.articles_stream, settings.ingest_group)
    stop = asyncio.Event()
    service = asyncio.create_task(serve(worker_settings, [stage], stop))
    for _ in range(400):
        if (await redis_client.xpending(settings.articles_stream, settings.ingest_group))["pending"]:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(service, timeout=30)

    [row] = await redis_client.xpending_range(settings.articles_stream, settings.ingest_group, "-", "+", 10)
    assert (1, True) == (row["times_delivered"], row["time_since_delivered"] >= 20_000)
    assert 0 == await redis_client.xlen(settings.claims_stream)


async def test_an_entry_that_fails_then_succeeds_leaves_no_failure_record(settings, redis_client, start_worker):
    """The first-failure time kept for a dead letter is removed once the entry is acked, so it cannot pile up."""
    calls: list[str] = []

    def flaky(article: ArticleReceived) -> list[ClaimExtracted]:
        calls.append(article.article_id)
        if len(calls) == 1:
            raise RuntimeError("transient")
        return extract_claims(article)

    await start_worker(flaky, reclaim_idle_ms=200)
    article = sample_articles()[0]
    await publish_articles(settings, [article])
    await drained(redis_client, settings)

    assert 2 == len(calls)
    assert 0 == await redis_client.hlen(settings.key("failures", settings.ingest_group))


async def take_and_abandon(redis_client: Redis, settings: Settings, article: ArticleReceived) -> str:
    """Publish `article` and have a consumer read it and die without acking; returns the entry id."""
    await publish_articles(settings, [article])
    await ensure_group(redis_client, settings.articles_stream, settings.ingest_group)
    [[_, [(entry_id, _)]]] = await redis_client.xreadgroup(
        settings.ingest_group, "crashed-consumer", {settings.articles_stream: ">"}, count=1
    )
    return entry_id.decode()


async def test_an_entry_started_too_often_without_finishing_is_dead_lettered_unprocessed(
    settings, redis_client, start_worker
):
    """An entry whose reclaimers kept dying on it (processing started max_attempts times, never failed nor
    acked) is dead-lettered when reclaimed once more instead of processed again: one poison article cannot
    crash-loop every replica for ever."""
    calls: list[str] = []

    def counting(article: ArticleReceived) -> list[ClaimExtracted]:
        calls.append(article.article_id)
        return extract_claims(article)

    article = sample_articles()[0]
    entry_id = await take_and_abandon(redis_client, settings, article)
    # As if three reclaimers had started processing it and died.
    await redis_client.hset(settings.key("started", settings.ingest_group), entry_id, 3)
    await start_worker(counting, max_attempts=3, reclaim_idle_ms=200)
    await drained(redis_client, settings)

    [dead] = [d for _, d in await read_events(redis_client, settings.deadletter_stream, DeadLetter)]
    assert (DeadLetterReason.extraction_error, 4, article.article_id) == (dead.reason, dead.attempts, dead.article_id)
    assert ([], 0) == (calls, await redis_client.xlen(settings.claims_stream))
    assert 0 == await redis_client.hlen(settings.key("started", settings.ingest_group))


async def test_an_entry_reclaimed_often_but_never_started_is_still_processed(settings, redis_client, start_worker):
    """Deliveries alone (reclaims while Redis refused the outputs, say) do not make an entry poison."""
    article = sample_articles()[0]
    entry_id = await take_and_abandon(redis_client, settings, article)
    await redis_client.xclaim(
        settings.articles_stream, settings.ingest_group, "crashed-consumer", 0, [entry_id], retrycount=10, justid=True
    )
    await start_worker(max_attempts=3, reclaim_idle_ms=200)
    await drained(redis_client, settings)

    claims = [c for _, c in await read_events(redis_client, settings.claims_stream, ClaimExtracted)]
    assert {c.claim_id for c in extract_claims(article)} == {c.claim_id for c in claims}
    assert 0 == await redis_client.xlen(settings.deadletter_stream)


async def test_a_lone_surrogate_in_an_article_entry_is_replaced_not_dead_lettered(settings, redis_client, start_worker):
    """Any producer may XADD JSON escaping half a UTF-16 pair ("\\ud800"): the article is extracted with U+FFFD
    in its place instead of being dead-lettered for one character."""
    text = "The army said on Tuesday that 12 drones were shot down over Kursk \\ud800 overnight."
    body = json.dumps({"article_id": "art_surrogate", "text": "TEXT", "received_at": "2026-11-24T10:00:00Z"})
    await redis_client.xadd(settings.articles_stream, {DATA_FIELD: body.replace("TEXT", text).encode()})
    await start_worker()
    await drained(redis_client, settings)
    assert 0 == await redis_client.xlen(settings.deadletter_stream)
    claims = [c for _, c in await read_events(redis_client, settings.claims_stream, ClaimExtracted)]
    assert ["art_surrogate"] == sorted({c.article_id for c in claims})
    assert any("Kursk \ufffd overnight" in c.text for c in claims)
