"""What hostile input cannot make claimwire do (docs/threat-model.md): expand entities in HTML, or fetch anything
an article or a feed item points at. (Symbolic links in the drop folder: tests/unit/adapter/test_readfile.py.)"""

import socket
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from claimwire.adapter import Item
from claimwire.adapter._formats import parse_bytes
from claimwire.extraction import extract_claims
from claimwire_contracts import ArticleReceived

ENTITY_BOMB = (
    b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>Police said 3 people died. &c;</p></body></html>'
)


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP port that records whether anyone connects (non-blocking accept)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        server.setblocking(False)
        yield server


def connected(server: socket.socket) -> bool:
    """Whether a connection reached `server`."""
    try:
        server.accept()[0].close()
    except BlockingIOError:
        return False
    return True


def items(data: bytes, name: str) -> list[Item]:
    """What the adapter makes of the file `name` holding `data` (its rejections dropped)."""
    return [parsed for parsed in parse_bytes(data, name, name) if isinstance(parsed, Item)]


def test_entities_declared_in_an_html_page_are_not_expanded():
    """A "billion laughs" in an HTML page's DOCTYPE stays a literal `&c;`: the text does not grow."""
    [item] = items(ENTITY_BOMB, "bomb.html")
    assert "&c;" in item.text
    assert len(item.text) < len(ENTITY_BOMB)


def test_links_in_an_article_or_a_feed_item_are_never_fetched(listener: socket.socket):
    """An HTML page's image, stylesheet, script, iframe and external DTD, an RSS item's link and enclosure, and
    a URL in the text: parsing and extracting claims connects to none of them."""
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    page = (
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}/x.dtd"><html><head>'
        f'<link rel="stylesheet" href="{url}/s.css"><script src="{url}/s.js"></script></head><body>'
        f'<img src="{url}/i.png"><iframe src="{url}/f"></iframe><p>The mayor said 40 homes flooded, see {url}/more.</p>'
        "</body></html>"
    ).encode()
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Flood</title>'
        f'<link>{url}/story</link><guid>{url}/story</guid><enclosure url="{url}/a.mp3" type="audio/mpeg"/>'
        f"<description>The mayor said 40 homes flooded.</description></item></channel></rss>"
    ).encode()
    parsed = items(page, "page.html") + items(feed, "feed.xml")
    assert 2 == len(parsed)
    for number, item in enumerate(parsed):
        article = ArticleReceived(article_id=f"art_link_{number}", text=item.text, received_at=datetime.now(UTC))
        extract_claims(article)
    assert not connected(listener)
