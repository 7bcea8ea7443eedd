"""The offline clusterer: the service's decision path over an in-memory ledger, for evaluation and backfills."""

from collections import Counter
from datetime import UTC, datetime

from claimwire_contracts import IncidentUpdated

from ._articles import ArticleUnit
from ._engine import CANDIDATES_PER_BUCKET, MAX_CANDIDATES, choose, fold, index_buckets, lookup_buckets
from ._features import partition_tag, unit_features, with_rarity
from ._summary import IncidentSummary


class MemoryLedger:
    """Incidents, summaries and index buckets in dicts; same semantics as the Redis ledger."""

    def __init__(self) -> None:
        self.states: dict[str, IncidentUpdated] = {}
        self.summaries: dict[str, IncidentSummary] = {}
        self.buckets: dict[str, dict[str, int]] = {}
        self.applied: dict[str, tuple[str, int]] = {}
        """Article id -> (incident id, version its filing produced)."""
        self.last_candidates: list[str] = []
        """Ids of the incidents the last article processed was scored against (bench/ledger_independence.py)."""
        self.document_frequency: Counter[str] = Counter()
        self.documents = 0
        self._clock = 0

    def process(self, unit: ArticleUnit, seen_at: datetime | None = None) -> IncidentUpdated | None:
        """File the article `unit` (report and claims); the incident's new state, or None when the article
        was filed before."""
        if unit.article_id in self.applied:
            return None
        features = unit_features(unit.report, unit.claims)
        features = with_rarity(features, self.documents, self.document_frequency)
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
        self.last_candidates = list(ids)
        match = choose(features, [self.summaries[i] for i in ids])
        target = match.incident_id if match else ""
        when = seen_at or unit.report.published_at or datetime(1970, 1, 1, tzinfo=UTC)
        if when.tzinfo is None:  # a zone-less time is taken as UTC, as the adapter does
            when = when.replace(tzinfo=UTC)
        folded = fold(unit, features, match, self.states.get(target), self.summaries.get(target), when)
        incident_id = folded.state.incident_id
        self.states[incident_id] = folded.state
        self.summaries[incident_id] = folded.summary
        self._clock += 1
        for name in index_buckets(features):
            self.buckets.setdefault(f"{partition}:{name}", {})[incident_id] = self._clock
        self.applied[unit.article_id] = (incident_id, folded.state.version)
        self.documents += 1
        self.document_frequency.update(features.tokens)
        return folded.state
