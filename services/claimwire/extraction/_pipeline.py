"""First, deliberately simple extraction: sentence split, reporting-verb cue, claimant before the cue.

A separate issue replaces this with the full pipeline; the signature stays.
"""

import re

from claimwire_contracts import (
    ArticleReceived,
    Claimant,
    ClaimExtracted,
    Cue,
    Span,
    make_claim_id,
)

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_CUE = re.compile(r"\b(?:said|says|claimed|claims|reported|announced|stated|according to)\b", re.IGNORECASE)


def _sentences(text: str) -> list[Span]:
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start=start, end=end))
    return spans


def extract_claims(article: ArticleReceived) -> list[ClaimExtracted]:
    """Attributed claims of `article`, one per sentence with a reporting cue, offsets into `article.text`."""
    claims = []
    text = article.text
    for sentence in _sentences(text):
        body = text[sentence.start : sentence.end]
        cue_match = _CUE.search(body)
        if cue_match is None:
            continue
        cue_span = Span(start=sentence.start + cue_match.start(), end=sentence.start + cue_match.end())
        mention = body[: cue_match.start()].strip(" ,")
        claimant = Claimant(name=mention or (article.source or "unknown"), mention=mention or None)
        content = Span(start=cue_span.end, end=sentence.end)
        while content.start < content.end and text[content.start] in " ,:":
            content = Span(start=content.start + 1, end=content.end)
        if content.end <= content.start:
            continue
        claims.append(
            ClaimExtracted(
                claim_id=make_claim_id(article.article_id, content),
                article_id=article.article_id,
                source=article.source,
                published_at=article.published_at,
                span=content,
                text=text[content.start : content.end],
                sentence=sentence,
                claimant=claimant,
                cue=Cue(text=text[cue_span.start : cue_span.end], span=cue_span),
            )
        )
    return claims
