"""Shared by the benchmarks: a private Redis and ~5 KB articles built from the sample seeds."""

import sys
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.articles import sample_articles, sample_articles_by_id  # noqa: E402
from tests.support.redis_server import private_redis_server  # noqa: E402

from claimwire_contracts import ArticleReceived  # noqa: E402

__all__ = ["bench_articles", "private_redis_server", "sample_articles_by_id"]


def bench_articles(n: int, size: int = 5000) -> list[ArticleReceived]:
    """`n` distinct articles of about `size` characters, each a different rotation of the sample texts."""
    texts = [a.text for a in sample_articles()]
    articles = []
    for i in range(n):
        parts: list[str] = []
        j = i
        while sum(len(p) + 2 for p in parts) < size:
            parts.append(texts[j % len(texts)])
            j += 1
        articles.append(
            ArticleReceived(
                article_id=f"art_bench_{i:07d}",
                source=f"Outlet {i % 17}",
                text="\n\n".join(parts),
                published_at=datetime(2026, 11, 24, 12, tzinfo=UTC),
                received_at=datetime(2026, 11, 24, 12, 5, tzinfo=UTC),
            )
        )
    return articles
