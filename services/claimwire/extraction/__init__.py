"""Claim extraction: a pure, deterministic function from an article to its attributed claims.

The pipeline (see docs/extraction.md): sentences → cues → claimant and content → coreference → places,
figures, time → verification and hedging → event type.
"""

from ._pipeline import UNKNOWN_OUTLET, extract_claims

__all__ = ["UNKNOWN_OUTLET", "extract_claims"]
