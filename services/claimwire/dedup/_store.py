"""The incident ledger in Redis: candidate lookup through the index, atomic compare-and-set apply."""

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from redis.asyncio import Redis

from claimwire_contracts import ClaimExtracted, IncidentUpdated

from ..settings import Settings
from ._engine import MAX_CANDIDATES, choose, fold, index_buckets, lookup_buckets
from ._features import UNPLACED, ClaimFeatures, claim_features, in_partition
from ._keys import PartitionKeys, article_key, placed_key, recent_key
from ._scripts import APPLY, LOOKUP
from ._summary import IncidentSummary

#: Lookups retried when another consumer changed the claim's candidates in between; beyond this it is an error
#: (the entry stays pending and is retried later).
MAX_CONFLICTS = 50


class LedgerContentionError(RuntimeError):
    """The partition kept changing under this consumer; the claim is left for a later retry."""


@dataclass(frozen=True)
class Applied:
    """The outcome of processing a claim: the incident state to publish, and whether it is new."""

    state: IncidentUpdated
    fresh: bool
    """False when the claim had been applied before (a redelivery): the state is republished as it was."""
    candidates: int = 0
    """Incidents the claim was scored against."""


def claim_record(claim: ClaimExtracted) -> str:
    """What the ledger keeps of a claim for `claimwire incidents show`."""
    return json.dumps({
        "claim_id": claim.claim_id, "article_id": claim.article_id, "outlet": claim.source,
        "claimant": claim.claimant.name, "cue": claim.cue.text if claim.cue else None,
        "text": claim.text[:400], "event_type": claim.event_type.value,
        "published_at": claim.published_at.isoformat() if claim.published_at else None,
    })


class RedisLedger:
    """Dedup state in Redis; safe with any number of consumers at once (scripts compare and set)."""

    def __init__(self, client: Redis, settings: Settings) -> None:
        self.client = client
        self.settings = settings
        self._lookup = client.register_script(LOOKUP)
        self._apply = client.register_script(APPLY)

    async def process(
        self, claim: ClaimExtracted, now: float | None = None, *, article_report: bool = False
    ) -> Applied:
        """Merge `claim` into its incident (or open one) and return the state to publish.

        A claim applied before returns the state its application produced (to republish after a crash
        between the change and the publish); subscribers dedupe on (incident_id, version). An
        `article_report` (see `report_claim`) stays in the unplaced partition, as offline.
        """
        features = claim_features(claim)
        if not article_report:
            features = await self._placed(features)
        keys = PartitionKeys.for_anchor(self.settings, features.anchor)
        lookups = [keys.bucket(name) for name in lookup_buckets(features)]
        indexed = [keys.bucket(name) for name in index_buckets(features)]
        for _ in range(MAX_CONFLICTS):
            stamp = time.time() if now is None else now
            oldest = stamp - self.settings.dedup_window_s
            scan: list[Any] = [keys.base, self.settings.dedup_candidates_per_bucket, oldest, MAX_CANDIDATES]
            found = await self._lookup(
                keys=[keys.claim(claim.claim_id), keys.outbox(claim.claim_id), *lookups], args=scan
            )
            if int(found[0]) == 1:
                return Applied(await self._replay(keys, found), fresh=False)
            summaries = [IncidentSummary.from_json(json.loads(raw)) for raw in found[1:]]
            seen = "".join(f"{s.incident_id}:{s.version}," for s in summaries)
            match = choose(features, summaries)
            state = summary = None
            if match is not None:
                summary = next(s for s in summaries if s.incident_id == match.incident_id)
                raw_state = await self.client.hget(keys.incident(match.incident_id), "state")
                state = IncidentUpdated.model_validate_json(raw_state) if raw_state else None
                if state is None or state.version != summary.version:
                    continue
            folded = fold(claim, features, match, state, summary, datetime.fromtimestamp(stamp, UTC))
            new = folded.state
            outcome = await self._apply(
                keys=[keys.claim(claim.claim_id), keys.outbox(claim.claim_id), keys.incident(new.incident_id),
                      *lookups, *indexed],
                args=[*scan, len(lookups), seen, state.version if state else 0, new.version, new.incident_id,
                      new.model_dump_json(), json.dumps(folded.summary.to_json()), claim_record(claim),
                      stamp, self.settings.dedup_window_s, self.settings.dedup_outbox_ttl_s],
            )
            if _text(outcome) == "ok":
                await self._note_recent(new, stamp, features)
                return Applied(new, fresh=True, candidates=len(summaries))
        raise LedgerContentionError(f"candidates kept changing; claim {claim.claim_id} left for retry")

    async def _replay(self, keys: PartitionKeys, found: list[Any]) -> IncidentUpdated:
        incident_id, outbox = _text(found[1]), found[3]
        if outbox:
            return IncidentUpdated.model_validate_json(outbox)
        # The outbox copy expired long after the first publish: the current state carries the claim too.
        raw = await self.client.hget(keys.incident(incident_id), "state")
        if raw is None:
            raise LedgerContentionError(f"incident {incident_id} of a replayed claim has no state")
        return IncidentUpdated.model_validate_json(raw)

    async def _placed(self, features: ClaimFeatures) -> ClaimFeatures:
        """A claim naming no place goes to its article's partition; the choice is kept for redeliveries."""
        if features.anchor != UNPLACED:
            return features
        guess = _text(await self.client.get(article_key(self.settings, features.article_id)) or UNPLACED)
        prior = await self.client.set(placed_key(self.settings, features.claim_id), guess, nx=True, get=True,
                                      ex=self.settings.dedup_window_s)
        return in_partition(features, _text(prior) if prior else guess)

    async def _note_recent(self, state: IncidentUpdated, stamp: float, features: ClaimFeatures) -> None:
        # Outside the script on purpose: on Redis Cluster this key lives in another slot. ZADD is
        # idempotent, and a crash before it only leaves the incident off the recency list until its next change.
        key = recent_key(self.settings)
        async with self.client.pipeline(transaction=False) as pipe:
            pipe.zadd(key, {state.incident_id: stamp})
            pipe.zremrangebyrank(key, 0, -self.settings.dedup_recent_max - 1)
            if features.anchor != UNPLACED and features.places:
                pipe.set(article_key(self.settings, features.article_id), features.anchor, nx=True,
                         ex=self.settings.dedup_window_s)
            await pipe.execute()

    async def incident(self, incident_id: str) -> IncidentUpdated | None:
        """The current state of an incident, or None."""
        keys = PartitionKeys.for_incident(self.settings, incident_id)
        raw = await self.client.hget(keys.incident(incident_id), "state")
        return IncidentUpdated.model_validate_json(raw) if raw else None

    async def claims_of(self, incident: IncidentUpdated) -> dict[str, dict[str, Any]]:
        """The stored records of the incident's claims, by claim id."""
        keys = PartitionKeys.for_incident(self.settings, incident.incident_id)
        async with self.client.pipeline(transaction=False) as pipe:
            for claim_id in incident.claim_ids:
                pipe.hget(keys.claim(claim_id), "claim")
            rows = await pipe.execute()
        return {cid: json.loads(raw) for cid, raw in zip(incident.claim_ids, rows, strict=True) if raw}

    async def recent(self, count: int) -> list[IncidentUpdated]:
        """The most recently changed incidents, newest first."""
        ids = [_text(i) for i in await self.client.zrevrange(recent_key(self.settings), 0, count - 1)]
        states = [await self.incident(i) for i in ids]
        return [s for s in states if s is not None]


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
