"""IPTC ninjs (News in JSON), versions 1.x and 2.x, to an `Item`.

1.x carries `headline`, `body_text` / `body_html` (or `body_xhtml`), `byline`, `infosource`; 2.x carries
arrays `headlines` and `bodies` (each {role, contenttype, value}), `by`, `infosources`. Both have `uri`
(the id), `versioncreated` (the version time), `firstcreated`/`contentcreated`, `language`, `located`.
"""

from datetime import datetime
from typing import Any

from ._html import html_to_text
from ._item import Item, ItemError, parse_time

_BODY_KEYS = ("body_text", "body_html", "body_xhtml", "bodies")


def is_ninjs(obj: dict[str, Any]) -> bool:
    """Whether a JSON object is a ninjs item rather than claimwire's own `{"text": ...}` shape."""
    return "text" not in obj and ("uri" in obj or any(key in obj for key in _BODY_KEYS))


def _string(obj: dict[str, Any], field: str) -> str | None:
    value = obj.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ItemError(f"expected a string, got {type(value).__name__}", field=field)
    return value


def _time(obj: dict[str, Any], field: str) -> datetime | None:
    return parse_time(_string(obj, field), field)


def _pick(obj: dict[str, Any], field: str, role: str) -> dict[str, Any] | None:
    """The entry of a 2.x array (`headlines`, `bodies`) with the given role, else the first."""
    entries = obj.get(field)
    if entries is None:
        return None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ItemError("expected an array of objects", field=field)
    chosen: dict[str, Any] | None = next((e for e in entries if e.get("role") == role), None)
    return chosen or (entries[0] if entries else None)


def _is_html(contenttype: str | None) -> bool:
    return bool(contenttype) and "html" in str(contenttype).lower()


def _body(obj: dict[str, Any]) -> str:
    if (text := _string(obj, "body_text")) is not None:
        return text
    for field in ("body_html", "body_xhtml"):
        if (html := _string(obj, field)) is not None:
            return html_to_text(html)[0]
    body = _pick(obj, "bodies", "main")
    if body is None or not isinstance(body.get("value"), str):
        raise ItemError("no body: expected body_text, body_html or bodies[].value", field="body_text")
    value: str = body["value"]
    return html_to_text(value)[0] if _is_html(body.get("contenttype")) else value


def _headline(obj: dict[str, Any]) -> str | None:
    if (headline := _string(obj, "headline")) is not None:
        return headline
    entry = _pick(obj, "headlines", "main")
    return str(entry["value"]) if entry and entry.get("value") is not None else None


def _source(obj: dict[str, Any]) -> str | None:
    for field in ("infosources", "infosource"):
        sources = obj.get(field)
        if isinstance(sources, list) and sources and isinstance(sources[0], dict):
            name = sources[0].get("name")
            if isinstance(name, str) and name.strip():
                return name
    return _string(obj, "copyrightholder")


def item_from_ninjs(obj: dict[str, Any]) -> Item:
    """The `Item` for one ninjs object; `ItemError` names the field that is wrong."""
    uri = _string(obj, "uri")
    if not uri:
        raise ItemError("required", field="uri")
    if obj.get("type", "text") != "text":
        raise ItemError(f"only text items are articles, this one is {obj.get('type')!r}", field="type")
    version = _time(obj, "versioncreated")
    return Item(
        text=_body(obj),
        key=uri,
        source=_source(obj),
        title=_headline(obj),
        language=_string(obj, "language"),
        published_at=_time(obj, "firstcreated") or _time(obj, "contentcreated") or version,
        updated_at=version,
    )
