"""Load time, memory and parse speed of the shipped en_claimwire_ud pipeline on real news, on one core.

Reads the ECB+ articles from ../shared/data/ecbplus/articles.jsonl (by path; nothing is copied), loads the
pipeline the way the package does (`claimwire.models.load_parser`, in this fresh process) and parses every
article with `nlp.pipe` in this one process, single-threaded. Prints words/s and articles/s by wall clock and by this
process's CPU time (on a shared machine the CPU rate is the steadier one), the load time and the resident
memory the load added. `--exclude ner trainable_lemmatizer` measures a lighter pipeline.
"""

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
# ../shared sits beside the main checkout; a worktree (/work/wt/<name>) finds it one directory further up.
SHARED = next((d / "shared" for d in REPO.parents if (d / "shared").is_dir()), REPO.parent / "shared")
ARTICLES = SHARED / "data" / "ecbplus" / "articles.jsonl"


def rss_mb() -> float:
    """This process's resident memory now, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--exclude", nargs="*", default=[], help="components not to load")
    parser.add_argument("--rounds", type=int, default=2, help="passes over the articles; the best is kept")
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.articles.read_text(encoding="utf-8").splitlines() if line]

    import spacy  # imported here so its import time is reported apart from the load

    from claimwire.models import load_parser

    before = rss_mb()
    started = time.perf_counter()
    nlp = load_parser(tuple(args.exclude))
    load_seconds = time.perf_counter() - started
    loaded = rss_mb()
    words = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    best = None
    for _ in range(args.rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if best is None or cpu < best[1]:
            best = (wall, cpu)
    assert best is not None
    wall, cpu = best
    print(f"spaCy {spacy.__version__}; pipeline {nlp.meta['name']} {nlp.meta['version']}: {nlp.pipe_names}")
    print(f"articles: {len(texts)} ECB+ news articles, {words} tokens ({args.articles})")
    print(f"load: {load_seconds:.2f} s, +{loaded - before:.0f} MB resident (process {loaded:.0f} MB after load)")
    print(f"parse, wall: {words / wall:,.0f} words/s, {len(texts) / wall:.1f} articles/s ({wall:.1f} s)")
    print(f"parse, CPU:  {words / cpu:,.0f} words/s, {len(texts) / cpu:.1f} articles/s ({cpu:.1f} s)")
    print(f"resident after parsing: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
