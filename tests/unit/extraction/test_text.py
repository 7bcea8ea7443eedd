"""The speed helpers the stages share give exactly what the plain forms they replace give."""

import json
import re
from datetime import date
from pathlib import Path

import pytest

from claimwire.extraction._sentences import split_sentences
from claimwire.extraction._text import Caseless, lower_exact
from claimwire.extraction._time import find_time

DEV = Path(__file__).resolve().parents[2] / "data" / "extraction" / "dev.jsonl"


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
    """ "İ" lower-cases to two characters and "ſ" is equated with "s": no stand-in lower-case text then."""
    assert lower_exact("Kyiv SAID") == "kyiv said"
    assert lower_exact("İstanbul") is None
    assert lower_exact("ſaid") is None


def test_caseless_rejects_an_upper_case_pattern() -> None:
    """A pattern written with capitals would silently never match the lower-cased text."""
    with pytest.raises(ValueError, match="lower-case"):
        Caseless(r"\bKyiv\b")


def test_a_span_inside_a_sentence_sees_the_sentence_time() -> None:
    """The pipeline reuses a sentence's first time expression for a claim inside it: for every word-aligned
    span of every dev-set sentence, the span has none when the sentence has none, and the sentence's first
    when that lies inside the span."""
    published = date(2024, 3, 12)
    checked = 0
    for line in DEV.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        for sentence in split_sentences(text):
            whole = find_time(text, sentence.start, sentence.end, published)
            words = list(re.finditer(r"\w+(?:[’'\-.]\w+)*", text[: sentence.end]))
            words = [w for w in words if w.start() >= sentence.start]
            for first in words:
                for last in words:
                    if last.end() < first.start() or (last.end() < sentence.end and re.match(r"\w", text[last.end()])):
                        continue  # the pipeline reuses the sentence's time only for spans that end a word
                    found = find_time(text, first.start(), last.end(), published)
                    if whole is None:
                        assert found is None
                    elif first.start() <= whole.start and whole.end <= last.end():
                        assert found == whole
                        checked += 1
    assert checked > 1000
