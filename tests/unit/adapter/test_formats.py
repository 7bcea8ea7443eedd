"""Format parsers: what each yields for good input and how bad input is reported."""

import io
import json
from pathlib import Path

from structlog.testing import capture_logs

from claimwire.adapter import Item, Rejection
from claimwire.adapter._formats import parse_bytes, parse_path, parse_stream

DATA = Path(__file__).resolve().parents[2] / "data" / "adapter"


def _items(parsed: list[Item | Rejection]) -> list[Item]:
    return [p for p in parsed if isinstance(p, Item)]


def test_plain_text_is_keyed_by_file_name() -> None:
    """A .txt file is one article whose id key is the file name."""
    parsed = list(parse_path(DATA / "harbour_fire.txt"))
    assert [Item] == [type(p) for p in parsed]
    assert parsed[0].key == "harbour_fire.txt"  # type: ignore[union-attr]


def test_jsonl_reads_every_field() -> None:
    """JSONL lines become items with id, source, url, title, time and language; blank lines are skipped."""
    items = _items(list(parse_path(DATA / "articles.jsonl")))
    assert [i.key for i in items] == ["cw-sample-0001", "cw-sample-0002", None]
    first = items[0]
    assert (first.source, first.language, first.published_at.year) == ("Valley Courier", "en", 2026)  # type: ignore[union-attr]
    assert [i.line for i in items] == [1, 2, 4]


def test_jsonl_errors_name_line_and_field() -> None:
    """Each bad JSONL line is rejected alone with its line number and the field at fault."""
    data = b'{"text": "fine"}\n{"id": "x"}\n{"text": 5}\n[1]\n{oops\n'
    parsed = list(parse_bytes(data, "in.jsonl", "in.jsonl"))
    rejected = [(r.line, r.field) for r in parsed if isinstance(r, Rejection)]
    assert rejected == [(2, "text"), (3, "text"), (4, None), (5, None)]
    assert len(_items(parsed)) == 1


def test_invalid_utf8_is_rejected_with_position() -> None:
    """Bytes that are not UTF-8 are rejected, saying where, instead of being guessed at."""
    parsed = list(parse_bytes(b"abc\xff\xfe", "bad.txt", "bad.txt"))
    assert isinstance(parsed[0], Rejection)
    assert "byte 3" in parsed[0].reason


def test_stdin_is_sniffed() -> None:
    """Input without a name is read as JSONL when it starts with '{', else as plain text keyed by hash."""
    jsonl = list(parse_bytes(b'{"text": "a"}\n{"text": "b"}\n', "<stdin>"))
    plain = list(parse_bytes(b"Just words.", "<stdin>"))
    assert [i.text for i in _items(jsonl)] == ["a", "b"]
    assert [i.key for i in _items(plain)] == [None]


def test_unreadable_file_is_one_rejection(tmp_path: Path) -> None:
    """A path that cannot be read yields a rejection naming it, not an exception."""
    parsed = list(parse_path(tmp_path / "missing.txt"))
    assert isinstance(parsed[0], Rejection)
    assert str(tmp_path / "missing.txt") == parsed[0].where


def test_a_parser_failure_is_one_rejection_not_a_crash() -> None:
    """Input that makes a parsing library raise (an HTML file with only a comment) is rejected whole."""
    parsed = list(parse_bytes(b"<!-- nothing but a comment -->", "empty.html", "empty.html"))
    assert len(parsed) == 1
    assert isinstance(parsed[0], Rejection)
    assert "could not be parsed" in parsed[0].reason


def test_stdin_jsonl_is_streamed_across_the_sniff_boundary() -> None:
    """JSONL on stdin longer than the sniffed head is read line by line with no line cut in two."""
    lines = [json.dumps({"id": f"s{n}", "text": f"Story {n} " + "x" * 200}) for n in range(600)]
    parsed = list(parse_stream(io.BytesIO("\n".join(lines).encode()), "<stdin>"))
    assert [p.key for p in parsed if isinstance(p, Item)] == [f"s{n}" for n in range(600)]


def test_stdin_pretty_printed_json_is_read_whole() -> None:
    """A pretty-printed ninjs object on stdin is one document, not lines of JSONL."""
    parsed = list(parse_stream(io.BytesIO((DATA / "ninjs_v2.json").read_bytes()), "<stdin>"))
    assert [p.key for p in parsed if isinstance(p, Item)] == ["https://coastline-news.example/items/7781"]


def test_a_line_separator_inside_a_json_string_does_not_split_the_line(tmp_path: Path) -> None:
    """U+2028 is legal inside a JSON string; the JSONL line holding it stays one article."""
    path = tmp_path / "ls.jsonl"
    path.write_text(json.dumps({"text": "first\u2028second"}, ensure_ascii=False) + "\n", encoding="utf-8")
    parsed = list(parse_path(path))
    assert [type(p) for p in parsed] == [Item]


def test_a_lone_surrogate_is_replaced_with_a_warning_not_a_rejection() -> None:
    """A JSONL line or a JSON document with "\\ud800" in its text is fed with U+FFFD; a warning names where."""
    line = b'{"text": "Police said 3 drones \\ud800 fell."}\n'
    with capture_logs() as logs:
        _, from_jsonl = parse_bytes(b'{"text": "ok"}\n' + line, "feed.jsonl", "feed.jsonl")
        [from_json] = parse_bytes(line, "one.json", "one.json")
    assert isinstance(from_jsonl, Item) and isinstance(from_json, Item)
    assert "Police said 3 drones \ufffd fell." == from_jsonl.text == from_json.text
    warned = [(e["where"], e["line"]) for e in logs if e["event"] == "adapter.surrogates_replaced"]
    assert [("feed.jsonl", 2), ("one.json", None)] == warned
