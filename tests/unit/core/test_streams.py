"""Decoding entries, framing events and building dead letters (no Redis)."""

import asyncio
import base64

import pytest
from faststream.redis import BinaryMessageFormatV1
from structlog.testing import capture_logs

from claimwire.streams import (
    EntryRejectedError,
    StreamEntry,
    build_dead_letter,
    decode_entry,
    entry_size,
    frame_event,
)
from claimwire_contracts import ArticleReceived, DeadLetterReason
from tests.support.articles import sample_articles

ARTICLE = sample_articles()[0]


def test_framing_matches_faststream_byte_for_byte():
    """frame_event produces exactly FastStream's BinaryMessageFormatV1 envelope."""
    expected = asyncio.run(
        BinaryMessageFormatV1.encode(
            message=ARTICLE.model_dump_json().encode(),
            reply_to=None,
            headers={"content-type": "application/json"},
            correlation_id="1-0",
        )
    )
    assert expected == frame_event(ARTICLE, "1-0")


def test_a_framed_event_decodes_back_to_the_same_model():
    """An entry written by frame_event validates back into an equal model."""
    entry = StreamEntry("1-0", {b"__data__": frame_event(ARTICLE, "1-0")})
    assert ARTICLE == decode_entry(entry, ArticleReceived, max_bytes=1_000_000)


def test_plain_xadd_fields_are_read_as_the_event():
    """An entry of plain fields (no FastStream envelope) is validated field by field."""
    entry = StreamEntry("1-0", {b"article_id": b"a1", b"text": b"Hello.", b"received_at": b"2026-11-24T10:00:00Z"})
    assert "a1" == decode_entry(entry, ArticleReceived, max_bytes=10_000).article_id


def test_plain_xadd_schema_version_is_read_as_a_number():
    """A plain XADD entry carries every value as text: schema_version "1" is version 1, not unsupported."""
    entry = StreamEntry(
        "1-0",
        {b"schema_version": b"1", b"article_id": b"a1", b"text": b"Hi.", b"received_at": b"2026-11-24T10:00:00Z"},
    )
    assert 1 == decode_entry(entry, ArticleReceived, max_bytes=10_000).schema_version


def test_json_nested_too_deep_to_parse_is_rejected_not_raised():
    """A body nested past the parser's recursion limit is malformed_json, not an error that fails the batch."""
    with pytest.raises(EntryRejectedError) as caught:
        decode_entry(StreamEntry("1-0", {b"__data__": b"[" * 100_000}), ArticleReceived, max_bytes=1_000_000)
    assert DeadLetterReason.malformed_json == caught.value.reason


def test_a_dead_letter_is_built_even_for_json_nested_too_deep_to_parse():
    """Peeking ids out of a pathologically nested body does not raise: the entry can still be dead-lettered."""
    entry = StreamEntry("1-0", {b"__data__": b"[" * 100_000})
    dead = build_dead_letter(
        entry, stream="s", group="g", reason=DeadLetterReason.malformed_json, detail="d", attempts=1
    )
    assert (None, "1-0") == (dead.article_id, dead.entry_id)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({b"__data__": b"{not json"}, DeadLetterReason.malformed_json),
        ({b"__data__": b"[1, 2]"}, DeadLetterReason.schema_violation),
        ({b"text": b"no ids"}, DeadLetterReason.schema_violation),
        ({b"__data__": b'{"schema_version": 2, "text": "x"}'}, DeadLetterReason.unsupported_version),
        ({b"text": b"x" * 2000}, DeadLetterReason.too_large),
        ({b"text": b"\xff\xfe"}, DeadLetterReason.malformed_json),
    ],
)
def test_bad_entries_are_rejected_with_a_machine_readable_reason(fields, reason):
    """Each kind of bad entry raises EntryRejectedError with its reason code."""
    with pytest.raises(EntryRejectedError) as caught:
        decode_entry(StreamEntry("1-0", fields), ArticleReceived, max_bytes=1000)
    assert reason == caught.value.reason


def test_an_oversize_entry_names_its_size_the_limit_and_the_setting():
    """The too_large detail says how big, the limit, and which setting raises it; the published entry of an
    event measures as `entry_size` says, so the feeder and the workers count alike."""
    frame = frame_event(ARTICLE, ARTICLE.article_id)
    entry = StreamEntry("1-0", {b"__data__": frame})
    assert entry.size == entry_size(ARTICLE, ARTICLE.article_id)
    with pytest.raises(EntryRejectedError) as caught:
        decode_entry(entry, ArticleReceived, max_bytes=entry.size - 1)
    assert f"{entry.size} bytes as a stream entry, over the limit of {entry.size - 1}" in caught.value.detail
    assert "CLAIMWIRE_MAX_ARTICLE_BYTES" in caught.value.detail
    assert ARTICLE == decode_entry(entry, ArticleReceived, max_bytes=entry.size)


def test_dead_letters_keep_binary_fields_base64_and_text_fields_as_text():
    """Non-UTF-8 fields survive base64-encoded; readable ones stay text; ids are peeked when present."""
    entry = StreamEntry("7-1", {b"article_id": b"a9", b"blob": b"\xff\x00"})
    dead = build_dead_letter(
        entry, stream="s", group="g", reason=DeadLetterReason.schema_violation, detail="d", attempts=1
    )
    assert {"article_id": "a9"} == dead.fields
    assert {base64.b64encode(b"blob").decode(): base64.b64encode(b"\xff\x00").decode()} == dead.fields_base64
    assert "a9" == dead.article_id


def test_a_lone_surrogate_in_an_entry_is_replaced_and_logged_not_dead_lettered():
    """Another producer's "\\ud800" (valid JSON, not text) becomes U+FFFD, with a warning naming the entry."""
    body = b'{"article_id": "a1", "text": "Drones \\ud800 fell.", "received_at": "2026-11-24T10:00:00Z"}'
    with capture_logs() as logs:
        article = decode_entry(StreamEntry("7-0", {b"__data__": body}), ArticleReceived, max_bytes=10_000)
    assert "Drones \ufffd fell." == article.text
    assert [("stream.surrogates_replaced", "7-0", 1)] == [(e["event"], e["entry_id"], e["replaced"]) for e in logs]
