"""What the matcher knows about one claim: blocking keys, content signature, places, days, figures."""

import dataclasses
import functools
import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from claimwire_contracts import ClaimantKind, ClaimExtracted, EventType, VerificationStatus

from ._figures import scope_of
from ._text import content_tokens, event_kinds, fold, location_key, place_key, region_key

#: MinHash LSH: BANDS bands of ROWS rows. Two rows keep buckets specific even in a partition holding
#: thousands of incidents (one row would file most reports under their commonest words); places and
#: names give located reports their candidates anyway.
BANDS, ROWS = 4, 2
NUM_PERM = BANDS * ROWS
#: Leading named-entity tokens a claim naming no place is indexed under (8 rather than 4: a whole report's
#: first names are often its background, e.g. earlier cases, before the names of this incident).
MAX_ENTITY_BUCKETS = 8

# Wire and news agencies whose stories other outlets copy: a copy counts once towards corroboration.
AGENCIES = (
    "ria novosti", "tass", "interfax", "reuters", "associated press", "afp", "agence france-presse",
    "ukrinform", "unian", "anadolu", "xinhua", "dpa", "efe", "ansa", "pap", "bloomberg",
)
_VIA_AGENCY = re.compile(
    r"\b(?:as reported by|reported by|citing|cited by|via|according to|told)\s+(?:the\s+)?(" +
    "|".join(re.escape(a) for a in AGENCIES) + r")\b",
    re.IGNORECASE,
)
# "as reported by X" credits another outlet's story whatever X is called (an agency of any name, a paper).
_NOT_A_NAME = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|On|In|At|Earlier|Later|Last|This)\b)"
)
_AS_REPORTED_BY = re.compile(
    r"\b(?i:as|first|originally) reported by[ \t]+(?:[Tt]he[ \t]+)?("
    + _NOT_A_NAME + r"[A-Z][\w&'-]*(?:[ \t]+" + _NOT_A_NAME + r"[A-Z][\w&'-]*)*)"
)
_DENIAL = re.compile(r"\b(?:deni(?:ed|es|al)|deny|dismiss(?:ed|es)|reject(?:ed|s)|refut(?:ed|es)|false)\b",
                     re.IGNORECASE)


#: The partition of claims naming no place (unless their article's located claims lead them elsewhere).
UNPLACED = "-"


@dataclass(frozen=True)
class ClaimFeatures:
    """The matching view of a claim; plain data, computed without I/O."""

    claim_id: str
    article_id: str
    outlet: str | None
    claimant: str
    origin: str
    """Whose reporting this is for corroboration: the agency when the text shows a copy, else the outlet."""
    event_type: EventType
    places: frozenset[str]
    regions: frozenset[str]
    anchor: str
    """Partition of the ledger the claim is matched in (its region, else its place, else its country)."""
    days: tuple[date, date] | None
    tokens: frozenset[str]
    entities: frozenset[str]
    lead_entities: tuple[str, ...]
    """The first few names of the claim, in order of mention: its index keys besides places and bands."""
    figures: tuple[tuple[str, float], ...]
    signature: tuple[int, ...]
    verification: VerificationStatus
    rarity: Mapping[str, float] = field(default_factory=dict, compare=False)
    """Inverse document frequency of each token when the claim arrived (`with_rarity`); empty: all 1."""
    dated: bool = True
    """False when `days` come only from the publication day (the text names no time)."""
    kinds: frozenset[str] = frozenset()
    """Kinds of happening the lead names (`event_kinds`: fire, flood, protest...); empty when it names none."""

    @property
    def bucket_day(self) -> date | None:
        """The day the claim is indexed and looked up under."""
        return self.days[0] if self.days else None


def minhash(tokens: frozenset[str]) -> tuple[int, ...]:
    """MinHash signature of a token set (empty set: all zeros).

    One keyed BLAKE2b digest per token gives NUM_PERM independent 32-bit hashes at once; the signature is
    their per-position minimum.
    """
    if not tokens:
        return (0,) * NUM_PERM
    return tuple(map(min, zip(*map(_token_hashes, tokens), strict=True)))


@functools.lru_cache(maxsize=1 << 16)
def _token_hashes(token: str) -> tuple[int, ...]:
    # Cached: the same words recur in article after article, and hashing them was a tenth of an article's cost.
    digest = hashlib.blake2b(token.encode(), digest_size=4 * NUM_PERM, key=b"claimwire").digest()
    return tuple(int.from_bytes(digest[4 * i : 4 * i + 4]) for i in range(NUM_PERM))


def _days(claim: ClaimExtracted) -> tuple[date, date] | None:
    if claim.time is not None and claim.time.start is not None:
        return claim.time.start, claim.time.end or claim.time.start
    if claim.published_at is not None:
        # Unresolved time: a report is about its publication day or the day before.
        day = claim.published_at.date()
        return day - timedelta(days=1), day
    return None


