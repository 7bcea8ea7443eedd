"""JSON whose strings are text: lone surrogates replaced by U+FFFD instead of failing the whole document.

A lone surrogate escape ("\\ud800", half of a UTF-16 pair) is valid JSON, and `json.loads` of bytes lets raw
surrogate bytes through as well, but no UTF-8 encoding exists for it: the article id, the contracts and Redis
would each refuse the article. One bad character is not worth losing an article for, so every reader of
articles as JSON (the adapter, `claimwire extract` and `cluster`, the stream consumers) repairs it here and
warns where it did.
"""

import json
import re
from typing import Any

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
# What a surrogate in decoded JSON can come from: an escape of one ("\\udc80", any case), a surrogate character
# in text, or, in UTF-8 bytes, its UTF-8-like encoding (0xED 0xA0-0xBF), which `json.loads` of bytes lets
# through. A document with none of these decodes without any, so it is not walked (walking every string of an
# article with its claims cost about four times the decoding itself). Bytes in another encoding are walked.
_ESCAPE_TEXT, _ESCAPE_BYTES = re.compile(r"\\[uU][dD][89a-fA-F]"), re.compile(rb"\\[uU][dD][89a-fA-F]")
_RAW_BYTES = re.compile(rb"\xed[\xa0-\xbf]")


def _may_hold_surrogates(data: str | bytes) -> bool:
    # Substring tests first: they scan at memchr speed, and an escape or an 0xED byte is rare in news.
    if isinstance(data, str):
        return ("\\u" in data and _ESCAPE_TEXT.search(data) is not None) or _SURROGATE.search(data) is not None
    if json.detect_encoding(data) != "utf-8":
        return True
    return (b"\\u" in data and _ESCAPE_BYTES.search(data) is not None) or (
        b"\xed" in data and _RAW_BYTES.search(data) is not None
    )


def without_lone_surrogates(value: Any) -> tuple[Any, int]:
    """`value` (decoded JSON) with each lone surrogate in its strings and keys replaced by U+FFFD, and how many
    were replaced. Values without any come back as they are (the same objects)."""
    if isinstance(value, str):
        return _SURROGATE.subn(REPLACEMENT, value) if _SURROGATE.search(value) else (value, 0)
    if isinstance(value, list):
        repaired = [without_lone_surrogates(item) for item in value]
        count = sum(n for _, n in repaired)
        return ([item for item, _ in repaired] if count else value), count
    if isinstance(value, dict):
        pairs = [(without_lone_surrogates(k), without_lone_surrogates(v)) for k, v in value.items()]
        count = sum(nk + nv for (_, nk), (_, nv) in pairs)
        return ({k: v for (k, _), (v, _) in pairs} if count else value), count
    return value, 0


def loads_text(data: str | bytes) -> tuple[Any, int]:
    """`json.loads(data)` with lone surrogates replaced (see `without_lone_surrogates`), and how many were."""
    document = json.loads(data)
    return without_lone_surrogates(document) if _may_hold_surrogates(data) else (document, 0)
