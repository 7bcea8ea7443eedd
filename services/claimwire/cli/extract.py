"""`claimwire extract PATH... | -`: run claim extraction offline (no Redis) and print ClaimExtracted JSON lines."""

import sys
from datetime import UTC, datetime
from typing import Any

import click
from pydantic import ValidationError

from claimwire_contracts import ArticleReceived, make_article_id

from ._common import load_settings, plain_text_options
from ._inputs import JsonInput, TextInput, read_inputs, rejection_of, too_large
from ._skips import Skips


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH... | -")
@plain_text_options
def extract(paths: tuple[str, ...], source: str | None, published_at: datetime | None) -> None:
    """Extract claims from articles and print one ClaimExtracted JSON object per line.

    \b
    PATH is a plain-text article (offsets index the file's decoded UTF-8 text exactly as read,
    nothing stripped but a byte-order mark), a JSONL file (*.jsonl, *.ndjson) with one article per line:
      {"text": "...", "id": "...", "source": "...", "url": "...", "title": "...",
       "published_at": "2024-03-12T09:00:00Z", "language": "en"}   (only "text" is required)
    or a folder (walked for .txt and .jsonl files). "-" reads standard input: JSONL when its first
    non-blank character opens an object, otherwise plain text.

    \b
    A bad JSONL line is reported as FILE:LINE: reason on stderr and skipped; the rest is extracted and
    the command exits 1 with the count skipped. An article (a line, or a plain-text file) larger than
    CLAIMWIRE_MAX_ARTICLE_BYTES (default 1,000,000, counted as `claimwire feed` counts it) is skipped
    with the limit named, without being read whole.

    \b
    Examples:
      claimwire extract article.txt --source "Kyiv Ledger" --published-at 2024-03-12
      claimwire extract feed.jsonl | jq .claimant.name
      cat article.txt | claimwire extract -
    """
    from claimwire.extraction import extract_claims, preload

    limit = load_settings().max_article_bytes
    preload()
    skips = Skips()
    defaults = {"source": source, "published_at": published_at}
    out = sys.stdout
    for read in read_inputs(list(paths), limit, skips, sniff=False):
        article = _article_of(read, defaults, skips)
        if article is None:
            continue
        size = _entry_size(article)
        if size > limit:
            skips.skip(rejection_of(read, too_large(size, limit, "an article as a stream entry")))
            continue
        for claim in extract_claims(article):
            out.write(claim.model_dump_json() + "\n")
    out.flush()
    skips.finish()


def _entry_size(article: ArticleReceived) -> int:
    from claimwire.streams import entry_size

    return entry_size(article, article.article_id)


def _article_of(read: TextInput | JsonInput, defaults: dict[str, Any], skips: Skips) -> ArticleReceived | None:
    """The article of one input as given (text not canonicalised, so offsets index it), or None when skipped."""
    from claimwire.adapter._formats import item_from_object
    from claimwire.adapter._item import ItemError

    try:
        if isinstance(read, TextInput):
            return _article(text=read.text, key=read.name or "stdin", **defaults)
        item = item_from_object(read.value)
        fields = {"source": item.source, "url": item.url, "title": item.title, "language": item.language}
        return _article(text=item.text, key=item.key, published_at=item.published_at, **fields)
    except ItemError as err:
        skips.skip(rejection_of(read, err.reason, err.field))
        return None


def _article(*, text: str, key: str | None, published_at: datetime | None, **fields: Any) -> ArticleReceived:
    from claimwire.adapter._item import ItemError

    if published_at is not None and published_at.tzinfo is None:
        published_at = published_at.replace(tzinfo=UTC)
    try:
        return ArticleReceived(
            article_id=make_article_id(fields.get("source"), key, text),
            text=text,
            received_at=datetime.now(UTC),
            feed_key=key,
            published_at=published_at,
            **fields,
        )
    except ValidationError as exc:
        error = exc.errors()[0]
        raise ItemError(error["msg"], field=".".join(str(part) for part in error["loc"]) or None) from None
