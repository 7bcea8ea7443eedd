"""Edge helpers shared by every stream consumer: groups, decoding entries, publishing, dead letters."""

import asyncio
import base64
import struct
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from faststream.redis import BinaryMessageFormatV1, RedisBroker
from pydantic import ValidationError
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from claimwire_contracts import Contract, DeadLetter, DeadLetterReason

from .jsontext import loads_text
from .logs import get_logger

T = TypeVar("T", bound=Contract)
#: Events of one source entry on one stream: (position among the events published, framed event).
Frames = list[tuple[int, bytes]]

log = get_logger(__name__)

DATA_FIELD = b"__data__"
_MAGIC = BinaryMessageFormatV1.IDENTITY_HEADER


@dataclass(frozen=True)
class StreamEntry:
    """One raw stream entry as read by a consumer group."""

    id: str
    fields: dict[bytes, bytes]

    @property
    def size(self) -> int:
        """Bytes of all keys and values: what `CLAIMWIRE_MAX_ARTICLE_BYTES` limits (see `entry_size`)."""
        return sum(len(k) + len(v) for k, v in self.fields.items())


def entry_size(event: Contract, correlation_id: str) -> int:
    """Bytes of the stream entry `event` becomes when published (field name plus framed event).

    The one measure of "too large": the adapter and `claimwire feed` refuse an article by it before
    publishing, and the workers dead-letter by the same count (`StreamEntry.size`) what reaches them
    another way, so an article the feeder accepts is never too large for the ingest worker.
    """
    return len(DATA_FIELD) + len(frame_event(event, correlation_id))


def too_large(size: int, limit: int) -> str:
    """The reason an entry of `size` bytes is refused: the limit and the setting that raises it."""
    return f"{size} bytes as a stream entry, over the limit of {limit} (raise it with CLAIMWIRE_MAX_ARTICLE_BYTES)"


class EntryRejectedError(Exception):
    """An entry that can never be processed: it goes to the dead-letter stream at once."""

    def __init__(self, reason: DeadLetterReason, detail: str) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail


async def redis_of(broker: RedisBroker) -> Redis:
    """The broker's own Redis client (connecting it if needed)."""
    client: Redis = await broker.connect()
    return client


async def ensure_group(client: Redis, stream: str, group: str) -> None:
    """Create `group` on `stream` from its first entry, creating the stream too.

    FastStream creates groups at `$`, which would skip every entry written before the first start.
    """
    try:
        await client.xgroup_create(stream, group, id="0", mkstream=True)
    except ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


async def forget_idle_consumers(client: Redis, stream: str, group: str, idle_ms: int) -> list[str]:
    """Delete the group's consumers idle longer than `idle_ms` that own no pending entry; returns their names.

    Consumers with pending entries are kept: deleting one would drop its entries from the pending list,
    and they would never be reclaimed.
    """
    gone = []
    for consumer in await client.xinfo_consumers(stream, group):
        name = consumer["name"].decode() if isinstance(consumer["name"], bytes) else consumer["name"]
        if int(consumer["pending"]) == 0 and int(consumer["idle"]) > idle_ms:
            await client.xgroup_delconsumer(stream, group, name)
            gone.append(name)
    return gone


async def hand_back(client: Redis, stream: str, group: str, consumer: str, idle_ms: int) -> int:
    """Make the entries `consumer` still holds reclaimable at once by any other consumer; returns how many.

    A stopping worker may have read a batch it never started. Those entries stay pending (nothing
    unfinished is acked); marking them idle for `idle_ms` lets the other replicas' reclaimers take them
    now instead of after the idle timeout.
    """
    rows = await client.xpending_range(stream, group, min="-", max="+", count=10_000, consumername=consumer)
    ids: list[int | bytes | str | memoryview[int]] = [row["message_id"] for row in rows]
    if ids:
        await client.xclaim(stream, group, consumer, min_idle_time=0, message_ids=ids, idle=idle_ms, justid=True)
    return len(ids)


def entries_of(raw_message: dict[str, Any], data_key: str = "data") -> list[StreamEntry]:
    """The entries of a FastStream batch stream message, in stream order."""
    ids = raw_message["message_ids"]
    return [
        StreamEntry(id=entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id), fields=fields)
        for entry_id, fields in zip(ids, raw_message[data_key], strict=True)
    ]


