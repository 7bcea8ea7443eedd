"""The one decision path every driver (Redis service, offline clusterer) runs for an article.

An article is decided once, as a whole (its report: `unit_features`), and all of its claims follow it.

1. `lookup_buckets`: which index buckets to read candidates from (never all incidents).
2. `choose`: the best candidate by the wire-editor rules, or none (the article opens a new incident).
3. `fold`: the incident record and its matching summary after the article joins.
4. `index_buckets`: the buckets the incident is filed under afterwards.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from claimwire_contracts import IncidentUpdated, MergeReason

from ._articles import ArticleUnit
from ._features import ClaimFeatures, bucket_names
from ._match import DAY_TOLERANCE, Match, best_match
from ._merge import incident_id_for, merge
from ._summary import IncidentSummary

#: Candidates scored per claim at most, whatever the ledger size (keeps the per-claim cost flat).
MAX_CANDIDATES = 40
#: Newest incidents read from each bucket (the default of the `dedup_candidates_per_bucket` setting).
CANDIDATES_PER_BUCKET = 20
_BUCKET_ORDER = "pveh"
#: At most this many days of buckets are read or written for one claim.
MAX_DAYS = 2 * DAY_TOLERANCE + 3


def _days(features: ClaimFeatures, margin: int) -> list[date]:
    if features.days is None:
        return []
    first = features.days[0] - timedelta(days=margin)
    count = min((features.days[1] - features.days[0]).days + 1 + 2 * margin, MAX_DAYS)
    return [first + timedelta(days=i) for i in range(count)]


def lookup_buckets(features: ClaimFeatures) -> list[str]:
    """Buckets that hold every incident the article could match, never all incidents.

    A dated article reads the days within tolerance plus the undated incidents; an undated one reads the
    any-day buckets of its places and names.
    """
    days: list[date | str] = [*_days(features, DAY_TOLERANCE), "u"] if features.days else ["u", "a"]
    names = [name for day in days for name in bucket_names(features, day, lookup=True)]
    # Most telling buckets first (places, then names, then bands): the candidate cap cuts the vaguest.
    return sorted(names, key=lambda name: _BUCKET_ORDER.index(name[0]))


def index_buckets(features: ClaimFeatures) -> list[str]:
    """Buckets the article's incident is filed under once the article has joined it."""
    days: list[date | str] = [*_days(features, 0)] if features.days else ["u"]
    names = [name for day in [*days, "a"] for name in bucket_names(features, day, lookup=False)]
    return names


def choose(features: ClaimFeatures, candidates: list[IncidentSummary]) -> Match | None:
    """The incident the claim joins, or None when it opens a new one."""
    return best_match(features, candidates)


@dataclass(frozen=True)
class Folded:
    """An incident after a claim joined it."""

    state: IncidentUpdated
    summary: IncidentSummary


def fold(
    unit: ArticleUnit,
    features: ClaimFeatures,
    match: Match | None,
    state: IncidentUpdated | None,
    summary: IncidentSummary | None,
    seen_at: datetime,
) -> Folded:
    """The record and summary after the article joins the matched incident (or opens one when `match` is None)."""
    report = unit.report.claim_id
    if match is None:
        reason = MergeReason(claim_id=report, article_id=unit.article_id, score=1.0, signals={"opened": 1.0})
        state, summary = None, IncidentSummary(incident_id=incident_id_for(features))
    else:
        reason = match.reason(report, unit.article_id)
        assert summary is not None
    new_state = merge(state, unit, features, reason, seen_at)
    new_summary = summary.copy()
    new_summary.add(features)
    return Folded(new_state, new_summary)
