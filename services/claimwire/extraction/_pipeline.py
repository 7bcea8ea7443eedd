"""The extraction pipeline: sentences → cues → claimant and content → coreference → places, figures,
time → verification → event type. Pure and deterministic: no I/O, no clock, no randomness."""

import re
from dataclasses import dataclass, field
from datetime import date

from claimwire_contracts import (
    ArticleReceived,
    ClaimantKind,
    ClaimExtracted,
    EventType,
    Span,
    VerificationStatus,
    make_claim_id,
)

from . import _lexicon as lex
from ._attribution import Attribution
from ._claimants import Entity, Registry, kind_of
from ._event_type import classify
from ._locations import FoundLocation, Region, article_regions, find_locations
from ._parse import find_attributions
from ._quantities import FoundQuantity, find_quantities, reports_measure
from ._sentences import Sentence, split_sentences
from ._text import contains_any, is_word_char, trim, unquote
from ._time import FoundTime, find_time
from ._verification import (
    FoundVerification,
    find_verification,
    is_hedged,
    object_refers_back,
    refers_back,
    refers_back_plural,
)

#: Claimant name used for an outlet's own reporting when the article does not name its source.
UNKNOWN_OUTLET = "unknown outlet"

_EVALUATIVE_OPENING = re.compile(
    r"^(?:This|These|Those|Such|That)\s+(?:\w+\s+)?(?:statements?|incidents?|moves?|developments?|claims?|"
    r"reports?|decisions?|actions?|events?|remarks?|comments?|episodes?)\b"
)
# "the M23 group", "the Wagner mercenary group", "the Green party": a name before a lower-case group word.
_NAMED_GROUP = re.compile(
    r"\b(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+(?:\w+\s+)?(?P<head>group|movement|militia|rebels|party|"
    r"alliance|bloc|coalition|union|faction)\b"
)
_GROUP_HEADS = ("group", "movement", "militia", "rebels", "party", "alliance", "bloc", "coalition", "union", "faction")
_GROUP_KINDS = {
    "group": ClaimantKind.armed_group,
    "movement": ClaimantKind.armed_group,
    "militia": ClaimantKind.armed_group,
    "rebels": ClaimantKind.armed_group,
    "faction": ClaimantKind.armed_group,
}
# Runs of two or more capitalised words: _note_entities keeps only names with a space, and a one-word run
# can never grow into a longer one from a later start inside it, so the same runs are found, fewer matches made.
_ENTITY_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:of|for|the|and)?\s*[A-Z][\w’'.-]*)+")


# An explicit __init__: compiled with mypyc, a dataclass's generated one runs as interpreted code, several
# times slower to build a draft.
@dataclass(slots=True, init=False)
class _Draft:
    """A claim being assembled: offsets first, contract fields last."""

    sentence: Sentence
    content: tuple[int, int]
    entity: Entity
    mention: tuple[int, int] | None
    cue: tuple[int, int] | None
    quoted: bool
    verification: tuple[str, int, int] | None
    # Computed while deciding whether a cue-less sentence is a claim; kept so _build does not redo it.
    event_type: EventType | None
    quantities: list[FoundQuantity] | None

    def __init__(
        self,
        sentence: Sentence,
        content: tuple[int, int],
        entity: Entity,
        mention: tuple[int, int] | None,
        cue: tuple[int, int] | None,
        quoted: bool = False,
        verification: tuple[str, int, int] | None = None,
        event_type: EventType | None = None,
        quantities: list[FoundQuantity] | None = None,
    ) -> None:
        self.sentence = sentence
        self.content = content
        self.entity = entity
        self.mention = mention
        self.cue = cue
        self.quoted = quoted
        self.verification = verification
        self.event_type = event_type
        self.quantities = quantities


def extract_claims(article: ArticleReceived) -> list[ClaimExtracted]:
    """Attributed claims of `article`, in text order; every offset indexes `article.text`."""
    text = article.text
    sentences = split_sentences(text)
    regions = article_regions(text)
    outlet = Entity(name=article.source or UNKNOWN_OUTLET, kind=ClaimantKind.media)
    registry = Registry()
    drafts: list[_Draft] = []
    attributions = find_attributions(text, sentences)
    for index, sentence in enumerate(sentences):
        previous = sentences[index - 1] if index else None
        if not attributions[index] and _inside_earlier_content(text, sentence, drafts):
            _note_entities(text, sentence, registry)
            continue
        # Both the claim decision and the verification scope need the sentence's verification statement.
        verification = find_verification(text, sentence.start, sentence.end)
        new = _claims_of_sentence(
            text, sentence, previous, drafts, verification, attributions[index], registry=registry, outlet=outlet
        )
        _apply_verification(text, sentence, verification, new, drafts)
        drafts.extend(new)
        _note_entities(text, sentence, registry)
    context = _ArticleContext(article, regions, article.published_at.date() if article.published_at else None)
    claims: list[ClaimExtracted] = []
    # A claim's span is its draft's content, and its id comes from that span: in content order, the first draft
    # of each content makes the claim (a repeat would have the same id; about 2% of drafts) and the claims come
    # out in span order.
    for draft in sorted(drafts, key=_content_then_nearest_cue):
        if not claims or draft.content != (claims[-1].span.start, claims[-1].span.end):
            claims.append(_build(context, draft))
    return claims


_EDGE = " \t\n\"“”‘’'.,;:!?"


def _inside_earlier_content(text: str, sentence: Sentence, drafts: list[_Draft]) -> bool:
    """Whether the sentence is part of a quote an earlier claim already holds ("He wrote:" and a quoted paragraph
    after it): a claim of its own would repeat part of that one, without its cue."""
    start, end = sentence.start, sentence.end
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    for index in range(len(drafts) - 1, max(-1, len(drafts) - 6), -1):
        content = drafts[index].content
        if content[0] <= start and end <= content[1]:
            return True
    return False


def _content_then_nearest_cue(draft: "_Draft") -> tuple[int, int, int]:
    """Drafts in content order; of two with one content, the one whose cue is nearer it makes the claim
    ("a policy which, according to AFP, C": "according to", not the verb that the parse also hung C on)."""
    start, end = draft.content
    cue = draft.cue
    if cue is None:
        return start, end, 1 << 30  # a continuation without a cue never displaces a cued claim
    return start, end, max(0, start - cue[1], cue[0] - end)


# --- claims of one sentence ----------------------------------------------------------------------------


def _claims_of_sentence(
    text: str,
    sentence: Sentence,
    previous: Sentence | None,
    drafts: list[_Draft],
    verification: FoundVerification | None,
    attributions: list[Attribution],
    *,
    registry: Registry,
    outlet: Entity,
) -> list[_Draft]:
    if not sentence.terminated and not attributions:
        return []  # headlines, datelines and bylines carry no terminal punctuation (a lead-in "X said:" does)
    if attributions:
        return _attributed(text, sentence, attributions, registry)
    return _unattributed(text, sentence, previous, drafts, outlet, verification)


def _attributed(text: str, sentence: Sentence, attributions: list[Attribution], registry: Registry) -> list[_Draft]:
    out: list[_Draft] = []
    for attribution in attributions:
        mention = attribution.claimant
        if mention is None:
            continue
        name = text[mention[0] : mention[1]]
        if name not in registry.full_names:  # looked up once per article and name
            registry.full_names[name] = _full_name_before(text, mention[0], name)
        full_name = registry.full_names[name]
        if full_name is not None:
            registry.note(full_name, ClaimantKind.person)  # "Hiller said" after "Yvonne Hiller": she is a person
        entity = registry.resolve(name)
        registry.promote(entity)
        c_start = attribution.content[0]
        quoted = c_start > 0 and text[c_start - 1] in '“"'
        out.append(_Draft(sentence, attribution.content, entity, mention, attribution.cue, quoted=quoted))
    return out


_SURNAME = re.compile(r"[A-Z][a-z’'-]+")
#: Capitalised words that open a sentence or a title, not a first name.
_NOT_FIRST_NAMES = frozenset(
    "The A An After Before In On At But And When As While If Then Mr Mrs Ms Dr Miss Sir Lord Officer".split()
)


#: How far back a surname's full name is looked for (a long article's first mention is in its first screens).
FULL_NAME_WINDOW = 20_000


def _full_name_before(text: str, end: int, mention: str) -> str | None:
    """The last "First [Middle] Surname" in the `FULL_NAME_WINDOW` characters before `end` for a surname-only
    claimant mention ("Yvonne Hiller" for "Hiller"), or None."""
    if not _SURNAME.fullmatch(mention):
        return None
    found = None
    window = text[max(0, end - FULL_NAME_WINDOW) : end + FULL_NAME_WINDOW]  # ... and after, for the lower-case test
    before = window[: min(end, FULL_NAME_WINDOW)]
    for match in re.finditer(rf"((?:(?:[A-Z][a-z’'-]+|[A-Z]\.) ){{1,2}}){re.escape(mention)}\b", before):
        # a capitalised word the article also writes in lower case is a common word ("Had Woodward not …")
        words = [
            w
            for w in match.group(1).split()
            if w not in _NOT_FIRST_NAMES and not re.search(rf"\b{re.escape(w.lower())}\b", window)
        ]
        if words:
            found = " ".join([*words, mention])
    return found


def _unattributed(
    text: str,
    sentence: Sentence,
    previous: Sentence | None,
    drafts: list[_Draft],
    outlet: Entity,
    verification: FoundVerification | None,
) -> list[_Draft]:
    body = text[sentence.start : sentence.end]
    if (
        lex.META_REPORTING.search_slice(text, sentence.start, sentence.end)
        or lex.COMMENTARY.search_slice(text, sentence.start, sentence.end)
        or lex.MODALS.search(body)
    ):
        return []
    if _EVALUATIVE_OPENING.match(body) or body.rstrip().endswith("?"):
        return []
    if verification is not None and refers_back(text, sentence.start, sentence.end):
        return []
    content = unquote(text, *strip_connective(text, *trim(text, sentence.start, sentence.end)))
    quoted = body.startswith(("“", '"'))
    speaker = _carried_speaker(text, sentence, previous, drafts)
    if quoted and speaker is not None:
        return [_Draft(sentence, content, speaker, None, None, quoted=True)]
    if len(body.split()) < 4:
        return []
    event_type = classify(text[content[0] : content[1]], attributed=False, quoted=False)
    quantities = None
    if event_type is EventType.other and not lex.FACTUAL_VERBS.search(body):
        quantities = find_quantities(text, *content)
        if not quantities and not reports_measure(text, *content):
            return []
    # An unquoted sentence carries on a news agency's report ("…, Interfax reported. The plane was carrying …"),
    # not a person's or an office's statement: on GUM that carry-over found no attribution and cost precision.
    if speaker is not None and speaker.kind is not ClaimantKind.media:
        speaker = None
    return [_Draft(sentence, content, speaker or outlet, None, None, event_type=event_type, quantities=quantities)]


def _carried_speaker(text: str, sentence: Sentence, previous: Sentence | None, drafts: list[_Draft]) -> Entity | None:
    """Reported speech runs on within a paragraph: the previous sentence's claimant, unless the topic shifts."""
    if previous is None or not drafts or lex.TOPIC_SHIFT.match_slice(text, sentence.start, sentence.end):
        return None
    last = drafts[-1]
    # Sentences of one article have distinct starts; comparing them spares the dataclass __eq__ (interpreted
    # code even when compiled) a call.
    last_is_previous = last.sentence.start == previous.start
    if not last_is_previous or previous.paragraph != sentence.paragraph or (last.cue is None and last.mention is None):
        quoted_here = text[sentence.start] in '“"'
        if quoted_here and last_is_previous and last.quoted:
            return last.entity
        return None
    if not _shares_word(text, (sentence.start, sentence.end), last.content):
        return None  # a new topic in the outlet's own voice
    return last.entity


_FUNCTION_WORDS = frozenset(
    [
        "that",
        "this",
        "these",
        "those",
        "there",
        "their",
        "they",
        "them",
        "with",
        "from",
        "into",
        "over",
        "after",
        "before",
        "about",
        "which",
        "while",
        "were",
        "have",
        "been",
        "being",
        "will",
        "would",
        "could",
        "said",
        "says",
        "also",
        "than",
        "then",
        "when",
        "where",
        "what",
        "more",
        "most",
        "such",
        "other",
    ]
)


def strip_connective(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading connective ("Meanwhile,", "In a separate incident on Tuesday,") from a span."""
    match = lex.CONNECTIVE_OPENERS.match(text[start:end])
    return (start + match.end(), end) if match else (start, end)


_LONG_WORD = re.compile(r"[a-z][a-z-]{3,}")


def _stems(text: str, span: tuple[int, int]) -> set[str]:
    words = _LONG_WORD.findall(text[span[0] : span[1]].lower())
    return {w[:5] for w in words if w not in _FUNCTION_WORDS}


def _shares_word(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Lexical cohesion: the two spans share a content word (compared on its first five letters)."""
    return bool(_stems(text, a) & _stems(text, b))


# --- verification ------------------------------------------------------------------------------------------


def _apply_verification(
    text: str, sentence: Sentence, found: FoundVerification | None, new: list[_Draft], drafts: list[_Draft]
) -> None:
    """A verification statement (`found`) covers the claims of its sentence, or the paragraph's earlier ones."""
    if found is None:
        return
    evidence = (found.status.value, found.start, found.end)
    denial = any(d.cue is not None and d.cue[0] <= found.start < d.cue[1] for d in new)
    denial = denial or (found.status is VerificationStatus.disputed and object_refers_back(text, found))
    if new and not denial and not refers_back(text, sentence.start, sentence.end):
        for draft in new:
            draft.verification = evidence
        return
    # A denial, or "these reports remain unverified": it is about the claims before it, of its paragraph (and
    # of the paragraph before). Drafts come in text order, so those are the last ones: found by walking back,
    # not by a scan of every draft of the article, which made a long article's extraction quadratic.
    start = _paragraph_start(drafts, len(drafts), sentence.paragraph)
    earlier = drafts[start:]
    if start and (refers_back_plural(text, sentence.start, sentence.end) or not earlier):
        earlier += drafts[_paragraph_start(drafts, start, drafts[start - 1].sentence.paragraph) : start]
    for draft in earlier:
        if draft.verification is None:
            draft.verification = evidence


def _paragraph_start(drafts: list[_Draft], end: int, paragraph: int) -> int:
    """Index of the first of the drafts before `end` that belong to `paragraph` (`end` when none does)."""
    while end and drafts[end - 1].sentence.paragraph == paragraph:
        end -= 1
    return end


# People and unknown kinds are not noted as antecedents (module-level: compiled, a set literal is rebuilt per run).
_NOT_ANTECEDENT_KINDS = frozenset([ClaimantKind.unknown, ClaimantKind.person])


def _note_entities(text: str, sentence: Sentence, registry: Registry) -> None:
    """Organisations named anywhere become antecedents for later "the group", "the ministry"."""
    for run in _ENTITY_RUN.finditer(text, sentence.start, sentence.end):
        name = run.group(0).rstrip(".")
        if " " in name and kind_of(name) not in _NOT_ANTECEDENT_KINDS:
            registry.note(name)
    lowered = text[sentence.start : sentence.end].lower()
    if not contains_any(lowered, _GROUP_HEADS):
        return
    for match in _NAMED_GROUP.finditer(text, sentence.start, sentence.end):
        registry.note(match.group("name"), _GROUP_KINDS.get(match.group("head").lower(), ClaimantKind.organization))


# --- contract ------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _ArticleContext:
    """What every claim of one article shares; the per-sentence memo lives only as long as the article."""

    article: ArticleReceived
    regions: dict[str, Region]
    published: date | None
    places: dict[str, FoundLocation] = field(default_factory=dict)
    # Per sentence: its Span and its first time expression, since several claims share a sentence. Keyed by
    # the sentence's start, which is unique in an article: hashing an int is cheaper than hashing a Sentence.
    spans: dict[int, Span] = field(default_factory=dict)
    times: dict[int, FoundTime | None] = field(default_factory=dict)

    def sentence_span(self, sentence: Sentence) -> Span:
        span = self.spans.get(sentence.start)
        if span is None:
            span = self.spans[sentence.start] = Span(start=sentence.start, end=sentence.end)
        return span

    def time(self, draft: "_Draft") -> FoundTime | None:
        """The first time expression of the claim's content, else of its sentence."""
        text, sentence = self.article.text, draft.sentence
        if sentence.start not in self.times:
            self.times[sentence.start] = find_time(text, sentence.start, sentence.end, self.published)
        whole = self.times[sentence.start]
        c_start, c_end = draft.content
        # A content inside its sentence that does not stop mid-word sees every time expression the sentence sees
        # within it (the content's search is the sentence's, minus what lies outside; find_time's literal
        # pre-check passes for every match). So when the sentence has none, or its first lies inside the
        # content, the content's first is that one (tests/unit/extraction/test_text.py checks this).
        mid_word = c_end < sentence.end and is_word_char(text[c_end])  # a regex \b sees the span's end differently
        inside = sentence.start <= c_start and c_end <= sentence.end and not mid_word
        if inside and (whole is None or (c_start <= whole.start and whole.end <= c_end)):
            return whole
        found = find_time(text, c_start, c_end, self.published)
        return found if found is not None else whole


def _build(context: _ArticleContext, draft: _Draft) -> ClaimExtracted:
    """The contract for one draft. Built as plain data and validated once (nested models included)."""
    article = context.article
    text = article.text
    c_start, c_end = draft.content
    content = text[c_start:c_end]
    mention = draft.mention
    # One validated Span serves the id and the field (a model instance is not validated again).
    span = Span(start=c_start, end=c_end)
    event_type = draft.event_type
    if event_type is None:
        event_type = classify(content, attributed=draft.cue is not None or mention is not None, quoted=draft.quoted)
    quantities = draft.quantities if draft.quantities is not None else find_quantities(text, c_start, c_end)
    hedge_span = draft.cue or draft.content
    return ClaimExtracted.model_validate(
        {
            "claim_id": make_claim_id(article.article_id, span),
            "article_id": article.article_id,
            "source": article.source,
            "published_at": article.published_at,
            "span": span,
            "text": content,
            "sentence": context.sentence_span(draft.sentence),
            "claimant": {
                "name": draft.entity.name,
                "mention": text[mention[0] : mention[1]] if mention else None,
                "span": _span(*mention) if mention else None,
                "kind": draft.entity.kind,
            },
            "cue": {"text": text[draft.cue[0] : draft.cue[1]], "span": _span(*draft.cue)} if draft.cue else None,
            "event_type": event_type,
            "locations": [
                {
                    "name": f.name,
                    "mention": text[f.start : f.end],
                    "span": _span(f.start, f.end),
                    "country": f.country,
                    "admin1": f.admin1,
                }
                for f in find_locations(text, c_start, c_end, context.regions, context.places)
            ],
            "quantities": [
                {
                    "value": q.value,
                    "unit": q.unit,
                    "text": text[q.start : q.end],
                    "span": _span(q.start, q.end),
                    "approximate": q.approximate,
                    "kind": q.kind,
                    "bound": q.bound,
                    "high": q.high,
                }
                for q in quantities
            ],
            "time": _time(text, context.time(draft)),
            "verification": _verification(text, draft),
            "hedged": is_hedged(text, *hedge_span) or (hedge_span != draft.content and is_hedged(text, c_start, c_end)),
        }
    )


def _span(start: int, end: int) -> dict[str, int]:
    return {"start": start, "end": end}


def _time(text: str, found: FoundTime | None) -> dict[str, object] | None:
    if found is None:
        return None
    return {
        "text": text[found.start : found.end],
        "span": _span(found.start, found.end),
        "start": found.first,
        "end": found.last,
    }


def _verification(text: str, draft: _Draft) -> dict[str, object]:
    if draft.verification is None:
        return {}
    status, start, end = draft.verification
    return {"status": status, "evidence": text[start:end], "span": _span(start, end)}