def decode_entry(entry: StreamEntry, model: type[T], max_bytes: int) -> T:
    """Validate an entry against `model`; raise `EntryRejectedError` with the reason when it cannot be.

    Entries written by FastStream carry the event in `__data__`; entries written by plain XADD carry the
    event's fields directly, as FastStream itself reads them.
    """
    if entry.size > max_bytes:
        raise EntryRejectedError(DeadLetterReason.too_large, too_large(entry.size, max_bytes))
    payload = entry.fields.get(DATA_FIELD)
    try:
        if payload is not None:
            document = _envelope_json(payload, entry.id)
        else:
            document = {k.decode(): v.decode() for k, v in entry.fields.items()}
            # Plain XADD values are all text; the version is compared as the number it names.
            if str(document.get("schema_version", "")).isdigit():
                document["schema_version"] = int(document["schema_version"])
    # RecursionError: JSON nested deeper than the parser allows must not fail the whole batch.
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise EntryRejectedError(DeadLetterReason.malformed_json, str(exc)) from exc
    if not isinstance(document, dict):
        raise EntryRejectedError(
            DeadLetterReason.schema_violation, f"expected a JSON object, got {type(document).__name__}"
        )
    version = document.get("schema_version", 1)
    expected = model.model_fields["schema_version"].default
    if version != expected:
        raise EntryRejectedError(
            DeadLetterReason.unsupported_version, f"schema_version {version!r}, this service reads {expected}"
        )
    try:
        return model.model_validate(document)
    except ValidationError as exc:
        raise EntryRejectedError(DeadLetterReason.schema_violation, _short_errors(exc)) from exc


def entry_document(entry: StreamEntry) -> Any:
    """The JSON document an entry carries (FastStream envelope or plain fields)."""
    payload = entry.fields.get(DATA_FIELD)
    if payload is None:
        return {k.decode(errors="replace"): v.decode(errors="replace") for k, v in entry.fields.items()}
    return _envelope_json(payload, entry.id)


def _envelope_json(payload: bytes, entry_id: str | None = None) -> Any:
    """The JSON event inside a FastStream envelope (a bare JSON body, as FastStream accepts, too).

    A lone surrogate in it (another producer's "\\ud800") is replaced by U+FFFD with a warning naming the
    entry: the contracts refuse such strings, which would dead-letter a whole article for one character.
    """
    document, replaced = loads_text(BinaryMessageFormatV1.parse(payload)[0])
    if replaced:
        log.warning("stream.surrogates_replaced", entry_id=entry_id, replaced=replaced)
    return document


async def read_events(
    client: Redis, stream: str, model: type[T], *, start: str = "-", count: int | None = None
) -> list[tuple[str, T]]:
    """Entries of `stream` from `start` validated as `model`, without joining any consumer group."""
    rows = cast(list[tuple[bytes, dict[bytes, bytes]]], await client.xrange(stream, min=start, max="+", count=count))
    entries = [StreamEntry(id=raw_id.decode(), fields=fields) for raw_id, fields in rows]
    return [(entry.id, model.model_validate(entry_document(entry))) for entry in entries]


def _short_errors(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in exc.errors()[:5])


def peek_id(entry: StreamEntry, key: str) -> str | None:
    """Best-effort read of an id field from an entry that failed validation, for the dead letter."""
    try:
        payload = entry.fields.get(DATA_FIELD)
        if payload is not None:
            value = _envelope_json(payload, entry.id).get(key)
        else:
            value = entry.fields.get(key.encode(), b"").decode() or None
    except (UnicodeDecodeError, ValueError, AttributeError, RecursionError):
        return None
    return value if isinstance(value, str) else None


def build_dead_letter(
    entry: StreamEntry,
    *,
    stream: str,
    group: str,
    reason: DeadLetterReason,
    detail: str,
    attempts: int,
    first_failed_at: datetime | None = None,
) -> DeadLetter:
    """A `DeadLetter` carrying the original entry: UTF-8 fields as text, the rest base64."""
    text: dict[str, str] = {}
    binary: dict[str, str] = {}
    for key, value in entry.fields.items():
        try:
            text[key.decode()] = value.decode()
        except UnicodeDecodeError:
            binary[base64.b64encode(key).decode()] = base64.b64encode(value).decode()
    now = datetime.now(UTC)
    return DeadLetter(
        stream=stream,
        group=group,
        entry_id=entry.id,
        fields=text,
        fields_base64=binary,
        reason=reason,
        detail=detail[:2000],
        attempts=max(attempts, 1),
        first_failed_at=first_failed_at or now,
        dead_lettered_at=now,
        article_id=peek_id(entry, "article_id"),
        claim_id=peek_id(entry, "claim_id"),
    )