#: A claim's resolved time names the article's event when it spans at most this many days and lies
#: within EVENT_LOOKBACK days before publication (not "in 2009", not a date next month).
EVENT_SPAN_DAYS, EVENT_LOOKBACK_DAYS = 3, 14


def event_days(claims: Sequence[ClaimExtracted], published: date | None) -> tuple[date, date] | None:
    """The days an article's story happened on: the first claim's resolved time that reads as this story's
    (a few days at most, shortly before publication), else None (the publication day is all there is)."""
    for claim in claims:
        time = claim.time
        if time is None or time.start is None:
            continue
        end = time.end or time.start
        if (end - time.start).days > EVENT_SPAN_DAYS:
            continue
        if published is None or not 0 <= (published - end).days <= EVENT_LOOKBACK_DAYS:
            # Without a publication day nothing tells this story's date from a background one ("in June 1973").
            continue
        return time.start, end
    return None


# A wire dateline credits the agency whose story this is: "PORT HALVARD, March 10 (Meridian Press Agency) —".
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]*(?:,[^()\n]{0,30})?\((?P<name>[A-Z][\w&.' -]{1,60})\)\s*[-—–:]")
# "..., Meridian Press Agency reported." / "according to Meridian Press Agency": an agency credited by a
# name that says it is one (or a known agency).
_AGENCY_WORDS = r"(?:Agency|Press|News|Wire|Newswire|Service|Telegraph|Reuters|AFP|AP)"
_CREDITED = re.compile(
    r"(?:(?P<before>(?:[A-Z][\w&'-]*[ \t]+){0,4}" + _AGENCY_WORDS + r")[ \t]+(?:reported|reports|said)\b|"
    r"\b(?:according to|citing)[ \t]+(?:the[ \t]+)?(?P<after>(?:[A-Z][\w&'-]*[ \t]+){0,4}" + _AGENCY_WORDS + r"))\b"
)


def report_origin(text: str, outlet: str | None) -> str | None:
    """The agency whose story an article republishes, folded, when its dateline or its lead credits one; None
    for an article of the outlet's own (an agency's own dateline names itself)."""
    found = _DATELINE.match(text)
    name = found.group("name") if found else None
    if name is None:
        credited = _CREDITED.search(text[: lead_length(text)])
        name = (credited.group("before") or credited.group("after")) if credited else None
    if name is None or (outlet is not None and fold(name) == fold(outlet)):
        return None
    return fold(name)


def _origin(claim: ClaimExtracted) -> str:
    via = _VIA_AGENCY.search(claim.text)
    # "reported by" is the part of the pattern written case-sensitively: a text without it never matches, and
    # the test is a substring scan instead of the pattern tried at every position of a 4,000-character report.
    if via is None and "reported by" in claim.text:
        via = _AS_REPORTED_BY.search(claim.text)
    if via:
        return fold(via.group(1))
    if claim.claimant.kind is ClaimantKind.media and claim.cue is not None:
        return fold(claim.claimant.name)
    return fold(claim.source or claim.claimant.name)


def claim_status(claim: ClaimExtracted) -> VerificationStatus:
    """A claim's verification status, a denial cue ("denied", "dismissed") counting as disputed."""
    cue = claim.cue.text if claim.cue is not None else ""
    if claim.verification.status is VerificationStatus.unknown and _DENIAL.search(cue):
        return VerificationStatus.disputed
    return claim.verification.status


def _anchor(claim: ClaimExtracted) -> str:
    for loc in claim.locations:
        if loc.admin1:
            return place_key(loc.admin1)
    # A region named without admin1 anchors like the places inside it do ("Kursk region" -> "kursk").
    return place_key(claim.locations[0].name) if claim.locations else UNPLACED


def claim_features(claim: ClaimExtracted) -> ClaimFeatures:
    """Everything matching needs to know about `claim`."""
    tokens, entities = content_tokens(claim.text)
    places = frozenset(location_key(loc.name, loc.admin1) for loc in claim.locations)
    regions = frozenset(region_key(loc.admin1) for loc in claim.locations if loc.admin1)
    figures = tuple((":".join(scope_of(q)), float(q.value)) for q in claim.quantities)
    for q in claim.quantities:
        tokens.add(f"#{q.value:g}")
    return ClaimFeatures(
        claim_id=claim.claim_id,
        article_id=claim.article_id,
        outlet=claim.source,
        claimant=claim.claimant.name,
        origin=_origin(claim),
        event_type=claim.event_type,
        places=places,
        regions=regions,
        anchor=_anchor(claim),
        days=_days(claim),
        dated=claim.time is not None and claim.time.start is not None,
        tokens=frozenset(tokens),
        entities=frozenset(entities) | {p.removeprefix("r:") for p in places},
        lead_entities=tuple(e for e in entities if e not in places)[:MAX_ENTITY_BUCKETS],
        figures=figures,
        signature=minhash(frozenset(tokens)),
        verification=claim_status(claim),
    )


def unit_features(report: ClaimExtracted, claims: Sequence[ClaimExtracted]) -> ClaimFeatures:
    """The matching view of an article: its report's words and names, dated by the day its claims say the
    story happened on (`event_days`), else by its publication day."""
    features = claim_features(report)
    published = report.published_at.date() if report.published_at else None
    event = event_days(claims, published)
    if event is not None:
        features = dataclasses.replace(features, days=event, dated=True)
    lead_end = lead_length(report.text)
    # Only places the gazetteer put in a region: "America", "Asia", a treatment centre or a fire department
    # are named at another grain than a town, and differing from one says nothing.
    lead = [loc for c in claims if c.span.start - report.span.start < lead_end for loc in c.locations if loc.admin1]
    return dataclasses.replace(
        features,
        origin=report_origin(report.text, report.source) or features.origin,
        kinds=event_kinds(report.text[:lead_end]),
        places=frozenset(location_key(loc.name, loc.admin1) for loc in lead),
        regions=frozenset(region_key(loc.admin1) for loc in lead if loc.admin1),
    )


#: Lines of an article that make its lead: the headline and the first paragraph.
LEAD_LINES = 2


def lead_length(text: str) -> int:
    """Characters of `text` its lead spans: the first LEAD_LINES non-blank lines."""
    end, seen = 0, 0
    for line in text.splitlines(keepends=True):
        end += len(line)
        seen += bool(line.strip())
        if seen >= LEAD_LINES:
            break
    return end


def hash_band(values: tuple[int, ...]) -> str:
    """Short stable name of one LSH band."""
    return hashlib.blake2b(repr(values).encode(), digest_size=6).hexdigest()


#: The document-frequency prior: every word counts as absent from this many earlier claims, so the first
#: claims of an empty ledger weigh their words alike instead of by a handful of counts.
IDF_PRIOR_DOCS = 50


def idf(df: int, docs: int) -> float:
    """Smoothed inverse document frequency of a word seen in `df` of `docs` earlier claims (never below 0)."""
    return max(math.log((docs + IDF_PRIOR_DOCS) / (df + 1)), 0.0)


def with_rarity(features: ClaimFeatures, docs: int, df: Mapping[str, int]) -> ClaimFeatures:
    """The features with each token's IDF, from the ledger's document frequencies (`df`, `docs` claims)."""
    rarity = {t: idf(df.get(t, 0), docs) for t in features.tokens}
    return dataclasses.replace(features, rarity=rarity)


def partition_tag(anchor: str) -> str:
    """Short stable tag of a partition, used as the Redis hash tag so its keys share one slot."""
    return hashlib.blake2b(anchor.encode(), digest_size=5).hexdigest()


def bucket_names(features: ClaimFeatures, day: date | str, *, lookup: bool) -> list[str]:
    """Index buckets of an article for one day (or "u" undated, "a" any day): its lead's places, its leading
    names and MinHash LSH bands.

    `p:` buckets hold the incidents reported at a place (a village, a city, or a region named as such); `v:`
    buckets hold the incidents at places inside a region. An article naming a village reads its village's
    bucket and its region's `p:` bucket (reports about the region as a whole); only one naming a whole region
    reads the region's `v:` bucket, so the usual lookup never reads a bucket that grows with the region's
    traffic. Names (`e:`) and bands (`h:`) find the reports that name no place or other places. The any-day
    buckets leave out the bands: they only serve undated articles.
    """
    stamp = day if isinstance(day, str) else day.isoformat()
    whole_regions = sorted(p for p in features.places if p.startswith("r:"))
    names = [f"p:{stamp}:{partition_tag(place)}" for place in sorted(features.places)]
    if lookup:
        names += [f"p:{stamp}:{partition_tag(r)}" for r in sorted(features.regions - features.places)]
        names += [f"v:{stamp}:{partition_tag(r)}" for r in whole_regions]
    else:
        names += [f"v:{stamp}:{partition_tag(r)}" for r in sorted(features.regions)]
    names += [f"e:{stamp}:{partition_tag(entity)}" for entity in features.lead_entities]
    if stamp != "a":
        sig = features.signature
        names += [f"h:{stamp}:{b}:{hash_band(sig[b * ROWS:(b + 1) * ROWS])}" for b in range(BANDS) if any(sig)]
    return names
