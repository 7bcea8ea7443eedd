"""A consumer-group stage: read a batch, process each entry, publish outputs, then ack.

Every service that reads a stream (ingest, dedup) is one `StreamStage`: it validates each entry against
its input contract, hands it to a `process` callable, publishes what comes back, and acks only entries
whose outputs are published. Invalid entries go to the dead-letter stream at once; entries whose processing
raises stay pending and are retried (reclaimed after `reclaim_idle_ms`) until `max_attempts`, then
dead-lettered.
"""

import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar, cast

import structlog
from faststream import AckPolicy
from faststream.params import NoCast
from faststream.redis import RedisBroker, StreamSub
from faststream.redis.annotations import RedisBatchStreamMessage
from redis.asyncio import Redis

from claimwire_contracts import Contract, DeadLetter, DeadLetterReason

from .broker import build_client
from .logs import get_logger
from .metrics import stage_metrics
from .settings import Settings
from .streams import (
    EntryRejectedError,
    SentMarkers,
    StreamEntry,
    build_dead_letter,
    decode_entry,
    delivery_counts,
    ensure_group,
    entries_of,
    forget_idle_consumers,
    hand_back,
    publish_all,
    redis_of,
)

In = TypeVar("In", bound=Contract)
Outputs = Sequence[tuple[str, Contract]]

log = get_logger(__name__)

RAW_ENTRIES = "claimwire_entries"
# Consumer names are host-pid, so every restart adds one; those idle for a day with nothing pending go.
STALE_CONSUMER_MS = 24 * 3600 * 1000
# Per-entry failure records (first failure time, processing starts) outlive redeliveries, not forever.
FAILURE_RECORD_TTL_S = 7 * 24 * 3600
#: How long the "sent" marker of an acked entry's outputs is kept (see `streams.publish_all`).
SENT_AFTER_ACK_S = 600


@dataclass
class BatchResult:
    """What one batch produced: events to publish and entry ids to ack afterwards."""

    outputs: list[tuple[str, Contract, str]] = field(default_factory=list)
    acks: list[str] = field(default_factory=list)
    done: list[Any] = field(default_factory=list)
    """Items processed and published in this batch, for `StreamStage.on_acked`."""
    failed: list[tuple[StreamEntry, Exception]] = field(default_factory=list)


