"""The drop folder: which dropped files are complete and due, in arrival order, and where they go after.

A file is due once (1) its size and modification time have stayed the same for `settle_s` seconds (across
at least two scans) and (2) no process on this host holds it open for writing. (2) is asked of the kernel
with a read lease (`fcntl F_SETLEASE`, Linux), which is refused while any process has the file open for
writing: a writer that pauses longer than the settle time but keeps its file open is still waited for.
The kernel only knows its own processes, so a writer on another host (NFS, SMB, a VM's shared folder) is
covered by the settle time alone: set it above that writer's longest pause, or have it write to a name
starting with "." or ending in .tmp/.part/.partial/.crdownload and rename it when complete (such names
are never read). After feeding, a file moves to `done/`, or `rejected/` with a reason file when nothing in
it could be fed, so a restart does not read it again; the seen-id set covers a crash before the move.
Entries that are not regular files (symbolic links, FIFOs, sockets, devices) are rejected on sight;
subfolders are not looked into.
"""

import errno
import fcntl
import json
import os
import stat
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ._item import Rejection

DONE = "done"
REJECTED = "rejected"
WHY_SUFFIX = ".why"
MAX_REASONS = 100
"""Rejections written to one reason file (a JSONL file of bad lines could have millions)."""
_IN_PROGRESS = (".tmp", ".part", ".partial", ".crdownload")


@dataclass
class _Sighting:
    size: int
    mtime_ns: int
    since: float


@dataclass
class Scan:
    """One look at the folder: files due to be read, oldest first, and entries refused on sight."""

    due: list[Path] = field(default_factory=list)
    refused: list[Rejection] = field(default_factory=list)


def is_in_progress(name: str) -> bool:
    """Whether a file name follows the "still being written" convention."""
    return name.startswith(".") or name.lower().endswith(_IN_PROGRESS)


def open_for_writing(path: Path) -> bool:
    """Whether a process on this host has `path` open for writing (False when the kernel cannot tell).

    A read lease is granted only on a file nobody has open for writing; it is dropped at once. Without
    the right to take leases (not the file's owner, no CAP_LEASE) or where leases do not exist (some
    network file systems) the answer is False and the settle time is the only guard.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False  # gone or unreadable: reading it will say so
    try:
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_RDLCK)
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)
    except OSError as err:
        return err.errno in (errno.EAGAIN, errno.EBUSY)
    finally:
        os.close(fd)
    return False


def _refusal(path: Path, mode: int) -> Rejection:
    if stat.S_ISLNK(mode):
        return Rejection(
            str(path), "a symbolic link: not followed (it could point anywhere on the host)", code="symlink"
        )
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return Rejection(str(path), f"not a regular file ({kind}): nothing to read", code="not_regular_file")


class DropFolder:
    """Scans one folder (not its subfolders) for complete files."""

    def __init__(self, folder: Path, settle_s: float) -> None:
        self.folder = folder
        self._settle_s = settle_s
        self._sightings: dict[str, _Sighting] = {}

    def scan(self, now: float | None = None, limit: int | None = None) -> Scan:
        """Files whose size and mtime have been stable for the settle time and that no process has open
        for writing, oldest first (at most `limit`), and the entries that are not regular files."""
        now = time.monotonic() if now is None else now
        found: dict[str, _Sighting] = {}
        stable: list[tuple[int, str]] = []
        scan = Scan()
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if is_in_progress(entry.name):
                    continue
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(info.st_mode):
                    continue
                if not stat.S_ISREG(info.st_mode):
                    scan.refused.append(_refusal(Path(entry.path), info.st_mode))
                    continue
                before = self._sightings.get(entry.name)
                same = before is not None and (before.size, before.mtime_ns) == (info.st_size, info.st_mtime_ns)
                sighting = before if same and before else _Sighting(info.st_size, info.st_mtime_ns, now)
                found[entry.name] = sighting
                if same and now - sighting.since >= self._settle_s:
                    stable.append((info.st_mtime_ns, entry.name))
        self._sightings = found
        for _, name in sorted(stable):
            if limit is not None and len(scan.due) >= limit:
                break
            if open_for_writing(self.folder / name):
                self.unsettle(self.folder / name)  # its writer paused; the settle time starts again on close
            else:
                scan.due.append(self.folder / name)
        return scan

    def unsettle(self, path: Path) -> None:
        """Wait the settle time again before reading `path` (it turned out to be still written)."""
        self._sightings.pop(path.name, None)

    def finish(self, path: Path, fed_anything: bool, reasons: Sequence[Rejection] = ()) -> Path:
        """Move a handled file to done/ (or rejected/ when nothing in it was fed); returns the new path.

        `reasons` (the rejections) are written next to the moved file as `<name>.why`, a JSON object:
        `reason` (the first rejection's code, see `REASON_CODES`), `message`, and every rejection (up to
        `MAX_REASONS`) with its line, field, code and message.
        """
        target_dir = self.folder / (DONE if fed_anything else REJECTED)
        target_dir.mkdir(exist_ok=True)
        target = target_dir / path.name
        os.replace(path, target)
        if reasons:
            target.with_name(target.name + WHY_SUFFIX).write_text(why_text(path, reasons))
        self._sightings.pop(path.name, None)
        return target


def why_text(path: Path, reasons: Sequence[Rejection]) -> str:
    """The reason file's content for `path`: machine-readable codes beside the messages, as JSON."""
    first = reasons[0]
    listed = [{"line": r.line, "field": r.field, "reason": r.code, "message": r.reason} for r in reasons[:MAX_REASONS]]
    why = {
        "file": path.name,
        "reason": first.code,
        "message": first.reason,
        "rejections": listed,
        "rejections_total": len(reasons),
    }
    return json.dumps(why, indent=2, ensure_ascii=False) + "\n"
