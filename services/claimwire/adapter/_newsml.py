"""IPTC NewsML-G2 text items (`newsItem`, alone or in a `newsMessage`) to `Item`s.

Read: `@guid` (the id), `itemMeta/versionCreated` (version time), `itemMeta/firstCreated`,
`itemMeta/provider` (the outlet), `contentMeta/headline`, `contentMeta/language/@tag` (else `@xml:lang`),
`itemMeta/link[@href]` (the URL) and the body from `contentSet`: `inlineXML` (XHTML or NITF, its
`body.content` when present) or `inlineData` (plain text, or HTML by its `contenttype`).
"""

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from xml.etree.ElementTree import Element

from ._html import element_to_text, html_to_text
from ._item import Item, ItemError, Rejection, parse_time
from ._safexml import local_name

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _child(parent: Element | None, name: str) -> Element | None:
    if parent is None:
        return None
    return next((el for el in parent if local_name(el) == name), None)


def _find(root: Element, name: str) -> Element | None:
    return next((el for el in root.iter() if local_name(el) == name), None)


def _text_of(element: Element | None) -> str | None:
    if element is None:
        return None
    value = "".join(element.itertext()).strip()
    return value or None


def _time(element: Element | None, field: str) -> datetime | None:
    return parse_time(_text_of(element), field)


def _provider(meta: Element | None) -> str | None:
    provider = _child(meta, "provider")
    if provider is None:
        return None
    return _text_of(_child(provider, "name")) or provider.get("literal") or provider.get("qcode")


def _body(content_set: Element | None) -> str:
    inline_xml = _child(content_set, "inlineXML")
    if inline_xml is not None:
        # Element truth is "has children", so test for None explicitly.
        story = _find(inline_xml, "body.content")
        if story is None:
            story = _find(inline_xml, "body")
        return element_to_text(inline_xml if story is None else story)
    inline_data = _child(content_set, "inlineData")
    if inline_data is not None:
        data = inline_data.text or ""
        return html_to_text(data)[0] if "html" in inline_data.get("contenttype", "") else data
    raise ItemError("no inlineXML or inlineData body", field="contentSet")


def item_from_news_item(item: Element) -> Item:
    """The `Item` for one `newsItem` element; `ItemError` names the element that is wrong."""
    guid = item.get("guid")
    if not guid:
        raise ItemError("required", field="newsItem/@guid")
    meta = _child(item, "itemMeta")
    item_class = _child(meta, "itemClass")
    if item_class is not None and item_class.get("qcode", "ninat:text").split(":")[-1] != "text":
        raise ItemError(f"only text items are articles, not {item_class.get('qcode')}", field="itemClass")
    content_meta = _child(item, "contentMeta")
    language = _child(content_meta, "language")
    link = _child(meta, "link")
    version = _time(_child(meta, "versionCreated"), "itemMeta/versionCreated")
    return Item(
        text=_body(_child(item, "contentSet")),
        key=guid,
        source=_provider(meta),
        url=link.get("href") if link is not None else None,
        title=_text_of(_child(content_meta, "headline")),
        language=(language.get("tag") if language is not None else None) or item.get(_XML_LANG),
        published_at=_time(_child(meta, "firstCreated"), "itemMeta/firstCreated") or version,
        updated_at=version,
    )


def items_from_newsml(root: Element, where: str) -> Iterator[Item | Rejection]:
    """Every `newsItem` under `root` (a `newsItem` or a `newsMessage`); each bad item rejected alone."""
    news_items = (
        [root] if local_name(root) == "newsItem" else [el for el in root.iter() if local_name(el) == "newsItem"]
    )
    if not news_items:
        yield Rejection(where, "a newsMessage without any newsItem")
    for number, element in enumerate(news_items, start=1):
        try:
            yield replace(item_from_news_item(element), line=number)
        except ItemError as err:
            yield Rejection(where, err.reason, line=number, field=err.field)
