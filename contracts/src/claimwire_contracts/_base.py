"""Shared base of every claimwire contract."""

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Contract(BaseModel):
    """Frozen event model; unknown fields are ignored so older subscribers survive additive changes."""

    model_config = ConfigDict(frozen=True, extra="ignore", use_attribute_docstrings=True)


class Span(Contract):
    """A half-open range of Python string indices into the article text, `text[start:end]`."""

    start: int = Field(ge=0, examples=[120])
    """Index of the first character."""
    end: int = Field(ge=0, examples=[164])
    """Index one past the last character."""

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self
