"""Scoring a claim against an incident the way a careful wire editor would, with a per-signal breakdown."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from claimwire_contracts import EventType, MergeReason

from ._features import ClaimFeatures
from ._summary import YEAR, IncidentSummary, Member

#: Days two reports may lie apart and still be the same incident.
DAY_TOLERANCE = 1
#: Minimum overall score for a merge.
THRESHOLD = 0.35
#: A claim of at least LONG_TOKENS content words (a report or a long sentence, not a short statement) needs
#: LONG_THRESHOLD: two long reports of one incident share a smaller part of their words than two sentences
#: do. Calibrated on the ECB+ train topics.
LONG_TOKENS, LONG_THRESHOLD = 20, 0.22
#: How much place, time and type agreement add to (or take from) the content similarity.
PLACE_WEIGHT, TIME_WEIGHT, TYPE_WEIGHT = 0.3, 0.2, 0.1
#: Content similarity a long report (LONG_TOKENS words or more) needs whatever else agrees: a day, a type
#: and a region are shared by many unrelated stories, and each wrong merge drags the next one in. (A short
#: text has too few words for a floor: agreement of place and time carries it.)
MIN_CONTENT = 0.12

_E = EventType
# Pairs of event types that can describe one happening (a strike, its dead, its damage, what was downed).
_COMPATIBLE = {
    frozenset(pair)
    for pair in [
        (_E.attack, _E.casualties), (_E.attack, _E.damage), (_E.attack, _E.interception),
        (_E.casualties, _E.damage), (_E.interception, _E.damage), (_E.interception, _E.casualties),
        (_E.accident, _E.casualties), (_E.accident, _E.damage), (_E.disruption, _E.damage),
        (_E.disruption, _E.attack), (_E.disruption, _E.accident), (_E.territorial_control, _E.attack),
        (_E.territorial_control, _E.casualties),
    ]
}
# Types that rule each other out: an accident is not an attack.
_CONFLICTING = {
    frozenset(pair)
    for pair in [(_E.accident, _E.attack), (_E.accident, _E.interception), (_E.accident, _E.territorial_control)]
}
# Types that say little about the happening itself: compatible with anything, but weakly.
_WILDCARD = {_E.statement.value, _E.other.value}


@dataclass(frozen=True)
class Match:
    """The outcome of comparing a claim with one incident."""

    incident_id: str
    score: float
    signals: dict[str, float]
    matched_claim_id: str | None

    def reason(self, claim_id: str, article_id: str | None = None) -> MergeReason:
        """The merge reason to record when the article (its report `claim_id`) joins this incident."""
        return MergeReason(claim_id=claim_id, article_id=article_id, score=round(self.score, 4),
                           signals=self.signals, matched_claim_id=self.matched_claim_id)


#: The place signal when both name places and none fits, and the kind signal when both leads name kinds of
#: happening and share none (0 rules the incident out).
PLACE_MISMATCH, KIND_MISMATCH = 0.3, 0.0
#: The type signal of two types that are neither the same nor compatible. An article's type comes from
#: keywords of its lead (a flood's lead reads as casualties, its follow-up as disruption), too coarse to
#: rule out; types that rule each other out (an accident is not an attack) still do.
TYPE_MISMATCH = 0.25
#: The time signal of a claim dated only by its publication day that overlaps the incident's days.
UNDATED_SAME_DAY = 0.6


def type_signal(claim_type: EventType, types: set[str]) -> float:
    """0 when a type of the incident rules the claim's out, else 1 same type, 0.7 compatible, 0.5 either
    side says little, 0 incompatible."""
    if any(frozenset((claim_type, EventType(t))) in _CONFLICTING for t in types):
        return 0.0
    if claim_type.value in types:
        return 1.0
    if claim_type.value in _WILDCARD or not types or types <= _WILDCARD:
        return 0.5
    if any(frozenset((claim_type, EventType(t))) in _COMPATIBLE for t in types):
        return 0.7
    return 0.5 if types & _WILDCARD else TYPE_MISMATCH


def place_signal(claim: ClaimFeatures, summary: IncidentSummary) -> float:
    """1 same place, 0.8 a place inside a named region, 0.5 unknown, 0 elsewhere (two villages of one
    region are two places)."""
    if not claim.places or not summary.places:
        return 0.5
    if claim.places & summary.places:
        return 1.0
    if claim.places & summary.regions or summary.places & claim.regions:
        return 0.8
    return PLACE_MISMATCH


def time_signal(days: tuple[date, date] | None, other: tuple[date, date] | None) -> float:
    """1 overlapping days, 0.6 within the tolerance, 0.5 unknown, 0 further apart."""
    if days is None or other is None:
        return 0.5
    gap = max((other[0] - days[1]).days, (days[0] - other[1]).days, 0)
    if gap == 0:
        return 1.0
    return 0.6 if gap <= DAY_TOLERANCE else 0.0


#: Weight of a token by kind: names tell incidents apart best, figures next.
NAME_WEIGHT, FIGURE_WEIGHT = 3.0, 1.5


def token_weight(token: str, entities: frozenset[str], rarity: Mapping[str, float]) -> float:
    """Kind weight (name, figure, word) times the token's rarity (IDF; 1 when unknown)."""
    kind = FIGURE_WEIGHT if token.startswith("#") else NAME_WEIGHT if token in entities else 1.0
    return kind * rarity.get(token, 1.0)


