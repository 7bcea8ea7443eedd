"""Claim extraction: a pure, deterministic function from an article to its attributed claims."""

from ._pipeline import extract_claims

__all__ = ["extract_claims"]
