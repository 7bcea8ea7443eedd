"""Throughput of `claimwire extract` over 1,000 articles of about 5 KB, against a plain sentence-split pass.

Run: `uv run python bench/extract_bench.py [--articles 1000] [--size 5000] [--corpus dev|ecbplus]`.

The articles are synthetic: each joins paragraphs of the extraction dev set (tests/data/extraction/dev.jsonl,
about 53 claims per 5 KB: every paragraph is news with claims) in a different rotation until it reaches the
size, so every article differs. `--corpus ecbplus` joins real news texts from ../shared/data/ecbplus instead
(ECB+, Cybulska and Vossen 2014, CC BY 3.0; about 23 claims per 5 KB). Both passes run in this one
process on one core, over the same JSONL file:

- baseline: read the file, parse each line into an ArticleReceived, split it into sentences;
- extract:  the `claimwire extract FILE` command (click, in process): the same reading and parsing, full
            extraction, and one ClaimExtracted JSON line per claim written out.

Both wall-clock and CPU-time rates are printed: on a shared machine the CPU time of this one process is the
steadier measure of one core's throughput. The gazetteer is loaded once before timing (it costs a few hundred
milliseconds per process, reported separately).
"""

import argparse
import io
import json
import sys
import tempfile
import time
from contextlib import redirect_stdout
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "data" / "extraction" / "dev.jsonl"
# ../shared sits beside the main checkout; a worktree (/work/wt/<name>) finds it one directory further up.
SHARED = next((d / "shared" for d in REPO.parents if (d / "shared").is_dir()), REPO.parent / "shared")
ECBPLUS = SHARED / "data" / "ecbplus" / "articles.jsonl"
ECBPLUS_CITATION = (
    "ECB+ corpus (Cybulska and Vossen, LREC 2014), CC BY 3.0, via ../shared/data/ecbplus; "
    "its article texts joined into ~5 KB articles"
)


def synthetic_articles(n: int, size: int, source: Path = DEV) -> list[dict[str, str]]:
    """`n` distinct article dicts of about `size` characters built from the paragraphs of `source`."""
    paragraphs = [
        p for line in source.read_text(encoding="utf-8").splitlines() for p in json.loads(line)["text"].split("\n")
    ]
    articles = []
    for i in range(n):
        parts: list[str] = []
        j = i * 7
        while sum(len(p) + 1 for p in parts) < size:
            parts.append(paragraphs[j % len(paragraphs)])
            j += 1
        articles.append(
            {
                "id": f"bench-{i:05d}",
                "source": "Bench Wire",
                "published_at": "2024-03-12T09:00:00Z",
                "text": "\n".join(parts),
            }
        )
    return articles


def baseline(path: Path) -> int:
    """Read and parse every article and split it into sentences; returns the number of sentences."""
    from claimwire.extraction._sentences import split_sentences
    from claimwire_contracts import ArticleReceived

    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        article = ArticleReceived(
            article_id=item["id"],
            text=item["text"],
            source=item["source"],
            published_at=item["published_at"],
            received_at=datetime.now(UTC),
        )
        count += len(split_sentences(article.text))
    return count


def extract_command(path: Path) -> int:
    """`claimwire extract FILE` in process; returns the number of claims printed."""
    from claimwire.cli.extract import extract

    out = io.StringIO()
    with redirect_stdout(out):
        extract.main([str(path)], standalone_mode=False)
    return out.getvalue().count("\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument(
        "--corpus",
        choices=["dev", "ecbplus"],
        default="dev",
        help="dev: the extraction dev set (default, claim-dense); ecbplus: real news from ../shared (if present)",
    )
    args = parser.parse_args()
    source = DEV if args.corpus == "dev" else ECBPLUS
    if not source.exists():
        parser.error(f"{source} not found")

    started = time.perf_counter()
    import claimwire.extraction  # noqa: F401

    imported = time.perf_counter() - started
    from claimwire.extraction._gazetteer import places

    started = time.perf_counter()
    places()
    gazetteer = time.perf_counter() - started

    articles = synthetic_articles(args.articles, args.size, source)
    mean_size = sum(len(a["text"]) for a in articles) / len(articles)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
        started, cpu = time.perf_counter(), time.process_time()
        sentences = baseline(path)
        base_s, base_cpu = time.perf_counter() - started, time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        claims = extract_command(path)
        full_s, full_cpu = time.perf_counter() - started, time.process_time() - cpu

    n = len(articles)
    if args.corpus == "ecbplus":
        print(f"text: {ECBPLUS_CITATION}")
    print(f"{n} articles, mean {mean_size:,.0f} characters; {sentences} sentences, {claims} claims")
    print(
        f"import claimwire.extraction: {imported * 1000:.0f} ms; gazetteer load (once per process): "
        f"{gazetteer * 1000:.0f} ms"
    )
    print(f"{'':40}{'wall':>14}{'CPU time':>14}")
    print(f"{'baseline (read, parse, split sentences)':40}{n / base_s:10.1f}/s  {n / base_cpu:10.1f}/s")
    print(f"{'claimwire extract (full extraction)':40}{n / full_s:10.1f}/s  {n / full_cpu:10.1f}/s")
    print(
        f"ratio extract / baseline (CPU time): {base_cpu / full_cpu:.3f} "
        f"(extraction takes {full_cpu / base_cpu:.1f}x the time of the plain pass)"
    )
    print(f"target >= 100 articles/s on one core (CPU time): {'met' if n / full_cpu >= 100 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
