"""`DeadLetter`: an input entry that could not be processed, kept with a machine-readable reason."""

from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from ._base import Contract


class DeadLetterReason(StrEnum):
    """Why an entry was dead-lettered."""

    malformed_json = "malformed_json"
    schema_violation = "schema_violation"
    too_large = "too_large"
    extraction_error = "extraction_error"
    processing_error = "processing_error"
    unsupported_version = "unsupported_version"


class DeadLetter(Contract):
    """An entry moved off its stream, with everything needed to inspect and replay it."""

    schema_version: Literal[1] = 1
    """Version of this contract; bumped on any change that is not purely additive."""
    stream: str = Field(examples=["claimwire:articles"])
    """The stream the entry was read from."""
    group: str = Field(examples=["ingest"])
    """The consumer group that gave up on it."""
    entry_id: str = Field(examples=["1732665600000-0"])
    """The stream entry id."""
    fields: dict[str, str] = Field(default_factory=dict)
    """The entry's fields whose keys and values are valid UTF-8, as text."""
    fields_base64: dict[str, str] = Field(default_factory=dict)
    """The entry's other fields, keys and values base64-encoded (standard alphabet)."""
    reason: DeadLetterReason
    """Machine-readable reason code."""
    detail: str
    """Human-readable detail (the validation error, the exception)."""
    attempts: int = Field(ge=1)
    """How many times the entry was delivered before it was given up on."""
    first_failed_at: datetime
    """When processing of the entry first failed."""
    dead_lettered_at: datetime
    """When it was moved to the dead-letter stream."""
    article_id: str | None = None
    """The article id, when it could be read."""
    claim_id: str | None = None
    """The claim id, when it could be read."""
