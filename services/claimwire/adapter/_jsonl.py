"""One JSONL line to a JSON value, the same for the adapter, `claimwire feed`, `extract` and `cluster`."""

import json
from dataclasses import dataclass
from typing import Any

from claimwire.jsontext import loads_text

from ._item import ItemError


@dataclass(frozen=True)
class JsonLine:
    """A decoded line: its JSON value, and how many lone surrogates in it were replaced by U+FFFD."""

    value: Any
    replaced: int = 0


def utf8_text(data: bytes) -> str:
    """`data` as UTF-8 (a leading byte-order mark dropped); `ItemError` naming the first bad byte."""
    # Refused, not guessed: Latin-1 decodes any bytes at all (a PDF renamed .txt included), and a wrong
    # guess between Latin-1, Windows-1252 and others puts mangled names and figures into claims unseen.
    # A refusal is visible and the fix is one command. XML declaring its encoding is decoded as declared.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ItemError(
            f"not valid UTF-8 (byte {err.start} is 0x{data[err.start]:02x}); other encodings are not guessed: "
            "convert it first, e.g. iconv -f latin1 -t utf-8",
            code="not_utf8",
        ) from err


def decode_line(raw: bytes) -> JsonLine | None:
    """The JSON value of one line, None for a blank line; `ItemError` says why a line is not JSON."""
    line = utf8_text(raw).rstrip("\r\n")  # so that a JSON error's column is on this line, not "line 2"
    if not line.strip():
        return None
    try:
        value, replaced = loads_text(line)
    except json.JSONDecodeError as err:
        raise ItemError(f"not valid JSON: {err.msg} (column {err.colno})") from err
    except RecursionError as err:  # nesting deeper than the parser allows is a bad line, not a crash
        raise ItemError("not valid JSON: nested too deeply") from err
    return JsonLine(value, replaced)


def surrogates_warning(replaced: int) -> str:
    """What a reader says about a line whose lone surrogates it replaced."""
    noun = "surrogate" if replaced == 1 else "surrogates"
    return f"replaced {replaced} lone {noun} (invalid UTF-16 escape) with U+FFFD"
