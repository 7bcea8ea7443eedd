"""How far the ingest group is behind on the articles stream, and trimming only what every group is done with.

The adapter never sets MAXLEN on the articles stream: MAXLEN drops the oldest entries whether or not a
consumer group has read and acknowledged them. Instead the adapter waits while the backlog (entries not
yet delivered to the ingest group plus entries delivered but not acknowledged) is above
`adapter_max_backlog`, and, when `adapter_trim_processed` is on, trims with `XTRIM MINID` below the
oldest entry some group still needs.
"""

from typing import Any

from redis.exceptions import ResponseError


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


async def _groups(client: Any, stream: str) -> list[dict[str, Any]]:
    try:
        groups = await client.xinfo_groups(stream)
    except ResponseError:  # no such stream yet
        return []
    return [{_text(k): v for k, v in group.items()} for group in groups]


async def _undelivered(client: Any, stream: str, last_delivered: str, limit: int) -> int:
    # Redis < 7 (or a lag Redis cannot compute): count entries after the group's position, up to limit.
    return len(await client.xrange(stream, f"({last_delivered}", "+", count=limit))


async def backlog(client: Any, stream: str, group: str, limit: int) -> int:
    """Entries of `stream` that `group` has not finished: undelivered (lag) plus pending.

    Before the group exists every entry is unfinished. Counts above `limit` may be reported as `limit`.
    """
    for info in await _groups(client, stream):
        if _text(info["name"]) != group:
            continue
        lag = info.get("lag")
        if lag is None:
            lag = await _undelivered(client, stream, _text(info["last-delivered-id"]), limit + 1)
        return int(lag) + int(info["pending"])
    return int(await client.xlen(stream))


def _id_key(entry_id: str) -> tuple[int, int]:
    millis, _, seq = entry_id.partition("-")
    return int(millis), int(seq or 0)


async def trim_processed(client: Any, stream: str) -> int:
    """Remove entries every consumer group has received and acknowledged; returns how many went.

    The cut is the oldest of each group's last-delivered id and oldest pending id, so nothing a group
    has yet to read, or may still have to re-read after a crash, is removed. No group, no trim.
    """
    groups = await _groups(client, stream)
    if not groups:
        return 0
    needed: list[str] = []
    for info in groups:
        # Entries after last-delivered are unread; MINID keeps the id given, so cut at it is safe.
        needed.append(_text(info["last-delivered-id"]))
        if int(info["pending"]):
            summary = await client.xpending(stream, _text(info["name"]))
            needed.append(_text(summary["min"]))
    cut = min(needed, key=_id_key)
    if cut == "0-0":
        return 0
    removed: int = await client.xtrim(stream, minid=cut, approximate=False)
    return removed
