"""Reading the offline clusterer's input: article text files, article JSONL, or claim JSONL (mixed is fine)."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from claimwire_contracts import ArticleReceived, ClaimExtracted

from ..adapter._formats import item_from_object
from ..adapter._item import Item, ItemError, to_article

#: Suffixes read when a folder is given.
SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson")


class InputError(ValueError):
    """Bad input, located: file, line and field."""

    def __init__(self, where: str, line: int | None, field: str | None, reason: str) -> None:
        place = f"{where}:{line}" if line is not None else where
        super().__init__(f"{place}:{f' field {field!r}:' if field else ''} {reason}")


@dataclass(frozen=True)
class Input:
    """One unit of input: an article (with the id the user gave it) or a claim."""

    input_id: str
    article: ArticleReceived | None = None
    claim: ClaimExtracted | None = None


def _article(item: Item, where: str, line: int | None) -> ArticleReceived:
    try:
        return to_article(item, datetime.now(UTC))
    except ItemError as err:
        raise InputError(where, line, err.field, err.reason) from err


def _from_line(raw: str, where: str, line: int) -> Input:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as err:
        raise InputError(where, line, None, f"not valid JSON: {err.msg} (column {err.colno})") from err
    if isinstance(obj, dict) and "claim_id" in obj:
        try:
            claim = ClaimExtracted.model_validate(obj)
        except ValidationError as err:
            first = err.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or None
            raise InputError(where, line, field, first["msg"]) from err
        return Input(claim.claim_id, claim=claim)
    try:
        item = item_from_object(obj)
    except ItemError as err:
        raise InputError(where, line, err.field, err.reason) from err
    return Input(str(obj.get("id") or f"{where}:{line}"), article=_article(item, where, line))


def read_text(text: str, where: str, name: str | None) -> Iterator[Input]:
    """Inputs in `text`: JSONL when its first non-blank character opens an object, else one plain article."""
    if text.lstrip().startswith("{"):
        for number, raw in enumerate(text.splitlines(), start=1):
            if raw.strip():
                yield _from_line(raw, where, number)
        return
    if not text.strip():
        raise InputError(where, None, "text", "the input is empty")
    yield Input(name or where, article=_article(Item(text=text, key=name), where, None))


def read_paths(paths: list[str], stdin_text: str | None = None) -> Iterator[Input]:
    """Inputs of files, folders (walked for text and JSONL files) and `-` (stdin)."""
    for raw in paths:
        if raw == "-":
            yield from read_text(stdin_text or "", "<stdin>", None)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
        elif path.is_file():
            files = [path]
        else:
            raise InputError(raw, None, None, "no such file or folder")
        for file in files:
            try:
                text = file.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError as err:
                raise InputError(str(file), None, None, f"not valid UTF-8 (byte {err.start})") from err
            yield from read_text(text, str(file), file.name)
