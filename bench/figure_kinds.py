"""Figures the extractor emits on real news: counts by kind and bound, and a random sample to check by hand.

Run: `uv run python bench/figure_kinds.py [--out /tmp/figures.jsonl] [--sample 60] [--seed 12] [--skip-kind amount]`.

Every ECB+ article (../shared/data/ecbplus, Cybulska and Vossen 2014, CC BY 3.0, read by path, nothing copied
in) goes through `extract_claims`; each distinct quantity (article, span) is one figure. Printed: the number of
figures, their counts by kind and by bound, and `--sample` of them drawn with `random.Random(seed)`, each with
its sentence (the figure in [brackets]) so a reader can judge kind, bound and whether it is a figure at all.
`--skip-kind` draws the sample from the other kinds only (the counts stay whole). `--out` writes every figure as
a JSON line, to compare two versions of the extractor.
"""

import argparse
import json
import random
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from claimwire.extraction import extract_claims
from claimwire_contracts import ArticleReceived, make_article_id

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from extract_bench import ECBPLUS  # noqa: E402

RECEIVED = datetime(2024, 1, 1, tzinfo=UTC)


def figures(path: Path) -> list[dict[str, object]]:
    """Every distinct quantity of every article in `path`, with its sentence, in article and text order."""
    out: list[dict[str, object]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        article = ArticleReceived(
            article_id=make_article_id(None, row["id"], row["text"]),
            text=row["text"],
            published_at=row.get("published_at"),
            received_at=RECEIVED,
        )
        seen: set[tuple[int, int]] = set()
        for claim in extract_claims(article):
            sentence = claim.sentence or claim.span
            for q in claim.quantities:
                if (q.span.start, q.span.end) in seen:
                    continue
                seen.add((q.span.start, q.span.end))
                text = row["text"]
                context = (
                    text[sentence.start : q.span.start] + "[" + q.text + "]" + text[q.span.end : sentence.end]
                )
                out.append(
                    {
                        "article": row["id"],
                        "start": q.span.start,
                        "value": q.value,
                        "high": getattr(q, "high", None),
                        "unit": q.unit,
                        "kind": str(getattr(q, "kind", "-")),
                        "bound": str(getattr(q, "bound", "approximate" if q.approximate else "exact")),
                        "text": q.text,
                        "context": " ".join(context.split()),
                    }
                )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--skip-kind", action="append", default=[], help="leave this kind out of the sample")
    args = parser.parse_args()
    found = figures(ECBPLUS)
    if args.out:
        args.out.write_text("".join(json.dumps(f) + "\n" for f in found), encoding="utf-8")
    print(f"{len(found)} figures in {len({f['article'] for f in found})} articles")
    print("by kind: ", dict(Counter(str(f["kind"]) for f in found).most_common()))
    print("by bound:", dict(Counter(str(f["bound"]) for f in found).most_common()))
    pool = [f for f in found if f["kind"] not in args.skip_kind]
    for i, f in enumerate(random.Random(args.seed).sample(pool, min(args.sample, len(pool))), 1):
        high = f"-{f['high']}" if f["high"] is not None else ""
        print(f"{i:2}. {f['kind']:<10} {f['bound']:<10} {f['value']}{high} {f['unit']!r}  | {f['context']}")


if __name__ == "__main__":
    main()
