"""The set of article ids already fed, in Redis: one key per id with a TTL, claimed atomically.

Feeding an article is two steps: *claim* its id (a Lua script: only one feeder wins, and the key holds a
short lease `L|<version>` while the article is in flight), then publish the article and *confirm* the id
(the key then holds the article's version time, for the TTL). A feeder that dies between the two leaves a
lease that expires after `adapter_lease_s`; the article is then fed by the next run instead of lost.
"""

from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from claimwire.settings import Settings

# KEYS[1] = seen key; ARGV = version, mode ("new" | "updates" | "force"), lease ms.
# Returns 0 skip (seen, or in flight elsewhere), 1 first time, 2 fed again (newer version or forced).
CLAIM_LUA = """
local current = redis.call('GET', KEYS[1])
local version, mode = ARGV[1], ARGV[2]
if current and mode ~= 'force' then
  if string.sub(current, 1, 2) == 'L|' then return 0 end
  if mode ~= 'updates' or version == '' or version <= current then return 0 end
end
redis.call('SET', KEYS[1], 'L|' .. version, 'PX', ARGV[3])
if current then return 2 end
return 1
"""

# Give a lease back (publishing failed) unless another feeder has taken the key since.
RELEASE_LUA = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
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


class SeenIds:
    """Claim / confirm / release article ids in Redis under `<prefix>:adapter:seen:<article_id>`."""

    def __init__(self, settings: Settings, client: Any) -> None:
        self._settings = settings
        self._claim = client.register_script(CLAIM_LUA)
        self._release = client.register_script(RELEASE_LUA)

    def key(self, article_id: str) -> str:
        """The Redis key recording `article_id`."""
        return self._settings.key("adapter", "seen", article_id)

    async def claim(self, pipe: Any, article_id: str, version: str, mode: str) -> None:
        """Queue a claim on `pipe`; its reply is a `Claim` value."""
        lease_ms = int(self._settings.adapter_lease_s * 1000)
        await self._claim(keys=[self.key(article_id)], args=[version, mode, lease_ms], client=pipe)

    def confirm(self, pipe: Any, article_id: str, version: str) -> None:
        """Queue the confirmation that `article_id` at `version` was published."""
        pipe.set(self.key(article_id), version, ex=self._settings.adapter_seen_ttl_s)

    async def release(self, pipe: Any, article_id: str, version: str) -> None:
        """Queue giving back a lease taken by `claim` (publishing failed)."""
        await self._release(keys=[self.key(article_id)], args=[f"L|{version}"], client=pipe)
