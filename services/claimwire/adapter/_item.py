"""What every format parser yields: an `Item` ready to become an article, or a `Rejection` saying why not."""

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from pydantic import ValidationError

from claimwire_contracts import ArticleReceived, make_article_id

from ._text import canonical_text

REASON_CODES = {
    "invalid": "the content is not a valid article (bad JSON or XML, a required field missing or wrong)",
    "not_utf8": "text that is not UTF-8 (other encodings are refused, not guessed)",
    "too_large": "over a size limit: the file or line read whole, or the article as a stream entry",
    "symlink": "a symbolic link (never followed: it could point anywhere on the host)",
    "not_regular_file": "a FIFO, socket or device, not a file",
    "unreadable": "the file could not be opened or read (permissions, I/O error)",
    "missing": "the path does not exist",
    "changed": "the file changed while it was read (`claimwire feed`; the drop folder waits and reads it again)",
    "feed_failed": "a feed could not be fetched or is not a feed",
}
"""Every `Rejection.code`, with what it means."""


@dataclass(frozen=True)
class Rejection:
    """One input that was not fed: where it came from and why (for the summary and the logs)."""

    where: str
    """File path or URL."""
    reason: str
    """What was wrong, in words a user can act on."""
    line: int | None = None
    """1-based line (JSONL) or item number (feeds, NewsML messages), when there is one."""
    field: str | None = None
    """The offending field, when one field is to blame."""
    code: str = "invalid"
    """The reason as a word for machines (`REASON_CODES`), beside `reason` for people."""

    def __str__(self) -> str:
        place = f"{self.where}:{self.line}" if self.line is not None else self.where
        field = f" field '{self.field}':" if self.field else ""
        return f"{place}:{field} {self.reason}"


class ItemError(ValueError):
    """A parser's complaint about one item; the caller turns it into a `Rejection` with the location."""

    def __init__(self, reason: str, field: str | None = None, code: str = "invalid") -> None:
        super().__init__(reason)
        self.reason = reason
        self.field = field
        self.code = code


@dataclass(frozen=True)
class Item:
    """One article as a format parser understood it, before canonicalisation."""

    text: str
    """Body as plain text (HTML already converted)."""
    key: str | None = None
    """guid / URI / URL / file name the article id is derived from; None means "hash of the text"."""
    source: str | None = None
    url: str | None = None
    title: str | None = None
    language: str | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None
    line: int | None = None
    """Line (JSONL) or item number (arrays, feeds, NewsML messages) in its input, for error messages."""


@dataclass(frozen=True)
class PlainDefaults:
    """What `claimwire feed --source/--published-at` gives plain-text files, which carry neither."""

    source: str | None = None
    published_at: datetime | None = None

    def applied(self, item: "Item | Rejection") -> "Item | Rejection":
        """`item` with the defaults filled in where it has none (a rejection as it is)."""
        if isinstance(item, Rejection):
            return item
        return replace(item, source=item.source or self.source, published_at=item.published_at or self.published_at)


def parse_time(value: str | None, field: str) -> datetime | None:
    """An ISO 8601 date-time from a feed field; `ItemError` naming `field` when it is not one."""
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError as err:
        raise ItemError(f"not an ISO 8601 date-time: {value!r}", field=field) from err


def _utc(moment: datetime | None) -> datetime | None:
    # A time without a zone is taken as UTC: the contracts compare times across outlets.
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = canonical_text(value).replace("\n", " ")
    return value or None


def to_article(item: Item, received_at: datetime) -> ArticleReceived:
    """The `ArticleReceived` for `item`, with canonical text and a deterministic id.

    Raises `ItemError` when the item cannot be an article (e.g. its text is empty once canonical).
    """
    text = canonical_text(item.text)
    if not text:
        raise ItemError("the article text is empty", field="text")
    source = _clean(item.source)
    try:
        return ArticleReceived(
            article_id=make_article_id(source, item.key, text),
            source=source,
            url=_clean(item.url),
            title=_clean(item.title),
            text=text,
            language=_clean(item.language),
            published_at=_utc(item.published_at),
            updated_at=_utc(item.updated_at),
            received_at=received_at,
            feed_key=item.key,
        )
    except ValidationError as err:
        first = err.errors()[0]
        raise ItemError(first["msg"], field=".".join(str(p) for p in first["loc"]) or None) from err
