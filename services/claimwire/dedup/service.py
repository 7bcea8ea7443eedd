"""The dedup service: claims and articles in (a consumer group on each), IncidentUpdated events out.

A thin edge over two `StreamStage`s (validate, process, publish, then ack) and `RedisLedger` (atomic merge):
one merges each extracted claim, the other files each article's whole text as its outlet's report
(`report_claim`), exactly what `claimwire cluster` does with articles offline.
The claim's state change and the publish are two steps; the ledger remembers the state each claim produced,
so a claim redelivered after a crash in between republishes exactly that version, never a new one.
"""

from collections.abc import Sequence

import structlog
from faststream.redis import RedisBroker

from claimwire_contracts import ArticleReceived, ClaimExtracted, Contract, IncidentUpdated

from ..consumer import StreamStage
from ..logs import get_logger
from ..settings import Settings
from ..streams import redis_of
from ._articles import report_claim
from ._store import RedisLedger

log = get_logger(__name__)


class DedupComponent:
    """The dedup consumer group: a `Component` for the runtime (register, then prepare)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._broker: RedisBroker | None = None
        self._ledger: RedisLedger | None = None
        self.stage = StreamStage(
            name="dedup",
            stream=settings.claims_stream,
            group=settings.dedup_group,
            model=ClaimExtracted,
            process=self._process,
            log_ids=lambda claim: {"claim_id": claim.claim_id, "article_id": claim.article_id},
            outputs={settings.incidents_stream: IncidentUpdated},
        )
        self.report_stage = StreamStage(
            name="dedup-articles",
            stream=settings.articles_stream,
            group=settings.dedup_articles_group,
            model=ArticleReceived,
            process=self._process_article,
            log_ids=lambda article: {"article_id": article.article_id},
            outputs={settings.incidents_stream: IncidentUpdated},
        )

    def register(self, broker: RedisBroker, settings: Settings) -> None:
        """Add the reader, the reclaimer and the publishers to `broker`."""
        self._broker = broker
        self.stage.register(broker, settings)
        self.report_stage.register(broker, settings)

    async def prepare(self, broker: RedisBroker) -> None:
        """Create the consumer group from the first entry and the ledger on the broker's connection."""
        await self.stage.prepare(broker)
        await self.report_stage.prepare(broker)
        await self._ledger_of(broker)

    async def hand_back(self, settings: Settings) -> None:
        """After the broker stopped, make claims read but not finished reclaimable at once."""
        await self.stage.hand_back(settings)
        await self.report_stage.hand_back(settings)

    async def _ledger_of(self, broker: RedisBroker) -> RedisLedger:
        if self._ledger is None:
            self._ledger = RedisLedger(await redis_of(broker), self.settings)
        return self._ledger

    async def _process_article(self, article: ArticleReceived) -> Sequence[tuple[str, Contract]]:
        report = report_claim(article)
        return [] if report is None else await self._process(report, article_report=True)

    async def _process(self, claim: ClaimExtracted, *, article_report: bool = False) -> Sequence[tuple[str, Contract]]:
        assert self._broker is not None, "register() before processing"
        ledger = await self._ledger_of(self._broker)
        with structlog.contextvars.bound_contextvars(claim_id=claim.claim_id, article_id=claim.article_id):
            applied = await ledger.process(claim, article_report=article_report)
            state = applied.state
            with structlog.contextvars.bound_contextvars(incident_id=state.incident_id):
                log.info("claim.merged" if applied.fresh else "claim.replayed", version=state.version,
                         claims=len(state.claim_ids), candidates=applied.candidates,
                         score=state.merges[-1].score if applied.fresh else None)
        return [(self.settings.incidents_stream, state)]


def dedup_component(settings: Settings) -> DedupComponent:
    """The dedup service as a runtime component."""
    return DedupComponent(settings)


def register(broker: RedisBroker, settings: Settings) -> None:
    """Add the dedup subscribers to `broker`. Call `dedup_component(settings).prepare(broker)` before
    starting it when the consumer group may not exist yet (the runtime does)."""
    dedup_component(settings).register(broker, settings)
