"""Reading input within a bound: lines and files over the limit are refused without being held."""

import io
from pathlib import Path

import pytest

from claimwire.adapter._formats import parse_bytes, parse_stream
from claimwire.adapter._item import Item, ItemError, Rejection
from claimwire.adapter._readfile import Oversize, bounded_lines, read_bounded, rejoined


def test_lines_up_to_the_limit_pass_and_longer_ones_come_as_their_length() -> None:
    """A line of exactly `limit` bytes (newline not counted) is kept; longer ones, also a last line
    without a newline, are skipped and reported with their length."""
    data = b"a" * 10 + b"\n" + b"b" * 25 + b"\n" + b"c\n" + b"d" * 11
    expected = [b"a" * 10 + b"\n", Oversize(25, 10), b"c\n", Oversize(11, 10)]
    assert expected == list(bounded_lines(io.BytesIO(data), 10))


def test_rejoined_stream_reads_the_sniffed_head_then_the_rest() -> None:
    """What stdin sniffing read comes back first, then the rest of the stream, line by line."""
    rest = io.BytesIO(b"ond line\nthird\n")
    assert [b"first\n", b"second line\n", b"third\n"] == list(rejoined(b"first\nsec", rest))


def test_a_file_over_the_limit_is_refused_by_size_naming_the_setting(tmp_path: Path) -> None:
    """read_bounded refuses a file larger than the limit with code too_large and the setting's name."""
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 20_001)
    with pytest.raises(ItemError) as refused:
        read_bounded(path, 20_000)
    assert "too_large" == refused.value.code
    assert "20001 bytes, over the limit of 20000" in refused.value.reason
    assert "CLAIMWIRE_ADAPTER_MAX_FEED_BYTES" in refused.value.reason


def test_a_symlink_is_refused_only_when_links_are_not_followed(tmp_path: Path) -> None:
    """The drop folder (follow_symlinks=False) refuses a link; `claimwire feed` reads what it points to."""
    (tmp_path / "real.txt").write_bytes(b"text")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    assert b"text" == read_bounded(tmp_path / "link.txt", 100)
    with pytest.raises(ItemError) as refused:
        read_bounded(tmp_path / "link.txt", 100, follow_symlinks=False)
    assert "symlink" == refused.value.code


def test_stdin_over_the_limit_is_one_rejection() -> None:
    """Non-JSONL stdin is read up to the limit only; more is one too_large rejection."""
    (rejection,) = list(parse_stream(io.BytesIO(b"word " * 5000), "<stdin>", max_bytes=10_000))
    assert isinstance(rejection, Rejection)
    assert "too_large" == rejection.code


def test_latin1_text_is_rejected_as_not_utf8_but_xml_declaring_it_is_read() -> None:
    """Plain text in Latin-1 is refused (code not_utf8), not guessed; XML that declares ISO-8859-1 is decoded
    as declared."""
    (text,) = list(parse_bytes("Le café a fermé.".encode("latin-1"), "cafe.txt", "cafe.txt"))
    assert isinstance(text, Rejection)
    assert "not_utf8" == text.code
    feed = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Le Journal</title>'
        "<item><guid>c1</guid><description>Le café a fermé.</description></item></channel></rss>"
    ).encode("latin-1")
    (item,) = list(parse_bytes(feed, "feed.xml", "feed.xml"))
    assert isinstance(item, Item)
    assert "Le café a fermé." == item.text.strip()  # canonical_text trims it on the way to an article
