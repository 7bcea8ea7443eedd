"""Publishing articles once each: wait for room downstream, claim ids, publish (FastStream's format), confirm."""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import structlog

from claimwire.broker import build_broker
from claimwire.logs import get_logger
from claimwire.settings import Settings
from claimwire.streams import DATA_FIELD, frame_event
from claimwire_contracts import ArticleReceived

from ._backpressure import backlog
from ._seen import Claim, SeenIds, version_of

log = get_logger(__name__)


class StoppedError(Exception):
    """The adapter was told to stop while waiting for room downstream."""


@dataclass
class Published:
    """What one `publish` call did."""

    fed: list[str]
    """Ids published (first time, newer version, or forced)."""
    again: int
    """Of those, how many had been fed before (`--updates` or `--force`)."""
    skipped: int
    """Articles not published because their id was already seen (or is in flight elsewhere)."""


def _entries(articles: Sequence[ArticleReceived]) -> list[tuple[str, str]]:
    return [(a.article_id, version_of(a.updated_at)) for a in articles]


class Publisher:
    """Publishes `ArticleReceived` to the articles stream in FastStream's message format, once per id."""

    def __init__(self, settings: Settings, broker: Any, client: Any, stop: asyncio.Event | None = None) -> None:
        self._settings = settings
        self._stop = stop
        self._broker = broker
        self._client = client
        self._seen = SeenIds(settings, client)

    @classmethod
    async def connect(cls, settings: Settings, stop: asyncio.Event | None = None) -> "Publisher":
        """A publisher with a connected broker (close it with `close`); `stop` interrupts waiting."""
        broker = build_broker(settings)
        client = await broker.connect()
        return cls(settings, broker, client, stop)

    async def close(self) -> None:
        """Disconnect the broker."""
        await self._broker.stop()

    @property
    def client(self) -> Any:
        """The broker's Redis client."""
        return self._client

    async def wait_for_room(self) -> None:
        """Block while the ingest group's backlog on the articles stream is above the threshold.

        Raises `StoppedError` if the stop event is set while waiting (nothing has been claimed yet).
        """
        limit = self._settings.adapter_max_backlog
        if limit == 0:
            return
        stream, group = self._settings.articles_stream, self._settings.ingest_group
        waited = False
        while (pending := await backlog(self._client, stream, group, limit)) > limit:
            if not waited:
                log.info(
                    "adapter.backpressure_wait",
                    backlog=pending,
                    limit=limit,
                    group=group,
                    hint="waiting for the ingest workers to catch up (CLAIMWIRE_ADAPTER_MAX_BACKLOG=0 disables)",
                )
                waited = True
            if self._stop is not None and self._stop.is_set():
                raise StoppedError("stopped while waiting for the ingest backlog to shrink")
            await asyncio.sleep(self._settings.adapter_backlog_poll_s)
        if waited:
            log.info("adapter.backpressure_released", backlog=pending, limit=limit)

    async def _send(self, articles: Sequence[ArticleReceived]) -> None:
        # No MULTI: a crash between an entry and its confirmation leaves a lease that expires, so the
        # article is fed again rather than lost; a transaction would double the replies to parse.
        pipe = self._client.pipeline(transaction=False)
        for article in articles:
            # Framed exactly as a FastStream publisher frames it (see streams.frame_event), without a
            # publisher call per article. No maxlen: trimming by length could drop unread articles.
            frame = frame_event(article, correlation_id=article.article_id)
            pipe.xadd(self._settings.articles_stream, {DATA_FIELD: frame})
        if self._settings.redis_cluster:  # scripts cannot join a cluster pipeline: confirm after it
            await pipe.execute()
            await self._seen.confirm(_entries(articles))
        else:
            await self._seen.confirm(_entries(articles), pipe)
            await pipe.execute()

    async def _release(self, articles: Sequence[ArticleReceived]) -> None:
        try:
            await self._seen.release(_entries(articles))
        except Exception as err:  # Redis is likely down: the leases expire on their own
            log.warning("adapter.release_failed", error=str(err), lease_s=self._settings.adapter_lease_s)

    async def publish(self, articles: Sequence[ArticleReceived], mode: str = "new") -> Published:
        """Publish the articles whose ids are not yet seen (`mode`: "new", "updates" or "force").

        Waits for room downstream first. If publishing fails the claimed ids are released, so a retry
        feeds them, and the error propagates.
        """
        await self.wait_for_room()
        claims = await self._seen.claim(_entries(articles), mode)
        chosen = [a for a, claim in zip(articles, claims, strict=True) if claim is not Claim.SKIP]
        if chosen:
            try:
                await self._send(chosen)
            except BaseException:
                await asyncio.shield(self._release(chosen))
                raise
        if self._settings.log_level == "debug":
            for article, claim in zip(articles, claims, strict=True):
                with structlog.contextvars.bound_contextvars(article_id=article.article_id):
                    log.debug("adapter.article", outcome=claim.name.lower(), key=article.feed_key)
        return Published(
            fed=[a.article_id for a in chosen],
            again=sum(claim is Claim.AGAIN for claim in claims),
            skipped=sum(claim is Claim.SKIP for claim in claims),
        )
