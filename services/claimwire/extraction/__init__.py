"""Claim extraction: a pure, deterministic function from an article to its attributed claims.

The pipeline (see docs/extraction.md): sentences → parse → cues → claimant and content → coreference → places,
figures, time → verification and hedging → event type.
"""

import gc

from . import _pipeline
from ._pipeline import UNKNOWN_OUTLET, extract_claims

#: True when the pipeline modules run as mypyc-compiled extensions (a standard wheel install, the Docker
#: image), False when they run as Python source (an editable checkout, or a wheel built without a compiler).
COMPILED: bool = not _pipeline.__file__.endswith(".py")


def preload() -> None:
    """Load the gazetteer and the parsing pipeline now (about a second together, once per process) instead of
    on the first article.

    A long-running worker or a batch command calls this at start-up so its first article is not the slow
    one. The loaded tables then leave the garbage collector's view (`gc.freeze`): they live as long as the
    process, and every full collection would otherwise walk their tens of thousands of objects again.
    """
    from ._gazetteer import country_names, places
    from ._parse import nlp

    places()
    country_names()
    nlp()
    gc.freeze()


__all__ = ["COMPILED", "UNKNOWN_OUTLET", "extract_claims", "preload"]
