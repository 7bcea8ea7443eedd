"""The incident ledger in Redis: candidate lookup through the index, atomic compare-and-set apply."""

import asyncio
import json
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from redis.asyncio import Redis

from claimwire_contracts import IncidentUpdated

from ..logs import get_logger
from ..settings import Settings
from ._articles import ArticleUnit
from ._engine import MAX_CANDIDATES, choose, fold, index_buckets, lookup_buckets
from ._features import UNPLACED, ClaimFeatures, unit_features, with_rarity
from ._keys import PartitionKeys, latest_key
from ._scripts import APPLY, LOOKUP, SUPERSEDE
from ._summary import IncidentSummary

#: Lookups retried when another consumer filed an article in between; beyond this it is an error
#: (the entry stays pending and is retried later).
MAX_CONFLICTS = 50


log = get_logger(__name__)

#: Incident states a ledger keeps in process (the most recently written), to skip fetching them again.
STATES_KEPT = 512


#: Pending entries read per look at what an article waits on; how often it looks again while waiting.
TURN_PAGE, TURN_POLL_S = 20, 0.002
#: Entries passed over (waited on in vain) remembered at most.
PASSED_KEPT = 10_000


class LedgerContentionError(RuntimeError):
    """The ledger kept changing under this consumer; the article is left for a later retry."""


@dataclass(frozen=True)
class Applied:
    """The outcome of filing an article: the incident state to publish, and whether it is new."""

    state: IncidentUpdated | None
    """The state to publish; None for an article filed and published before (fed again)."""
    fresh: bool
    """False when the article had been filed before: a redelivery republishes the state as it was."""
    candidates: int = 0
    """Incidents the article was scored against."""
    json: str | None = None
    """`state` as JSON, as the ledger stored it (fresh filings): publishing it need not serialise it again."""


#: Characters of each claim's text the article's record keeps (its report keeps REPORT_TEXT_CHARS).
CLAIM_TEXT_CHARS, REPORT_TEXT_CHARS = 240, 400


def unit_record(unit: ArticleUnit) -> str:
    """What the ledger keeps of an article and its claims for `claimwire incidents show`: the article's fields
    once (its report), each claim's own only (id, claimant, cue, the start of its text). Kept for every article
    filed, so each byte here is a byte per article in Redis."""
    report = unit.report
    claims = [
        {
            "claim_id": c.claim_id,
            "claimant": c.claimant.name,
            "cue": c.cue.text if c.cue else None,
            "text": c.text[:CLAIM_TEXT_CHARS],
        }
        for c in unit.claims
    ]
    return json.dumps(
        {
            "report": {
                "claim_id": report.claim_id,
                "article_id": report.article_id,
                "outlet": report.source,
                "claimant": report.claimant.name,
                "text": report.text[:REPORT_TEXT_CHARS],
                "event_type": report.event_type.value,
                "published_at": report.published_at.isoformat() if report.published_at else None,
            },
            "title": unit.title,
            "claims": claims,
        }
    )


#: zlib level of the article records (`pack`): written once and read only by `incidents show`, so the
#: smaller encoding is worth its CPU (a 2.5 KB record: about 30 us).
PACK_LEVEL = 6


def pack(document: str) -> bytes:
    """An article record as the ledger stores it: zlib-compressed JSON, 2.5 KB to about 1 KB on the ECB+ feed
    (one record per article filed, kept for good)."""
    return zlib.compress(document.encode(), PACK_LEVEL)


def unpack(stored: bytes | str) -> bytes | str:
    """The JSON document `pack` stored; one stored as plain JSON (before 5 Dec 2026) as it is. A zlib stream
    starts with 0x78 ("x"), which no JSON document does."""
    if isinstance(stored, bytes) and stored[:1] == b"x":
        return zlib.decompress(stored)
    return stored


