"""The desk's read model in Redis, under its own keys: several desk processes serve one model.

Keys (all under one hash tag, `{prefix}:{desk}:…`, so the scripts and intersections run in one slot):
`inc:ID` the latest state (IncidentUpdated JSON), `card:ID` its list card, `facets:ID` the index keys it is in,
`timeline:ID` one entry per version seen, `versions` incident -> latest version, `recent` and `ix:FACET:VALUE`
sorted sets of incident ids scored by `last_seen`, `claim:ID` and `article:ID` the contracts as received,
`changes` a capped stream of (incident_id, version) the live pages follow.
"""

import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from redis.asyncio import Redis

from claimwire_contracts import ArticleReceived, ClaimExtracted, IncidentUpdated

from ..settings import Settings
from ._model import Filters, IncidentSummary, TimelineEntry, facets, summary, timeline_entry

#: Entries kept in the changes stream: a page reconnecting within a few thousand changes misses none.
CHANGES_MAXLEN = 10_000

# Apply one incident version when it is newer than the one held: move it between index sets, store state
# and card, note the change. Older versions only add their timeline entry (replicas may publish out of order).
# KEYS: inc, card, facets, timeline, versions, recent, changes. ARGV: id, version, state, card, facet keys
# (JSON list), score, timeline entry, changes maxlen.
_APPLY = """
redis.call('HSETNX', KEYS[4], ARGV[2], ARGV[7])
local current = tonumber(redis.call('HGET', KEYS[5], ARGV[1]) or '0')
if tonumber(ARGV[2]) <= current then return 0 end
local new = cjson.decode(ARGV[5])
local old = redis.call('GET', KEYS[3])
if old then
  local keep = {}
  for _, key in ipairs(new) do keep[key] = true end
  for _, key in ipairs(cjson.decode(old)) do
    if not keep[key] then redis.call('ZREM', key, ARGV[1]) end
  end
end
for _, key in ipairs(new) do redis.call('ZADD', key, ARGV[6], ARGV[1]) end
redis.call('ZADD', KEYS[6], ARGV[6], ARGV[1])
redis.call('HSET', KEYS[5], ARGV[1], ARGV[2])
redis.call('SET', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], ARGV[4])
redis.call('SET', KEYS[3], ARGV[5])
redis.call('XADD', KEYS[7], 'MAXLEN', '~', ARGV[8], '*', 'incident_id', ARGV[1], 'version', ARGV[2])
return 1
"""


