"""One size limit: what `claimwire feed` accepts the ingest worker accepts; bigger is refused with the setting named."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from claimwire.adapter import feed_paths
from claimwire.adapter._formats import parse_path
from claimwire.adapter._item import Item, to_article
from claimwire.ingest import ingest_stage
from claimwire.progress import wait_until_drained
from claimwire.runtime import start_components
from claimwire.streams import entry_size, read_events
from claimwire_contracts import ClaimExtracted
from tests.support.articles import sample_articles

pytestmark = pytest.mark.redis

LIMIT = 20_000
MARGIN = 20  # received_at loses its microseconds when they are 0: a few bytes either way


def entry_and_text_bytes(path: Path) -> tuple[int, int]:
    """The stream-entry size and text size of the one article in `path`, measured as the feeder measures."""
    (item,) = list(parse_path(path))
    assert isinstance(item, Item)
    article = to_article(item, datetime.now(UTC))
    return entry_size(article, article.article_id), len(article.text.encode())


def article_file(path: Path, base: str, entry_bytes: int) -> Path:
    """`path` holding `base` padded with letters so that its article's stream entry is `entry_bytes` long."""
    path.write_text(base)
    empty, _ = entry_and_text_bytes(path)
    path.write_text(base + " " + "x" * (entry_bytes - empty - 1))
    return path


async def test_feed_and_the_ingest_worker_measure_an_article_alike(settings, redis_client, tmp_path):
    """An article whose entry fits is fed and processed (no too_large dead letter); one whose text fits but
    whose entry does not is refused by feed, naming the limit and CLAIMWIRE_MAX_ARTICLE_BYTES."""
    small = settings.model_copy(update={"max_article_bytes": LIMIT})
    base = "\n\n".join(a.text for a in sample_articles())[: LIMIT // 2]
    fits = article_file(tmp_path / "fits.txt", base, LIMIT - MARGIN)
    over = article_file(tmp_path / "over.txt", base, LIMIT + MARGIN)
    over_entry, over_text = entry_and_text_bytes(over)
    assert over_text < LIMIT < over_entry, "the case `feed` used to accept and the workers to dead-letter"

    report = await feed_paths(small, [str(fits), str(over)])

    assert 1 == report.fed
    (rejection,) = report.rejected
    assert str(over) == rejection.where
    assert f"over the limit of {LIMIT}" in rejection.reason
    assert "CLAIMWIRE_MAX_ARTICLE_BYTES" in rejection.reason
    broker = await start_components(small, [ingest_stage(small)])
    try:
        assert await wait_until_drained(redis_client, [(small.articles_stream, small.ingest_group)], timeout=30)
    finally:
        await broker.stop()
    assert 0 == await redis_client.xlen(small.deadletter_stream)
    assert [c for _, c in await read_events(redis_client, small.claims_stream, ClaimExtracted)]


async def test_a_file_too_large_to_read_whole_is_refused_by_its_size_on_disk(settings, tmp_path, monkeypatch):
    """A 200 MB (sparse) file is rejected from stat alone, never read, naming CLAIMWIRE_ADAPTER_MAX_FEED_BYTES."""
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(200_000_000)

    def never(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", never)
    report = await feed_paths(settings, [str(huge)])

    assert 0 == report.fed
    (rejection,) = report.rejected
    assert "the file is 200000000 bytes" in rejection.reason
    assert f"over the limit of {settings.adapter_max_feed_bytes}" in rejection.reason
    assert "CLAIMWIRE_ADAPTER_MAX_FEED_BYTES" in rejection.reason
