"""`serve` against a real Redis: drop folder, feed polling, once-only across restarts, bad input."""

import asyncio
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from structlog.testing import capture_logs

from claimwire.settings import Settings

from .conftest import FeedServer, RunningAdapter, eventually, read_articles, stream_length

pytestmark = pytest.mark.redis

DATA = Path(__file__).resolve().parents[2] / "data" / "adapter"


def _drop_settings(settings: Settings, drop: Path, **extra: Any) -> Settings:
    return settings.model_copy(
        update={
            "adapter_drop_dir": str(drop),
            "adapter_drop_settle_s": 0.2,
            "adapter_scan_interval_s": 0.05,
            **extra,
        }
    )


async def test_drop_folder_feeds_complete_files_once_in_arrival_order(
    settings: Settings, redis_client: Any, tmp_path: Path
) -> None:
    """Files are fed oldest first, a file still being written is read only once complete, then moved."""
    drop = tmp_path / "drop"
    drop.mkdir()
    for name, mtime in (("later.txt", 1_100_000_000), ("earlier.txt", 1_000_000_000)):
        (drop / name).write_text(f"The {name} article says the dam held.")
        os.utime(drop / name, (mtime, mtime))
    adapter = RunningAdapter(_drop_settings(settings, drop))
    pieces = [f"Piece {n} of a slow upload." for n in range(10)]
    with (drop / "growing.txt").open("w") as handle:
        for piece in pieces:  # 0.5 s of writing, longer than the 0.2 s settle time
            handle.write(piece + " ")
            handle.flush()
            await asyncio.sleep(0.05)
    await eventually(lambda: _length_at_least(redis_client, settings, 3))
    await asyncio.sleep(0.3)
    await adapter.close()
    articles = await read_articles(settings, 3)
    assert [a.feed_key for a in articles] == ["earlier.txt", "later.txt", "growing.txt"]
    assert articles[2].text == " ".join(pieces)
    assert await stream_length(redis_client, settings) == 3
    assert sorted(p.name for p in (drop / "done").iterdir()) == ["earlier.txt", "growing.txt", "later.txt"]


async def _length_at_least(client: Any, settings: Settings, n: int) -> bool:
    return await stream_length(client, settings) >= n


async def test_renamed_in_file_is_read_and_temp_names_are_not(
    settings: Settings, redis_client: Any, tmp_path: Path
) -> None:
    """A file written as .tmp is ignored until renamed; then it is fed."""
    drop = tmp_path / "drop"
    drop.mkdir()
    adapter = RunningAdapter(_drop_settings(settings, drop, adapter_drop_settle_s=0.0))
    shutil.copy(DATA / "ninjs_v2.json", drop / "story.json.tmp")
    await eventually(lambda: _scanned(drop))
    assert await stream_length(redis_client, settings) == 0
    os.replace(drop / "story.json.tmp", drop / "story.json")
    await eventually(lambda: _length_at_least(redis_client, settings, 1))
    await adapter.close()
    assert (await read_articles(settings, 1))[0].source == "Coastline News"


async def _scanned(drop: Path) -> bool:
    # A scan has certainly run after a few intervals; the temp file must still be there.
    await asyncio.sleep(0.3)
    return (drop / "story.json.tmp").exists()


async def test_once_only_across_restart_and_bad_files_do_not_stop_the_adapter(
    settings: Settings, redis_client: Any, tmp_path: Path
) -> None:
    """After a restart an item dropped again is not re-fed; bad files go to rejected/ and feeding goes on."""
    drop = tmp_path / "drop"
    drop.mkdir()
    conf = _drop_settings(settings, drop)
    shutil.copy(DATA / "newsml_item.xml", drop / "item.xml")
    (drop / "broken.json").write_text('{"uri": "urn:broken", ')
    shutil.copy(DATA / "xml_bomb.xml", drop / "bomb.xml")
    first = RunningAdapter(conf)
    await eventually(lambda: _length_at_least(redis_client, settings, 1))
    await eventually(lambda: _exists(drop / "rejected" / "bomb.xml"))
    await first.close()
    rejected = sorted(p.name for p in (drop / "rejected").iterdir())
    assert rejected == ["bomb.xml", "bomb.xml.why", "broken.json", "broken.json.why"]
    assert "XML declares entity" in (drop / "rejected" / "bomb.xml.why").read_text()
    shutil.copy(DATA / "newsml_item.xml", drop / "item-again.xml")
    shutil.copy(DATA / "bridge_closure.txt", drop / "bridge_closure.txt")
    second = RunningAdapter(conf)
    await eventually(lambda: _exists(drop / "done" / "item-again.xml"))
    await eventually(lambda: _exists(drop / "done" / "bridge_closure.txt"))
    await second.close()
    assert await stream_length(redis_client, settings) == 2


async def _exists(path: Path) -> bool:
    return await asyncio.to_thread(path.exists)