async def delivery_counts(client: Redis, stream: str, group: str, ids: Sequence[str]) -> dict[str, int]:
    """How many times each of `ids` has been delivered to the group (1 for ids no longer pending)."""
    if not ids:
        return {}
    ordered = sorted(ids, key=lambda i: tuple(int(p) for p in i.split("-")))
    rows = await client.xpending_range(stream, group, min=ordered[0], max=ordered[-1], count=len(ids) + 1000)
    counts = {
        (row["message_id"].decode() if isinstance(row["message_id"], bytes) else row["message_id"]): int(
            row["times_delivered"]
        )
        for row in rows
    }
    return {entry_id: counts.get(entry_id, 1) for entry_id in ids}


def _header(key: bytes, value: bytes) -> bytes:
    return struct.pack(">H", len(key)) + key + struct.pack(">H", len(value)) + value


_CONTENT_TYPE_HEADER = _header(b"content-type", b"application/json")
_HEADERS_START = len(_MAGIC) + 2 + 8


def frame_event(event: Contract, correlation_id: str) -> bytes:
    """The `__data__` value FastStream subscribers read: FastStream's binary envelope around the JSON event.

    Byte for byte what `BinaryMessageFormatV1.encode` produces (a unit test holds the two together), built
    directly because the framework path costs more per event than the JSON encoding itself.
    """
    headers = _header(b"correlation_id", correlation_id.encode()) + _CONTENT_TYPE_HEADER
    return b"".join(
        (
            _MAGIC,
            struct.pack(">HIIH", 1, _HEADERS_START, _HEADERS_START + 2 + len(headers), 2),
            headers,
            event.model_dump_json().encode(),
        )
    )


# XADD of many framed events to one stream in one command. ARGV: maxlen ('' for none), field, payloads...
# One key per call, so on Redis Cluster it runs in that stream's slot.
_XADD_MANY = """
local maxlen, field = ARGV[1], ARGV[2]
local ids = {}
for i = 3, #ARGV do
  if maxlen == '' then
    ids[#ids + 1] = redis.call('XADD', KEYS[1], '*', field, ARGV[i])
  else
    ids[#ids + 1] = redis.call('XADD', KEYS[1], 'MAXLEN', '~', maxlen, '*', field, ARGV[i])
  end
end
return ids
"""
# The same, at most once per source entry. KEYS: the stream, then one "sent" marker per source entry.
# ARGV: maxlen, field, marker ttl, then per marker the count of its payloads and the payloads.
# A marker that exists means those events were written before (a redelivery): their ids are returned
# again and nothing is written. Otherwise the events are written and the marker records their ids.
_XADD_ONCE = """
local maxlen, field, ttl = ARGV[1], ARGV[2], ARGV[3]
local ids, at = {}, 4
for k = 2, #KEYS do
  local n = tonumber(ARGV[at])
  local sent = redis.call('GET', KEYS[k])
  if sent then
    local old = {}
    for id in string.gmatch(sent, '%S+') do old[#old + 1] = id end
    for i = 1, n do ids[#ids + 1] = old[i] or old[#old] end
  else
    local mine = {}
    for i = at + 1, at + n do
      if maxlen == '' then
        mine[#mine + 1] = redis.call('XADD', KEYS[1], '*', field, ARGV[i])
      else
        mine[#mine + 1] = redis.call('XADD', KEYS[1], 'MAXLEN', '~', maxlen, '*', field, ARGV[i])
      end
      ids[#ids + 1] = mine[#mine]
    end
    redis.call('SET', KEYS[k], table.concat(mine, ' '), 'EX', ttl)
  end
  at = at + n + 1
end
return ids
"""
#: Events per scripted XADD call: bounds how long one call keeps Redis busy (a few hundred microseconds).
XADD_CHUNK = 500
#: How long a "sent" marker outlives its publish when nothing deletes it (the source entry is acked, then the
#: marker deleted): as long as an unfinished entry's failure records.
SENT_TTL_S = 7 * 24 * 3600


@dataclass(frozen=True)
class SentMarkers:
    """Where `publish_all` records, per source entry and output stream, the events it published for a consumer.

    A marker is `<base>:{<stream's slot tag>}:<owner>:<source entry id>`: `base` is under the key prefix (so ACL
    key patterns cover it) and holds no brace, so the braces that follow are the key's hash tag, the stream's
    own: on Redis Cluster the marker lives in the stream's slot, and one script checks it and writes both.
    """

    base: str
    """A key under the deployment's prefix, e.g. `claimwire:sent`."""
    owner: str
    """The consumer whose outputs these are (stage and group): two groups reading one stream never meet."""

    def key(self, stream: str, source: str) -> str:
        """The marker of what went to `stream` for the source entry `source`."""
        return f"{self.base}:{{{slot_tag(stream)}}}:{self.owner}:{source}"

    def keys(self, events: Iterable[tuple[str, Contract, str]]) -> list[str]:
        """The markers `publish_all(..., once=self)` wrote for `events` (stream, event, source entry id)."""
        return sorted({self.key(stream, source) for stream, _, source in events})


