"""The dedup service: extracted articles in (one consumer group), IncidentUpdated events out.

A thin edge over a `StreamStage` (validate, process, publish, then ack) and `RedisLedger` (atomic filing):
each `ArticleExtracted` entry is one article with all its claims; the ledger decides the article's incident
once and files its claims there, exactly what `claimwire cluster` does offline. The state change and the
publish are two steps; the ledger keeps the state each article produced until the publish is acked, so an
entry redelivered after a crash in between republishes exactly that version, never a new one.
"""

from collections.abc import Sequence
from typing import Any

import structlog
from faststream.redis import RedisBroker
from pydantic import PrivateAttr

from claimwire_contracts import ArticleExtracted, Contract, IncidentUpdated

from ..consumer import StreamStage
from ..logs import get_logger
from ..settings import Settings
from ..streams import redis_of
from ._articles import ArticleUnit, article_unit
from ._features import ClaimFeatures, unit_features
from ._store import RedisLedger

log = get_logger(__name__)

#: An extracted entry holds its article and its claims' texts and fields: a few times the article's size.
ENTRY_BYTES_PER_ARTICLE_BYTE = 8


class FiledState(IncidentUpdated):
    """An incident state to publish that keeps the JSON the ledger stored it as: framing it for the incidents
    stream returns those bytes instead of serialising the state again (tens of KB for a large incident; the
    second serialisation was about a twentieth of an article's CPU). Used only on the way out: subscribers
    decode an `IncidentUpdated`, and nothing else sees this class."""

    _json: str | None = PrivateAttr(default=None)

    @classmethod
    def of(cls, state: IncidentUpdated, stored: str) -> "FiledState":
        """`state`, whose `model_dump_json()` is `stored` (the ledger's copy, made from this very state)."""
        filed = cls.model_construct(state.model_fields_set, **dict(state))
        filed._json = stored
        return filed

    def model_dump_json(self, **options: Any) -> str:
        """The stored JSON when asked for the default form; else serialised as usual."""
        if self._json is not None and not options:
            return self._json
        return super().model_dump_json(**options)


class DedupComponent:
    """The dedup consumer group: a `Component` for the runtime (register, then prepare)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._broker: RedisBroker | None = None
        self._ledger: RedisLedger | None = None
        # Each item of the batch in hand: its entry id, unit and features (`_prepare`).
        self._prepared: dict[int, tuple[str, ArticleUnit | None, ClaimFeatures | None]] = {}
        self.stage = StreamStage(
            name="dedup",
            stream=settings.extracted_stream,
            group=settings.dedup_group,
            model=ArticleExtracted,
            process=self._process,
            log_ids=lambda extracted: {"article_id": extracted.article_id},
            outputs={settings.incidents_stream: IncidentUpdated},
            on_acked=self._published,
            prepare_batch=self._prepare,
            delete_acked=True,
            max_bytes=lambda s: s.max_article_bytes * ENTRY_BYTES_PER_ARTICLE_BYTE,
        )

    def register(self, broker: RedisBroker, settings: Settings) -> None:
        """Add the reader, the reclaimer and the publishers to `broker`."""
        self._broker = broker
        self.stage.register(broker, settings)

    async def prepare(self, broker: RedisBroker) -> None:
        """Create the consumer group from the first entry and the ledger on the broker's connection."""
        await self.stage.prepare(broker)
        await self._ledger_of(broker)

    async def hand_back(self, settings: Settings) -> None:
        """After the broker stopped, make articles read but not finished reclaimable at once."""
        await self.stage.hand_back(settings)

    async def _ledger_of(self, broker: RedisBroker) -> RedisLedger:
        if self._ledger is None:
            self._ledger = RedisLedger(await redis_of(broker), self.settings)
        return self._ledger

    def _prepare(self, batch: list[tuple[str, ArticleExtracted | None]]) -> None:
        # The features of the whole batch first: they need no ledger, so they are computed while another
        # replica's earlier articles are being decided, and each article then waits only for its turn.
        for entry_id, extracted in batch:
            if extracted is None:
                # Rejected (dead-lettered with this batch): never filed, so nothing waits for it.
                if self._ledger is not None:
                    self._ledger.pass_over([entry_id])
                continue
            unit = article_unit(extracted)
            features = unit_features(unit.report, unit.claims) if unit is not None else None
            self._prepared[id(extracted)] = (entry_id, unit, features)

    async def _process(self, extracted: ArticleExtracted) -> Sequence[tuple[str, Contract]]:
        assert self._broker is not None, "register() before processing"
        entry_id, unit, features = self._prepared.pop(id(extracted), (None, article_unit(extracted), None))
        ledger = await self._ledger_of(self._broker)
        if unit is None:
            log.info("article.blank")
            if entry_id is not None:
                ledger.pass_over([entry_id])
            return []
        try:
            applied = await ledger.process(unit, features=features, entry_id=entry_id)
        except Exception:
            if entry_id is not None:
                # Left for a retry: the batch's later articles need not wait for it.
                ledger.pass_over([entry_id])
            raise
        state = applied.state
        if state is None:
            log.info("article.refiled", detail="filed and published before; nothing new")
            return []
        with structlog.contextvars.bound_contextvars(incident_id=state.incident_id):
            log.info(
                "article.filed" if applied.fresh else "article.replayed",
                version=state.version,
                claims=len(unit.claims),
                articles=len(state.article_ids),
                candidates=applied.candidates,
                score=state.merges[-1].score if applied.fresh else None,
            )
        published = FiledState.of(state, applied.json) if applied.json is not None else state
        return [(self.settings.incidents_stream, published)]

    async def _published(self, done: list[ArticleExtracted], published: list[tuple[str, Contract, str]]) -> None:
        assert self._broker is not None, "register() before processing"
        states = [(event, entry_id) for _, event, entry_id in published if isinstance(event, IncidentUpdated)]
        await (await self._ledger_of(self._broker)).published([e.article_id for e in done], states)


def dedup_component(settings: Settings) -> DedupComponent:
    """The dedup service as a runtime component."""
    return DedupComponent(settings)


def register(broker: RedisBroker, settings: Settings) -> None:
    """Add the dedup subscribers to `broker`. Call `dedup_component(settings).prepare(broker)` before
    starting it when the consumer group may not exist yet (the runtime does)."""
    dedup_component(settings).register(broker, settings)
