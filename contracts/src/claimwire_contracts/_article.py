"""`ArticleReceived`: one article as published on the articles stream."""

import hashlib
from datetime import datetime
from typing import Literal

from pydantic import Field

from ._base import Contract


def make_article_id(source: str | None, key: str | None, text: str) -> str:
    """Deterministic article id: from source and guid/URL/file name when given, else from the text.

    Feeding the same item twice therefore yields the same id, which is what makes every stage idempotent.
    """
    basis = f"key\x1f{source or ''}\x1f{key}" if key else f"text\x1f{text}"
    return "art_" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


class ArticleReceived(Contract):
    """A news article, fed once by the adapter; its `text` is the canonical text all claim offsets index."""

    schema_version: Literal[1] = 1
    """Version of this contract; bumped on any change that is not purely additive."""
    article_id: str = Field(min_length=1, examples=["art_5f0c3f1e2d4a9b7c8e6f"])
    """Deterministic id: hash of source and guid/URL/file name when given, else of the text."""
    source: str | None = Field(default=None, examples=["Kyiv Ledger"])
    """The outlet that published the article, when known."""
    url: str | None = None
    """Canonical URL of the article, when known."""
    title: str | None = None
    """Headline, when known."""
    text: str = Field(min_length=1)
    """Canonical article text (Unicode NFC, normalised by the adapter); every offset downstream indexes it."""
    language: str | None = Field(default=None, examples=["en"])
    """ISO 639-1 language code, when known."""
    published_at: datetime | None = None
    """When the outlet published the article; relative dates ("Tuesday") are resolved against it."""
    updated_at: datetime | None = None
    """Version time of the item for feeds that update items in place (ninjs versioncreated, Atom updated)."""
    received_at: datetime
    """When claimwire received the article."""
    feed_key: str | None = None
    """The guid, URI, URL or file name the article id was derived from, when there was one."""
