"""Clustering a mixed input of articles and claims offline, and the per-article view of the result."""

from collections.abc import Iterable
from dataclasses import dataclass

from claimwire.extraction import extract_claims
from claimwire_contracts import ArticleExtracted, ArticleReceived, ClaimExtracted, IncidentUpdated

from ._articles import ArticleUnit, article_unit, claims_unit
from ._inputs import Input
from ._offline import MemoryLedger


@dataclass(frozen=True)
class ArticleAssignment:
    """Where one input article ended up."""

    id: str
    article_id: str
    incident_id: str | None


@dataclass(frozen=True)
class ClusterResult:
    """The incidents (latest state each, in the order they were opened) and the per-article view."""

    incidents: list[IncidentUpdated]
    articles: list[ArticleAssignment]


def _units(inputs: Iterable[Input]) -> list[tuple[str, ArticleUnit | None, str]]:
    """(input id, unit, article id) per article, in order of appearance; claim inputs are grouped by their
    article, which takes the place of its first claim."""
    order: list[tuple[str, ArticleUnit | None, str] | str] = []
    grouped: dict[str, list[ClaimExtracted]] = {}
    for item in inputs:
        if item.article is not None:
            extracted = ArticleExtracted(article=item.article, claims=extract_claims(item.article))
            order.append((item.input_id, article_unit(extracted), item.article.article_id))
        elif item.claim is not None:
            if item.claim.article_id not in grouped:
                order.append(item.claim.article_id)
            grouped.setdefault(item.claim.article_id, []).append(item.claim)
    return [(o, claims_unit(grouped[o]), o) if isinstance(o, str) else o for o in order]


def cluster_inputs(inputs: Iterable[Input]) -> ClusterResult:
    """Cluster articles (each with its claims) and claims (grouped by article) in input order through the
    service's decision path: each article is decided once and its claims follow it."""
    ledger = MemoryLedger()
    assignments = []
    for input_id, unit, article_id in _units(inputs):
        if unit is not None:
            ledger.process(unit)
        filed = ledger.applied.get(article_id)
        assignments.append(ArticleAssignment(input_id, article_id, filed[0] if filed else None))
    return ClusterResult(incidents=list(ledger.states.values()), articles=assignments)


def cluster_articles(articles: Iterable[ArticleReceived]) -> ClusterResult:
    """Cluster `articles` in the order given, as the service would: extract each, then file it."""
    return cluster_inputs(Input(a.article_id, article=a) for a in articles)
