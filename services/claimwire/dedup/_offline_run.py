"""Clustering a mixed input of articles and claims offline, and the per-article view of the result."""

from collections.abc import Iterable
from dataclasses import dataclass

from claimwire_contracts import ClaimExtracted, IncidentUpdated

from ._articles import article_claims, majority_incident
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


def cluster_inputs(inputs: Iterable[Input]) -> ClusterResult:
    """Cluster articles (their claims) and claims in input order through the service's decision path."""
    ledger = MemoryLedger()
    articles: list[tuple[str, str, list[str]]] = []
    lengths: dict[str, int] = {}
    for item in inputs:
        claims: list[ClaimExtracted] = [item.claim] if item.claim else article_claims(item.article)  # type: ignore[arg-type]
        for index, claim in enumerate(claims):
            # An article's claims open with its report (`article_claims`); a claim input is never one.
            ledger.process(claim, article_report=item.article is not None and index == 0)
            lengths[claim.claim_id] = len(claim.text)
        if item.article is not None:
            articles.append((item.input_id, item.article.article_id, [c.claim_id for c in claims]))
    incident_of = {claim_id: incident for claim_id, (incident, _) in ledger.applied.items()}
    return ClusterResult(
        incidents=list(ledger.states.values()),
        articles=[ArticleAssignment(i, a, majority_incident(c, incident_of, lengths)) for i, a, c in articles],
    )
