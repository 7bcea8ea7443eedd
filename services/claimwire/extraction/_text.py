"""Small offset helpers shared by the stages; every function returns Python string indices."""

import re
from typing import NamedTuple

WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F\u0400-\u04FF]+(?:[’'\-.][A-Za-z0-9\u00C0-\u024F\u0400-\u04FF]+)*")
QUOTE_OPEN = '“"'
QUOTE_CLOSE = '”"'
_STRIP = " \t\n,;:.!?—–-"


class Token(NamedTuple):
    """One word of the text: its offsets and text.

    A NamedTuple rather than a frozen dataclass: tokens are made by the thousand per article, and a frozen
    dataclass's __init__ (three object.__setattr__ calls) cost several per cent of extraction time.
    """

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


# Token(...) runs the NamedTuple's Python-level __new__; building the tuple directly skips that call, and
# tokens() runs several times per sentence (about 40% faster).
_new_tuple = tuple.__new__


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Words of `text[start:end]` with absolute offsets."""
    return [_new_tuple(Token, (m.start(), m.end(), m.group())) for m in WORD.finditer(text, start, end)]


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


def is_capitalised(word: str) -> bool:
    """True for a word that starts with an upper-case letter (proper nouns, acronyms)."""
    return bool(word) and word[0].isupper()
