"""The desk's subscribers: its own consumer group on the incidents, claims and articles streams.

Each is a `StreamStage` that publishes nothing: a batch is written to the read model in one go, then acked. Groups are
created from the streams' first entry, so a new desk reads the history (the current state of every incident,
as the incidents stream keeps each one's latest version).
"""

from collections.abc import Awaitable, Callable
from typing import TypeVar

from claimwire_contracts import ArticleReceived, ClaimExtracted, Contract, IncidentUpdated

from ..consumer import Outputs, StreamStage
from ..runtime import Component
from ..settings import Settings
from ._store import DeskStore

C = TypeVar("C", bound=Contract)
#: IncidentUpdated entries carry every claim id of an incident: far larger than an article may be.
INCIDENT_SIZE_FACTOR = 64


def _stage(
    settings: Settings,
    stream: str,
    model: type[C],
    write: Callable[[list[C]], Awaitable[None]],
    log_ids: Callable[[C], dict[str, str]],
    size_factor: int = 1,
) -> StreamStage[C]:
    async def validated_only(item: C) -> Outputs:
        return []  # the batch is written at once, before it is acked (`before_ack`)

    return StreamStage(
        name=f"desk.{stream.rsplit(':', 1)[-1]}",
        stream=stream,
        group=settings.desk_group,
        model=model,
        process=validated_only,
        before_ack=write,
        log_ids=log_ids,
        outputs={},
        max_bytes=lambda s: s.max_article_bytes * size_factor,
    )


def desk_stages(settings: Settings, store: DeskStore) -> list[Component]:
    """The three subscribers that keep `store` current, each writing a batch in one or two round trips."""
    return [
        _stage(
            settings,
            settings.incidents_stream,
            IncidentUpdated,
            store.apply_incidents,
            lambda i: {"incident_id": i.incident_id, "version": str(i.version)},
            INCIDENT_SIZE_FACTOR,
        ),
        _stage(
            settings,
            settings.claims_stream,
            ClaimExtracted,
            store.put_claims,
            lambda c: {"claim_id": c.claim_id, "article_id": c.article_id},
        ),
        _stage(
            settings,
            settings.articles_stream,
            ArticleReceived,
            store.put_articles,
            lambda a: {"article_id": a.article_id},
        ),
    ]
