"""How far the ingest group is behind on the articles stream, and trimming only what every group is done with.

The adapter never sets MAXLEN on the articles stream: MAXLEN drops the oldest entries whether or not a
consumer group has read and acknowledged them. Instead the adapter waits while the backlog (entries not
yet delivered to the ingest group plus entries delivered but not acknowledged) is above
`adapter_max_backlog`, and, when `adapter_trim_processed` is on, trims with `XTRIM MINID` below the
oldest entry some group still needs.
"""

from typing import Any

from ..progress import as_text, group_backlog, group_infos


async def backlog(client: Any, stream: str, group: str, limit: int) -> int:
    """Entries of `stream` that `group` has not finished: undelivered (lag) plus pending.

    Before the group exists every entry is unfinished. Counts above `limit` may be reported as `limit`.
    """
    unfinished = await group_backlog(client, stream, group, limit)
    return int(await client.xlen(stream)) if unfinished is None else unfinished


def _id_key(entry_id: str) -> tuple[int, int]:
    millis, _, seq = entry_id.partition("-")
    return int(millis), int(seq or 0)


async def trim_processed(client: Any, stream: str) -> int:
    """Remove entries every consumer group has received and acknowledged; returns how many went.

    The cut is the oldest of each group's last-delivered id and oldest pending id, so nothing a group
    has yet to read, or may still have to re-read after a crash, is removed. No group, no trim.
    """
    groups = await group_infos(client, stream)
    if not groups:
        return 0
    needed: list[str] = []
    for info in groups:
        # Entries after last-delivered are unread; MINID keeps the id given, so cut at it is safe.
        needed.append(as_text(info["last-delivered-id"]))
        if int(info["pending"]):
            summary = await client.xpending(stream, as_text(info["name"]))
            needed.append(as_text(summary["min"]))
    cut = min(needed, key=_id_key)
    if cut == "0-0":
        return 0
    removed: int = await client.xtrim(stream, minid=cut, approximate=False)
    return removed
