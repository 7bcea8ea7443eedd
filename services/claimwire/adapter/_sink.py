"""Turns parsed items into articles, batches them, publishes them and keeps the tally (`FeedReport`)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from claimwire.logs import get_logger
from claimwire.metrics import Metrics
from claimwire.settings import Settings
from claimwire.streams import entry_size, too_large
from claimwire_contracts import ArticleReceived

from ._item import Item, ItemError, Rejection, to_article
from ._publish import Publisher

log = get_logger(__name__)


@dataclass
class FeedReport:
    """What a feed run did: fed, skipped as already seen, rejected (with where and why)."""

    fed: int = 0
    """Articles published to the articles stream."""
    refed: int = 0
    """Of `fed`, articles fed before and fed again (newer version with `--updates`, or `--force`)."""
    skipped_seen: int = 0
    """Articles not published because their id was fed before."""
    rejected: list[Rejection] = field(default_factory=list)
    """Inputs not fed, each with file/URL, line or item number, field and reason."""
    article_ids: list[str] = field(default_factory=list)
    """Ids of the articles published, in order."""
    rejected_before: int = 0
    """Rejections counted before the last `compact` (their details are gone)."""

    @property
    def rejected_total(self) -> int:
        """All rejections, including those forgotten by `compact`."""
        return self.rejected_before + len(self.rejected)

    def compact(self) -> None:
        """Forget per-item details but keep the counts, so a long-running adapter does not grow."""
        self.rejected_before += len(self.rejected)
        self.rejected.clear()
        self.article_ids.clear()


def mode_of(force: bool, updates: bool) -> str:
    """The claim mode for the `--force` / `--updates` flags."""
    return "force" if force else "updates" if updates else "new"


class Sink:
    """Collects items from any source and publishes them in batches; rejections are logged and counted."""

    def __init__(self, settings: Settings, publisher: Publisher, mode: str, metrics: Metrics | None = None) -> None:
        self._settings = settings
        self._metrics = metrics
        self._publisher = publisher
        self._mode = mode
        self._batch: list[ArticleReceived] = []
        # --force bypasses the seen set, so an id met twice in one run is caught here instead.
        self._forced: set[str] | None = set() if mode == "force" else None
        self.report = FeedReport()

    @property
    def max_file_bytes(self) -> int:
        """Largest file read whole (a feed response's limit: one input parsed in memory)."""
        return self._settings.max_input_bytes

    def reject(self, rejection: Rejection) -> None:
        """Count and log one input that is not fed."""
        self.report.rejected.append(rejection)
        if self._metrics is not None:
            self._metrics.adapter_rejected.inc()
        log.warning(
            "adapter.rejected",
            where=rejection.where,
            line=rejection.line,
            field=rejection.field,
            code=rejection.code,
            reason=rejection.reason,
        )

    def _article(self, item: Item, where: str, line: int | None) -> ArticleReceived | None:
        try:
            article = to_article(item, datetime.now(UTC))
        except ItemError as err:
            self.reject(Rejection(where, err.reason, line=line, field=err.field, code=err.code))
            return None
        size = entry_size(article, article.article_id)
        if size > self._settings.max_article_bytes:
            limit = self._settings.max_article_bytes
            self.reject(Rejection(where, f"too large: {too_large(size, limit)}", line=line, code="too_large"))
            return None
        return article

    async def put(self, parsed: Iterable[Item | Rejection], where: str) -> int:
        """Add everything parsed from one input; publishes whenever a batch is full.

        Returns how many valid articles the input held (each is then fed or skipped as already seen).
        """
        accepted = 0
        for entry in parsed:
            if isinstance(entry, Rejection):
                self.reject(entry)
                continue
            article = self._article(entry, where, entry.line)
            if article is None:
                continue
            accepted += 1
            if self._forced is not None:
                if article.article_id in self._forced:
                    self.report.skipped_seen += 1
                    continue
                self._forced.add(article.article_id)
            self._batch.append(article)
            if len(self._batch) >= self._settings.adapter_batch_size:
                await self.flush()
        return accepted

    async def flush(self) -> None:
        """Publish what is batched."""
        if not self._batch:
            return
        batch, self._batch = self._batch, []
        done = await self._publisher.publish(batch, self._mode)
        self.report.fed += len(done.fed)
        self.report.refed += done.again
        self.report.skipped_seen += done.skipped
        self.report.article_ids.extend(done.fed)
        if self._metrics is not None:
            self._metrics.messages_out.labels("adapter", self._settings.articles_stream).inc(len(done.fed))
            self._metrics.adapter_skipped.inc(done.skipped)
