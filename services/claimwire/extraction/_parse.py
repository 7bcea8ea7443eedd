"""The parse: the sentences that can hold an attribution go through the spaCy pipeline, once per article.

Only a sentence with a cue word of the lexicon is parsed (a reporting verb form, a cue noun, "according to"):
the rest of an article never reaches the parser. Each such sentence is one Doc (`nlp.pipe`) whose tokens after
the first are marked as no sentence start, so the parse keeps the sentence splitter's boundaries (measured:
GUM train linked F1 0.630 against 0.627 with the parser's own boundaries, dev 0.610 against 0.613, our dev set
claimant accuracy 0.876 against 0.865), and every offset is the sentence's start plus the token's `idx`.
"""

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import _lexicon as lex
from ._attribution import Attribution, attributions_of, widen_to_quote
from ._sentences import Sentence

#: Longest sentence given to the parser, in characters: a paragraph without sentence boundaries (a table,
#: a run-on list) is cut here, so one bad article cannot stall a worker on a single huge parse.
MAX_SENTENCE_CHARS = 2000
#: Most sentences parsed per article: a several-megabyte article parses its first ones and stops.
MAX_SENTENCES = 400

# The words that can start a cue of the default frames; a sentence without any is not parsed. Cue nouns and
# adjectives, and verb forms that are mostly nouns in news ("state", "rule", "news"), count only with a "that"
# within a few words after them (on ECB+ they were candidates in 400 sentences and cues in 3).
_WEAK_WORDS = frozenset(
    {
        *lex.CUE_NOUNS,
        *lex.CUE_ADJECTIVES,
        *(form for form in ("state", "states", "rule", "rules", "ruling", "sign", "signs", "comment", "comments")),
    }
)
_STRONG_WORDS = frozenset(
    {
        *(form for form, (_, frame) in lex.CUE_VERB_FORMS.items() if frame in lex.ATTRIBUTION_FRAMES),
        *(phrase[0] for phrase in lex.SOURCE_PREPOSITIONS if phrase[0] != "as"),
        *lex.SOURCE_PARTICIPLES,
        *(noun for _, noun, _ in lex.RESPONSIBILITY_PHRASES),
    }
    - _WEAK_WORDS
)


def _alternation(words: frozenset[str]) -> str:
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


_CANDIDATE = re.compile(
    rf"(?<![\w’'-])(?:(?:{_alternation(_STRONG_WORDS)})|(?:{_alternation(_WEAK_WORDS)})(?:\s+[\w’'-]+){{0,3}}?\s+that)"
    r"(?![\w’'-])",
    re.IGNORECASE,
)


# Weak words that are also cue verb forms ("Paris claims she was …", "the mayor plans to …") count without a
# "that" when the word before them cannot open a noun phrase they would head ("the claims", "his plans").
_WEAK_VERBS = re.compile(
    rf"(?<![\w’'-])(?:{_alternation(frozenset(w for w in _WEAK_WORDS if w in lex.CUE_VERB_FORMS))})(?![\w’'-])",
    re.IGNORECASE,
)
_NOUN_OPENERS = frozenset(
    "a an the his her its their our my your this these those that of new no any some many such more most "
    "recent previous earlier latest first further and or".split()
)


def _verb_use(text: str, start: int, end: int) -> bool:
    for match in _WEAK_VERBS.finditer(text, start, end):
        before = text[max(start, match.start() - 30) : match.start()].split()
        if before and before[-1].lower().strip("\"“”'‘’(") not in _NOUN_OPENERS and before[-1][-1:].isalnum():
            return True
    return False


#: Components of the shipped pipeline that attribution does not read (it reads tags, heads and labels): not
#: loaded, not run. Without them the parse of ECB+ candidate sentences took 5.7 s CPU instead of 6.1.
UNUSED_COMPONENTS = ("ner", "trainable_lemmatizer", "lemmatizer", "morphologizer")


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The shipped parsing pipeline (claimwire.models) with the attribution components, once per process."""
    from claimwire.models import load_parser

    pipeline = load_parser(UNUSED_COMPONENTS)
    # load_parser shares one Language per `exclude`: the components are added once.
    for name in ("claimwire_cues", "claimwire_attributions"):
        if name not in pipeline.pipe_names:
            pipeline.add_pipe(name)
    return pipeline


def can_attribute(text: str, sentence: Sentence) -> bool:
    """Whether a sentence holds a cue word and so is worth parsing. Headlines (no full stop) included: "X says
    Y" over a story is an attribution (GUM annotates them: train linked F1 0.649 -> 0.656, dev 0.547 -> 0.576)."""
    return _has_cue_word(text, sentence.start, sentence.end)


