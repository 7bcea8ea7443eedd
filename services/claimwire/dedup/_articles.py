"""Articles as input of the offline clusterer: their claims, plus the outlet's own report of the article."""

from collections import Counter

from claimwire.extraction import extract_claims
from claimwire.extraction._event_type import classify
from claimwire_contracts import ArticleReceived, Claimant, ClaimantKind, ClaimExtracted, Span, make_claim_id

#: Characters of an article its report covers at most: the lead paragraphs carry the story; a very long
#: article would otherwise put every word it has into the frequency hash and the incident summaries.
REPORT_CHARS = 4000


def report_claim(article: ArticleReceived) -> ClaimExtracted | None:
    """The outlet's own, unattributed report: the article text (its first REPORT_CHARS), claimant the outlet.

    It gives an article with few or no attributed claims (features, profiles, non-conflict news) a place
    in the ledger, carried by its names, figures and words.
    """
    text = article.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if end - start > REPORT_CHARS:
        # Cut at the last paragraph break in the second half of the limit, else sentence end, else space.
        window = text[start : start + REPORT_CHARS]
        cut = REPORT_CHARS
        for separator, keep in (("\n", 0), (". ", 1), (" ", 0)):
            at = window.rfind(separator)
            if at > REPORT_CHARS // 2:
                cut = at + keep
                break
        end = start + len(window[:cut].rstrip())
    if end <= start:
        return None
    span = Span(start=start, end=end)
    outlet = article.source or "unknown outlet"
    # The lead (first line: headline or first paragraph) says what the story is about; the rest of an
    # article mentions other happenings in passing, so it does not decide the type.
    lead = text[start:end].split("\n", 1)[0]
    return ClaimExtracted(
        claim_id=make_claim_id(article.article_id, span),
        article_id=article.article_id,
        source=article.source,
        published_at=article.published_at,
        span=span,
        text=text[start:end],
        claimant=Claimant(name=outlet, kind=ClaimantKind.media),
        event_type=classify(lead, attributed=False, quoted=False),
    )


def article_claims(article: ArticleReceived) -> list[ClaimExtracted]:
    """The outlet's report of the article first, then its extracted claims (ids differ by span). Only a blank
    article has no report, and it has no claims either, so a non-empty list always opens with the report.

    The report names no place, so it is matched among the other articles' reports by its names, figures
    and words, whatever places its sentences name.
    """
    report = report_claim(article)
    extracted = [c for c in extract_claims(article) if report is None or c.claim_id != report.claim_id]
    return [report, *extracted] if report else extracted


def majority_incident(
    claim_ids: list[str], incident_of: dict[str, str], weights: dict[str, int] | None = None
) -> str | None:
    """The incident holding most of the article (ties: the first claim's), or None without claims.

    Each claim counts with its weight (`weights`, default 1 each); the offline clusterer weighs a claim by
    its length, so the incident holding most of the article's text wins: the outlet's report of the whole
    article, rather than a handful of one-line quotes that each went elsewhere.
    """
    counts: Counter[str] = Counter()
    for c in claim_ids:
        if c in incident_of:
            counts[incident_of[c]] += weights.get(c, 1) if weights else 1
    if not counts:
        return None
    top = max(counts.values())
    return next(incident_of[c] for c in claim_ids if counts.get(incident_of.get(c, ""), 0) == top)
