"""`IncidentUpdated`: the current state of one deduplicated incident, published on every change."""

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from ._base import Contract, Span
from ._claim import Bound, EventType, FigureKind, VerificationStatus


class IncidentLocation(Contract):
    """A place of the incident."""

    name: str = Field(examples=["Tyotkino"])
    """Normalised place name."""
    country: str | None = None
    """Country, when known."""
    admin1: str | None = None
    """First-level region, when known."""


class TimeRange(Contract):
    """Days the incident's reports place it in."""

    start: date | None = None
    """Earliest reported day."""
    end: date | None = None
    """Latest reported day."""


class SourceRef(Contract):
    """One outlet/claimant pair that reported the incident."""

    outlet: str | None = Field(default=None, examples=["Kyiv Ledger"])
    """The outlet that published the report."""
    claimant: str = Field(examples=["Russian defense ministry"])
    """Who the outlet attributes the report to (the outlet itself for its own reporting)."""
    claim_ids: list[str] = Field(default_factory=list)
    """Claims of this outlet/claimant pair in the incident."""
    origin: str | None = Field(default=None, examples=["ria novosti"])
    """Whose reporting this is for corroboration, folded: the agency when the text shows the outlet copies an
    agency story ("as reported by RIA Novosti"), else the outlet. Reports with one origin count once."""


class FigureReport(Contract):
    """One reported value of a figure."""

    value: int | float
    """The reported number; the low end of a range."""
    approximate: bool = False
    """Whether the report hedges the number ("over", "about"): true whenever `bound` is not exact."""
    claimant: str
    """Who reported it."""
    outlet: str | None = None
    """The outlet that carried the report."""
    claim_id: str
    """The claim the value comes from."""
    bound: Bound = Bound.exact
    """How the report bounds the value ("at least", "up to", "about", a range)."""
    high: int | float | None = None
    """The high end of a range; null for any other bound."""
    published_at: datetime | None = None
    """When the article carrying the report was published; orders the reports of one source."""
    span: Span | None = None
    """Offsets of the quantity in its article's text; after `published_at`, orders the reports of one source."""
    superseded: bool = False
    """True when a later report of the same source (claimant) replaced this one; it stays listed."""


class Figure(Contract):
    """Every value reported for one figure (a kind and a scope), so updates and conflicts stay visible."""

    unit: str = Field(examples=["killed", "tanks", "homes"])
    """The scope: what is counted within the kind (the quantities' unit)."""
    reports: list[FigureReport] = Field(default_factory=list)
    """Every report of this figure, earliest first (published_at, then position in the article)."""
    conflicting: bool = False
    """True when two current (not superseded) reports from different sources give values that no bound
    reconciles: their intervals do not meet (exact v is [v, v]; at least / more than v is [v, inf); up to /
    less than v is [0, v]; about v is [0.9 v, 1.1 v]; a range is [value, high])."""
    kind: FigureKind = FigureKind.amount
    """What the figure counts: people killed, injured, ..., things damaged, or another amount."""


class MergeReason(Contract):
    """Why an article (and with it all of its claims) was filed under the incident: which signals matched."""

    claim_id: str
    """The id of the unit that was matched: the article's report (its opening text taken as one claim of
    its outlet, `make_claim_id(article_id, span of that text)`)."""
    article_id: str | None = None
    """The article that was filed under the incident."""
    score: float
    """Overall match score that decided the join (1.0 for the claim that opened the incident)."""
    signals: dict[str, float] = Field(default_factory=dict)
    """Per-signal scores, e.g. {"place": 1.0, "time": 1.0, "content": 0.42}."""
    matched_claim_id: str | None = None
    """The report of the incident's earlier article it matched best, if any."""


class IncidentUpdated(Contract):
    """The state of an incident after a change; `version` increases by one on every change."""

    schema_version: Literal[1] = 1
    """Version of this contract; bumped on any change that is not purely additive."""
    incident_id: str = Field(examples=["inc_3c9d0e1f2a3b4c5d6e7f"])
    """Stable incident id (derived from the report of the article that opened it)."""
    version: int = Field(ge=1)
    """Increments by one on every change of the incident."""
    event_type: EventType
    """Event type of the incident."""
    title: str
    """Short human-readable title."""
    locations: list[IncidentLocation] = Field(default_factory=list)
    """Places of the incident."""
    time: TimeRange = Field(default_factory=TimeRange)
    """Days the reports place the incident in."""
    claim_ids: list[str] = Field(default_factory=list)
    """Every claim of the incident's articles (each claim belongs to exactly one incident: its article's)."""
    article_ids: list[str] = Field(default_factory=list)
    """Every article those claims come from."""
    sources: list[SourceRef] = Field(default_factory=list)
    """Outlets and claimants that reported the incident."""
    corroboration: int = Field(default=0, ge=0)
    """Number of independent outlets (an outlet's follow-ups and copies of one agency story count once)."""
    figures: list[Figure] = Field(default_factory=list)
    """Per figure (kind and scope), every value reported, by whom, and whether reports conflict."""
    verification: VerificationStatus = VerificationStatus.unknown
    """Rolled-up status: a confirmed report lifts unverified; a denial makes it disputed."""
    merges: list[MergeReason] = Field(default_factory=list)
    """Why each article was filed here, one reason per article (its claims follow their article)."""
    first_seen: datetime
    """When the first article of the incident was processed."""
    last_seen: datetime
    """When the latest article of the incident was processed."""
    first_reported: datetime | None = None
    """Earliest publication time among the incident's articles, when any has one."""
    last_reported: datetime | None = None
    """Latest publication time among the incident's articles, when any has one."""
    changed_by: str | None = None
    """The report (see `MergeReason.claim_id`) of the article whose filing produced this version."""
