"""Canonical article text: the rules of claimwire.adapter._text."""

import unicodedata

import pytest

from claimwire.adapter import canonical_text

MESSY = "  Line one\u00a0 has\tgaps. \r\nLine two\r\n\r\n\r\n\r\nNext para\u2029Third\x85end\ufeff\x07  \n"


def test_whitespace_and_paragraphs_are_normalised() -> None:
    """Runs of spaces collapse, CRLF/NEL become newlines, many blank lines become one, ends are trimmed."""
    expected = "Line one has gaps.\nLine two\n\nNext para\n\nThird\nend"
    assert expected == canonical_text(MESSY)


def test_text_is_nfc() -> None:
    """A decomposed accent is composed (NFC), also when a control character sat between the two."""
    decomposed = "Cafe\u0301 and Re\x07\u0301sume"
    actual = canonical_text(decomposed)
    assert actual == "Café and Résume"
    assert unicodedata.is_normalized("NFC", actual)


@pytest.mark.parametrize("text", [MESSY, "a\tb", "x\n\n\ny", "\u00a0lead", "Ångström\u0301"])
def test_canonical_text_is_idempotent(text: str) -> None:
    """Canonicalising canonical text changes nothing, so re-feeding never shifts offsets."""
    once = canonical_text(text)
    assert once == canonical_text(once)
