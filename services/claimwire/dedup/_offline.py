"""The offline clusterer: the service's decision path over an in-memory ledger, for evaluation and backfills."""

from collections.abc import Iterable
from datetime import UTC, datetime

from claimwire_contracts import ClaimExtracted, IncidentUpdated

from ._engine import CANDIDATES_PER_BUCKET, MAX_CANDIDATES, choose, fold, index_buckets, lookup_buckets
from ._features import UNPLACED, claim_features, in_partition, partition_tag
from ._summary import IncidentSummary


class MemoryLedger:
    """Incidents, summaries and index buckets in dicts; same semantics as the Redis ledger."""

    def __init__(self) -> None:
        self.states: dict[str, IncidentUpdated] = {}
        self.summaries: dict[str, IncidentSummary] = {}
        self.buckets: dict[str, dict[str, int]] = {}
        self.applied: dict[str, tuple[str, int]] = {}
        self.article_anchor: dict[str, str] = {}
        self._clock = 0

    def process(
        self, claim: ClaimExtracted, seen_at: datetime | None = None, *, article_report: bool = False
    ) -> IncidentUpdated | None:
        """Merge `claim`; the incident's new state, or None when the claim was already applied.

        An `article_report` (see `report_claim`) stays in the unplaced partition, wherever its article's
        claims went, so it meets the other outlets' reports whatever order things arrive in.
        """
        if claim.claim_id in self.applied:
            return None
        features = claim_features(claim)
        if features.anchor != UNPLACED:
            self.article_anchor.setdefault(claim.article_id, features.anchor)
        elif not article_report:
            features = in_partition(features, self.article_anchor.get(claim.article_id, UNPLACED))
        # Buckets are per partition, as in Redis, where a script only ever sees its partition's slot.
        partition = partition_tag(features.anchor)
        ids: dict[str, None] = {}
        for name in lookup_buckets(features):
            bucket = self.buckets.get(f"{partition}:{name}", {})
            newest = sorted(bucket, key=bucket.__getitem__, reverse=True)[:CANDIDATES_PER_BUCKET]
            ids.update(dict.fromkeys(newest))
            if len(ids) >= MAX_CANDIDATES:
                break
        ids = dict.fromkeys(list(ids)[:MAX_CANDIDATES])
        match = choose(features, [self.summaries[i] for i in ids])
        target = match.incident_id if match else None
        when = seen_at or claim.published_at or datetime(1970, 1, 1, tzinfo=UTC)
        if when.tzinfo is None:  # a zone-less time is taken as UTC, as the adapter does
            when = when.replace(tzinfo=UTC)
        folded = fold(claim, features, match, self.states.get(target or ""), self.summaries.get(target or ""),
                      when)
        incident_id = folded.state.incident_id
        self.states[incident_id] = folded.state
        self.summaries[incident_id] = folded.summary
        self._clock += 1
        for name in index_buckets(features):
            self.buckets.setdefault(f"{partition}:{name}", {})[incident_id] = self._clock
        self.applied[claim.claim_id] = (incident_id, folded.state.version)
        return folded.state


def cluster_claims(claims: Iterable[ClaimExtracted]) -> MemoryLedger:
    """Cluster `claims` in the order given; the ledger holds the incidents and which claim went where."""
    ledger = MemoryLedger()
    for claim in claims:
        ledger.process(claim)
    return ledger
