"""The set of article ids already fed, in Redis: one key per id with a TTL, claimed atomically.

Feeding an article is two steps: *claim* its id (a Lua script: only one feeder wins, and the key holds a
short lease `L|<version>` while the article is in flight), then publish the article and *confirm* the id
(the key then holds the article's version time, for the TTL). A feeder that dies between the two leaves a
lease that expires after `adapter_lease_s`; the article is then fed by the next run instead of lost.

A batch of ids goes to Redis in one script call. On a Redis Cluster, where one script may only touch keys
of one slot, each id gets its own call (pipelined).
"""

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
return #KEYS
"""

# KEYS = seen keys; ARGV = one version per key: give leases back (publishing failed), unless another
# feeder has taken the key since.
RELEASE_LUA = """
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == 'L|' .. ARGV[i] then redis.call('DEL', key) end
end
return #KEYS
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

    def _groups(self, entries: Sequence[Entry]) -> list[Sequence[Entry]]:
        if self._settings.redis_cluster:
            return [[entry] for entry in entries]
        return [entries] if entries else []

    async def _call(self, script: Any, entries: Sequence[Entry], head: list[Any], pipe: Any) -> None:
        for group in self._groups(entries):
            keys = [self.key(article_id) for article_id, _ in group]
            await script(keys=keys, args=[*head, *(version for _, version in group)], client=pipe)

    async def claim(self, entries: Sequence[Entry], mode: str) -> list[Claim]:
        """Claim the ids (`mode`: "new", "updates" or "force"); one `Claim` per entry, in order."""
        pipe = self._client.pipeline(transaction=False)
        lease_ms = int(self._settings.adapter_lease_s * 1000)
        await self._call(self._claim, entries, [mode, lease_ms], pipe)
        replies = await pipe.execute()
        return [Claim(int(value)) for reply in replies for value in reply]

    async def confirm(self, pipe: Any, entries: Sequence[Entry]) -> None:
        """Queue on `pipe` the confirmation that these ids were published, for the TTL."""
        await self._call(self._confirm, entries, [self._settings.adapter_seen_ttl_s], pipe)

    async def release(self, entries: Sequence[Entry]) -> None:
        """Give back leases taken by `claim` (publishing failed)."""
        pipe = self._client.pipeline(transaction=False)
        await self._call(self._release, entries, [], pipe)
        await pipe.execute()