def slot_tag(key: str) -> str:
    """What Redis Cluster hashes of `key`: its hash tag (the text in its first braces, if not empty), else all."""
    start = key.find("{")
    end = key.find("}", start + 1)
    return key[start + 1 : end] if start != -1 and end > start + 1 else key


async def publish_all(
    client: Redis,
    events: Iterable[tuple[str, Contract, str]],
    *,
    maxlen: int | None,
    once: SentMarkers | None = None,
) -> list[str]:
    """XADD (stream, event, correlation id) triples, one scripted command per stream; returns the new entries'
    ids, in the order of `events`.

    Events are framed exactly as a FastStream publisher frames them, so any FastStream subscriber reads them,
    but without a publisher call per event: that path measured ~10x the cost of framing alone (about 260 us
    against 25 us an event), which for dozens of claims per article cost more than extraction itself. For
    the same reason the events of one stream go in one scripted command per chunk rather than one XADD
    each: redis-py's per-command packing, reply parsing and timeouts cost ~50 us an event, half the
    worker's overhead beside extraction. Within a stream, entries come out in the order given, as with single XADDs.

    With `once`, the correlation id is the source entry the events were made from, and each stream gets them
    at most once: the script that writes them also writes a marker (`SentMarkers`), and a redelivered entry
    finds it and gets the ids of the first publish back instead of
    publishing again. A crash between publishing and acking therefore doubles nothing. Writes to several
    streams are not one transaction (on Redis Cluster the streams live in different slots); each stream's
    share is, so after a crash half-way the redelivery writes only what is missing.
    """
    by_stream: dict[str, dict[str, Frames]] = {}
    count = 0
    for index, (stream, event, correlation_id) in enumerate(events):
        # Without `once` every event is its own group: one stream's entries keep the order given.
        source = correlation_id if once is not None else str(index)
        by_stream.setdefault(stream, {}).setdefault(source, []).append((index, frame_event(event, correlation_id)))
        count += 1
    ids = [""] * count
    if not count:
        return ids
    script = client.register_script(_XADD_MANY if once is None else _XADD_ONCE)
    limit = "" if maxlen is None else str(maxlen)

    async def write(stream: str, sources: dict[str, Frames]) -> None:
        for chunk in _chunks(sources):
            if once is None:
                added = await script(keys=[stream], args=[limit, DATA_FIELD, *(f for _, g in chunk for _, f in g)])
            else:
                markers = [once.key(stream, source) for source, _ in chunk]
                counted: list[int | bytes] = []
                for _, group in chunk:
                    counted += [len(group), *(frame for _, frame in group)]
                added = await script(keys=[stream, *markers], args=[limit, DATA_FIELD, SENT_TTL_S, *counted])
            indices = [index for _, group in chunk for index, _ in group]
            for index, entry_id in zip(indices, added, strict=True):
                ids[index] = entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)

    # Not pipelined: redis-py refuses scripts in a Redis Cluster pipeline. Streams are written concurrently,
    # each stream's chunks in order; usually there is one stream and one chunk, so one round trip.
    # A TaskGroup, not gather: when one stream's write fails the others are awaited (cancelled) before the
    # error reaches the caller, so nothing of this batch is still being written when it is retried.
    try:
        async with asyncio.TaskGroup() as group:
            for stream, sources in by_stream.items():
                group.create_task(write(stream, sources))
    except ExceptionGroup as failed:  # callers handle Redis errors, not groups of them
        raise failed.exceptions[0] from None
    return ids


def _chunks(sources: dict[str, Frames]) -> Iterator[list[tuple[str, Frames]]]:
    """The (source, frames) groups of one stream in chunks of about `XADD_CHUNK` frames; a group is never split
    (its marker covers all of it)."""
    chunk: list[tuple[str, Frames]] = []
    size = 0
    for source, frames in sources.items():
        if chunk and size + len(frames) > XADD_CHUNK:
            yield chunk
            chunk, size = [], 0
        chunk.append((source, frames))
        size += len(frames)
    if chunk:
        yield chunk
