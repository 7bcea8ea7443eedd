"""Shared by the benchmarks: a private Redis, ~5 KB articles built from the sample seeds, the ECB+ news,
`claimwire run SERVICE` processes, and the small sums their reports make."""

import contextlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.articles import sample_articles, sample_articles_by_id  # noqa: E402
from tests.support.redis_server import private_redis_server  # noqa: E402

from claimwire_contracts import ArticleReceived  # noqa: E402

__all__ = [
    "ECBPLUS",
    "bench_articles",
    "duration",
    "ecbplus_rows",
    "peak_rss_mb",
    "percentile",
    "private_redis_server",
    "sample_articles_by_id",
    "series_lines",
    "service_processes",
    "stamp",
]

# ../shared sits beside the main checkout; a worktree (/work/wt/<name>) finds it one directory further up.
ECBPLUS = next(
    (p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if (p / "data" / "ecbplus").exists()),
    REPO.parent / "shared",
) / "data" / "ecbplus" / "articles.jsonl"


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


def ecbplus_rows() -> list[dict[str, Any]]:
    """The ECB+ articles (CC BY 3.0, read by path) in a seeded random order: ECB+ lists its articles topic by
    topic; a live feed interleaves stories."""
    rows = [json.loads(line) for line in ECBPLUS.read_text().splitlines()]
    random.Random(0).shuffle(rows)
    return rows


@contextlib.contextmanager
def service_processes(
    url: str, prefix: str, service: str, count: int, env: dict[str, str] | None = None
) -> Iterator[list[subprocess.Popen[bytes]]]:
    """`count` `claimwire run SERVICE` processes (consumers bench-0, bench-1, ...), yielded once each has
    logged `service.started` (its model loaded, its group joined); terminated on exit."""
    base = {**os.environ, "REDIS_URL": url, "CLAIMWIRE_KEY_PREFIX": prefix, "CLAIMWIRE_LOG_FORMAT": "json",
            **(env or {})}
    with tempfile.TemporaryDirectory(prefix=f"bench-{service}-") as folder, contextlib.ExitStack() as stack:
        logs = [Path(folder) / f"{service}-{r}.log" for r in range(count)]
        procs = [subprocess.Popen([sys.executable, "-m", "claimwire", "run", service], cwd=REPO,
                                  env={**base, "CLAIMWIRE_CONSUMER_NAME": f"bench-{r}"}, stdout=subprocess.DEVNULL,
                                  stderr=stack.enter_context(logs[r].open("wb"))) for r in range(count)]
        try:
            while not all(log.exists() and b"service.started" in log.read_bytes() for log in logs):
                if any(proc.poll() is not None for proc in procs):
                    raise RuntimeError(f"a {service} process exited at start: " + logs[0].read_text()[-2000:])
                time.sleep(0.1)
            yield procs
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait(timeout=60)


def peak_rss_mb(pid: int) -> float:
    """Peak resident set size of `pid` so far, in MB (VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc status")


def stamp(entry_id: bytes | str) -> float:
    """The time (s since the epoch) Redis took a stream entry, from its id."""
    text = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
    return int(text.split("-")[0]) / 1000


def percentile(values: Sequence[float], q: float) -> float:
    """The `q` quantile (0..1) of `values` by the nearest rank at or above it."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def duration(seconds: float) -> str:
    """A latency for people: milliseconds under 10 s, else seconds with one decimal."""
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def series_lines(header: Sequence[str], samples: Sequence[tuple[float, Sequence[int]]], every: int) -> list[str]:
    """A time series as text: the header, then every `every`-th sample (t, values) and always the last one,
    each column right-aligned to the wider of its name and its values."""
    kept = [s for i, s in enumerate(samples) if i % every == 0 or i == len(samples) - 1]
    rows = [[f"{t:.0f}", *map(str, values)] for t, values in kept]
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    table = [list(header), *rows]
    return ["  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)) for row in table]
