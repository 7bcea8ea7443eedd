"""RSS 2.0 / Atom feeds to `Item`s with feedparser (after a safe-XML check that refuses entities)."""

import calendar
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import feedparser  # type: ignore[import-untyped]

from ._html import html_to_text
from ._item import Item, ItemError, Rejection
from ._safexml import parse_xml


def _when(parsed: time.struct_time | None) -> datetime | None:
    # feedparser normalises every date to a UTC struct_time.
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC) if parsed else None


def _entry_text(entry: Any) -> str:
    parts = entry.get("content") or []
    detail = parts[0] if parts else entry.get("summary_detail")
    if not detail or not str(detail.get("value", "")).strip():
        raise ItemError("the entry has no content or summary", field="content")
    value = str(detail["value"])
    return html_to_text(value)[0] if "html" in str(detail.get("type", "")) else value


def item_from_entry(entry: Any, feed_title: str | None, feed_language: str | None) -> Item:
    """The `Item` of one feed entry: id from its guid/id, else its link, else its text."""
    link = entry.get("link")
    # dict.get: feedparser's own lookup silently maps a missing "updated" to "published".
    updated = _when(dict.get(entry, "updated_parsed"))
    return Item(
        text=_entry_text(entry),
        key=entry.get("id") or link,
        source=feed_title,
        url=link,
        title=entry.get("title"),
        language=feed_language,
        published_at=_when(entry.get("published_parsed")) or updated,
        updated_at=updated,
    )


def items_from_feed(data: bytes, where: str, source: str | None = None) -> Iterator[Item | Rejection]:
    """Every entry of an RSS/Atom document; a feed that is not well-formed XML is rejected whole.

    `source` overrides the outlet name (else the feed's title).
    """
    try:
        parse_xml(data)
    except ItemError as err:
        yield Rejection(where, f"broken feed: {err.reason}")
        return
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version"):
        yield Rejection(where, "not an RSS or Atom feed")
        return
    title = source or parsed.feed.get("title")
    language = parsed.feed.get("language")
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield replace(item_from_entry(entry, title, language), line=number)
        except ItemError as err:
            yield Rejection(where, err.reason, line=number, field=err.field)
