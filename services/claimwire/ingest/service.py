"""The ingest worker: validates each article, extracts its claims, publishes them, then acks."""

from collections.abc import Callable, Sequence

from claimwire_contracts import ArticleReceived, ClaimExtracted, Contract, DeadLetterReason

from ..consumer import StreamStage
from ..extraction import extract_claims, preload
from ..settings import Settings

Extractor = Callable[[ArticleReceived], list[ClaimExtracted]]


def ingest_stage(settings: Settings, extract: Extractor = extract_claims) -> StreamStage[ArticleReceived]:
    """The ingest consumer group on the articles stream, publishing to the claims stream."""

    async def process(article: ArticleReceived) -> Sequence[tuple[str, Contract]]:
        return [(settings.claims_stream, claim) for claim in extract(article)]

    return StreamStage(
        name="ingest",
        stream=settings.articles_stream,
        group=settings.ingest_group,
        model=ArticleReceived,
        process=process,
        log_ids=lambda article: {"article_id": article.article_id},
        outputs={settings.claims_stream: ClaimExtracted},
        failure_reason=DeadLetterReason.extraction_error,
        warm_up=preload if extract is extract_claims else None,
    )