# "make sure C" without a "that": the weak "sure" counts after a form of "make".
_MAKE_SURE = re.compile(r"(?<![\w’'-])(?:make|makes|made|making)\s+sure(?![\w’'-])", re.IGNORECASE)
_READING = re.compile(rf"(?<![\w’'-])(?:{_alternation(lex.READING_FORMS)})\s*,?\s*[:“\"]", re.IGNORECASE)


def _has_cue_word(text: str, start: int, end: int) -> bool:
    return (
        _CANDIDATE.search(text, start, end) is not None
        or _verb_use(text, start, end)
        or _READING.search(text, start, end) is not None
        or _MAKE_SURE.search(text, start, end) is not None
    )


def find_attributions(text: str, sentences: Sequence[Sentence]) -> list[list[Attribution]]:
    """Attributions of each sentence of `text` (an empty list for sentences that cannot hold one)."""
    found: list[list[Attribution]] = [[] for _ in sentences]
    bounds = _paragraph_bounds(sentences)
    # Each chosen sentence with the end of the text its Doc covers: the sentence, or for a lead-in ("He wrote:")
    # the quoted paragraph after it as well.
    # The search stops at MAX_SENTENCES: the cue regex over every sentence of a several-megabyte article took most
    # of its extraction time, all for sentences never parsed.
    chosen: list[tuple[int, int]] = []
    for i, sentence in enumerate(sentences):
        block = _quoted_block_after(text, sentences, i, bounds)
        if block is not None:
            chosen.append((i, block))
        elif can_attribute(text, sentence):
            chosen.append((i, sentence.end))
        if len(chosen) == MAX_SENTENCES:
            break
    if not chosen:
        return found
    pipeline = nlp()
    docs = [_one_sentence(pipeline, text, sentences[i].start, end) for i, end in chosen]
    for (i, end), doc in zip(chosen, pipeline.pipe(docs), strict=True):
        floor, ceiling = bounds[sentences[i].paragraph]
        ceiling = max(ceiling, end)
        # A cue nested in another's content ("said he believes …") is an attribution of its own: GUM annotates
        # both, and dropping the nested ones lost 0.024 linked F1 on GUM train.
        found[i] = _not_over_their_reporter(
            text,
            [
                Attribution(
                    a.cue,
                    a.claimant,
                    _run_on(text, _widened(text, a, floor, ceiling), sentences[i].paragraph, bounds),
                    a.frame,
                )
                for a in attributions_of(doc, sentences[i].start)
            ],
        )
    return found


