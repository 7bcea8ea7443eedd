"""claimwire's event contracts: frozen pydantic v2 models with a `schema_version` each."""

from ._article import ArticleReceived, make_article_id
from ._base import Contract, Span
from ._claim import (
    Bound,
    Claimant,
    ClaimantKind,
    ClaimExtracted,
    Cue,
    EventType,
    FigureKind,
    Location,
    Quantity,
    TimeRef,
    Verification,
    VerificationStatus,
    make_claim_id,
)
from ._deadletter import DeadLetter, DeadLetterReason
from ._extracted import ArticleExtracted
from ._incident import (
    Figure,
    FigureReport,
    IncidentLocation,
    IncidentUpdated,
    MergeReason,
    SourceRef,
    TimeRange,
)

#: Every top-level event contract, by the name its JSON Schema file takes.
EVENTS: dict[str, type[Contract]] = {
    "ArticleReceived": ArticleReceived,
    "ClaimExtracted": ClaimExtracted,
    "ArticleExtracted": ArticleExtracted,
    "IncidentUpdated": IncidentUpdated,
    "DeadLetter": DeadLetter,
}

__all__ = [
    "EVENTS",
    "ArticleExtracted",
    "ArticleReceived",
    "Bound",
    "ClaimExtracted",
    "Claimant",
    "ClaimantKind",
    "Contract",
    "Cue",
    "DeadLetter",
    "DeadLetterReason",
    "EventType",
    "Figure",
    "FigureKind",
    "FigureReport",
    "IncidentLocation",
    "IncidentUpdated",
    "Location",
    "MergeReason",
    "Quantity",
    "SourceRef",
    "Span",
    "TimeRange",
    "TimeRef",
    "Verification",
    "VerificationStatus",
    "make_article_id",
    "make_claim_id",
]
