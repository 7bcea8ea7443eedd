"""Incident dedup: files each extracted article (and with it all its claims) under one incident and publishes
IncidentUpdated."""

from ._articles import ArticleUnit, article_unit, claims_unit, group_claims, report_claim
from ._features import ClaimFeatures, claim_features, unit_features
from ._offline import MemoryLedger
from ._offline_run import ArticleAssignment, ClusterResult, cluster_articles, cluster_inputs
from ._store import Applied, RedisLedger
from .service import DedupComponent, dedup_component, register

__all__ = [
    "Applied",
    "ArticleAssignment",
    "ArticleUnit",
    "ClaimFeatures",
    "ClusterResult",
    "DedupComponent",
    "MemoryLedger",
    "RedisLedger",
    "article_unit",
    "claim_features",
    "claims_unit",
    "cluster_articles",
    "cluster_inputs",
    "dedup_component",
    "group_claims",
    "register",
    "report_claim",
    "unit_features",
]
