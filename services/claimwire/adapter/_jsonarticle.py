"""claimwire's own JSON article shape (one object per JSONL line): `text` required, the rest optional."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from ._item import Item, ItemError


class JsonArticle(BaseModel):
    """One article as a JSON object. Unknown fields are ignored; wrong types are errors."""

    model_config = ConfigDict(extra="ignore", strict=False)

    text: str
    id: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None
    language: str | None = None


def item_from_article_object(obj: Any) -> Item:
    """The `Item` for one JSON article object; `ItemError` names the field that is wrong."""
    if not isinstance(obj, dict):
        raise ItemError(f"expected a JSON object, got {type(obj).__name__}")
    try:
        article = JsonArticle.model_validate(obj)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        reason = "required" if first["type"] == "missing" else first["msg"]
        raise ItemError(reason, field=field or None) from err
    if not article.text.strip():
        raise ItemError("must not be empty", field="text")
    return Item(
        text=article.text,
        key=article.id or article.url,
        source=article.source,
        url=article.url,
        title=article.title,
        language=article.language,
        published_at=article.published_at,
        updated_at=article.updated_at,
    )