class RedisLedger:
    """Dedup state in Redis; safe with any number of consumers at once (scripts compare and set)."""

    def __init__(self, client: Redis, settings: Settings) -> None:
        self.client = client
        self.settings = settings
        self._lookup = client.register_script(LOOKUP)
        self._apply = client.register_script(APPLY)
        self._supersede = client.register_script(SUPERSEDE)
        # Incident states this process wrote last, newest last: the version check against the summary that
        # LOOKUP returned keeps them exact (another replica's newer version is fetched from Redis).
        self._states: dict[str, IncidentUpdated] = {}
        self._known: dict[str, IncidentSummary] = {}
        # The newest commit cursor seen (entries up to it are decided), and entries waited on in vain.
        self._cursor = ""
        self._passed: set[str] = set()
        self._blockers: list[str] = []

    async def process(
        self,
        unit: ArticleUnit,
        now: float | None = None,
        *,
        features: ClaimFeatures | None = None,
        entry_id: str | None = None,
    ) -> Applied:
        """File the article `unit` (its report and claims) under its incident, or open one; the state to publish.

        An article filed before returns the state its filing produced (to republish after a crash between
        the change and the publish); subscribers dedupe on (incident_id, version). `features`: the unit's, when
        computed already. `entry_id`: the article's entry on the extracted stream; the article is then decided
        only after every earlier entry (`_await_turn`), so any number of replicas file like one.
        """
        if features is None:
            features = unit_features(unit.report, unit.claims)
        keys = PartitionKeys.for_anchor(self.settings, features.anchor)
        report = unit.report.claim_id
        lookups = [keys.bucket(name) for name in lookup_buckets(features)]
        indexed = [keys.bucket(name) for name in index_buckets(features)]
        tokens = sorted(features.tokens)
        joined = " ".join(tokens)
        waiting = entry_id is not None
        for _ in range(MAX_CONFLICTS):
            stamp = time.time() if now is None else now
            oldest = stamp - self.settings.dedup_window_s
            scan: list[Any] = [keys.base, self.settings.dedup_candidates_per_bucket, oldest, MAX_CANDIDATES, joined]
            lookup = self._lookup(
                keys=[keys.claim(report), keys.outbox(unit.article_id), keys.df, keys.commit, *lookups], args=scan
            )
            # The turn is checked alongside the lookup (one round trip): a lookup made before the last earlier
            # article was filed fails APPLY's compare and set and is made again.
            check = self._turn(keys, entry_id) if waiting and entry_id is not None else _done()
            found, turn = await asyncio.gather(lookup, check)
            if int(found[0]) == 1:
                if entry_id is not None:
                    self.pass_over([entry_id])
                return Applied(await self._replay(found), fresh=False)
            if not turn:
                assert entry_id is not None
                await self._await_turn(keys, entry_id)
                waiting = False
                continue
            features = _with_counts(features, tokens, found[1])
            summaries = await self._summaries(keys, found[3:])
            match = choose(features, summaries)
            state = summary = None
            if match is not None:
                summary = next(s for s in summaries if s.incident_id == match.incident_id)
                state = await self._state(keys, match.incident_id, summary.version)
                if state is None or state.version != summary.version:
                    continue
            folded = fold(unit, features, match, state, summary, datetime.fromtimestamp(stamp, UTC))
            new = folded.state
            state_json = new.model_dump_json()
            outcome = await self._apply(
                keys=[
                    keys.claim(report),
                    keys.outbox(unit.article_id),
                    keys.incident(new.incident_id),
                    keys.df,
                    keys.recent,
                    keys.commit,
                    *indexed,
                ],
                args=[
                    new.version,
                    new.incident_id,
                    state_json,
                    json.dumps(folded.summary.to_json()),
                    pack(unit_record(unit)),
                    stamp,
                    oldest,
                    self.settings.dedup_window_s,
                    self.settings.dedup_outbox_ttl_s,
                    joined,
                    self.settings.dedup_recent_max,
                    found[2],
                    entry_id or "",
                ],
            )
            if _text(outcome) == "ok":
                _keep(self._states, new.incident_id, new)
                _keep(self._known, new.incident_id, folded.summary)
                return Applied(new, fresh=True, candidates=len(summaries), json=state_json)
            if _text(outcome) == "applied":
                continue
        raise LedgerContentionError(f"candidates kept changing; article {unit.article_id} left for retry")

    def pass_over(self, entry_ids: Sequence[str]) -> None:
        """Never wait for these extracted entries (rejected, blank, or failing in this process): they are not
        filed in their turn, if ever."""
        if len(self._passed) > PASSED_KEPT:
            self._passed.clear()
        self._passed.update(entry_ids)

    async def _await_turn(self, keys: PartitionKeys, entry_id: str) -> None:
        """Return once every extracted entry before `entry_id` is filed or gone, so articles are decided in
        stream order whatever replica holds them (single-pass decisions depend on the order; see docs/dedup.md).

        An entry before ours that is still pending and newer than the commit cursor is not decided yet. The
        wait has no deadline while articles are being filed; once nothing has been filed for
        `dedup_order_wait_ms` (the holder died, or its entry keeps failing), the entries waited on are passed
        over for good and decided whenever they are reclaimed, out of order.
        """
        clock, progress = time.monotonic(), self._cursor
        limit = min(self.settings.dedup_order_wait_ms, self.settings.reclaim_idle_ms // 2) / 1000
        while not await self._turn(keys, entry_id):
            if progress != self._cursor:
                clock, progress = time.monotonic(), self._cursor
            elif time.monotonic() - clock > limit:
                log.warning("article.order_passed", waited_on=self._blockers[:5], count=len(self._blockers))
                self.pass_over(self._blockers)
                continue
            await asyncio.sleep(TURN_POLL_S)

    async def _turn(self, keys: PartitionKeys, entry_id: str) -> bool:
        """Whether every extracted entry before `entry_id` is filed or gone (else `_blockers` holds some of
        those it waits for): an entry before ours still pending and newer than the commit cursor is not."""
        while True:
            low = f"({self._cursor}" if self._cursor else "-"
            cursor, pending = await asyncio.gather(
                self.client.hget(keys.commit, "cursor"),
                self.client.xpending_range(
                    self.settings.extracted_stream,
                    self.settings.dedup_group,
                    min=low,
                    max=f"({entry_id}",
                    count=TURN_PAGE,
                ),
            )
            self._cursor = _text(cursor) if cursor else ""
            filed = _entry(self._cursor) if cursor else (0, 0)
            self._blockers = [
                i for p in pending if _entry(i := _text(p["message_id"])) > filed and i not in self._passed
            ]
            if self._blockers or len(pending) < TURN_PAGE:
                return not self._blockers
            # A page of entries filed since, or passed over: look past them.

    async def published(self, article_ids: Sequence[str], states: Sequence[tuple[IncidentUpdated, str]]) -> None:
        """After a batch is published and acked: forget the outbox copies of its articles (only a redelivery
        before that needs them), and delete from the incidents stream the entries its `states` (each with its
        new entry id) supersede, so the stream keeps each incident's latest version."""
        if article_ids:
            keys = PartitionKeys.for_anchor(self.settings, UNPLACED)
            await self.client.delete(*map(keys.outbox, article_ids))
        if not states or self.settings.incidents_retention != "latest":
            return
        triples = [value for state, entry_id in states for value in (state.incident_id, state.version, entry_id)]
        stale = await self._supersede(keys=[latest_key(self.settings)], args=triples)
        if stale:
            await self.client.xdel(self.settings.incidents_stream, *map(_text, stale))

    async def _summaries(self, keys: PartitionKeys, found: list[Any]) -> list[IncidentSummary]:
        """The candidates' summaries, at the versions LOOKUP saw (`found`: id, version, ...): those this process
        holds at that version from memory, the others fetched (one pipeline) and kept. A summary is tens of KB
        of words per incident, and the same hot incidents are candidates of article after article."""
        wanted = [(_text(found[i]), int(found[i + 1])) for i in range(0, len(found), 2)]
        missing = [i for i, v in wanted if (held := self._known.get(i)) is None or held.version != v]
        if missing:
            async with self.client.pipeline(transaction=False) as pipe:
                for incident_id in missing:
                    pipe.hget(keys.incident(incident_id), "summary")
                rows = await pipe.execute()
            for raw in rows:
                if raw:
                    summary = IncidentSummary.from_json(json.loads(raw))
                    _keep(self._known, summary.incident_id, summary)
        return [self._known[i] for i, _ in wanted if i in self._known]

    async def _state(self, keys: PartitionKeys, incident_id: str, version: int) -> IncidentUpdated | None:
        """The incident's state at `version`: from this process's recent states when it made that version
        (a large incident's state is tens of KB of JSON to fetch and validate), else from Redis."""
        known = self._states.get(incident_id)
        if known is not None and known.version == version:
            return known
        raw = await self.client.hget(keys.incident(incident_id), "state")
        return IncidentUpdated.model_validate_json(raw) if raw else None

    async def _replay(self, found: list[Any]) -> IncidentUpdated | None:
        # The outbox copy is deleted once the state is published and the entry acked (or expires): then
        # the article was fed again and there is nothing new to say.
        outbox = found[3]
        return IncidentUpdated.model_validate_json(outbox) if outbox else None

    async def incident(self, incident_id: str) -> IncidentUpdated | None:
        """The current state of an incident, or None."""
        keys = PartitionKeys.for_incident(self.settings, incident_id)
        raw = await self.client.hget(keys.incident(incident_id), "state")
        return IncidentUpdated.model_validate_json(raw) if raw else None

    async def articles_of(self, incident: IncidentUpdated) -> dict[str, dict[str, Any]]:
        """The stored records of the incident's articles (report, title, claims), by report id."""
        keys = PartitionKeys.for_incident(self.settings, incident.incident_id)
        reports = [reason.claim_id for reason in incident.merges]
        async with self.client.pipeline(transaction=False) as pipe:
            for report in reports:
                pipe.hget(keys.claim(report), "claim")
            rows = await pipe.execute()
        return {report: json.loads(unpack(raw)) for report, raw in zip(reports, rows, strict=True) if raw}

    async def recent(self, count: int) -> list[IncidentUpdated]:
        """The most recently changed incidents, newest first."""
        recent = PartitionKeys.for_anchor(self.settings, UNPLACED).recent
        ids = [_text(i) for i in await self.client.zrevrange(recent, 0, count - 1)]
        states = [await self.incident(i) for i in ids]
        return [s for s in states if s is not None]


def _keep(cache: dict[str, Any], incident_id: str, value: Any) -> None:
    """Put `value` in `cache` as its newest entry, dropping the oldest beyond STATES_KEPT."""
    cache.pop(incident_id, None)
    cache[incident_id] = value
    while len(cache) > STATES_KEPT:
        del cache[next(iter(cache))]


def _with_counts(features: ClaimFeatures, tokens: list[str], counts: Any) -> ClaimFeatures:
    """`features` with their tokens' rarities from LOOKUP's `counts` (the document count, then each token's
    document frequency, joined by spaces)."""
    docs, *each = map(int, _text(counts).split())
    return with_rarity(features, docs, {t: c for t, c in zip(tokens, each, strict=True) if c})


async def _done() -> bool:
    return True


def _entry(entry_id: str) -> tuple[int, int]:
    """A stream entry id as a comparable pair."""
    ms, _, seq = entry_id.partition("-")
    return int(ms), int(seq or 0)


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
