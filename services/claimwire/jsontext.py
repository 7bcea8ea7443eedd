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
    return without_lone_surrogates(json.loads(data))
