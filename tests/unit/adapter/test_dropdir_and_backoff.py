"""Pure scheduling parts of the adapter: drop-folder readiness and feed backoff."""

import os
from pathlib import Path

import httpx
import pytest

from claimwire.adapter._dropdir import DropFolder, is_in_progress
from claimwire.adapter._poller import FeedPoller, retry_after
from claimwire.settings import Settings


def _write(path: Path, text: str, mtime: int) -> None:
    path.write_text(text)
    os.utime(path, (mtime, mtime))


def test_file_is_ready_only_after_it_stays_unchanged_for_the_settle_time(tmp_path: Path) -> None:
    """First sighting starts the clock; a change restarts it; unchanged for settle_s makes it ready."""
    drop = DropFolder(tmp_path, settle_s=1.0)
    _write(tmp_path / "a.txt", "part", 1000)
    assert drop.scan(now=0.0).due == []
    assert drop.scan(now=0.5).due == []
    _write(tmp_path / "a.txt", "part and more", 1001)
    assert drop.scan(now=1.2).due == []
    assert drop.scan(now=2.3).due == [tmp_path / "a.txt"]


def test_ready_files_come_oldest_first_and_temp_names_never(tmp_path: Path) -> None:
    """Ready files are ordered by modification time; .tmp/.part and dot-files are not read."""
    drop = DropFolder(tmp_path, settle_s=0.0)
    _write(tmp_path / "b.txt", "b", 2000)
    _write(tmp_path / "a.txt", "a", 3000)
    _write(tmp_path / "c.json.part", "c", 1000)
    _write(tmp_path / ".d.txt", "d", 1000)
    drop.scan(now=0.0)
    assert drop.scan(now=0.0).due == [tmp_path / "b.txt", tmp_path / "a.txt"]


def test_finish_moves_to_done_or_rejected(tmp_path: Path) -> None:
    """A handled file moves to done/ when something was fed from it, else to rejected/."""
    drop = DropFolder(tmp_path, settle_s=0.0)
    _write(tmp_path / "ok.txt", "x", 1)
    _write(tmp_path / "bad.txt", "y", 2)
    assert drop.finish(tmp_path / "ok.txt", fed_anything=True) == tmp_path / "done" / "ok.txt"
    assert drop.finish(tmp_path / "bad.txt", fed_anything=False) == tmp_path / "rejected" / "bad.txt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["done", "rejected"]


@pytest.mark.parametrize("name", ["x.tmp", "x.PART", ".hidden", "x.partial", "x.crdownload"])
def test_in_progress_names(name: str) -> None:
    """The rename convention's in-progress names are recognised, whatever their case."""
    assert is_in_progress(name)


def test_backoff_doubles_per_failure_up_to_the_cap_and_resets_on_success() -> None:
    """Waits after failures are interval, 2x, 4x ... capped; Retry-After lengthens a wait; success resets."""
    settings = Settings(adapter_feed_interval_s=10, adapter_feed_max_backoff_s=35)
    poller = FeedPoller(settings, "http://127.0.0.1/feed", http=None, redis=None)  # type: ignore[arg-type]
    assert [poller.failed(0.0) for _ in range(4)] == [10, 20, 35, 35]
    assert poller.failed(0.0, retry_after=100.0) == 100.0
    poller.succeeded(50.0)
    assert (poller.failures, poller.due_at) == (0, 60.0)
    assert poller.failed(0.0) == 10


def test_retry_after_is_read_from_a_429() -> None:
    """A 429 with Retry-After in seconds tells the poller how long to wait; other errors do not."""
    request = httpx.Request("GET", "http://127.0.0.1/feed")
    response = httpx.Response(429, headers={"Retry-After": "42"}, request=request)
    error = httpx.HTTPStatusError("busy", request=request, response=response)
    assert retry_after(error) == 42.0
    assert retry_after(httpx.ConnectError("refused")) is None
