"""HTML to clean plain text with lxml: paragraphs become blank-line separated text, clutter is dropped."""

from typing import Any

import lxml.html

# Elements whose content is never article text.
_DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "form",
        "button",
        "input",
        "select",
        "textarea",
        "nav",
        "header",
        "footer",
        "aside",
        "menu",
        "dialog",
        "figure",
        "figcaption",
        "picture",
        "video",
        "audio",
        "head",
        "title",
    }
)
# Elements that start a new block (a paragraph break before and after).
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "address",
        "hr",
        "body",
        "html",
        "center",
        "details",
        "summary",
    }
)
# Class or id words that mark page furniture around the story.
_BOILERPLATE = ("share", "related", "newsletter", "advert", "promo", "cookie", "comment", "social", "byline")


def _is_boilerplate(element: Any) -> bool:
    marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
    return any(word in marks for word in _BOILERPLATE)


def _walk(element: Any, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.rsplit("}", 1)[-1].lower()
    skip = tag in _DROP or not isinstance(element.tag, str) or _is_boilerplate(element)
    if not skip:
        block = tag in _BLOCKS
        if block:
            out.append("\n\n")
        if tag == "br":
            out.append("\n")
        if element.text:
            out.append(element.text)
        for child in element:
            _walk(child, out)
        if block:
            out.append("\n\n")
    # The tail is text after the element inside its parent: kept even when the element is dropped.
    if element.tail:
        out.append(element.tail)


def element_to_text(element: Any) -> str:
    """Text of an lxml or ElementTree element by the rules of `html_to_text` (namespaces ignored)."""
    out: list[str] = []
    _walk(element, out)
    return "".join(out)


def html_to_text(html: str) -> tuple[str, str | None]:
    """(body text, <title>) of an HTML document or fragment.

    The story is taken from `<article>` or `<main>` when the page has one, else from `<body>`. Paragraph
    and other block elements become paragraphs separated by a blank line; `<br>` becomes a line break;
    scripts, styles, navigation, headers, footers, asides, forms, figures and elements whose class or id
    marks them as sharing/related/newsletter/advert furniture are dropped. The result still needs
    `canonical_text`.
    """
    if not html.strip():
        return "", None
    root = lxml.html.document_fromstring(html)
    title_el = root.find(".//title")
    title = "".join(str(t) for t in title_el.itertext()).strip() if title_el is not None else None
    story = root.find(".//article")
    if story is None:
        story = root.find(".//main")
    if story is None:
        story = root.find(".//body")
    if story is None:
        story = root
    return element_to_text(story), title or None