def claim_weights(claim: ClaimFeatures, ignore: set[str], every: dict[str, float] | None = None) -> dict[str, float]:
    """The weight of each of the claim's tokens but `ignore`d ones, names being the claim's own; `every`, the
    weights of all its tokens when known, spares computing them again."""
    if every is None:
        return {t: token_weight(t, claim.entities, claim.rarity) for t in claim.tokens - ignore}
    if ignore.isdisjoint(every):
        return every
    return {t: w for t, w in every.items() if t not in ignore}


def content_similarity(
    claim: ClaimFeatures, member: Member, ignore: set[str], weights: dict[str, float] | None = None
) -> float:
    """Weighted Dice overlap of content tokens: each token weighs by kind (names 3, figures 1.5, words 1)
    times its rarity (IDF) as the claim sees it; place names do not count. A word is a name when either
    side writes it as one.

    Only the claim's words have known rarities; the member's words it does not share are taken to weigh,
    on average, what the claim's own unshared words weigh. `weights` (`claim_weights`, the same `ignore`)
    may be given when one claim is compared with many members.
    """
    if weights is None:
        weights = claim_weights(claim, ignore)
    return _similarity(claim, member, ignore, _Weighted.of(weights))


@dataclass(frozen=True)
class _Weighted:
    """A claim's token weights with what every comparison needs of them, worked out once per candidate."""

    weights: dict[str, float]
    keys: frozenset[str]
    total: float

    @classmethod
    def of(cls, weights: dict[str, float]) -> "_Weighted":
        return cls(weights, frozenset(weights), sum(weights.values()))


def _similarity(claim: ClaimFeatures, member: Member, ignore: set[str], mine: _Weighted) -> float:
    # `content_similarity` without building the member's set minus `ignore`: the claim's weighted words
    # exclude `ignore` already, so the common words are one intersection of two frozensets (C iterates the
    # smaller), and the member's own count drops the ignored words it holds. This runs for every member of
    # every candidate of every article: about half of a dedup decision's CPU time.
    weights, tokens = mine.weights, member.tokens
    common = mine.keys & tokens
    shared = sum(map(weights.__getitem__, common))
    only_mine = mine.total - shared
    # Words the member writes as names and the claim does not: they weigh as names.
    for token in (member.entities & mine.keys) - claim.entities:
        if not token.startswith("#"):
            extra = (NAME_WEIGHT - 1.0) * claim.rarity.get(token, 1.0)
            if token in common:
                shared += extra
            else:
                only_mine += extra
    unshared = len(weights) - len(common)
    only_theirs = len(tokens) - len(common) - (len(tokens & ignore) if ignore else 0)
    mean = only_mine / unshared if unshared else 1.0
    total = 2 * shared + only_mine + mean * only_theirs
    return 2 * shared / total if total else 0.0


#: What it takes when the claim and the incident both mention years and share none. Sharing one adds
#: nothing: on ECB+ train a bonus merged a topic's two incidents more often than it joined split reports
#: (penalty calibrated there: 0.1-0.2 all do better than none, 0.15 chosen).
YEAR_PENALTY = 0.15


def years_of(tokens: frozenset[str], figures: Iterable[float] = ()) -> set[str]:
    """The years a report mentions: number tokens that read as a year and are not one of its counts
    ("2,000 homes" is a figure, not a year)."""
    counts = {f"#{value:g}" for value in figures}
    return {t for t in tokens if len(t) == 5 and YEAR.fullmatch(t) and t not in counts}


