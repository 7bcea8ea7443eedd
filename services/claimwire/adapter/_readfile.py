"""Reading input within a bound: look (fstat) before reading, never read more than the limit, never follow links.

One bound, `Settings.adapter_max_feed_bytes`, caps every input held in memory whole: a feed response, a
file that is not JSONL, one JSONL line, stdin that is not JSONL. Files are opened without following a
symbolic link and without blocking (a FIFO is refused, not waited on), and checked to be regular files
and within the bound by `fstat` on the open descriptor before a byte is read, so a 200 MB file costs one
system call, not 200 MB. The article limit (`CLAIMWIRE_MAX_ARTICLE_BYTES`) is separate and checked later,
on the stream entry each article becomes (`claimwire.streams.entry_size`).
"""

import errno
import io
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ._item import ItemError

SETTING = "CLAIMWIRE_ADAPTER_MAX_FEED_BYTES"
_SKIP_CHUNK = 1 << 20
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC


@dataclass(frozen=True)
class Oversize:
    """A JSONL line longer than the bound: skipped unread, only its length kept."""

    size: int
    limit: int

    def error(self) -> ItemError:
        """The refusal of this line."""
        return too_large_input(self.size, self.limit, what="the line")


def too_large_input(size: int, limit: int, what: str = "the file") -> ItemError:
    """The refusal of an input over the read bound, naming size, limit and setting."""
    return ItemError(
        f"too large: {what} is {size} bytes, over the limit of {limit} for input read whole "
        f"(raise it with {SETTING}; JSONL files are read line by line)",
        code="too_large",
    )


def open_input(path: Path, follow_symlinks: bool = True) -> BinaryIO:
    """Open a regular file for reading; `ItemError` (code symlink, not_regular_file, unreadable, missing).

    `follow_symlinks=False` refuses a symbolic link (the drop folder: whoever may drop a file must not
    make the adapter read, and publish, any file the adapter can read).
    """
    try:
        fd = os.open(path, _OPEN_FLAGS if follow_symlinks else _OPEN_FLAGS | os.O_NOFOLLOW)
    except OSError as err:
        raise _open_error(err) from err
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ItemError(f"not a regular file ({_kind(mode)}): nothing to read", code="not_regular_file")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(path: Path, limit: int, follow_symlinks: bool = True) -> bytes:
    """The whole file, if it is at most `limit` bytes by `fstat` (checked before reading) and as read.

    Raises `ItemError`; code "too_large" names the limit and its setting, "changed" means the file grew
    or was rewritten while it was read (its writer is not done).
    """
    with open_input(path, follow_symlinks) as handle:
        before = os.fstat(handle.fileno())
        if before.st_size > limit:
            raise too_large_input(before.st_size, limit)
        data = handle.read(limit + 1)
        if len(data) > limit:
            raise too_large_input(len(data), limit)
        after = os.fstat(handle.fileno())
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or len(data) != after.st_size:
        raise ItemError("the file changed while it was read (its writer is not done)", code="changed")
    return data


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | Oversize]:
    """The lines of `stream`, each at most `limit` bytes (plus its newline); a longer one is skipped in
    chunks, never held whole, and yields `Oversize` in its place."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
            size += len(rest)
        yield Oversize(size + len(rest.rstrip(b"\r\n")), limit)  # the line's length without its line ending


def rejoined(head: bytes, rest: BinaryIO) -> BinaryIO:
    """A stream reading `head` and then `rest` (stdin after its first bytes were read to sniff it)."""
    return io.BufferedReader(_Rejoined(head, rest))


class _Rejoined(io.RawIOBase):
    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: "memoryview | bytearray") -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "a device"


def _open_error(err: OSError) -> ItemError:
    if err.errno == errno.ELOOP:
        return ItemError("a symbolic link: not followed (it could point anywhere on the host)", code="symlink")
    if err.errno == errno.ENOENT:
        return ItemError("no such file or directory", code="missing")
    return ItemError(f"cannot read: {err.strerror or err}", code="unreadable")
