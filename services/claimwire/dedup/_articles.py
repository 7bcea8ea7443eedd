"""Articles as the ledger's unit: an article's report (its opening text) and its claims, filed together."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimwire.extraction._event_type import classify
from claimwire_contracts import (
    ArticleExtracted,
    ArticleReceived,
    Claimant,
    ClaimantKind,
    ClaimExtracted,
    Span,
    make_claim_id,
)

#: Characters of an article its report covers at most: the lead paragraphs carry the story; a very long
#: article would otherwise put every word it has into the frequency hash and the incident summaries.
REPORT_CHARS = 4000


def report_claim(article: ArticleReceived) -> ClaimExtracted | None:
    """The outlet's own, unattributed report: the article text (its first REPORT_CHARS), claimant the outlet.

    The ledger matches articles by their reports: names, figures and words of the story as a whole. Only a
    blank article has none.
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


@dataclass(frozen=True)
class ArticleUnit:
    """What the ledger files as one: an article's report and every claim extracted from it."""

    report: ClaimExtracted
    """The article's opening text as one unattributed claim of its outlet; the ledger matches on it."""
    claims: tuple[ClaimExtracted, ...]
    """The article's extracted claims; they join whichever incident the report joins."""
    title: str | None = None
    """The article's headline, when known."""

    @property
    def article_id(self) -> str:
        """The article's id."""
        return self.report.article_id


def article_unit(extracted: ArticleExtracted) -> ArticleUnit | None:
    """The unit of an extracted article, or None for a blank one (it has no report and no claims)."""
    report = report_claim(extracted.article)
    if report is None:
        return None
    claims = tuple(c for c in extracted.claims if c.claim_id != report.claim_id)
    return ArticleUnit(report, claims, extracted.article.title)


def claims_unit(claims: Sequence[ClaimExtracted]) -> ArticleUnit:
    """A unit for claims whose article text is not at hand (claim JSONL given to `claimwire cluster`): the
    report is their texts joined, attributed to the outlet."""
    first = claims[0]
    text = "\n".join(c.text for c in claims)
    # Placed where the first claim starts, so that claim makes the report's lead (its places, its kinds).
    span = Span(start=first.span.start, end=first.span.start + len(text))
    report = ClaimExtracted(
        claim_id=make_claim_id(first.article_id, span),
        article_id=first.article_id,
        source=first.source,
        published_at=first.published_at,
        span=span,
        text=text,
        claimant=Claimant(name=first.source or "unknown outlet", kind=ClaimantKind.media),
        event_type=classify(first.text, attributed=False, quoted=False),
    )
    return ArticleUnit(report, tuple(claims))


def group_claims(claims: Iterable[ClaimExtracted]) -> list[ArticleUnit]:
    """Claims grouped into one unit per article, in order of each article's first claim."""
    by_article: dict[str, list[ClaimExtracted]] = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    return [claims_unit(group) for group in by_article.values()]
