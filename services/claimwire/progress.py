"""How far the consumer groups are behind: used to wait until a fed batch is fully processed."""

import asyncio
import time
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import ResponseError


def as_text(value: Any) -> str:
    """A Redis reply value (bytes or str) as text."""
    return value.decode() if isinstance(value, bytes) else str(value)


async def group_infos(client: Any, stream: str) -> list[dict[str, Any]]:
    """XINFO GROUPS of `stream` with text keys; empty when the stream does not exist yet."""
    try:
        groups = await client.xinfo_groups(stream)
    except ResponseError:
        return []
    return [{as_text(k): v for k, v in group.items()} for group in groups]


async def group_backlog(client: Any, stream: str, group: str, limit: int) -> int | None:
    """Entries of `stream` that `group` has not finished: undelivered (lag) plus pending; None without the group.

    Redis before 7 reports no `lag`: the undelivered entries are then counted with XRANGE, up to `limit`
    (so counts above `limit` may be reported as `limit`).
    """
    for info in await group_infos(client, stream):
        if as_text(info["name"]) != group:
            continue
        lag = info.get("lag")
        if lag is None:
            after = f"({as_text(info['last-delivered-id'])}"
            lag = len(await client.xrange(stream, after, "+", count=limit + 1))
        return int(lag) + int(info["pending"])
    return None


async def wait_until_drained(client: Redis, groups: list[tuple[str, str]], timeout: float, settle: float = 0.3) -> bool:
    """Wait until every (stream, group) has no backlog for `settle` seconds; False on timeout."""
    deadline = time.monotonic() + timeout
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        backlogs = [await group_backlog(client, stream, group, limit=1) for stream, group in groups]
        if all(b == 0 for b in backlogs):
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since >= settle:
                return True
        else:
            quiet_since = None
        await asyncio.sleep(0.05)
    return False
