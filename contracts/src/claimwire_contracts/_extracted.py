"""`ArticleExtracted`: an article together with every claim extracted from it, in one event."""

from typing import Literal

from pydantic import Field

from ._article import ArticleReceived
from ._base import Contract
from ._claim import ClaimExtracted


class ArticleExtracted(Contract):
    """One article and all of its claims, published by the ingest worker once per article.

    The dedup service decides an article's incident once, from the article as a whole, and files all of its
    claims there; this event gives it the article and its claims together. Claim subscribers read the
    claims stream instead (the same `ClaimExtracted` events, one entry each).
    """

    schema_version: Literal[1] = 1
    """Version of this contract; bumped on any change that is not purely additive."""
    article: ArticleReceived
    """The article as it was received; every claim offset indexes `article.text`."""
    claims: list[ClaimExtracted] = Field(default_factory=list)
    """Every claim extracted from the article, in text order (possibly none)."""

    @property
    def article_id(self) -> str:
        """The article's id (for logs and idempotency keys)."""
        return self.article.article_id
