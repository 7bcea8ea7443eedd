"""`ClaimExtracted`: one attributed claim found in an article."""

import hashlib
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from ._base import Contract, Span


def make_claim_id(article_id: str, span: Span) -> str:
    """Deterministic claim id from the article id and the content span, so a replay yields the same id."""
    basis = f"{article_id}\x1f{span.start}\x1f{span.end}"
    return "clm_" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


class ClaimantKind(StrEnum):
    """What kind of entity makes a claim."""

    person = "person"
    organization = "organization"
    government = "government"
    military = "military"
    armed_group = "armed_group"
    media = "media"
    unknown = "unknown"


class EventType(StrEnum):
    """What a claim is about.

    attack: strikes, shelling, raids, incursions, bombings. territorial_control: capture, seizure or loss of
    ground. casualties: people killed, wounded or missing. interception: drones or missiles shot down.
    damage: damage to buildings, infrastructure, outages, fires. accident: crashes and accidents not caused
    by an attack. statement: a quoted or paraphrased position, accusation or denial. disruption: closures,
    evacuations, school or transport disruption. other: anything else.
    """

    attack = "attack"
    territorial_control = "territorial_control"
    casualties = "casualties"
    interception = "interception"
    damage = "damage"
    accident = "accident"
    statement = "statement"
    disruption = "disruption"
    other = "other"


class VerificationStatus(StrEnum):
    """How far a claim has been checked, as the text says."""

    unverified = "unverified"
    disputed = "disputed"
    confirmed = "confirmed"
    unknown = "unknown"


class Claimant(Contract):
    """Who makes the claim."""

    name: str = Field(examples=["Russian defense ministry"])
    """Resolved name of the entity (coreference applied: "It" becomes the ministry it refers to)."""
    mention: str | None = Field(default=None, examples=["It"])
    """The claimant exactly as written at the cue; null for the outlet's own reporting."""
    span: Span | None = None
    """Offsets of `mention` in the article text."""
    kind: ClaimantKind = ClaimantKind.unknown
    """Kind of entity."""


class Cue(Contract):
    """The reporting expression that attributes the claim."""

    text: str = Field(examples=["claimed", "according to"])
    """The cue exactly as written."""
    span: Span
    """Offsets of the cue in the article text."""


class Location(Contract):
    """A place the claim names."""

    name: str = Field(examples=["Odnorobovka"])
    """Normalised place name."""
    mention: str = Field(examples=["Odnorobovka"])
    """The place exactly as written."""
    span: Span
    """Offsets of `mention` in the article text."""
    country: str | None = Field(default=None, examples=["Ukraine"])
    """Country the place lies in, when known from the text or a gazetteer."""
    admin1: str | None = Field(default=None, examples=["Kharkiv region"])
    """First-level region (oblast, state, province), when known."""


class FigureKind(StrEnum):
    """What a figure counts.

    killed, injured, missing, rescued, evacuated, displaced, arrested: people with that outcome ("the death
    toll has risen to 12" is killed; wounded and hurt are injured; fled and homeless are displaced; detained and
    in custody are arrested). affected: people on board, affected or involved, with no outcome of their own
    ("eight crew and seven passengers", "affecting 4,500 students"). damage: things destroyed or damaged
    (tanks, homes, drones shot down). amount: money and any other counted amount.
    """

    killed = "killed"
    injured = "injured"
    missing = "missing"
    rescued = "rescued"
    evacuated = "evacuated"
    displaced = "displaced"
    arrested = "arrested"
    affected = "affected"
    damage = "damage"
    amount = "amount"


class Bound(StrEnum):
    """How the text bounds a figure's value.

    exact: "12". at_least: "at least 12", "no fewer than 12". more_than: "more than 12", "over 12", "upwards
    of 12". up_to: "up to 12", "as many as 12". less_than: "fewer than 12", "under 12". about: "about 12",
    "nearly 12", "an estimated 12", "dozens". range: "between 12 and 20", "12 to 20", "12-20" (value is the
    low end, `high` the high end).
    """

    exact = "exact"
    at_least = "at_least"
    more_than = "more_than"
    up_to = "up_to"
    less_than = "less_than"
    about = "about"
    range = "range"


class Quantity(Contract):
    """A counted figure in the claim."""

    value: int | float = Field(examples=[60])
    """The number (number words resolved: "five" is 5); the low end of a range."""
    unit: str = Field(examples=["killed", "tanks", "students"])
    """What is counted, normalised to a plural noun or outcome: the figure's scope within its kind."""
    text: str = Field(examples=["60 Ukrainian soldiers"])
    """The quantity expression exactly as written."""
    span: Span
    """Offsets of `text` in the article text."""
    approximate: bool = False
    """True whenever `bound` is not exact ("over", "about", "at least", "dozens of", "up to", ranges)."""
    kind: FigureKind = FigureKind.amount
    """What the figure counts: people killed, injured, ..., things damaged, or another amount."""
    bound: Bound = Bound.exact
    """How the text bounds the value ("at least", "up to", "about", a range)."""
    high: int | float | None = Field(default=None, examples=[30])
    """The high end of a range ("between 20 and 30": value 20, high 30); null for any other bound."""


class TimeRef(Contract):
    """When the claimed event happened."""

    text: str = Field(examples=["early Tuesday"])
    """The time expression exactly as written."""
    span: Span | None = None
    """Offsets of `text` in the article text."""
    start: date | None = None
    """First day of the resolved range, when it could be resolved against published_at."""
    end: date | None = None
    """Last day of the resolved range (equal to start for a single day)."""


class Verification(Contract):
    """What the text says about whether the claim has been checked."""

    status: VerificationStatus = VerificationStatus.unknown
    """Verification status."""
    evidence: str | None = Field(default=None, examples=["has yet to independently confirm"])
    """The words that say so, exactly as written."""
    span: Span | None = None
    """Offsets of `evidence` in the article text."""


class ClaimExtracted(Contract):
    """One attributed claim extracted from an article, with exact offsets into the article text."""

    schema_version: Literal[1] = 1
    """Version of this contract; bumped on any change that is not purely additive."""
    claim_id: str = Field(examples=["clm_0a1b2c3d4e5f60718293"])
    """Deterministic id from article_id and span: a replay yields the same id."""
    article_id: str
    """The article the claim comes from."""
    source: str | None = None
    """The outlet that published the article."""
    published_at: datetime | None = None
    """When the article was published."""
    span: Span
    """Offsets of the claim content in the article text."""
    text: str
    """The claim content exactly as written, `article.text[span.start:span.end]`."""
    sentence: Span | None = None
    """Offsets of the whole sentence (or sentences) the claim comes from."""
    claimant: Claimant
    """Who makes the claim; the outlet itself for unattributed reporting."""
    cue: Cue | None = None
    """The reporting expression; null for the outlet's own unattributed reporting."""
    event_type: EventType = EventType.other
    """What the claim is about."""
    locations: list[Location] = Field(default_factory=list)
    """Places the claim names, in text order."""
    quantities: list[Quantity] = Field(default_factory=list)
    """Counted figures in the claim, in text order."""
    time: TimeRef | None = None
    """When the claimed event happened, when the text says."""
    verification: Verification = Field(default_factory=Verification)
    """Verification status from the surrounding text."""
    hedged: bool = False
    """True when the text hedges the claim ("allegedly", "claimed", "reportedly")."""
