"""The offline clusterer's input units: articles (plain text or article JSON) and ClaimExtracted claims."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from claimwire_contracts import ArticleReceived, ClaimExtracted

from ..adapter._formats import item_from_object
from ..adapter._item import Item, ItemError, to_article


@dataclass(frozen=True)
class Input:
    """One unit of input: an article (with the id the user gave it) or a claim."""

    input_id: str
    article: ArticleReceived | None = None
    claim: ClaimExtracted | None = None


def input_of_value(value: Any, default_id: str) -> Input:
    """The unit one JSONL line holds: a claim (it has a "claim_id") or an article; `ItemError` names the field
    that is wrong. `default_id` ("file:line") names an article that has no "id"."""
    if isinstance(value, dict) and "claim_id" in value:
        try:
            claim = ClaimExtracted.model_validate(value)
        except ValidationError as err:
            first = err.errors()[0]
            raise ItemError(first["msg"], field=".".join(str(p) for p in first["loc"]) or None) from err
        return Input(claim.claim_id, claim=claim)
    article = to_article(item_from_object(value), datetime.now(UTC))
    return Input(str(value.get("id") or default_id), article=article)


def input_of_text(text: str, name: str | None, where: str) -> Input:
    """A plain-text article: its id is the file name (`where` for stdin); `ItemError` when it is empty."""
    return Input(name or where, article=to_article(Item(text=text, key=name), datetime.now(UTC)))
