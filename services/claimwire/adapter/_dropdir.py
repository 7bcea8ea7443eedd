"""The drop folder: which dropped files are complete and due, in arrival order, and where they go after.

A file is read once its size and modification time have stayed the same for `settle_s` seconds (across
at least two scans), so a file still being copied in is not read half-way. Writers that can rename may
instead write to a name starting with "." or ending in .tmp/.part/.partial and rename it when complete:
such names are never read. After feeding, a file moves to `done/` (or `rejected/` when nothing in it
could be fed), so a restart does not read it again; the seen-id set covers a crash before the move.
"""

import os
import time
from dataclasses import dataclass
from pathlib import Path

DONE = "done"
REJECTED = "rejected"
_IN_PROGRESS = (".tmp", ".part", ".partial", ".crdownload")


@dataclass
class _Sighting:
    size: int
    mtime_ns: int
    since: float


def is_in_progress(name: str) -> bool:
    """Whether a file name follows the "still being written" convention."""
    return name.startswith(".") or name.lower().endswith(_IN_PROGRESS)


class DropFolder:
    """Scans one folder (not its subfolders) for complete files."""

    def __init__(self, folder: Path, settle_s: float) -> None:
        self.folder = folder
        self._settle_s = settle_s
        self._sightings: dict[str, _Sighting] = {}

    def ready(self, now: float | None = None) -> list[Path]:
        """Files whose size and mtime have been stable for the settle time, oldest first."""
        now = time.monotonic() if now is None else now
        found: dict[str, _Sighting] = {}
        due: list[tuple[int, str]] = []
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if is_in_progress(entry.name) or not entry.is_file(follow_symlinks=False):
                    continue
                stat = entry.stat()
                before = self._sightings.get(entry.name)
                now_seen = (stat.st_size, stat.st_mtime_ns)
                same = before is not None and (before.size, before.mtime_ns) == now_seen
                sighting = before if same and before else _Sighting(stat.st_size, stat.st_mtime_ns, now)
                found[entry.name] = sighting
                if same and now - sighting.since >= self._settle_s:
                    due.append((stat.st_mtime_ns, entry.name))
        self._sightings = found
        return [self.folder / name for _, name in sorted(due)]

    def finish(self, path: Path, fed_anything: bool, reasons: list[str] | None = None) -> Path:
        """Move a handled file to done/ (or rejected/ when nothing in it was fed); returns the new path.

        `reasons` (the rejections, one per line) are written next to the moved file as `<name>.why`.
        """
        target_dir = self.folder / (DONE if fed_anything else REJECTED)
        target_dir.mkdir(exist_ok=True)
        target = target_dir / path.name
        os.replace(path, target)
        if reasons:
            target.with_name(target.name + ".why").write_text("\n".join(reasons) + "\n")
        self._sightings.pop(path.name, None)
        return target