def claim_years(claim: ClaimFeatures) -> set[str]:
    """The years the claim mentions (`years_of` its tokens, its counts aside)."""
    return years_of(claim.tokens, (value for _, value in claim.figures))


def year_signal(claim: ClaimFeatures, summary: IncidentSummary, mine: set[str] | None = None) -> float | None:
    """1 when the claim and the incident mention a year in common, 0 when both mention years and none is
    shared, None when either mentions none. Reports of one incident cite its year; a similar incident of
    another year (last winter's flood, the 2009 earthquake) cites another. `mine`: `claim_years(claim)`, when
    known (the same for every candidate)."""
    if mine is None:
        mine = claim_years(claim)
    if not mine:
        return None
    counted = {f"#{value:g}" for values in summary.figures.values() for value in values}
    # Each member's years are found once (`Member.years`), not per article scored against it.
    theirs = set().union(*(m.years for m in summary.members)) - counted
    if not theirs:
        return None
    return 1.0 if mine & theirs else 0.0


def figure_signal(claim: ClaimFeatures, summary: IncidentSummary) -> float | None:
    """1 when a figure of the same kind has the same value, 0.3 when it differs, None when no kind is shared."""
    shared = [(unit, value) for unit, value in claim.figures if unit in summary.figures]
    if not shared:
        return None
    return 1.0 if any(value in summary.figures[unit] for unit, value in shared) else 0.3


def kind_signal(kinds: frozenset[str], others: set[str]) -> float:
    """1 when the leads name a kind of happening in common, 0 when both name kinds and share none, else 0.5."""
    if not kinds or not others:
        return 0.5
    return 1.0 if kinds & others else KIND_MISMATCH


def score(
    claim: ClaimFeatures,
    summary: IncidentSummary,
    every: dict[str, float] | None = None,
    years: set[str] | None = None,
) -> Match | None:
    """Score an article against the incident, or None when a hard signal (type, kind, place, time) rules it
    out. `every` (`claim_weights` of all its tokens) and `years` (`claim_years`) spare working them out again
    per candidate."""
    signals = {
        "type": type_signal(claim.event_type, summary.types),
        "kind": kind_signal(claim.kinds, summary.kinds),
        "place": place_signal(claim, summary),
        "time": time_signal(claim.days, summary.days),
    }
    if signals["time"] == 1.0 and not claim.dated:
        # Published the same day as another outlet's report says little on its own: a day's news is full of
        # different happenings.
        signals["time"] = UNDATED_SAME_DAY
    if min(signals.values()) == 0.0:
        return None
    ignore = {p.removeprefix("r:") for p in claim.places | claim.regions | summary.places | summary.regions}
    best, best_id = 0.0, None
    mine = _Weighted.of(claim_weights(claim, ignore, every))
    for member in summary.members:
        similarity = _similarity(claim, member, ignore, mine)
        if similarity > best or best_id is None:
            best, best_id = similarity, member.claim_id
    signals["content"] = round(best, 4)
    if best < MIN_CONTENT and len(claim.tokens) >= LONG_TOKENS:
        return None
    total = (best + PLACE_WEIGHT * (signals["place"] - 0.5) + TIME_WEIGHT * (signals["time"] - 0.5)
             + TYPE_WEIGHT * (signals["type"] - 0.5))
    figures = figure_signal(claim, summary)
    if figures is not None:
        signals["figures"] = figures
        total += 0.1 * (figures - 0.5)
    shared_year = year_signal(claim, summary, years)
    if shared_year is not None:
        signals["years"] = shared_year
        total -= 0.0 if shared_year else YEAR_PENALTY
    return Match(summary.incident_id, round(total, 4), signals, best_id)


def best_match(claim: ClaimFeatures, candidates: list[IncidentSummary]) -> Match | None:
    """The highest-scoring candidate at or above the threshold; ties go to the smaller incident id."""
    threshold = LONG_THRESHOLD if len(claim.tokens) >= LONG_TOKENS else THRESHOLD
    every, years = claim_weights(claim, set()), claim_years(claim)
    matches = [m for s in candidates if (m := score(claim, s, every, years)) is not None and m.score >= threshold]
    return min(matches, key=lambda m: (-m.score, m.incident_id), default=None)
