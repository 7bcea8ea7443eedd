"""`claimwire extract PATH... | -`: run claim extraction offline (no Redis) and print ClaimExtracted JSON lines."""

import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from claimwire_contracts import ArticleReceived, make_article_id

_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_OPTIONAL = ("id", "source", "url", "title", "published_at", "language")


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH... | -")
@click.option("--source", help="Outlet name for plain-text inputs (JSONL lines carry their own `source`).")
@click.option(
    "--published-at",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%z"]),
    help="Publication date for plain-text inputs, so 'Tuesday' or 'in January' resolve to dates.",
)
def extract(paths: tuple[str, ...], source: str | None, published_at: datetime | None) -> None:
    """Extract claims from articles and print one ClaimExtracted JSON object per line.

    \b
    PATH is a plain-text article (offsets index the file's decoded UTF-8 text exactly as read,
    nothing stripped) or a JSONL file (*.jsonl, *.ndjson) with one article per line:
      {"text": "...", "id": "...", "source": "...", "url": "...", "title": "...",
       "published_at": "2024-03-12T09:00:00Z", "language": "en"}   (only "text" is required)
    "-" reads standard input: JSONL when every line is a JSON object, otherwise plain text.

    \b
    Examples:
      claimwire extract article.txt --source "Kyiv Ledger" --published-at 2024-03-12
      claimwire extract feed.jsonl | jq .claimant.name
      cat article.txt | claimwire extract -
    """
    from claimwire.extraction import extract_claims, preload

    preload()
    if published_at is not None and published_at.tzinfo is None:
        published_at = published_at.replace(tzinfo=UTC)
    defaults = {"source": source, "published_at": published_at}
    out = sys.stdout
    for path in paths:
        for article in _articles(path, defaults):
            for claim in extract_claims(article):
                out.write(claim.model_dump_json() + "\n")


def _articles(path: str, defaults: dict[str, Any]) -> Iterator[ArticleReceived]:
    if path == "-":
        text = _decode(sys.stdin.buffer.read(), "<stdin>")
        lines = _jsonl_lines(text)
        if lines is not None:
            yield from _from_jsonl("<stdin>", lines)
        else:
            yield _plain("<stdin>", "stdin", text, defaults)
        return
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot read: {exc.strerror or exc}") from None
    text = _decode(raw, path)
    if file.suffix.lower() in _JSONL_SUFFIXES:
        yield from _from_jsonl(path, list(enumerate(text.splitlines(), start=1)))
    else:
        yield _plain(path, file.name, text, defaults)


def _decode(raw: bytes, label: str) -> str:
    """UTF-8 text exactly as stored (no newline translation, so offsets match the bytes' characters)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{label}: not UTF-8 text (byte {exc.start})") from None


def _jsonl_lines(text: str) -> list[tuple[int, str]] | None:
    """Numbered lines when every non-blank line is a JSON object, else None (then it is plain text)."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        return None
    for _, line in lines:
        try:
            if not isinstance(json.loads(line), dict):
                return None
        except ValueError:
            return None
    return lines


def _plain(label: str, key: str, text: str, defaults: dict[str, Any]) -> ArticleReceived:
    if not text.strip():
        raise click.ClickException(f"{label}: the article is empty")
    return _article(label, text=text, key=key, **defaults)


def _from_jsonl(label: str, lines: list[tuple[int, str]]) -> Iterator[ArticleReceived]:
    for number, line in lines:
        if not line.strip():
            continue
        where = f"{label}, line {number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise click.ClickException(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(item, dict):
            raise click.ClickException(f"{where}: expected a JSON object with a 'text' field")
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            raise click.ClickException(f"{where}: field 'text' is required and must be a non-empty string")
        for name in _OPTIONAL:
            if item.get(name) is not None and not isinstance(item[name], str):
                raise click.ClickException(f"{where}: field '{name}' must be a string")
        fields = {name: item.get(name) for name in _OPTIONAL if name != "id"}
        yield _article(where, text=text, key=item.get("id") or item.get("url"), **fields)


def _article(where: str, *, text: str, key: str | None, **fields: Any) -> ArticleReceived:
    try:
        return ArticleReceived(
            article_id=make_article_id(fields.get("source"), key, text),
            text=text,
            received_at=datetime.now(UTC),
            feed_key=key,
            **fields,
        )
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"])
        raise click.ClickException(f"{where}: field '{field}': {error['msg']}") from None