def _not_over_their_reporter(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """ "Police believe C, a spokesman told reporters": "believe" holds C, not the closing ", a spokesman told
    reporters" that reports it (the parse hangs "told" under C's verb, so C's subtree runs on over it)."""
    out = []
    for inner in attributions:
        start, end = inner.content
        for outer in attributions:
            if outer is inner or not outer.content[0] <= inner.cue[0] < outer.content[1]:
                continue  # only a claim that reports this one closes its content
            opening = min(outer.cue[0], outer.claimant[0]) if outer.claimant else outer.cue[0]
            # (",” Kraft said": a quote may close between the comma and the reporter)
            before = text[start:opening].rstrip().rstrip('”"').rstrip()
            if inner.cue[1] <= start < opening < end and before.endswith(","):
                end = len(text[:opening].rstrip().rstrip('”"').rstrip().removesuffix(",").rstrip())
        out.append(
            inner if end == inner.content[1] else Attribution(inner.cue, inner.claimant, (start, end), inner.frame)
        )
    return out


def _widened(text: str, attribution: Attribution, floor: int, ceiling: int) -> tuple[int, int]:
    """The content run on to its whole quote, unless the quote holds the cue itself: in "“I think C,” said X"
    the quote is what X said, and "think" keeps C alone (GUM annotates both; widened, the two were one claim)."""
    start, end = widen_to_quote(text, attribution.content, floor, ceiling)
    cue_start = attribution.cue[0]
    if start <= cue_start < end and not attribution.content[0] <= cue_start < attribution.content[1]:
        start, end = attribution.content
    return _within_its_quote(text, start, end, floor)


#: How many paragraphs one quote may run on over (a speech quoted at length is several).
MAX_QUOTED_PARAGRAPHS = 6
#: ... and at most this many characters in all.
MAX_QUOTED_CHARS = 8000


def _run_on(text: str, content: tuple[int, int], paragraph: int, bounds: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """A quote left open at the end of its paragraph goes on in the next one when that opens with a quote mark
    (the news convention for a quote of several paragraphs): the content runs on to where the quote closes.
    Otherwise the next paragraph's quote would be a claim of its own, and the first one's content cut short."""
    start, end = content
    inside = start  # where the quote being followed is known to be open
    for _ in range(MAX_QUOTED_PARAGRAPHS):
        floor, ceiling = bounds[paragraph]
        mark = _open_quote_at(text, inside, floor, ceiling)
        following = bounds.get(paragraph + 1)
        if mark is None or following is None or text[end:ceiling].strip(" \t\n,;:.!?"):
            break
        opening = following[0]
        while opening < following[1] and text[opening].isspace():
            opening += 1
        if text[opening : opening + 1] != mark:
            break
        close = text.find("”" if mark == "“" else '"', opening + 1, following[1])
        end = close if close != -1 else following[1]
        if end - start > MAX_QUOTED_CHARS:
            return content  # not a quote but unbalanced marks: the content stays in its own paragraph
        while end > opening and text[end - 1] in " \t,;:.!?":
            end -= 1
        if close != -1:
            break
        paragraph, inside = paragraph + 1, opening + 1
    return start, end


def _open_quote_at(text: str, start: int, floor: int, ceiling: int) -> str | None:
    """The opening mark of a quote that holds `start` and is still open at `ceiling`, if there is one."""
    before = text[floor:start]
    if before.count("“") > before.count("”") and "”" not in text[start:ceiling]:
        return "“"
    if before.count('"') % 2 == 1 and '"' not in text[start:ceiling]:
        return '"'
    return None


def _within_its_quote(text: str, start: int, end: int, floor: int) -> tuple[int, int]:
    """A content that starts inside a quote ends where the quote closes: the parse sometimes hangs the outer
    cue ("…,” the mayor said") from the quoted clause, and its subtree would run on over it."""
    before = text[floor:start]
    curly_open = before.count("“") > before.count("”")
    straight_open = before.count('"') % 2 == 1
    if not (curly_open or straight_open):
        return start, end
    close = text.find("”" if curly_open else '"', start, end)
    if close == -1:
        return start, end
    while close > start and text[close - 1] in " \t,;:.!?":
        close -= 1
    return (start, close) if close > start else (start, end)


def _quoted_block_after(
    text: str, sentences: Sequence[Sentence], index: int, bounds: dict[int, tuple[int, int]]
) -> int | None:
    """The end of the quoted paragraph that a sentence ending in a colon introduces ("Obama tweeted:" and the
    tweet in quotes as the next paragraph), when that sentence holds a cue word; None otherwise."""
    sentence = sentences[index]
    if text[sentence.end - 1] != ":" or index + 1 >= len(sentences):
        return None
    following = sentences[index + 1]
    if following.paragraph != sentence.paragraph + 1 or text[following.start] not in '“"':
        return None
    return bounds[following.paragraph][1] if _has_cue_word(text, sentence.start, sentence.end) else None


_STRAIGHT = re.compile('"')


def _curly(text: str) -> str:
    """Straight double quotes as opening (“) or closing (”) marks, one character for one so that offsets hold:
    the parser reads "C," Name said better so (GUM linked F1 train 0.707 -> 0.709, dev 0.638 -> 0.645). A mark
    opens before a word after a space or the start, and closes after a word; with spaces on both sides (wire
    copy's `, " Name said`) it closes after punctuation and otherwise alternates."""
    out = list(text)
    for seen, m in enumerate(_STRAIGHT.finditer(text)):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if not (before.isspace() or before in "([{—–-"):
            out[i] = "”"
        elif not after.isspace():
            out[i] = "“"
        else:
            k = i - 1
            while k >= 0 and text[k].isspace():
                k -= 1
            closes = k >= 0 and text[k] in ",.!?"
            out[i] = "”" if closes or seen % 2 else "“"
    return "".join(out)


def _one_sentence(pipeline: Language, text: str, start: int, end: int) -> Doc:
    """The text from `start` to `end` (a sentence) as a Doc that the parser keeps whole: every token but the first
    is marked as no sentence start, which the parser respects (the splitter knows news quotes and abbreviations
    better)."""
    doc: Doc = pipeline.make_doc(_curly(text[start : min(end, start + MAX_SENTENCE_CHARS)]))
    for token in doc[1:]:
        token.is_sent_start = False
    return doc


def _paragraph_bounds(sentences: Sequence[Sentence]) -> dict[int, tuple[int, int]]:
    bounds: dict[int, tuple[int, int]] = {}
    for sentence in sentences:
        start, _ = bounds.get(sentence.paragraph, (sentence.start, sentence.end))
        bounds[sentence.paragraph] = (start, sentence.end)
    return bounds
