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
    """Whether a sentence holds a cue word and so is worth parsing."""
    return sentence.terminated and _CANDIDATE.search(text, sentence.start, sentence.end) is not None


def find_attributions(text: str, sentences: Sequence[Sentence]) -> list[list[Attribution]]:
    """Attributions of each sentence of `text` (an empty list for sentences that cannot hold one)."""
    found: list[list[Attribution]] = [[] for _ in sentences]
    chosen = _candidates(text, sentences)
    if not chosen:
        return found
    pipeline = nlp()
    docs = [_one_sentence(pipeline, text, sentences[i]) for i in chosen]
    bounds = _paragraph_bounds(sentences)
    for i, doc in zip(chosen, pipeline.pipe(docs), strict=True):
        floor, ceiling = bounds[sentences[i].paragraph]
        # A cue nested in another's content ("said he believes …") is an attribution of its own: GUM annotates
        # both, and dropping the nested ones lost 0.024 linked F1 on GUM train.
        found[i] = [
            Attribution(a.cue, a.claimant, widen_to_quote(text, a.content, floor, ceiling), a.frame)
            for a in attributions_of(doc, sentences[i].start)
        ]
    return found


def _candidates(text: str, sentences: Sequence[Sentence]) -> list[int]:
    """Indexes of the first `MAX_SENTENCES` sentences worth parsing. The search stops there: the cue regex over
    every sentence of a several-megabyte article took most of its extraction time, all for sentences never parsed."""
    chosen: list[int] = []
    for i, sentence in enumerate(sentences):
        if can_attribute(text, sentence):
            chosen.append(i)
            if len(chosen) == MAX_SENTENCES:
                break
    return chosen


def _one_sentence(pipeline: Language, text: str, sentence: Sentence) -> Doc:
    """The sentence as a Doc that the parser keeps whole: every token but the first is marked as no sentence
    start, which the parser respects (the splitter knows news quotes and abbreviations better)."""
    doc: Doc = pipeline.make_doc(text[sentence.start : min(sentence.end, sentence.start + MAX_SENTENCE_CHARS)])
    for token in doc[1:]:
        token.is_sent_start = False
    return doc


def _paragraph_bounds(sentences: Sequence[Sentence]) -> dict[int, tuple[int, int]]:
    bounds: dict[int, tuple[int, int]] = {}
    for sentence in sentences:
        start, _ = bounds.get(sentence.paragraph, (sentence.start, sentence.end))
        bounds[sentence.paragraph] = (start, sentence.end)
    return bounds
