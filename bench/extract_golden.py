"""Guard for speed work on claim extraction: its output must stay byte-identical.

Run: `uv run python bench/extract_golden.py write [--out /tmp/golden.jsonl]` before a change, then
`uv run python bench/extract_golden.py check [--out /tmp/golden.jsonl]` after it (exit 1 on any difference).

The inputs are read by path and the golden file is written outside the repo (nothing from ../shared is
copied in): every article of the dev and both held-out sets, the seed article of issue 4 (../shared/seeds, published
12 March 2024 as in its test), seeds/articles.jsonl, the first 200 ECB+ articles (../shared/data/ecbplus;
Cybulska and Vossen 2014, CC BY 3.0) and 60 of the ~5 KB articles of bench/extract_bench.py per corpus. Each
output line is one claim's `model_dump_json()`, prefixed with the input's label.
"""

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from claimwire_contracts import ArticleReceived, make_article_id

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from extract_bench import DEV, ECBPLUS, SHARED, synthetic_articles  # noqa: E402

SEED = SHARED / "seeds" / "000_f6d8031f7ba4c74a.txt"
RECEIVED = datetime(2024, 1, 1, tzinfo=UTC)


def _article(line: dict, label: str) -> ArticleReceived:
    return ArticleReceived(
        article_id=make_article_id(line.get("source"), line.get("id") or label, line["text"]),
        source=line.get("source"),
        text=line["text"],
        published_at=line.get("published_at"),
        received_at=RECEIVED,
    )


def _jsonl(path: Path, limit: int | None = None) -> list[dict]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[:limit]


def articles() -> Iterator[tuple[str, ArticleReceived]]:
    """Every golden input, labelled, in a fixed order."""
    for name in ("dev", "holdout", "holdout2"):
        for line in _jsonl(REPO / "tests" / "data" / "extraction" / f"{name}.jsonl"):
            yield f"{name}:{line['id']}", _article(line, line["id"])
    # ../shared (the seed article, ECB+) sits beside the checkout; a checkout without it uses the rest.
    if SEED.exists():
        seed = {"text": SEED.read_text(encoding="utf-8"), "source": "Seed Wire", "published_at": "2024-03-12T15:00:00Z"}
        yield "seed", _article(seed, "seed")
        yield "seed-no-source", _article({"text": seed["text"]}, "seed-no-source")
    for i, line in enumerate(_jsonl(REPO / "seeds" / "articles.jsonl")):
        yield f"seeds:{i}", _article(line, f"seeds-{i}")
    if ECBPLUS.exists():
        for i, line in enumerate(_jsonl(ECBPLUS, 200)):
            yield f"ecbplus:{i}", _article(line, f"ecbplus-{i}")
    for corpus, source in (("bench-dev", DEV), ("bench-ecbplus", ECBPLUS)):
        if not source.exists():
            continue
        for line in synthetic_articles(60, 5000, source):
            yield f"{corpus}:{line['id']}", _article(line, line["id"])


def golden_lines() -> list[str]:
    """One line per claim: the input's label and the claim's JSON."""
    from claimwire.extraction import extract_claims

    return [f"{label}\t{claim.model_dump_json()}" for label, article in articles() for claim in extract_claims(article)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["write", "check"])
    parser.add_argument("--out", type=Path, default=Path("/tmp/golden.jsonl"))
    args = parser.parse_args()
    lines = golden_lines()
    if args.mode == "write":
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} claims to {args.out}")
        return 0
    golden = args.out.read_text(encoding="utf-8").splitlines()
    if golden == lines:
        print(f"identical: {len(lines)} claims")
        return 0
    for i, (old, new) in enumerate(zip(golden, lines, strict=False)):
        if old != new:
            print(f"first difference at claim {i}:\n- {old}\n+ {new}")
            break
    print(f"DIFFERENT: golden {len(golden)} claims, now {len(lines)}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
