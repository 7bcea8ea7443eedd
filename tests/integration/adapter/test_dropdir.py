"""The drop folder against a real Redis with awkward input: each file is fed once, whole, or rejected with a reason."""

import asyncio
import json
import os
import resource
import time
from pathlib import Path
from typing import Any

import pytest

from claimwire.adapter import feed_paths
from claimwire.settings import Settings

from .conftest import RunningAdapter, eventually, read_articles, stream_length

pytestmark = pytest.mark.redis

BIG = 200_000_000


def _drop_settings(settings: Settings, drop: Path, **extra: Any) -> Settings:
    return settings.model_copy(
        update={"adapter_drop_dir": str(drop), "adapter_drop_settle_s": 0.2, "adapter_scan_interval_s": 0.05, **extra}
    )


def _why(drop: Path, name: str) -> dict[str, Any]:
    why: dict[str, Any] = json.loads((drop / "rejected" / f"{name}.why").read_text())
    return why


def _rejected_lines(logs: list[dict[str, Any]], where: Path) -> list[dict[str, Any]]:
    return [entry for entry in logs if entry["event"] == "adapter.rejected" and entry["where"] == str(where)]


def _sparse(path: Path, size: int, head: bytes = b"") -> Path:
    # Sparse: 200 MB on paper, nothing on disk; reading it would still cost 200 MB of memory and time.
    path.write_bytes(head)
    os.truncate(path, size)
    return path


async def _exists(path: Path) -> bool:
    return await asyncio.to_thread(path.exists)


async def test_a_writer_pausing_longer_than_the_settle_time_is_not_fed_half(
    settings: Settings, redis_client: Any, tmp_path: Path
) -> None:
    """A writer that keeps its file open through a 1 s pause (5x the settle time, 20x the scan interval)
    has its file fed once it closes it, whole, as one article."""
    drop = tmp_path / "drop"
    drop.mkdir()
    adapter = RunningAdapter(_drop_settings(settings, drop))
    first, second = "The first half says the dam held overnight.", "The second half says the river fell two metres."
    with (drop / "slow.txt").open("w") as writer:
        writer.write(first + " ")
        writer.flush()
        await asyncio.sleep(1.0)
        assert await stream_length(redis_client, settings) == 0, "fed while its writer still had it open"
        writer.write(second)
    await eventually(lambda: _exists(drop / "done" / "slow.txt"))
    await adapter.close()
    (article,) = await read_articles(settings, 1)
    assert f"{first} {second}" == article.text


async def test_symlink_fifo_and_latin1_each_get_one_log_line_and_a_reason_file(
    settings: Settings, redis_client: Any, tmp_path: Path, captured_logs: list[dict[str, Any]]
) -> None:
    """A symbolic link, a FIFO and a Latin-1 file are each logged once and moved to rejected/ with a
    JSON reason file (code and message); the good file beside them is fed."""
    drop = tmp_path / "drop"
    drop.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("Private notes outside the drop folder.")
    (drop / "link.txt").symlink_to(secret)
    os.mkfifo(drop / "pipe.txt")
    (drop / "latin1.txt").write_bytes("Le café a fermé après la crue, a dit le maire.".encode("latin-1"))
    (drop / "good.txt").write_text("The mayor said the bridge reopens on Monday.")
    adapter = RunningAdapter(_drop_settings(settings, drop))
    await eventually(lambda: _exists(drop / "done" / "good.txt"))
    await eventually(lambda: _exists(drop / "rejected" / "latin1.txt.why"))
    await adapter.close()
    expected = {"link.txt": "symlink", "pipe.txt": "not_regular_file", "latin1.txt": "not_utf8"}
    assert expected == {name: _why(drop, name)["reason"] for name in expected}
    assert {name: 1 for name in expected} == {
        name: len(_rejected_lines(captured_logs, drop / name)) for name in expected
    }
    assert "iconv" in _why(drop, "latin1.txt")["message"]
    assert (drop / "rejected" / "link.txt").is_symlink()
    assert ["The mayor said the bridge reopens on Monday."] == [a.text for a in await read_articles(settings, 1)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file; the FIFO case covers unreadable input")
async def test_an_unreadable_file_gets_one_log_line_and_a_reason_file(
    settings: Settings, redis_client: Any, tmp_path: Path, captured_logs: list[dict[str, Any]]
) -> None:
    """A file the adapter may not read (chmod 000) is logged once and moved to rejected/ as unreadable."""
    drop = tmp_path / "drop"
    drop.mkdir()
    locked = drop / "locked.txt"
    locked.write_text("The council said the road is closed.")
    locked.chmod(0)
    adapter = RunningAdapter(_drop_settings(settings, drop))
    await eventually(lambda: _exists(drop / "rejected" / "locked.txt.why"))
    await adapter.close()
    assert "unreadable" == _why(drop, "locked.txt")["reason"]
    assert 1 == len(_rejected_lines(captured_logs, locked))


async def test_200_mb_files_are_rejected_unread_naming_the_limit_and_its_setting(
    settings: Settings, redis_client: Any, tmp_path: Path, captured_logs: list[dict[str, Any]]
) -> None:
    """A 200 MB text file is refused by its size before it is read; a 200 MB JSONL line is skipped in
    chunks, the good line after it fed; neither raises the peak memory, and each reason names the limit
    and CLAIMWIRE_ADAPTER_MAX_FEED_BYTES."""
    drop = tmp_path / "drop"
    drop.mkdir()
    _sparse(drop / "huge.txt", BIG, b"The start of a very long article.")
    good = json.dumps({"id": "after-the-long-line", "text": "The levee held, the engineer said."})
    with _sparse(drop / "huge.jsonl", BIG, b'{"id": "long", "text": "').open("ab") as tail:
        tail.write(f'"}}\n{good}\n'.encode())
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    adapter = RunningAdapter(_drop_settings(settings, drop))
    await eventually(lambda: _exists(drop / "rejected" / "huge.txt.why"))
    await eventually(lambda: _exists(drop / "done" / "huge.jsonl.why"))
    await adapter.close()
    assert time.monotonic() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 50_000  # KiB
    limit = str(settings.adapter_max_feed_bytes)
    for name in ("huge.txt", "huge.jsonl"):
        why = _why(drop, name) if name == "huge.txt" else json.loads((drop / "done" / f"{name}.why").read_text())
        assert "too_large" == why["reason"]
        assert limit in why["message"]
        assert "CLAIMWIRE_ADAPTER_MAX_FEED_BYTES" in why["message"]
    assert 1 == len(_rejected_lines(captured_logs, drop / "huge.txt"))
    assert ["after-the-long-line"] == [a.feed_key for a in await read_articles(settings, 1)]


async def test_feed_applies_the_same_bounds_and_never_waits_on_a_fifo(
    settings: Settings, redis_client: Any, tmp_path: Path
) -> None:
    """`claimwire feed` refuses a 200 MB file unread with the same reason as the drop folder, and a FIFO
    named on its command line as not a regular file instead of blocking on it."""
    big = _sparse(tmp_path / "huge.txt", BIG)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    report = await asyncio.wait_for(feed_paths(settings, [str(big), str(fifo)]), 5)
    assert {str(big): "too_large", str(fifo): "not_regular_file"} == {r.where: r.code for r in report.rejected}
    assert "CLAIMWIRE_ADAPTER_MAX_FEED_BYTES" in report.rejected[0].reason
