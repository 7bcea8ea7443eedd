"""Which parser reads an input: chosen by file suffix, else by sniffing the first bytes."""

import io
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import BinaryIO

from claimwire.jsontext import loads_text
from claimwire.logs import get_logger

from ._html import html_to_text
from ._item import Item, ItemError, PlainDefaults, Rejection
from ._jsonarticle import item_from_article_object
from ._jsonl import decode_line, surrogates_warning, utf8_text
from ._newsml import items_from_newsml
from ._ninjs import is_ninjs, item_from_ninjs
from ._rss import items_from_feed
from ._safexml import local_name
from ._safexml import parse_xml as parse_safe_xml

log = get_logger(__name__)

Parsed = Item | Rejection
Parser = Callable[[bytes, str, str | None], Iterator[Parsed]]

#: File suffixes the adapter reads (directories are walked for these; others are skipped).
SUFFIXES = frozenset({".txt", ".text", ".jsonl", ".ndjson", ".json", ".xml", ".rss", ".atom", ".html", ".htm"})


def _one(where: str, build: Callable[[], Item], line: int | None = None) -> Parsed:
    """Run one item's parser; an `ItemError` becomes a `Rejection` at `where`/`line`."""
    try:
        item = build()
    except ItemError as err:
        return Rejection(where, err.reason, line=line, field=err.field)
    except Exception as err:  # a parser bug or a library's surprise must not stop the adapter
        log.exception("adapter.parser_failed", where=where, line=line)
        return Rejection(where, f"could not be parsed: {type(err).__name__}: {err}", line=line)
    return item if line is None else replace(item, line=line)


def item_from_object(obj: object) -> Item:
    """An `Item` from one JSON object: IPTC ninjs when it looks like ninjs, else claimwire's shape."""
    if isinstance(obj, dict) and is_ninjs(obj):
        return item_from_ninjs(obj)
    return item_from_article_object(obj)


def parse_plain(data: bytes, where: str, name: str | None) -> Iterator[Parsed]:
    """A plain-text article; its id comes from the file name (stdin: from the text)."""
    yield _one(where, lambda: Item(text=utf8_text(data), key=name))


def parse_html(data: bytes, where: str, name: str | None) -> Iterator[Parsed]:
    """An HTML page or fragment; its id comes from the file name (stdin: from the text)."""

    def build() -> Item:
        text, title = html_to_text(utf8_text(data))
        return Item(text=text, key=name, title=title)

    yield _one(where, build)


def jsonl_lines(lines: Iterable[bytes], where: str) -> Iterator[Parsed]:
    """Items of JSONL given line by line (a file or stdin is read lazily); each bad line is rejected alone.

    Lines are split on bytes, so a U+2028 inside a JSON string does not split a line.
    """
    for number, raw in enumerate(lines, start=1):
        try:
            decoded = decode_line(raw)
        except ItemError as err:
            yield Rejection(where, err.reason, line=number)
            continue
        if decoded is None:
            continue
        _warn_replaced(decoded.replaced, where, number)
        yield _one(where, partial(item_from_object, decoded.value), line=number)


def _warn_replaced(replaced: int, where: str, line: int | None = None) -> None:
    if replaced:
        log.warning("adapter.surrogates_replaced", where=where, line=line, detail=surrogates_warning(replaced))


def parse_jsonl(data: bytes, where: str, name: str | None) -> Iterator[Parsed]:
    """One JSON object per line (blank lines skipped); each bad line is rejected alone."""
    yield from jsonl_lines(data.splitlines(), where)


def parse_json(data: bytes, where: str, name: str | None) -> Iterator[Parsed]:
    """One JSON document: an article object (ninjs or claimwire's shape) or an array of them."""
    try:
        doc, replaced = loads_text(utf8_text(data))
    except ItemError as err:
        yield Rejection(where, err.reason)
        return
    except json.JSONDecodeError as err:
        yield Rejection(where, f"not valid JSON: {err.msg}", line=err.lineno)
        return
    _warn_replaced(replaced, where)
    if isinstance(doc, list):
        for number, obj in enumerate(doc, start=1):
            yield _one(where, partial(item_from_object, obj), line=number)
    else:
        yield _one(where, lambda: item_from_object(doc))


