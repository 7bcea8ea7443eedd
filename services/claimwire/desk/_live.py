"""Live updates: one reader of the desk's changes stream per process, fanned out to every open page.

One blocking read per process, not one per page: a Redis connection is not held per open browser tab.
"""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import NamedTuple

from redis.exceptions import RedisError

from ..logs import get_logger
from ._store import DeskStore

#: How long one read of the changes stream blocks before it reads again (and a page checks its connection).
#: Below redis-py's 5 s socket timeout: a read blocking that long is cut off as a TimeoutError.
BLOCK_MS = 2_000
#: Changes queued for one page; a page that falls this far behind misses highlights, not rows (it re-fetches).
PAGE_QUEUE = 1_000

log = get_logger(__name__)


class Change(NamedTuple):
    """One incident version applied to the read model: the changes stream's entry id, the incident, the version."""

    id: str
    incident_id: str
    version: int


def _after(entry_id: str, last: str) -> bool:
    def key(i: str) -> tuple[int, int]:
        ms, _, seq = i.partition("-")
        return int(ms), int(seq or 0)

    return key(entry_id) > key(last)


class ChangeFeed:
    """Reads the changes stream from where it stood at start and hands every change to every listener."""

    def __init__(self, store: DeskStore) -> None:
        self.store = store
        self.listeners: set[asyncio.Queue[Change]] = set()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start following from the newest change."""
        last = await self.store.last_change()
        self._task = asyncio.create_task(self._follow(last))

    async def stop(self) -> None:
        """Stop following."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _follow(self, last: str) -> None:
        while True:
            try:
                changes = await self.store.changes_after(last, BLOCK_MS)
            except RedisError as exc:
                log.warning("desk.changes_unreadable", error=repr(exc))
                await asyncio.sleep(1)
                continue
            for change in map(Change._make, changes):
                last = change.id
                for queue in self.listeners:
                    with contextlib.suppress(asyncio.QueueFull):
                        queue.put_nowait(change)

    @contextlib.asynccontextmanager
    async def listen(self, since: str | None) -> AsyncIterator["Listener"]:
        """Changes from now on; with `since` (a change id), first those after it still in the stream."""
        queue: asyncio.Queue[Change] = asyncio.Queue(PAGE_QUEUE)
        self.listeners.add(queue)  # before replaying, so nothing falls between the replay and the queue
        try:
            missed = [Change._make(c) for c in await self.store.changes_after(since, 0)] if since else []
            yield Listener(queue, missed, since)
        finally:
            self.listeners.discard(queue)


class Listener:
    """One page's changes: those it missed, then new ones as they come, each once."""

    def __init__(self, queue: asyncio.Queue[Change], missed: list[Change], since: str | None) -> None:
        self.queue, self.missed = queue, missed
        self.last = missed[-1].id if missed else since

    async def next(self, timeout: float) -> Change | None:
        """The next change, or None when none came within `timeout` seconds."""
        if self.missed:
            return self.missed.pop(0)
        while True:
            try:
                change = await asyncio.wait_for(self.queue.get(), timeout)
            except TimeoutError:
                return None
            if self.last is None or _after(change.id, self.last):
                self.last = change.id
                return change
