"""The extraction pipeline: sentences → cues → claimant and content → coreference → places, figures,
time → verification → event type. Pure and deterministic: no I/O, no clock, no randomness."""

import re
from dataclasses import dataclass, field
from datetime import date

from claimwire_contracts import (
    ArticleReceived,
    Claimant,
    ClaimantKind,
    ClaimExtracted,
    Cue,
    Location,
    Quantity,
    Span,
    TimeRef,
    Verification,
    make_claim_id,
)

from . import _lexicon as lex
from ._attribution import Attribution, find_attributions, subject_of
from ._claimants import Entity, Registry, kind_of
from ._event_type import classify
from ._locations import FoundLocation, Region, article_regions, find_locations
from ._quantities import find_quantities
from ._sentences import Sentence, split_sentences
from ._text import trim, unquote
from ._time import find_time
from ._verification import find_verification, is_hedged, refers_back

#: Claimant name used for an outlet's own reporting when the article does not name its source.
UNKNOWN_OUTLET = "unknown outlet"

_EVALUATIVE_OPENING = re.compile(
    r"^(?:This|These|Those|Such|That)\s+(?:\w+\s+)?(?:statements?|incidents?|moves?|developments?|claims?|"
    r"reports?|decisions?|actions?|events?|remarks?|comments?|episodes?)\b"
)
_ENTITY_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:of|for|the|and)?\s*[A-Z][\w’'.-]*)*")


@dataclass(slots=True)
class _Draft:
    """A claim being assembled: offsets first, contract fields last."""

    sentence: Sentence
    content: tuple[int, int]
    entity: Entity
    mention: tuple[int, int] | None
    cue: tuple[int, int] | None
    quoted: bool = False
    verification: tuple[str, int, int] | None = None
    extra_hedge: bool = False
    notes: list[str] = field(default_factory=list)


def extract_claims(article: ArticleReceived) -> list[ClaimExtracted]:
    """Attributed claims of `article`, in text order; every offset indexes `article.text`."""
    text = article.text
    sentences = split_sentences(text)
    regions = article_regions(text)
    outlet = Entity(name=article.source or UNKNOWN_OUTLET, kind=ClaimantKind.media)
    registry = Registry()
    drafts: list[_Draft] = []
    for index, sentence in enumerate(sentences):
        previous = sentences[index - 1] if index else None
        new = _claims_of_sentence(text, sentence, previous, drafts, registry, outlet)
        _apply_verification(text, sentence, new, drafts)
        drafts.extend(new)
        _note_entities(text, sentence, registry)
    published = article.published_at.date() if article.published_at else None
    claims: dict[str, ClaimExtracted] = {}
    places: dict[str, FoundLocation] = {}
    for draft in sorted(drafts, key=lambda d: d.content):
        claim = _build(article, draft, regions, places, published)
        claims.setdefault(claim.claim_id, claim)
    return sorted(claims.values(), key=lambda c: (c.span.start, c.span.end))


# --- claims of one sentence ----------------------------------------------------------------------------


def _claims_of_sentence(
    text: str,
    sentence: Sentence,
    previous: Sentence | None,
    drafts: list[_Draft],
    registry: Registry,
    outlet: Entity,
) -> list[_Draft]:
    if not sentence.terminated:
        return []  # headlines, datelines and bylines carry no terminal punctuation
    attributions = find_attributions(text, sentence.start, sentence.end)
    if attributions:
        return _attributed(text, sentence, attributions, registry)
    return _unattributed(text, sentence, previous, drafts, outlet)


def _attributed(text: str, sentence: Sentence, attributions: list[Attribution], registry: Registry) -> list[_Draft]:
    out: list[_Draft] = []
    subject: tuple[Entity, tuple[int, int]] | None = None
    for attribution in attributions:
        mention = attribution.claimant
        if attribution.subject_follows:
            if subject is None:
                mention = subject_of(text, sentence.start, attribution.cue[0])
                if mention is None:
                    continue
            else:
                entity, mention = subject
        if mention is None:
            continue
        if not attribution.subject_follows or subject is None:
            entity = registry.resolve(text[mention[0] : mention[1]])
            registry.promote(entity)
        if subject is None and mention[0] < attribution.cue[0]:
            subject = (entity, mention)
        c_start, c_end = attribution.content
        quoted = c_start > 0 and text[c_start - 1] in '“"'
        out.append(_Draft(sentence, attribution.content, entity, mention, attribution.cue, quoted=quoted))
    return out


def _unattributed(
    text: str, sentence: Sentence, previous: Sentence | None, drafts: list[_Draft], outlet: Entity
) -> list[_Draft]:
    body = text[sentence.start : sentence.end]
    if lex.META_REPORTING.search(body) or lex.COMMENTARY.search(body) or lex.MODALS.search(body):
        return []
    if _EVALUATIVE_OPENING.match(body) or body.rstrip().endswith("?"):
        return []
    if find_verification(text, sentence.start, sentence.end) is not None and refers_back(
        text, sentence.start, sentence.end
    ):
        return []
    content = unquote(text, *_strip_connective(text, *trim(text, sentence.start, sentence.end)))
    quoted = body.startswith(("“", '"'))
    speaker = _carried_speaker(text, sentence, previous, drafts)
    if quoted and speaker is not None:
        return [_Draft(sentence, content, speaker, None, None, quoted=True)]
    if len(body.split()) < 6:
        return []
    factual = classify(text[content[0] : content[1]], attributed=False, quoted=False).value != "other"
    if not factual and not find_quantities(text, *content):
        return []
    return [_Draft(sentence, content, speaker or outlet, None, None)]


def _carried_speaker(text: str, sentence: Sentence, previous: Sentence | None, drafts: list[_Draft]) -> Entity | None:
    """Reported speech runs on within a paragraph: the previous sentence's claimant, unless the topic shifts."""
    if previous is None or not drafts or lex.TOPIC_SHIFT.match(text[sentence.start : sentence.end]):
        return None
    last = drafts[-1]
    if (
        last.sentence != previous
        or previous.paragraph != sentence.paragraph
        or last.cue is None
        and last.mention is None
    ):
        quoted_here = text[sentence.start] in '“"'
        if quoted_here and last.sentence == previous and last.quoted:
            return last.entity
        return None
    return last.entity


def _strip_connective(text: str, start: int, end: int) -> tuple[int, int]:
    match = lex.CONNECTIVE_OPENERS.match(text[start:end])
    return (start + match.end(), end) if match else (start, end)


# --- verification ------------------------------------------------------------------------------------------


def _apply_verification(text: str, sentence: Sentence, new: list[_Draft], drafts: list[_Draft]) -> None:
    """A verification statement covers the claims of its sentence, or the paragraph's earlier claims."""
    found = find_verification(text, sentence.start, sentence.end)
    if found is None:
        return
    evidence = (found.status.value, found.start, found.end)
    own = [d for d in new if d.cue is None or not (d.cue[0] <= found.start < d.cue[1])]
    if own and not refers_back(text, sentence.start, sentence.end):
        for draft in own:
            draft.verification = evidence
        return
    earlier = [d for d in drafts if d.sentence.paragraph == sentence.paragraph]
    if not earlier and drafts:
        earlier = [d for d in drafts if d.sentence == drafts[-1].sentence]
    for draft in [*earlier, *own]:
        if draft.verification is None:
            draft.verification = evidence


def _note_entities(text: str, sentence: Sentence, registry: Registry) -> None:
    """Organisations named anywhere become antecedents for later "the group", "the ministry"."""
    for run in _ENTITY_RUN.finditer(text, sentence.start, sentence.end):
        name = run.group(0).rstrip(".")
        if len(name.split()) >= 2 and kind_of(name) not in {ClaimantKind.unknown, ClaimantKind.person}:
            registry.note(name)


# --- contract ------------------------------------------------------------------------------------------------


def _build(
    article: ArticleReceived,
    draft: _Draft,
    regions: dict[str, Region],
    places: dict[str, FoundLocation],
    published: date | None,
) -> ClaimExtracted:
    text = article.text
    c_start, c_end = draft.content
    span = Span(start=c_start, end=c_end)
    content = text[c_start:c_end]
    claimant = Claimant(
        name=draft.entity.name,
        mention=text[draft.mention[0] : draft.mention[1]] if draft.mention else None,
        span=Span(start=draft.mention[0], end=draft.mention[1]) if draft.mention else None,
        kind=draft.entity.kind,
    )
    cue = (
        Cue(text=text[draft.cue[0] : draft.cue[1]], span=Span(start=draft.cue[0], end=draft.cue[1]))
        if draft.cue
        else None
    )
    locations = [
        Location(
            name=f.name,
            mention=text[f.start : f.end],
            span=Span(start=f.start, end=f.end),
            country=f.country,
            admin1=f.admin1,
        )
        for f in find_locations(text, c_start, c_end, regions, places)
    ]
    quantities = [
        Quantity(
            value=q.value,
            unit=q.unit,
            text=text[q.start : q.end],
            span=Span(start=q.start, end=q.end),
            approximate=q.approximate,
        )
        for q in find_quantities(text, c_start, c_end)
    ]
    return ClaimExtracted(
        claim_id=make_claim_id(article.article_id, span),
        article_id=article.article_id,
        source=article.source,
        published_at=article.published_at,
        span=span,
        text=content,
        sentence=Span(start=draft.sentence.start, end=draft.sentence.end),
        claimant=claimant,
        cue=cue,
        event_type=classify(
            content, attributed=draft.cue is not None or draft.mention is not None, quoted=draft.quoted
        ),
        locations=locations,
        quantities=quantities,
        time=_time(text, draft, published),
        verification=_verification(text, draft),
        hedged=is_hedged(text, *(draft.cue or draft.content)) or is_hedged(text, c_start, c_end),
    )


def _time(text: str, draft: _Draft, published: date | None) -> TimeRef | None:
    found = find_time(text, *draft.content, published)
    if found is None:
        found = find_time(text, draft.sentence.start, draft.sentence.end, published)
    if found is None:
        return None
    return TimeRef(
        text=text[found.start : found.end],
        span=Span(start=found.start, end=found.end),
        start=found.first,
        end=found.last,
    )


def _verification(text: str, draft: _Draft) -> Verification:
    if draft.verification is None:
        return Verification()
    status, start, end = draft.verification
    return Verification(status=status, evidence=text[start:end], span=Span(start=start, end=end))
