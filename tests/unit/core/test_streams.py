"""Decoding entries, framing events and building dead letters (no Redis)."""

import asyncio
import base64

import pytest
from faststream.redis import BinaryMessageFormatV1

from claimwire.streams import EntryRejectedError, StreamEntry, build_dead_letter, decode_entry, frame_event
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


def test_dead_letters_keep_binary_fields_base64_and_text_fields_as_text():
    """Non-UTF-8 fields survive base64-encoded; readable ones stay text; ids are peeked when present."""
    entry = StreamEntry("7-1", {b"article_id": b"a9", b"blob": b"\xff\x00"})
    dead = build_dead_letter(
        entry, stream="s", group="g", reason=DeadLetterReason.schema_violation, detail="d", attempts=1
    )
    assert {"article_id": "a9"} == dead.fields
    assert {base64.b64encode(b"blob").decode(): base64.b64encode(b"\xff\x00").decode()} == dead.fields_base64
    assert "a9" == dead.article_id
