"""The ingest worker: validates each article, extracts its claims, publishes them, then acks.

Each claim goes on the claims stream (for subscribers); the article with all of its claims goes on the
extracted stream once (for the dedup service, which files an article and its claims together).
"""

from collections.abc import Callable, Sequence

from claimwire_contracts import ArticleExtracted, ArticleReceived, ClaimExtracted, Contract, DeadLetterReason

from ..consumer import StreamStage
from ..extraction import COMPILED, extract_claims, preload
from ..logs import get_logger
from ..settings import Settings

log = get_logger(__name__)

Extractor = Callable[[ArticleReceived], list[ClaimExtracted]]


def ingest_stage(settings: Settings, extract: Extractor = extract_claims) -> StreamStage[ArticleReceived]:
    """The ingest consumer group on the articles stream, publishing to the claims and extracted streams."""

    async def process(article: ArticleReceived) -> Sequence[tuple[str, Contract]]:
        claims = extract(article)
        outputs: list[tuple[str, Contract]] = [(settings.claims_stream, claim) for claim in claims]
        outputs.append((settings.extracted_stream, ArticleExtracted(article=article, claims=claims)))
        return outputs

    return StreamStage(
        name="ingest",
        stream=settings.articles_stream,
        group=settings.ingest_group,
        model=ArticleReceived,
        process=process,
        log_ids=lambda article: {"article_id": article.article_id},
        outputs={settings.claims_stream: ClaimExtracted, settings.extracted_stream: ArticleExtracted},
        failure_reason=DeadLetterReason.extraction_error,
        warm_up=_load_extraction if extract is extract_claims else None,
    )


def _load_extraction() -> None:
    preload()
    # Whether the mypyc-compiled core is in use (1.2-1.3x the throughput of the Python source).
    log.info("extraction_loaded", compiled=COMPILED)
