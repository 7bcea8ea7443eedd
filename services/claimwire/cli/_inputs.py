"""The offline commands' input (`extract`, `cluster`): files, folders and stdin, JSONL read line by line.

Work per input is bounded: a JSONL line or a plain-text article longer than the article limit
(`Settings.max_article_bytes`) is skipped with the limit named, and read in chunks to find its end, never
held whole. Bad lines are reported through `Skips`, so every command words them the same.
"""

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from claimwire.adapter._item import ItemError, Rejection
from claimwire.adapter._jsonl import decode_line, surrogates_warning, utf8_text
from claimwire.adapter._readfile import Oversize, bounded_lines

from ._skips import Skips

#: Files read from a folder; JSONL by suffix, the others by their first non-blank character.
SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson")
_JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class TextInput:
    """A whole file (or stdin) as one plain-text article."""

    where: str
    name: str | None
    """The file name (keys the article id); None for stdin."""
    text: str


@dataclass(frozen=True)
class JsonInput:
    """One JSONL line's decoded value."""

    where: str
    line: int
    value: Any


def rejection_of(read: TextInput | JsonInput, reason: str, field: str | None = None) -> Rejection:
    """The report of an input skipped after it was read (not an article, too large once built)."""
    return Rejection(read.where, reason, line=read.line if isinstance(read, JsonInput) else None, field=field)


def too_large(size: int, limit: int, what: str) -> str:
    """The reason an input over the article limit is skipped, naming the limit and the setting."""
    return f"too large: {what} of {size} bytes, over the limit of {limit} (raise it with CLAIMWIRE_MAX_ARTICLE_BYTES)"


def read_inputs(
    paths: list[str], max_bytes: int, skips: Skips, *, sniff: bool = True
) -> Iterator[TextInput | JsonInput]:
    """Inputs of files, folders (walked for `SUFFIXES`) and "-" (stdin), each counted in `skips`.

    A *.jsonl / *.ndjson file is JSONL. Stdin, and with `sniff` any other file, is JSONL when its first
    non-blank character opens an object, else one plain-text article.
    """
    for raw in paths:
        if raw == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", None, max_bytes, skips, jsonl=None)
            continue
        for path in _files(raw, skips):
            jsonl = True if path.suffix.lower() in _JSONL_SUFFIXES else None if sniff else False
            yield from _read_file(path, max_bytes, skips, jsonl)


def _files(raw: str, skips: Skips) -> list[Path]:
    path = Path(raw)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if path.is_file():
        return [path]
    skips.took()
    skips.skip(Rejection(raw, "no such file or folder"))
    return []


def _read_file(path: Path, max_bytes: int, skips: Skips, jsonl: bool | None) -> Iterator[TextInput | JsonInput]:
    where = str(path)
    try:
        size = path.stat().st_size
        if jsonl is False and size > max_bytes:  # refused by its size on disk, before it is read
            skips.took()
            skips.skip(Rejection(where, too_large(size, max_bytes, "an article")))
            return
        with path.open("rb") as stream:
            yield from _read_stream(stream, where, path.name, max_bytes, skips, jsonl)
    except OSError as err:
        skips.took()
        skips.skip(Rejection(where, f"cannot read: {err.strerror or err}"))


def _read_stream(
    stream: BinaryIO, where: str, name: str | None, max_bytes: int, skips: Skips, jsonl: bool | None
) -> Iterator[TextInput | JsonInput]:
    lines = bounded_lines(stream, max_bytes)
    head: list[bytes | Oversize] = []
    if jsonl is None:  # sniff: look at the first non-blank line
        for line in lines:
            head.append(line)
            if isinstance(line, Oversize) or line.strip(b"\xef\xbb\xbf \t\r\n"):
                break
        first = head[-1] if head else b""
        jsonl = isinstance(first, bytes) and first.lstrip(b"\xef\xbb\xbf \t\r").startswith(b"{")
    if jsonl:
        yield from _jsonl(_chain(head, lines), where, max_bytes, skips)
    else:
        yield from _plain(_chain(head, lines), where, name, max_bytes, skips)


def _chain(head: list[bytes | Oversize], rest: Iterator[bytes | Oversize]) -> Iterator[bytes | Oversize]:
    yield from head
    yield from rest


def _jsonl(lines: Iterator[bytes | Oversize], where: str, max_bytes: int, skips: Skips) -> Iterator[JsonInput]:
    for number, line in enumerate(lines, start=1):
        if isinstance(line, Oversize):
            skips.took()
            skips.skip(Rejection(where, too_large(line.size, max_bytes, "a line"), line=number))
            continue
        try:
            decoded = decode_line(line)
        except ItemError as err:
            skips.took()
            skips.skip(Rejection(where, err.reason, line=number))
            continue
        if decoded is None:
            continue
        skips.took()
        if decoded.replaced:
            skips.warn(where, number, surrogates_warning(decoded.replaced))
        yield JsonInput(where, number, decoded.value)


def _plain(
    lines: Iterator[bytes | Oversize], where: str, name: str | None, max_bytes: int, skips: Skips
) -> Iterator[TextInput]:
    skips.took()
    data = bytearray()
    size = 0
    for line in lines:  # stdin's length is known only once read: count on past the limit, keep nothing
        size += line.size if isinstance(line, Oversize) else len(line)
        if size <= max_bytes and isinstance(line, bytes):
            data += line
    if size > max_bytes:
        skips.skip(Rejection(where, too_large(size, max_bytes, "an article")))
        return
    try:
        text = utf8_text(bytes(data))
    except ItemError as err:
        skips.skip(Rejection(where, err.reason))
        return
    if not text.strip():
        skips.skip(Rejection(where, "the article is empty", field="text"))
        return
    yield TextInput(where, name, text)
