"""Stage 1: split an article into sentences, keeping exact offsets and paragraph numbers.

Rule-based on purpose: news copy is regular enough that a few rules (terminal punctuation followed by an
upper-case start, known abbreviations, quotes kept whole) beat a model on speed and predictability.
"""

import re
from dataclasses import dataclass

# Abbreviations that end in a full stop without ending the sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "pvt",
        "det",
        "supt",
        "insp",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "mt",
        "ft",
        "jr",
        "sr",
        "inc",
        "ltd",
        "corp",
        "co",
        "no",
        "vs",
        "etc",
        "approx",
        "dept",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "a.m",
        "p.m",
    ]
)
_OPENING_QUOTES = '“"‘'
_CLOSING_AFTER_STOP = "”\"’)'"
_BREAK = re.compile(r"[.!?]+")


# Built explicitly, not frozen: compiled with mypyc, a dataclass's generated __init__ runs as interpreted code
# (a frozen one about 20x slower to build than this compiled one). Never mutated; eq and hash as when frozen.
@dataclass(slots=True, init=False, unsafe_hash=True)
class Sentence:
    """One sentence: offsets into the article text, its paragraph, and whether it ends like a sentence."""

    start: int
    end: int
    paragraph: int
    terminated: bool

    def __init__(self, start: int, end: int, paragraph: int, terminated: bool) -> None:
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.terminated = terminated


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order; a blank line or a single newline both end a paragraph."""
    sentences: list[Sentence] = []
    for paragraph, (start, end) in enumerate(_paragraphs(text)):
        for s_start, s_end in _split_paragraph(text, start, end):
            terminated = text[s_end - 1] in ".!?" or (
                text[s_end - 1] in _CLOSING_AFTER_STOP and s_end >= 2 and text[s_end - 2] in ".!?,"
            )
            sentences.append(Sentence(s_start, s_end, paragraph, terminated))
    return sentences


_LINE = re.compile(r"[^\n]+")  # compiled once: re.finditer(str, ...) pays a cache lookup (interpreted)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _LINE.finditer(text):
        start, end = _trim(text, match.start(), match.end())
        if end > start:
            spans.append((start, end))
    return spans


# A dateline ("KYIV, June 4 (Agency) - ") or a liveblog time stamp ("07:40 ") before the first sentence.
_LEAD_IN = re.compile(
    r"(?:[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s+|"
    r"\d{1,2}[:.]\d{2}(?:\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|local time))?\s+[-–—]?\s*)"
)


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    lead_in = _LEAD_IN.match(text, start, end)
    if lead_in is not None and lead_in.end() < end and not text[lead_in.end()].islower():
        start = lead_in.end()
    piece_start = start
    for match in _BREAK.finditer(text, start, end):
        stop = match.end()
        while stop < end and text[stop] in _CLOSING_AFTER_STOP:
            stop += 1
        if stop >= end or not text[stop].isspace():
            continue
        if not _ends_sentence(text, piece_start, match.start(), stop, end):
            continue
        pieces.append(_trim(text, piece_start, stop))
        piece_start = stop
    pieces.append(_trim(text, piece_start, end))
    return [(s, e) for s, e in pieces if e > s]


def _ends_sentence(text: str, piece_start: int, stop_at: int, after: int, end: int) -> bool:
    nxt = after
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt >= end:
        return True
    follower = text[nxt]
    if not (follower.isupper() or follower.isdigit() or follower in _OPENING_QUOTES):
        return False
    if text[stop_at] != ".":
        return True
    # The word before the stop ([\w.]+ up to it), found by walking back: a regex search for it with "$"
    # would try every position of the piece.
    word_start = stop_at
    while word_start > piece_start and (text[word_start - 1].isalnum() or text[word_start - 1] in "_."):
        word_start -= 1
    token = text[word_start:stop_at].lower()
    if token in _ABBREVIATIONS:
        return False
    # A lone initial ("John F. Kennedy") is not a sentence end.
    if len(token) == 1 and token.isalpha():
        return False
    return not _inside_quote(text, piece_start, after)


def _inside_quote(text: str, start: int, stop: int) -> bool:
    """True when a curly quote opened in this piece is still open (quoted sentences stay together)."""
    segment = text[start:stop]
    unbalanced = segment.count("“") > segment.count("”") or segment.count('"') % 2 == 1
    return unbalanced and len(segment) < 600


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
