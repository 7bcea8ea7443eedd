"""Which parser reads an input: chosen by file suffix, else by sniffing the first bytes."""

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import BinaryIO

from claimwire.jsontext import loads_text
from claimwire.logs import get_logger
from claimwire.settings import Settings

from ._html import html_to_text
from ._item import Item, ItemError, PlainDefaults, Rejection
from ._jsonarticle import item_from_article_object
from ._jsonl import decode_line, surrogates_warning, utf8_text
from ._newsml import items_from_newsml
from ._ninjs import is_ninjs, item_from_ninjs
from ._readfile import Oversize, bounded_lines, open_input, read_bounded, rejoined, too_large_input
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
        return rejection(where, err, line=line)
    except Exception as err:  # a parser bug or a library's surprise must not stop the adapter
        log.exception("adapter.parser_failed", where=where, line=line)
        return Rejection(where, f"could not be parsed: {type(err).__name__}: {err}", line=line)
    return item if line is None else replace(item, line=line)


def rejection(where: str, err: ItemError, line: int | None = None) -> Rejection:
    """The `Rejection` of what raised `err` at `where` (and `line`)."""
    return Rejection(where, err.reason, line=line, field=err.field, code=err.code)


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


def jsonl_lines(lines: Iterable[bytes | Oversize], where: str) -> Iterator[Parsed]:
    """Items of JSONL given line by line (a file or stdin is read lazily); each bad line is rejected alone.

    Lines are split on bytes, so a U+2028 inside a JSON string does not split a line. A line longer than
    the read bound comes as `Oversize` (see `bounded_lines`) and is rejected as too large.
    """
    for number, raw in enumerate(lines, start=1):
        try:
            if isinstance(raw, Oversize):
                raise raw.error()
            decoded = decode_line(raw)
        except ItemError as err:
            yield rejection(where, err, line=number)
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
        yield rejection(where, err)
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
        yield rejection(where, err)
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
#: The read bound when a caller names none: the setting's default (callers with settings pass theirs).
DEFAULT_MAX_BYTES: int = Settings.model_fields["adapter_max_feed_bytes"].default
_SNIFF_BYTES = 64 * 1024


def parse_stream(
    stream: BinaryIO, where: str, max_bytes: int = DEFAULT_MAX_BYTES, plain: PlainDefaults | None = None
) -> Iterator[Parsed]:
    """Items and rejections from a byte stream (stdin): JSONL is read line by line, anything else whole
    (plain text with `plain`'s source and publication time); neither a line nor a whole input is held past
    `max_bytes`."""
    head = stream.read(_SNIFF_BYTES)
    first_line = head.split(b"\n", 1)[0]
    if first_line.lstrip(b"\xef\xbb\xbf \t\r").startswith(b"{") and _is_json(first_line):
        yield from jsonl_lines(bounded_lines(rejoined(head, stream), max_bytes), where)
        return
    data = head + stream.read(max(0, max_bytes + 1 - len(head)))
    if len(data) > max_bytes:
        yield rejection(where, too_large_input(len(data), max_bytes, what="the input (at least)"))
        return
    yield from parse_bytes(data, where, plain=plain)


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


def parse_path(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, follow_symlinks: bool = True, plain: PlainDefaults | None = None
) -> Iterator[Parsed]:
    """Items and rejections in one file; a file that cannot be read is one rejection. Plain text takes its
    source and publication time from `plain`.

    JSONL is read line by line, so a large backfill file is never held in memory whole (a line longer
    than `max_bytes` is rejected unread). Any other file is read whole: one larger than `max_bytes`, by
    `fstat` before reading, is one rejection and nothing of it is read. See `_readfile`.
    """
    where = str(path)
    try:
        if path.suffix.lower() in _JSONL_SUFFIXES:
            with open_input(path, follow_symlinks) as lines:
                yield from jsonl_lines(bounded_lines(lines, max_bytes), where)
            return
        data = read_bounded(path, max_bytes, follow_symlinks)
    except ItemError as err:
        yield rejection(where, err)
        return
    except OSError as err:  # an I/O error part-way through
        yield Rejection(where, f"cannot read: {err.strerror or err}", code="unreadable")
        return
    yield from parse_bytes(data, where, path.name, plain)
