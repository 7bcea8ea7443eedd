"""Backpressure, safe trimming and --updates against a real Redis."""

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from claimwire.adapter import feed_paths
from claimwire.adapter._backpressure import backlog, trim_processed
from claimwire.progress import as_text
from claimwire.settings import Settings

from .conftest import read_articles, stream_length

pytestmark = pytest.mark.redis

DATA = Path(__file__).resolve().parents[2] / "data" / "adapter"


def _jsonl(path: Path, n: int) -> Path:
    path.write_text("\n".join(json.dumps({"id": f"bp-{i}", "text": f"Report number {i}."}) for i in range(n)))
    return path


async def _read(client: Any, settings: Settings, count: int) -> list[bytes]:
    reply = await client.xreadgroup(settings.ingest_group, "worker", {settings.articles_stream: ">"}, count=count)
    return [entry_id for _, entries in reply for entry_id, _ in entries]


async def test_feeding_waits_while_the_ingest_backlog_is_above_the_limit(
    settings: Settings, redis_client: Any, tmp_path: Path
) -> None:
    """With a backlog limit of 5 the stream never grows past limit + one batch; unacked entries count too."""
    await redis_client.xgroup_create(settings.articles_stream, settings.ingest_group, id="0", mkstream=True)
    conf = settings.model_copy(
        update={
            "adapter_max_backlog": 5,
            "adapter_batch_size": 2,
            "adapter_backlog_poll_s": 0.02,
        }
    )
    task = asyncio.create_task(feed_paths(conf, [str(_jsonl(tmp_path / "a.jsonl", 20))]))
    await asyncio.sleep(0.4)
    assert not task.done()
    assert await stream_length(redis_client, settings) == 6
    read = await _read(redis_client, settings, 100)  # delivered but not acknowledged: still backlog
    await asyncio.sleep(0.3)
    assert await stream_length(redis_client, settings) == 6
    longest = 6
    while not task.done():
        if read:
            await redis_client.xack(settings.articles_stream, settings.ingest_group, *read)
        await asyncio.sleep(0.03)
        read = await _read(redis_client, settings, 3)
        now = await backlog(redis_client, settings.articles_stream, settings.ingest_group, 100)
        longest = max(longest, now)
    report = await task
    assert report.fed == 20
    assert longest <= 7


async def test_trim_removes_only_entries_every_group_acknowledged(
    settings: Settings, redis_client: Any, tmp_path: Path
) -> None:
    """XTRIM MINID cuts below the oldest pending or undelivered entry, never above it."""
    stream = settings.articles_stream
    await feed_paths(settings, [str(_jsonl(tmp_path / "a.jsonl", 6))])
    await redis_client.xgroup_create(stream, settings.ingest_group, id="0")
    await redis_client.xgroup_create(stream, "other", id="0")
    ids = await _read(redis_client, settings, 4)
    await redis_client.xack(stream, settings.ingest_group, *ids[:2])
    other = await redis_client.xreadgroup("other", "o", {stream: ">"}, count=6)
    await redis_client.xack(stream, "other", *[i for _, entries in other for i, _ in entries])
    assert await trim_processed(redis_client, stream) == 2
    remaining = [entry_id for entry_id, _ in await redis_client.xrange(stream)]
    assert len(remaining) == 4
    assert remaining[:2] == ids[2:]


async def test_updates_refeed_a_newer_version_only_when_asked(
    settings: Settings, redis_client: Any, tmp_path: Path
) -> None:
    """A ninjs item with a newer versioncreated is skipped, unless --updates: then fed with the new text."""
    first = json.loads((DATA / "ninjs_v1.json").read_text())
    newer = {
        **first,
        "versioncreated": "2026-03-04T11:00:00Z",
        "body_text": "Correction: three workers were treated in hospital, the cooperative said.",
    }
    (tmp_path / "v1.json").write_text(json.dumps(first))
    (tmp_path / "v2.json").write_text(json.dumps(newer))
    await feed_paths(settings, [str(tmp_path / "v1.json")])
    plain = await feed_paths(settings, [str(tmp_path / "v2.json")])
    updated = await feed_paths(settings, [str(tmp_path / "v2.json")], updates=True)
    same_again = await feed_paths(settings, [str(tmp_path / "v2.json")], updates=True)
    assert (plain.fed, plain.skipped_seen) == (0, 1)
    assert (updated.fed, updated.refed) == (1, 1)
    assert (same_again.fed, same_again.skipped_seen) == (0, 1)
    articles = await read_articles(settings, 2)
    assert articles[0].article_id == articles[1].article_id
    assert articles[1].text.startswith("Correction:")
    assert articles[1].updated_at is not None
    assert articles[1].updated_at.hour == 11


async def test_backlog_is_counted_when_redis_cannot_report_lag(
    settings: Settings, redis_client: Any, tmp_path: Path
) -> None:
    """Without a lag from Redis (Redis < 7, or 7 after an XDEL) the backlog is counted from the group's position."""
    stream, group = settings.articles_stream, settings.ingest_group
    await feed_paths(settings, [str(_jsonl(tmp_path / "a.jsonl", 5))])
    await redis_client.xgroup_create(stream, group, id="0")
    await _read(redis_client, settings, 1)
    third = (await redis_client.xrange(stream))[2][0]
    await redis_client.xdel(stream, third)
    groups = [{as_text(k): v for k, v in g.items()} for g in await redis_client.xinfo_groups(stream)]
    assert [g.get("lag") for g in groups if as_text(g["name"]) == group] == [None]
    assert await backlog(redis_client, stream, group, limit=100) == 1 + 3
    assert await backlog(redis_client, stream, group, limit=1) == 1 + 2
