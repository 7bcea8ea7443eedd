"""ninjs, NewsML-G2, RSS, Atom and HTML samples parse into the items a newsroom would expect."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from claimwire.adapter import Item, Rejection, canonical_text
from claimwire.adapter._formats import parse_bytes, parse_path

DATA = Path(__file__).resolve().parents[2] / "data" / "adapter"


def _only_item(name: str) -> Item:
    parsed = list(parse_path(DATA / name))
    assert [Item] == [type(p) for p in parsed], parsed
    item = parsed[0]
    assert isinstance(item, Item)
    return item


def test_ninjs_1_html_body_becomes_paragraphs() -> None:
    """ninjs 1.x: uri is the key, versioncreated the version, body_html turns into two paragraphs."""
    item = _only_item("ninjs_v1.json")
    assert item.key == "urn:example:valley-wire:2026:0042"
    assert (item.title, item.source) == ("Grain silo collapses near Orrin", "Valley Wire")
    assert item.updated_at == datetime(2026, 3, 4, 8, 30, tzinfo=UTC)
    paragraphs = canonical_text(item.text).split("\n\n")
    assert len(paragraphs) == 2
    assert "track()" not in item.text


def test_ninjs_2_picks_main_headline_and_infosource() -> None:
    """ninjs 2.x: main headline, plain-text body, infosources[0] as outlet, firstcreated as published."""
    item = _only_item("ninjs_v2.json")
    assert (item.title, item.source) == ("Oil spill contained off Cape Hollis", "Coastline News")
    assert item.published_at == datetime(2026, 3, 5, 6, 0, tzinfo=UTC)
    assert item.updated_at == datetime(2026, 3, 5, 7, 15, tzinfo=UTC)
    assert item.text.startswith("The coast guard said")


def test_newsml_item_reads_meta_and_xhtml_body() -> None:
    """NewsML-G2: guid, provider, headline, language, link and the XHTML paragraphs of inlineXML."""
    item = _only_item("newsml_item.xml")
    assert item.key == "urn:newsml:ridge-post.example:20260306:rp-118"
    assert (item.source, item.language) == ("Ridge Post", "en")
    assert item.url == "https://ridge-post.example/news/rp-118"
    assert item.title == "River Lenn bursts its banks at Ridgeford"
    text = canonical_text(item.text)
    assert text.count("\n\n") == 1
    assert text.startswith("The River Lenn burst its banks")


@pytest.mark.parametrize(("name", "entity"), [("xml_bomb.xml", "'a'"), ("xml_external_entity.xml", "'secret'")])
def test_xml_bomb_and_external_entity_are_refused(name: str, entity: str) -> None:
    """An XML bomb and an external-entity attack are rejected before expansion, with a clear reason."""
    parsed = list(parse_path(DATA / name))
    assert [Rejection] == [type(p) for p in parsed]
    reason = parsed[0].reason  # type: ignore[union-attr]
    assert f"XML declares entity {entity}" in reason
    assert "refused" in reason


def test_rss_items_keyed_by_guid_else_link() -> None:
    """RSS 2.0: guid is the key, else the link; content:encoded HTML becomes text; channel title is outlet."""
    parsed = [p for p in parse_path(DATA / "feed_rss.xml") if isinstance(p, Item)]
    assert [p.key for p in parsed] == ["eg-2026-0301", "https://eastmarch-gazette.example/2026/03/library"]
    assert {p.source for p in parsed} == {"Eastmarch Gazette"}
    assert "<p>" not in parsed[0].text
    assert parsed[0].published_at == datetime(2026, 3, 7, 9, 0, tzinfo=UTC)


def test_atom_entry_has_version_time() -> None:
    """Atom: id is the key and updated is the version time used by --updates."""
    item = _only_item("feed_atom.xml")
    assert item.key == "urn:example:lowmoor-observer:entry:88"
    assert item.updated_at == datetime(2026, 3, 8, 10, 0, tzinfo=UTC)
    assert item.url == "https://lowmoor-observer.example/ferry-aground"


def test_html_page_keeps_the_story_and_drops_furniture() -> None:
    """HTML: article paragraphs kept (a <br> a line break); nav, scripts, share bar, aside, footer dropped."""
    item = _only_item("page.html")
    text = canonical_text(item.text)
    assert text.split("\n\n")[0] == "Tram line opens to the airport"
    assert "according to the timetable.\nTrams run" in text
    for furniture in ("Home", "Share", "analytics", "Related", "Copyright"):
        assert furniture not in text
    assert item.title == "Tram line opens | Westgate Daily"


def test_broken_feed_is_rejected_whole() -> None:
    """A feed that is not well-formed XML yields one rejection and no half-parsed entries."""
    data = (DATA / "feed_rss.xml").read_bytes().replace(b"</channel>", b"")
    parsed = list(parse_bytes(data, "http://feed.example/rss", "rss.xml"))
    assert [Rejection] == [type(p) for p in parsed]
    assert "not well-formed" in parsed[0].reason  # type: ignore[union-attr]


def test_ninjs_errors_name_the_field() -> None:
    """A ninjs item with a bad version time is rejected naming versioncreated."""
    data = b'{"uri": "urn:x", "body_text": "Words.", "versioncreated": "yesterday"}'
    parsed = list(parse_bytes(data, "x.json", "x.json"))
    assert isinstance(parsed[0], Rejection)
    assert parsed[0].field == "versioncreated"