@dataclass
class StreamStage(Generic[In]):
    """One consumer group on one stream, turning `model` entries into published outputs."""

    name: str
    stream: str
    group: str
    model: type[In]
    process: Callable[[In], Awaitable[Outputs]]
    log_ids: Callable[[In], dict[str, str]]
    outputs: dict[str, type[Contract]]
    failure_reason: DeadLetterReason = DeadLetterReason.processing_error
    warm_up: Callable[[], None] | None = None
    """Run once before consuming (e.g. load a gazetteer), so the first batch is not the slow one."""
    on_acked: Callable[[list[In], list[tuple[str, Contract, str]]], Awaitable[None]] | None = None
    """Run after a batch is published and acked, with the items processed in it (e.g. drop their outbox) and
    what was published for them: (stream, event, new entry id)."""
    before_ack: Callable[[list[In]], Awaitable[None]] | None = None
    """Run with a batch's processed items before its outputs are published and its entries acked: for a stage
    that writes state for a whole batch in one round trip (the desk's read model). If it raises, nothing of
    the batch is acked: its entries are retried like any failure."""
    prepare_batch: Callable[[list[tuple[str, In | None]]], None] | None = None
    """Run with a batch's entry ids and items (None for an entry rejected as invalid) before any is processed:
    work that needs no shared state can be done for the whole batch first (the dedup service computes its
    articles' features there, while another replica's earlier articles are still being decided)."""
    delete_acked: bool = False
    """Delete entries from the stream once acked: for a work stream only this group reads, so its length is
    the backlog and nothing is kept after it is done."""
    max_bytes: Callable[[Settings], int] = lambda settings: settings.max_article_bytes
    """The largest entry accepted; larger ones are dead-lettered as too_large."""

    def register(self, broker: RedisBroker, settings: Settings) -> None:
        """Add the reader, the reclaimer and the output publishers to `broker`."""
        common: dict[str, Any] = {
            "group": self.group,
            "consumer": settings.consumer_name,
            "batch": True,
            "max_records": settings.batch_size,
            "polling_interval": settings.poll_interval_ms,
        }
        # Redis 7 has no XREADGROUP CLAIM: a second subscriber only reclaims (XAUTOCLAIM), never reads.
        # The reclaimer polls (XAUTOCLAIM does not block) and each poll costs FastStream a deep copy of its
        # subscription: a tenth of the idle time is soon enough for entries idle that long.
        reclaim = {**common, "polling_interval": max(settings.poll_interval_ms, settings.reclaim_idle_ms // 10)}
        subs = {
            "read": StreamSub(self.stream, **common),
            "reclaim": StreamSub(self.stream, min_idle_time=settings.reclaim_idle_ms, **reclaim),
        }
        # Publishers document the output channels in the AsyncAPI document; events are written by
        # publish_all, framed the same way (see there why not through these objects).
        for stream, model in {**self.outputs, settings.deadletter_stream: DeadLetter}.items():
            broker.publisher(
                stream=StreamSub(stream, maxlen=settings.stream_maxlen),
                schema=model,
                title=f"{stream}:publish:{self.name}",
                description=model.__doc__,
            )
        for role, sub in subs.items():
            broker.subscriber(
                stream=sub,
                ack_policy=AckPolicy.MANUAL,
                parser=_opaque_batch_parser,
                title=f"{self.stream}:{self.group}:{role}",
                description=self.model.__doc__,
            )(self._subscriber(broker, settings, reclaimed=role == "reclaim"))

    def _subscriber(
        self, broker: RedisBroker, settings: Settings, *, reclaimed: bool
    ) -> Callable[..., Awaitable[None]]:
        # The body is documented as the input contract but not cast: each entry is validated on its own
        # below, so one malformed entry cannot fail the whole batch.
        async def subscriber(body: Any, message: RedisBatchStreamMessage) -> None:
            entries = entries_of(cast(dict[str, Any], message.raw_message), RAW_ENTRIES)
            await self.handle_batch(broker, settings, entries, reclaimed=reclaimed)

        subscriber.__annotations__["body"] = NoCast[list[self.model]]  # type: ignore[name-defined]
        return subscriber

    async def prepare(self, broker: RedisBroker) -> None:
        """Create the consumer group from the stream's first entry, before the subscribers start, and forget
        consumers of earlier processes that left nothing pending."""
        if self.warm_up is not None:
            self.warm_up()
        client = await redis_of(broker)
        await ensure_group(client, self.stream, self.group)
        await forget_idle_consumers(client, self.stream, self.group, idle_ms=STALE_CONSUMER_MS)

    async def hand_back(self, settings: Settings) -> None:
        """After the broker stopped: entries this consumer read but did not finish become reclaimable now."""
        client = build_client(settings)
        try:
            count = await hand_back(client, self.stream, self.group, settings.consumer_name, settings.reclaim_idle_ms)
        finally:
            await client.aclose()
        if count:
            log.info("entries.handed_back", stream=self.stream, group=self.group, count=count)

    async def handle_batch(
        self, broker: RedisBroker, settings: Settings, entries: list[StreamEntry], *, reclaimed: bool = False
    ) -> None:
        """Process, publish, then ack one batch; failing entries are left pending or dead-lettered.

        `reclaimed` entries were delivered before: one started more than `max_attempts` times without ever
        failing or finishing is dead-lettered unprocessed.
        """
        result = BatchResult()
        metrics = stage_metrics(broker, self.name)
        if metrics is not None:
            metrics.received(self.stream, len(entries), reclaimed=reclaimed)
        if reclaimed:
            entries = await self._drop_exhausted(broker, settings, entries, result)
        decoded = [(entry, self._decode(entry, settings, result)) for entry in entries]
        if self.prepare_batch is not None:
            self.prepare_batch([(entry.id, item) for entry, item in decoded])
        for entry, item in decoded:
            if item is None:
                continue
            started = time.perf_counter()
            await self._process_item(entry, item, result)
            if metrics is not None:
                metrics.handled(time.perf_counter() - started)
        if result.failed:
            await self._settle_failures(broker, settings, result)
        if self.before_ack is not None and result.done:
            await self.before_ack(result.done)
        client = await redis_of(broker)
        once = SentMarkers(settings.key("sent"), f"{self.name}:{self.group}")
        ids = await publish_all(client, result.outputs, maxlen=settings.stream_maxlen, once=once)
        if metrics is not None:
            metrics.published(result.outputs)
        if result.acks:
            # Only now is an entry done: forget when it first failed (kept until here in case publishing fails).
            async with client.pipeline(transaction=False) as pipe:
                pipe.xack(self.stream, self.group, *result.acks)
                if self.delete_acked:
                    pipe.xdel(self.stream, *result.acks)
                pipe.hdel(settings.key("failures", self.group), *result.acks)
                pipe.hdel(settings.key("started", self.group), *result.acks)
                await pipe.execute()
            await self._forget_sent(client, once.keys(result.outputs))
        if self.on_acked is not None and result.done:
            published = [(stream, event, entry_id) for (stream, event, _), entry_id in zip(result.outputs, ids,
                                                                                           strict=True)]
            await self.on_acked(result.done, published)

    async def _forget_sent(self, client: Redis, markers: list[str]) -> None:
        # After the ack (a separate round trip: on Redis Cluster a pipeline's order holds per node only). Not
        # deleted: a consumer that reclaimed one of these entries while this one was still processing it (a
        # batch slower than `reclaim_idle_ms`) publishes nothing as long as the marker lives.
        if not markers:
            return
        async with client.pipeline(transaction=False) as pipe:
            for marker in markers:
                pipe.expire(marker, SENT_AFTER_ACK_S)
            await pipe.execute()

    def _decode(self, entry: StreamEntry, settings: Settings, result: BatchResult) -> In | None:
        """The entry's item, or None when it is rejected (dead-lettered and acked with the batch)."""
        with structlog.contextvars.bound_contextvars(stream=self.stream, entry_id=entry.id):
            try:
                return decode_entry(entry, self.model, self.max_bytes(settings))
            except EntryRejectedError as rejected:
                log.warning("entry.rejected", reason=rejected.reason.value, detail=rejected.detail)
                result.outputs.append(
                    (
                        settings.deadletter_stream,
                        self._dead(entry, rejected.reason, rejected.detail, 1),
                        entry.id,
                    )
                )
                result.acks.append(entry.id)
                return None

    async def _process_item(self, entry: StreamEntry, item: In, result: BatchResult) -> None:
        with structlog.contextvars.bound_contextvars(stream=self.stream, entry_id=entry.id, **self.log_ids(item)):
            try:
                outputs = await self.process(item)
            except Exception as exc:  # any failure of one entry must not stop the batch or the worker
                log.warning("entry.failed", error=repr(exc))
                result.failed.append((entry, exc))
                return
            result.outputs.extend((stream, event, entry.id) for stream, event in outputs)
            result.acks.append(entry.id)
            result.done.append(item)
            log.info(f"{self.name}.processed", outputs=len(outputs))

    async def _drop_exhausted(
        self, broker: RedisBroker, settings: Settings, entries: list[StreamEntry], result: BatchResult
    ) -> list[StreamEntry]:
        # An entry whose processing was started again and again but never failed nor finished took its
        # consumers down (crash, OOM kill, hang): processing it once more would crash-loop every replica.
        # Starts are counted, not deliveries: a reclaim while Redis refused the outputs started nothing.
        key = settings.key("started", self.group)
        async with (await redis_of(broker)).pipeline(transaction=False) as pipe:
            for entry in entries:
                pipe.hincrby(key, entry.id, 1)
            pipe.expire(key, FAILURE_RECORD_TTL_S)
            *started, _ = await pipe.execute()
        kept = []
        for entry, count in zip(entries, started, strict=True):
            if count <= settings.max_attempts:
                kept.append(entry)
                continue
            detail = f"reclaimed {count} times, never failed nor finished: its consumers stopped while processing it"
            log.error("entry.dead_lettered", entry_id=entry.id, attempts=count, error=detail)
            result.outputs.append(
                (settings.deadletter_stream, self._dead(entry, self.failure_reason, detail, count), entry.id)
            )
            result.acks.append(entry.id)
        return kept

    async def _settle_failures(self, broker: RedisBroker, settings: Settings, result: BatchResult) -> None:
        client = await redis_of(broker)
        ids = [e.id for e, _ in result.failed]
        attempts = await delivery_counts(client, self.stream, self.group, ids)
        # When each entry first failed survives redeliveries and restarts, for the dead letter.
        failures_key = settings.key("failures", self.group)
        now = datetime.now(UTC).isoformat()
        async with client.pipeline(transaction=False) as pipe:
            for entry_id in ids:
                pipe.hsetnx(failures_key, entry_id, now)
            pipe.hmget(failures_key, ids)
            pipe.expire(failures_key, FAILURE_RECORD_TTL_S)
            *_, first_failed, _ = await pipe.execute()
        for (entry, exc), first in zip(result.failed, first_failed, strict=True):
            count = attempts[entry.id]
            if count < settings.max_attempts:
                log.warning("entry.will_retry", entry_id=entry.id, attempts=count, max_attempts=settings.max_attempts)
                continue
            log.error("entry.dead_lettered", entry_id=entry.id, attempts=count, error=repr(exc))
            first_at = datetime.fromisoformat(first.decode()) if first else None
            dead = self._dead(entry, self.failure_reason, repr(exc), count, first_at)
            result.outputs.append((settings.deadletter_stream, dead, entry.id))
            result.acks.append(entry.id)

    def _dead(
        self,
        entry: StreamEntry,
        reason: DeadLetterReason,
        detail: str,
        attempts: int,
        first_failed_at: datetime | None = None,
    ) -> Contract:
        return build_dead_letter(
            entry,
            stream=self.stream,
            group=self.group,
            reason=reason,
            detail=detail,
            attempts=attempts,
            first_failed_at=first_failed_at,
        )


async def _opaque_batch_parser(message: dict[str, Any], original_parser: Callable[..., Awaitable[Any]]) -> Any:
    """Hand FastStream a batch with empty bodies and keep the raw entries aside, untouched.

    FastStream's batch parser JSON-encodes every body up front and raises on bytes that are not UTF-8,
    before the handler runs: one such entry would stay pending forever instead of being dead-lettered.
    """
    return await original_parser({**message, "data": [{} for _ in message["data"]], RAW_ENTRIES: message["data"]})
