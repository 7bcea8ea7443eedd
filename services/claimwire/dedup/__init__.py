"""Incident dedup: merges ClaimExtracted events into incidents and publishes IncidentUpdated."""

from ._articles import article_claims, majority_incident, report_claim
from ._features import ClaimFeatures, claim_features
from ._offline import MemoryLedger, cluster_claims
from ._store import Applied, RedisLedger
from .service import DedupComponent, dedup_component, register

__all__ = [
    "Applied",
    "ClaimFeatures",
    "DedupComponent",
    "MemoryLedger",
    "RedisLedger",
    "article_claims",
    "claim_features",
    "cluster_claims",
    "dedup_component",
    "majority_incident",
    "register",
    "report_claim",
]
