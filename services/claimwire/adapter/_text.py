"""Canonical article text: the exact string published on the articles stream and indexed by every offset.

The rules, applied in this order (documented in docs/adapter.md):

1. Line breaks (CRLF, CR, VT, FF, NEL, LINE SEPARATOR) become "\\n";
   PARAGRAPH SEPARATOR becomes a blank line.
2. Control characters other than tab and newline, and stray byte-order marks, are dropped.
3. Inside a line, every run of horizontal white space (spaces, tabs, no-break and other Unicode spaces)
   becomes one ASCII space; spaces at the start and end of each line are dropped.
4. Two or more blank lines become one blank line (a paragraph break is exactly "\\n\\n").
5. White space at the start and end of the whole text is dropped.
6. Unicode NFC, so that "é" typed as one code point or as "e" plus a combining accent index alike.

The function is idempotent: canonicalising canonical text returns it unchanged.
"""

import re
import unicodedata

_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028]")
# C0 and C1 controls except tab (\x09) and newline (\x0a), plus BOM/zero-width no-break space.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ufeff]")
_HSPACE = re.compile(r"[^\S\n]+")
_EDGE_SPACES = re.compile(r" *\n *")
_BLANK_RUNS = re.compile(r"\n{3,}")


def canonical_text(text: str) -> str:
    """Return `text` in claimwire's canonical form (NFC, normalised white space, see the module doc)."""
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n")
    text = _CONTROLS.sub("", text)
    text = _HSPACE.sub(" ", text)
    text = _EDGE_SPACES.sub("\n", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    # NFC last: dropping a control character can bring a base letter and a combining mark together.
    return unicodedata.normalize("NFC", text.strip())
