"""Building articles for tests from the sample seeds and the original seed article."""

import json
from datetime import UTC, datetime
from pathlib import Path

from claimwire_contracts import ArticleReceived, make_article_id

REPO = Path(__file__).resolve().parents[2]
# ../shared sits beside the main checkout; a worktree (/work/wt/<name>) finds it one directory further up.
SHARED = next((d / "shared" for d in REPO.parents if (d / "shared").is_dir()), REPO.parent / "shared")
SEED_JSONL = REPO / "seeds" / "articles.jsonl"
ORIGINAL_SEED = SHARED / "seeds" / "000_f6d8031f7ba4c74a.txt"


def sample_articles() -> list[ArticleReceived]:
    """The sample articles of seeds/ as the adapter would publish them (ids from source and URL)."""
    return list(sample_articles_by_id().values())


def sample_articles_by_id() -> dict[str, ArticleReceived]:
    """The sample articles keyed by the `id` each has in seeds/articles.jsonl (what gold files refer to)."""
    articles = {}
    for line in SEED_JSONL.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles[row["id"]] = ArticleReceived(
            article_id=make_article_id(row["source"], row["url"], row["text"]),
            source=row["source"],
            url=row["url"],
            title=row["title"],
            text=row["text"],
            published_at=row["published_at"],
            received_at=datetime(2026, 11, 24, 21, 0, tzinfo=UTC),
        )
    return articles


def original_seed_article() -> ArticleReceived | None:
    """The article the project was created from, when ../shared is present."""
    if not ORIGINAL_SEED.exists():
        return None
    text = ORIGINAL_SEED.read_text(encoding="utf-8")
    return ArticleReceived(
        article_id=make_article_id(None, ORIGINAL_SEED.name, text),
        text=text,
        published_at=datetime(2024, 3, 12, 12, 0, tzinfo=UTC),  # a Tuesday
        received_at=datetime(2024, 3, 12, 13, 0, tzinfo=UTC),
    )


def many_articles(n: int) -> list[ArticleReceived]:
    """`n` distinct articles cycling through the samples (distinct ids, same texts)."""
    base = sample_articles()
    return [base[i % len(base)].model_copy(update={"article_id": f"art_bulk_{i:06d}"}) for i in range(n)]
