"""How far the consumer groups are behind: used to wait until a fed batch is fully processed."""

import asyncio
import time

from redis.asyncio import Redis
from redis.exceptions import ResponseError


async def group_backlog(client: Redis, stream: str, group: str) -> int | None:
    """Entries of `stream` the group has not finished: pending plus (when known) not yet delivered.

    None when the stream or group does not exist. Works on Redis 6.2 (no `lag` field) by comparing the
    group's last delivered id with the stream's last generated id.
    """
    try:
        groups = await client.xinfo_groups(stream)
        info = await client.xinfo_stream(stream)
    except ResponseError:
        return None
    for entry in groups:
        name = entry["name"].decode() if isinstance(entry["name"], bytes) else entry["name"]
        if name != group:
            continue
        pending = int(entry["pending"])
        if entry.get("lag") is not None:
            return pending + int(entry["lag"])
        caught_up = entry["last-delivered-id"] == info["last-generated-id"]
        return pending + (0 if caught_up else 1)
    return None


async def wait_until_drained(client: Redis, groups: list[tuple[str, str]], timeout: float, settle: float = 0.3) -> bool:
    """Wait until every (stream, group) has no backlog for `settle` seconds; False on timeout."""
    deadline = time.monotonic() + timeout
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        backlogs = [await group_backlog(client, stream, group) for stream, group in groups]
        if all(b == 0 for b in backlogs):
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since >= settle:
                return True
        else:
            quiet_since = None
        await asyncio.sleep(0.05)
    return False