def _version(article: ArticleReceived) -> datetime:
    return article.updated_at or article.received_at


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class DeskStore:
    """Reads and writes the desk's read model on one Redis client."""

    def __init__(self, client: Redis, settings: Settings) -> None:
        self.client = client
        self.base = settings.key("{desk}")
        self._apply = client.register_script(_APPLY)

    def key(self, *parts: str) -> str:
        """A key of the read model."""
        return ":".join((self.base, *parts))

    @property
    def changes(self) -> str:
        """The stream of applied changes the live pages follow."""
        return self.key("changes")

    async def apply_incident(self, incident: IncidentUpdated) -> bool:
        """Hold `incident` if it is newer than the version held; True when it was."""
        keys, args = self._apply_arguments(incident)
        return bool(await self._apply(keys=keys, args=args))

    async def apply_incidents(self, incidents: Sequence[IncidentUpdated]) -> None:
        """Hold many incidents in one round trip, in order: a batch of the stream, or a bulk load."""
        async with self.client.pipeline(transaction=False) as pipe:
            for incident in incidents:
                keys, args = self._apply_arguments(incident)
                await self._apply(keys=keys, args=args, client=pipe)
            await pipe.execute()

    def _apply_arguments(self, incident: IncidentUpdated) -> tuple[list[str], list[str | int | float]]:
        iid = incident.incident_id
        index = [self.key("ix", facet, value) for facet, value in facets(incident)]
        keys = [self.key(k, iid) for k in ("inc", "card", "facets", "timeline")]
        keys += [self.key("versions"), self.key("recent"), self.changes]
        args: list[str | int | float] = [
            iid,
            incident.version,
            incident.model_dump_json(),
            summary(incident).model_dump_json(),
            json.dumps(index),
            incident.last_seen.timestamp(),
            timeline_entry(incident).model_dump_json(),
            CHANGES_MAXLEN,
        ]
        return keys, args

    async def put_claims(self, claims: Sequence[ClaimExtracted]) -> None:
        """Hold claims, in one round trip (replays write the same values)."""
        if claims:
            await self.client.mset({self.key("claim", c.claim_id): c.model_dump_json() for c in claims})

    async def put_articles(self, articles: Sequence[ArticleReceived]) -> None:
        """Hold articles; a newer version of a fed item (`updated_at`) replaces one held, an older one does not."""
        latest: dict[str, ArticleReceived] = {}
        for article in articles:
            held = latest.get(article.article_id)
            if held is None or _version(article) >= _version(held):
                latest[article.article_id] = article
        if not latest:
            return
        keys = [self.key("article", a) for a in latest]
        held_now = await self.client.mget(keys)
        newer = {
            key: article.model_dump_json()
            for key, article, raw in zip(keys, latest.values(), held_now, strict=True)
            if raw is None or _version(article) >= _version(ArticleReceived.model_validate_json(raw))
        }
        if newer:
            await self.client.mset(newer)

    async def page(self, filters: Filters, offset: int, limit: int) -> tuple[int, list[IncidentSummary]]:
        """Incidents matching `filters`, most recently updated first: the total and one page of cards."""
        keys = [self.key("ix", facet, value) for facet, value in filters.facets()] or [self.key("recent")]
        stop = offset + limit - 1
        async with self.client.pipeline(transaction=len(keys) > 1) as pipe:
            if len(keys) == 1:
                pipe.zcard(keys[0])
                pipe.zrevrange(keys[0], offset, stop)
            else:
                scratch = self.key("tmp", uuid.uuid4().hex)
                pipe.zinterstore(scratch, keys, aggregate="MAX")
                pipe.zrevrange(scratch, offset, stop)
                pipe.delete(scratch)
            total, ids, *_ = await pipe.execute()
        if not ids:
            return int(total), []
        cards = await self.client.mget([self.key("card", _text(i)) for i in ids])
        return int(total), [IncidentSummary.model_validate_json(c) for c in cards if c is not None]

    async def incident(self, incident_id: str) -> IncidentUpdated | None:
        """The latest state held of an incident."""
        raw = await self.client.get(self.key("inc", incident_id))
        return None if raw is None else IncidentUpdated.model_validate_json(raw)

    async def summaries(self, incident_ids: Sequence[str]) -> list[IncidentSummary]:
        """The cards of these incidents (those held)."""
        if not incident_ids:
            return []
        cards = await self.client.mget([self.key("card", i) for i in incident_ids])
        return [IncidentSummary.model_validate_json(c) for c in cards if c is not None]

    async def timeline(self, incident_id: str) -> dict[int, TimelineEntry]:
        """The versions of an incident the desk saw, by version."""
        raw: dict[Any, Any] = await self.client.hgetall(self.key("timeline", incident_id))
        return {int(v): TimelineEntry.model_validate_json(entry) for v, entry in raw.items()}

    async def claim(self, claim_id: str) -> ClaimExtracted | None:
        """One claim, if received."""
        claims = await self.claims([claim_id])
        return claims[0] if claims else None

    async def claims(self, claim_ids: Sequence[str]) -> list[ClaimExtracted]:
        """The claims received among `claim_ids`, in that order."""
        if not claim_ids:
            return []
        raw = await self.client.mget([self.key("claim", c) for c in claim_ids])
        return [ClaimExtracted.model_validate_json(r) for r in raw if r is not None]

    async def articles(self, article_ids: Sequence[str]) -> dict[str, ArticleReceived]:
        """The articles received among `article_ids`, by id."""
        if not article_ids:
            return {}
        raw = await self.client.mget([self.key("article", a) for a in article_ids])
        found = [ArticleReceived.model_validate_json(r) for r in raw if r is not None]
        return {a.article_id: a for a in found}

    async def last_change(self) -> str:
        """Id of the newest change, "0-0" when there is none: where a new live page starts following."""
        newest = cast(list[tuple[bytes, Any]], await self.client.xrevrange(self.changes, count=1))
        return _text(newest[0][0]) if newest else "0-0"

    async def changes_after(self, last_id: str, block_ms: int) -> list[tuple[str, str, int]]:
        """Changes after `last_id` as (change id, incident id, version), waiting up to `block_ms` for one
        (0: not waiting)."""
        reply = cast(
            list[tuple[bytes, list[tuple[bytes, dict[bytes, bytes]]]]] | None,
            await self.client.xread({self.changes: last_id}, count=CHANGES_MAXLEN, block=block_ms or None),
        )
        changes = []
        for _, entries in reply or []:
            for entry_id, fields in entries:
                changes.append((_text(entry_id), _text(fields[b"incident_id"]), int(fields[b"version"])))
        return changes