async def test_feed_polling_uses_conditional_requests_and_feeds_new_items_only(
    settings: Settings, redis_client: Any, feed_server: FeedServer
) -> None:
    """Polls after the first are conditional (ETag, Last-Modified); a changed feed adds only its new items."""
    feed_server.body = (DATA / "feed_rss.xml").read_bytes()
    conf = settings.model_copy(
        update={
            "adapter_feeds": [feed_server.url],
            "adapter_feed_interval_s": 0.1,
            "adapter_scan_interval_s": 0.05,
        }
    )
    adapter = RunningAdapter(conf)
    await eventually(lambda: _requests(feed_server, 3))
    assert await stream_length(redis_client, settings) == 2
    conditional = feed_server.requests[1]
    assert conditional.get("If-None-Match") == '"v1"'
    assert conditional.get("If-Modified-Since") == feed_server.last_modified
    extra_item = (
        b"<item><title>New</title><guid>eg-2026-0302</guid>"
        b"<description>The mayor said the bridge reopens on Monday.</description></item></channel>"
    )
    feed_server.body = feed_server.body.replace(b"</channel>", extra_item)
    feed_server.etag = '"v2"'
    await eventually(lambda: _length_at_least(redis_client, settings, 3))
    await adapter.close()
    restarted = RunningAdapter(conf)  # validators and seen ids survive the restart
    seen_before = len(feed_server.requests)
    await eventually(lambda: _requests(feed_server, seen_before + 1))
    await restarted.close()
    assert feed_server.requests[seen_before].get("If-None-Match") == '"v2"'
    assert await stream_length(redis_client, settings) == 3


async def _requests(server: FeedServer, n: int) -> bool:
    return len(server.requests) >= n


async def test_failing_feed_backs_off_and_drop_folder_keeps_working(
    settings: Settings, redis_client: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    """A feed answering 500 is retried with growing waits while the drop folder is still fed."""
    feed_server.status = 500
    drop = tmp_path / "drop"
    drop.mkdir()
    conf = _drop_settings(
        settings, drop, adapter_feeds=[feed_server.url], adapter_feed_interval_s=0.2, adapter_feed_max_backoff_s=10.0
    )
    adapter = RunningAdapter(conf)
    shutil.copy(DATA / "harbour_fire.txt", drop / "harbour_fire.txt")
    await eventually(lambda: _length_at_least(redis_client, settings, 1))
    await asyncio.sleep(1.6)
    await adapter.close()
    # Waits of 0.2, 0.4, 0.8 s fit in ~1.8 s: at most 4 requests where a fixed interval would make 9.
    assert 2 <= len(feed_server.requests) <= 4


async def test_an_oversized_feed_is_refused_and_counted(
    settings: Settings, redis_client: Any, feed_server: FeedServer
) -> None:
    """A feed response above CLAIMWIRE_ADAPTER_MAX_FEED_BYTES is not parsed or fed; it is retried later."""
    padding = b"<!--" + b"x" * 20_000 + b"-->"
    feed_server.body = (DATA / "feed_rss.xml").read_bytes().replace(b"<channel>", b"<channel>" + padding)
    conf = settings.model_copy(
        update={
            "adapter_feeds": [feed_server.url],
            "adapter_feed_interval_s": 0.1,
            "adapter_scan_interval_s": 0.05,
            "adapter_max_feed_bytes": 10_000,
        }
    )
    with capture_logs() as logs:
        adapter = RunningAdapter(conf)
        await eventually(lambda: _requests(feed_server, 2))
        await adapter.close()
    assert await stream_length(redis_client, settings) == 0
    reasons = [entry["reason"] for entry in logs if entry["event"] == "adapter.rejected"]
    assert reasons
    assert "feed larger than 10000 bytes" in reasons[0]


async def test_updated_feed_entry_is_refed_when_updates_are_on(
    settings: Settings, redis_client: Any, feed_server: FeedServer
) -> None:
    """With CLAIMWIRE_ADAPTER_UPDATES an Atom entry whose <updated> moves on is fed again with its new text."""
    feed_server.body = (DATA / "feed_atom.xml").read_bytes()
    conf = settings.model_copy(
        update={
            "adapter_feeds": [feed_server.url],
            "adapter_feed_interval_s": 0.1,
            "adapter_scan_interval_s": 0.05,
            "adapter_updates": True,
        }
    )
    adapter = RunningAdapter(conf)
    await eventually(lambda: _length_at_least(redis_client, settings, 1))
    feed_server.body = feed_server.body.replace(
        b"<updated>2026-03-08T10:00:00Z</updated>\n    <content",
        b"<updated>2026-03-08T12:30:00Z</updated>\n    <content",
    ).replace(b"All 45 passengers", b"All 46 passengers")
    feed_server.etag = '"v2"'
    await eventually(lambda: _length_at_least(redis_client, settings, 2))
    await adapter.close()
    first, second = await read_articles(settings, 2)
    assert first.article_id == second.article_id
    assert "46 passengers" in second.text
    assert second.updated_at is not None
    assert (second.updated_at.hour, second.updated_at.minute) == (12, 30)
