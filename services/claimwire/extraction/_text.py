"""Small offset helpers shared by the stages; every function returns Python string indices."""

import re
import sys
from collections.abc import Iterator
from functools import lru_cache

QUOTE_OPEN = '“"'
QUOTE_CLOSE = '”"'
_STRIP = " \t\n,;:.!?—–-"


def trim(text: str, start: int, end: int, chars: str = _STRIP) -> tuple[int, int]:
    """Shrink `[start, end)` past whitespace and punctuation at both ends (quotes are kept)."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def unquote(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a pair of quotes that wraps the whole range, and the punctuation just inside it."""
    start, end = trim(text, start, end)
    if end - start >= 2 and text[start] in QUOTE_OPEN and text[end - 1] in QUOTE_CLOSE:
        inner = text[start + 1 : end - 1]
        if "“" not in inner and "”" not in inner and '"' not in inner:
            return trim(text, start + 1, end - 1)
    if end - start >= 1 and text[start] in QUOTE_OPEN and not any(q in text[start + 1 : end] for q in QUOTE_CLOSE):
        return trim(text, start + 1, end)
    if end - start >= 1 and text[end - 1] in QUOTE_CLOSE and not any(q in text[start : end - 1] for q in QUOTE_OPEN):
        return trim(text, start, end - 1)
    return start, end


def lower_exact(text: str) -> str | None:
    """`text.lower()` when it is a character-for-character image of `text`, else None.

    Then a lower-case pattern without IGNORECASE finds in it exactly the spans its IGNORECASE form finds in
    `text`. Not so when lower-casing changes the length ("İ") or for the two letters IGNORECASE also equates
    with ASCII ones (ſ ~ s, ı ~ i).
    """
    low = text.lower()
    if len(low) != len(text) or not _no_ascii_lookalikes(low):
        return None
    return low


def _no_ascii_lookalikes(lowered: str) -> bool:
    """True when a lower-cased string has no letter that IGNORECASE equates with an ASCII one (ſ ~ s, ı ~ i)."""
    return "ſ" not in lowered and "ı" not in lowered


# Every stage asks for the lower-cased article; the one article being extracted is the only entry needed
# (the cache key is the text itself, whose hash Python keeps on the string).
lowered = lru_cache(maxsize=1)(lower_exact)


class Caseless:
    """A case-insensitive pattern, run as its lower-case form over `lowered(text)` whenever that is exact.

    `re` is several times slower with IGNORECASE: it cannot scan ahead for a literal and folds the case of
    every character it compares. Offsets, `lastgroup` and truth are those of the IGNORECASE pattern; the
    matched strings are lower-cased, so callers slice `text` for the original spelling.
    """

    def __init__(self, pattern: str, stems: tuple[str, ...] = ()) -> None:
        unescaped = re.sub(r"\\.|\(\?P[<=]\w+", "", pattern)  # escapes and group names may be upper-case
        if any(ch != ch.lower() or (ch.isalpha() and not ch.isascii()) for ch in unescaped + "".join(stems)):
            raise ValueError(f"a Caseless pattern is written in lower-case ASCII letters: {pattern!r}")
        self.pattern = pattern
        self.lower_form = re.compile(pattern)
        """The pattern without IGNORECASE, for text that `lower_exact` lower-cased."""
        self.ignorecase_form = re.compile(pattern, re.IGNORECASE)
        """The pattern with IGNORECASE, for any text."""
        self.stems = stems
        """Literals of which every match holds one (empty when none are given). Where the lower-case form runs,
        the searches answer None for a span that holds none of them without running the pattern: most spans
        of news hold none, and a few substring tests cost less than a scan."""

    # Each method picks the form inline: these run tens of times per sentence, and a shared helper call
    # cost a measurable share of extraction time.

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = lowered(text)
        if low is None:
            return self.ignorecase_form.search(text, pos, endpos)
        if self.stems and not contains_any_between(low, self.stems, pos, endpos):
            return None
        return self.lower_form.search(low, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = lowered(text)
        if low is None:
            return self.ignorecase_form.match(text, pos, endpos)
        return self.lower_form.match(low, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        low = lowered(text)
        if low is None:
            return self.ignorecase_form.finditer(text, pos, endpos)
        if self.stems and not contains_any_between(low, self.stems, pos, endpos):
            return iter(())
        return self.lower_form.finditer(low, pos, endpos)

    def search_lowered(self, lowered: str) -> re.Match[str] | None:
        """The IGNORECASE search in a string the caller already lower-cased."""
        if not _no_ascii_lookalikes(lowered):
            return self.ignorecase_form.search(lowered)
        if self.stems and not contains_any(lowered, self.stems):
            return None
        return self.lower_form.search(lowered)

    def search_slice(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """`search(text[start:end])`: offsets relative to `start`, anchors and boundaries at the slice's ends."""
        low = lowered(text)
        if low is None:
            return self.ignorecase_form.search(text[start:end])
        return self.lower_form.search(low[start:end])

    def match_slice(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """`match(text[start:end])`, as `search_slice`."""
        low = lowered(text)
        if low is None:
            return self.ignorecase_form.match(text[start:end])
        return self.lower_form.match(low[start:end])


def contains_any(text: str, fragments: tuple[str, ...]) -> bool:
    """True when any of `fragments` occurs in `text` (the literal pre-checks that skip a pattern).

    A plain loop: compiled, each test is a direct substring search, where `any(map(text.__contains__, …))`
    pays a method-wrapper call per fragment; interpreted (CPython 3.11), the loop is also the faster one.
    """
    for fragment in fragments:  # noqa: SIM110 (see the docstring: any() over a generator is slower)
        if fragment in text:
            return True
    return False


def contains_any_between(text: str, fragments: tuple[str, ...], start: int, end: int) -> bool:
    """`contains_any(text[start:end], fragments)` without copying the slice."""
    for fragment in fragments:  # noqa: SIM110 (as in contains_any)
        if text.find(fragment, start, end) != -1:
            return True
    return False


def is_word_char(char: str) -> bool:
    """What `re` counts as `\\w` in a str pattern, so a `\\b` lies between it and any other character."""
    return char.isalnum() or char == "_"
