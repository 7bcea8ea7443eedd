"""The speed helpers the stages share give exactly what the plain forms they replace give."""

import re

import pytest

from claimwire.extraction._text import Caseless, first_token, last_tokens, lower_exact, tokens
from claimwire.extraction._time import find_time, may_hold_time

# Words with inner apostrophes, hyphens and dots, Cyrillic, and short and long words side by side.
TRICKY = (
    "The U.S.-backed forces' commander, Lt. Gen. O'Neill, said pro-Kremlin units in Kharkiv's "
    "north-east (near Vovchansk) lost 1,200.5 men — an 'unverified' figure, Київ added."
)


def test_caseless_finds_the_spans_of_its_ignorecase_form() -> None:
    """On mixed-case text, the lower-case pattern over the lower-cased text gives the IGNORECASE spans."""
    source = r"\b(?:(?P<prep>according to)|(?P<verb>said|claimed))\b"
    text = "ACCORDING TO officials, the Army Said it had Claimed the town; according to Kyiv it had not."
    caseless = Caseless(source)
    ignorecase = re.compile(source, re.IGNORECASE)
    expected = [(m.span(), m.lastgroup) for m in ignorecase.finditer(text)]
    assert expected == [(m.span(), m.lastgroup) for m in caseless.finditer(text)]
    assert ignorecase.search(text, 30, 60).span() == caseless.search(text, 30, 60).span()  # type: ignore[union-attr]
    assert ignorecase.match(text[24:]) is None and caseless.match_slice(text, 24, len(text)) is None


@pytest.mark.parametrize("text", ["Kelvin: 5 \u212a", "İstanbul said", "ſaid the mayor", "ıt said"])
def test_caseless_falls_back_where_lower_casing_is_not_exact(text: str) -> None:
    """Where lower-casing moves offsets or IGNORECASE equates a letter with an ASCII one, the result still
    matches the IGNORECASE pattern on the text as written."""
    source = r"\b(?:said|k|istanbul)\b"
    ignorecase = re.compile(source, re.IGNORECASE)
    assert [m.span() for m in ignorecase.finditer(text)] == [m.span() for m in Caseless(source).finditer(text)]


def test_lower_exact_refuses_text_whose_lower_case_moves_offsets() -> None:
    """"İ" lower-cases to two characters and "ſ" is equated with "s": no stand-in lower-case text then."""
    assert lower_exact("Kyiv SAID") == "kyiv said"
    assert lower_exact("İstanbul") is None
    assert lower_exact("ſaid") is None


def test_caseless_rejects_an_upper_case_pattern() -> None:
    """A pattern written with capitals would silently never match the lower-cased text."""
    with pytest.raises(ValueError, match="lower-case"):
        Caseless(r"\bKyiv\b")


def test_last_and_first_tokens_equal_slices_of_tokens() -> None:
    """For every window of a text with tricky words, the short-window forms equal slicing the full list."""
    for start in range(len(TRICKY)):
        for end in range(start, min(len(TRICKY), start + 70) + 1):
            words = tokens(TRICKY, start, end)
            assert last_tokens(TRICKY, start, end, 3) == words[-3:]
            assert first_token(TRICKY, start, end) == (words[0] if words else None)


def test_may_hold_time_is_false_only_where_no_time_can_be_found() -> None:
    """A sentence without a time word or a digit has no time expression in any part of it."""
    sentence = "Troops advanced on the village, the army said."
    assert not may_hold_time(sentence, 0, len(sentence))
    dated = "Troops advanced on Tuesday, the army said in 2024."
    assert may_hold_time(dated, 0, len(dated))
    assert find_time(dated, 0, len(dated), None) is not None
