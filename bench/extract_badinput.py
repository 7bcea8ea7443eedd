"""Bad input must not stall an extraction worker: the time `extract_claims` takes on pathological articles.

Run: `uv run python bench/extract_badinput.py [--megabytes 4]`.

Cases (each one article, extracted once in this process after the parsing model is loaded):

- huge: real news text (ECB+, ../shared/data/ecbplus, CC BY 3.0; the dev set when absent) joined into one
  article of `--megabytes` MB;
- no boundaries: the same words with every sentence-ending mark and newline removed (one "sentence" of
  megabytes: the parse sees its first `_parse.MAX_SENTENCE_CHARS` characters only);
- one word: a single 1 MB token of letters (the tokenizer and the sentence splitter on one unbroken run);
- quote storm: 200,000 unbalanced opening quote marks between short said-sentences.

Prints seconds (CPU and wall) and the claims found; a case over `--limit` seconds per MB is reported as
STALL and the script exits 1. This is a report, not a timed unit test: the host is shared.
"""

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from claimwire_contracts import ArticleReceived

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_bench import DEV, ECBPLUS


def _news_text(megabytes: float) -> str:
    source = ECBPLUS if ECBPLUS.exists() else DEV
    texts = [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    size = int(megabytes * 1_000_000)
    parts: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(parts)


def cases(megabytes: float) -> dict[str, Callable[[], str]]:
    """Each case's name and a function building its text."""
    return {
        "huge": lambda: _news_text(megabytes),
        "no boundaries": lambda: re.sub(r"[.!?\n]+", " ", _news_text(megabytes)),
        "one word": lambda: "x" * 1_000_000,
        "quote storm": lambda: ("The mayor said “ it would rain " * 200_000)[: int(megabytes * 1_000_000)],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--limit", type=float, default=10.0, help="seconds per MB counted as a stall")
    args = parser.parse_args()

    from claimwire.extraction import extract_claims, preload
    from claimwire.extraction._parse import nlp

    preload()
    nlp()
    stalled = False
    for name, build in cases(args.megabytes).items():
        text = build()
        article = ArticleReceived(article_id=f"art_{name}", text=text, received_at=datetime(2026, 1, 1, tzinfo=UTC))
        started, cpu = time.perf_counter(), time.process_time()
        claims = extract_claims(article)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        megabytes = len(text.encode()) / 1_000_000
        verdict = "STALL" if cpu > args.limit * max(megabytes, 1.0) else "ok"
        stalled = stalled or verdict == "STALL"
        timing = f"{cpu:7.2f} s CPU  {wall:7.2f} s wall"
        print(f"{name:<14}{megabytes:6.2f} MB  {timing}  {len(claims):6d} claims  {verdict}")
    return 1 if stalled else 0


if __name__ == "__main__":
    sys.exit(main())