def parse_xml(data: bytes, where: str, name: str | None) -> Iterator[Parsed]:
    """NewsML-G2 items or an RSS/Atom feed, parsed with entity expansion and network access off."""
    try:
        root = parse_safe_xml(data)
    except ItemError as err:
        yield Rejection(where, err.reason)
        return
    kind = local_name(root)
    if kind in ("newsItem", "newsMessage"):
        yield from items_from_newsml(root, where)
    elif kind in ("rss", "feed", "RDF"):
        yield from items_from_feed(data, where)
    else:
        yield Rejection(where, f"unknown XML document <{kind}>: expected NewsML-G2, RSS or Atom")


_BY_SUFFIX: dict[str, Parser] = {
    ".txt": parse_plain,
    ".text": parse_plain,
    ".jsonl": parse_jsonl,
    ".ndjson": parse_jsonl,
    ".json": parse_json,
    ".xml": parse_xml,
    ".rss": parse_xml,
    ".atom": parse_xml,
    ".html": parse_html,
    ".htm": parse_html,
}


_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_SNIFF_BYTES = 64 * 1024


def parse_stream(stream: BinaryIO, where: str, plain: PlainDefaults | None = None) -> Iterator[Parsed]:
    """Items and rejections from a byte stream (stdin): JSONL is read line by line, anything else whole
    (plain text with `plain`'s source and publication time)."""
    head = stream.read(_SNIFF_BYTES)
    first_line = head.split(b"\n", 1)[0]
    if first_line.lstrip(b"\xef\xbb\xbf \t\r").startswith(b"{") and _is_json(first_line):
        head += stream.readline()  # finish the line the sniffing cut
        yield from jsonl_lines(itertools.chain(io.BytesIO(head), stream), where)
        return
    yield from parse_bytes(head + stream.read(), where, plain=plain)


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def sniff(data: bytes) -> Parser:
    """Guess the format of input without a telling name (stdin, odd suffixes) from its first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"["):
        return parse_json
    if head.startswith(b"{"):
        # A single pretty-printed object spans lines; JSONL has one object per line.
        try:
            json.loads(data)
        except ValueError:
            return parse_jsonl
        return parse_json
    if head.startswith(b"<"):
        if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
            return parse_html
        return parse_xml
    return parse_plain


def parse_bytes(
    data: bytes, where: str, name: str | None = None, plain: PlainDefaults | None = None
) -> Iterator[Parsed]:
    """Items and rejections in `data`; `name` (a file name) picks the parser by suffix and keys plain text,
    which takes its source and publication time from `plain` (other formats carry their own)."""
    suffix = Path(name).suffix.lower() if name else ""
    parser = _BY_SUFFIX.get(suffix) or sniff(data)
    try:
        # All or nothing: a parser that fails part-way must not leave half an input fed.
        parsed = list(parser(data, where, name))
    except Exception as err:  # a parser bug or a library's surprise must not stop the adapter
        log.exception("adapter.parser_failed", where=where)
        parsed = [Rejection(where, f"could not be parsed: {type(err).__name__}: {err}")]
    if plain is not None and parser is parse_plain:
        parsed = [plain.applied(item) for item in parsed]
    yield from parsed


def parse_path(path: Path, max_bytes: int | None = None, plain: PlainDefaults | None = None) -> Iterator[Parsed]:
    """Items and rejections in one file; an unreadable file is one rejection.

    JSONL is read line by line, so a large backfill file is never held in memory whole. Any other file is
    read whole, so one larger than `max_bytes` (by its size on disk, before reading) is one rejection.
    """
    if path.suffix.lower() in _JSONL_SUFFIXES:
        try:
            with path.open("rb") as lines:
                yield from jsonl_lines(lines, str(path))
        except OSError as err:
            yield Rejection(str(path), f"cannot read: {err.strerror or err}")
        return
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            yield Rejection(
                str(path),
                f"too large: the file is {size} bytes, over the limit of {max_bytes} for a file read whole "
                "(raise it with CLAIMWIRE_ADAPTER_MAX_FEED_BYTES; JSONL files are read line by line)",
            )
            return
        data = path.read_bytes()
    except OSError as err:
        yield Rejection(str(path), f"cannot read: {err.strerror or err}")
        return
    yield from parse_bytes(data, str(path), path.name, plain)
