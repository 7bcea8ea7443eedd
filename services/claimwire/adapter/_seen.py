"""The set of article ids already fed, in Redis: one key per id with a TTL, claimed atomically.

Feeding an article is two steps: *claim* its id (a Lua script: only one feeder wins, and the key holds a
short lease `L|<version>` while the article is in flight), then publish the article and *confirm* the id
(the key then holds the article's version time, for the TTL). A feeder that dies between the two leaves a
lease that expires after `adapter_lease_s`; the article is then fed by the next run instead of lost.

A batch of ids goes to Redis in one script call. On a Redis Cluster, where one script may only touch keys
of one slot and scripts cannot be pipelined, each id gets its own call, all sent concurrently.
"""

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from claimwire.settings import Settings

# KEYS = seen keys; ARGV = mode ("new" | "updates" | "force"), lease ms, then one version per key.
# Per key: 0 skip (seen, or in flight elsewhere), 1 first time, 2 fed again (newer version or forced).
CLAIM_LUA = """
local mode, lease = ARGV[1], ARGV[2]
local out = {}
for i, key in ipairs(KEYS) do
  local version = ARGV[i + 2]
  local current = redis.call('GET', key)
  local take = true
  if current and mode ~= 'force' then
    if string.sub(current, 1, 2) == 'L|' then take = false
    elseif mode ~= 'updates' or version == '' or version <= current then take = false end
  end
  if take then
    redis.call('SET', key, 'L|' .. version, 'PX', lease)
    if current then out[i] = 2 else out[i] = 1 end
  else
    out[i] = 0
  end
end
return out
"""

# KEYS = seen keys; ARGV = ttl seconds, then one version per key: the article is published.
CONFIRM_LUA = """
for i, key in ipairs(KEYS) do redis.call('SET', key, ARGV[i + 1], 'EX', ARGV[1]) end
return {}
"""

# KEYS = seen keys; ARGV = one version per key: give leases back (publishing failed), unless another
# feeder has taken the key since.
RELEASE_LUA = """
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == 'L|' .. ARGV[i] then redis.call('DEL', key) end
end
return {}
"""


class Claim(IntEnum):
    """Outcome of claiming an id."""

    SKIP = 0
    NEW = 1
    AGAIN = 2


def version_of(updated_at: datetime | None) -> str:
    """A version time as a string that sorts like the time (UTC, fixed width); '' when there is none."""
    if updated_at is None:
        return ""
    return updated_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


Entry = tuple[str, str]
"""(article id, version)"""


class SeenIds:
    """Claim / confirm / release article ids in Redis under `<prefix>:adapter:seen:<article_id>`."""

    def __init__(self, settings: Settings, client: Any) -> None:
        self._settings = settings
        self._client = client
        self._claim = client.register_script(CLAIM_LUA)
        self._confirm = client.register_script(CONFIRM_LUA)
        self._release = client.register_script(RELEASE_LUA)

    def key(self, article_id: str) -> str:
        """The Redis key recording `article_id`."""
        return self._settings.key("adapter", "seen", article_id)

    async def _run(self, script: Any, entries: Sequence[Entry], head: list[Any], pipe: Any = None) -> list[Any]:
        """Run `script` over the entries: one call for all (queued on `pipe` when given), or on a cluster,
        where scripts cannot be pipelined and one call may only touch one slot, one concurrent call each."""
        if not entries:
            return []
        if self._settings.redis_cluster:
            calls = (
                script(keys=[self.key(article_id)], args=[*head, version], client=self._client)
                for article_id, version in entries
            )
            return [reply for replies in await asyncio.gather(*calls) for reply in replies]
        keys = [self.key(article_id) for article_id, _ in entries]
        args = [*head, *(version for _, version in entries)]
        if pipe is not None:
            await script(keys=keys, args=args, client=pipe)
            return []
        return list(await script(keys=keys, args=args, client=self._client))

    async def claim(self, entries: Sequence[Entry], mode: str) -> list[Claim]:
        """Claim the ids (`mode`: "new", "updates" or "force"); one `Claim` per entry, in order."""
        lease_ms = int(self._settings.adapter_lease_s * 1000)
        return [Claim(int(value)) for value in await self._run(self._claim, entries, [mode, lease_ms])]

    async def confirm(self, entries: Sequence[Entry], pipe: Any = None) -> None:
        """Record that these ids were published, for the TTL (queued on `pipe` when one is given)."""
        await self._run(self._confirm, entries, [self._settings.adapter_seen_ttl_s], pipe)

    async def release(self, entries: Sequence[Entry]) -> None:
        """Give back leases taken by `claim` (publishing failed)."""
        await self._run(self._release, entries, [])
