"""Articles as input of the offline clusterer: their claims, plus the outlet's own report of the article."""

from collections import Counter

from claimwire.extraction import extract_claims
from claimwire_contracts import ArticleReceived, Claimant, ClaimantKind, ClaimExtracted, Span, make_claim_id


def report_claim(article: ArticleReceived) -> ClaimExtracted | None:
    """The outlet's own, unattributed report: the whole article text, claimant the outlet.

    It gives an article with few or no attributed claims (features, profiles, non-conflict news) a place
    in the ledger, carried by its names, figures and words.
    """
    text = article.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if end <= start:
        return None
    span = Span(start=start, end=end)
    outlet = article.source or "unknown outlet"
    return ClaimExtracted(
        claim_id=make_claim_id(article.article_id, span),
        article_id=article.article_id,
        source=article.source,
        published_at=article.published_at,
        span=span,
        text=text[start:end],
        claimant=Claimant(name=outlet, kind=ClaimantKind.media),
    )


def article_claims(article: ArticleReceived) -> list[ClaimExtracted]:
    """The outlet's report of the whole article first, then its extracted claims (ids differ by span).

    The report names no place, so it is matched among the other articles' reports by its names, figures
    and words, whatever places its sentences name.
    """
    report = report_claim(article)
    extracted = [c for c in extract_claims(article) if report is None or c.claim_id != report.claim_id]
    return [report, *extracted] if report else extracted


def majority_incident(claim_ids: list[str], incident_of: dict[str, str]) -> str | None:
    """The incident holding most of the article's claims (ties: the first claim's), or None without claims."""
    counts = Counter(incident_of[c] for c in claim_ids if c in incident_of)
    if not counts:
        return None
    top = max(counts.values())
    return next(incident_of[c] for c in claim_ids if counts.get(incident_of.get(c, ""), 0) == top)
