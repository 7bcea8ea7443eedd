"""Throughput of `claimwire extract` over 1,000 articles of about 5 KB, against a plain sentence-split pass.

Run: `uv run python bench/extract_bench.py [--articles 1000] [--size 5000] [--corpus dev|ecbplus]
[--build both|compiled|source] [--rounds N]`.

The articles are synthetic: each joins paragraphs of the extraction dev set (tests/data/extraction/dev.jsonl,
about 53 claims per 5 KB: every paragraph is news with claims) in a different rotation until it reaches the
size, so every article differs. `--corpus ecbplus` joins real news texts from ../shared/data/ecbplus instead
(ECB+, Cybulska and Vossen 2014, CC BY 3.0; about 23 claims per 5 KB). Over the same JSONL file:

- baseline: read the file, parse each line into an ArticleReceived, split it into sentences (this process);
- extract:  the `claimwire extract FILE` command (click, in process): the same reading and parsing, full
            extraction, and one ClaimExtracted JSON line per claim written out. It runs in a fresh child
            process per build: the mypyc-compiled wheel that an install ships (built once per source state by
            bench/compiled_build.py, about a minute) and this checkout's Python source. `--rounds` alternates
            the two so that the host's drift hits both alike.

Both wall-clock and CPU-time rates are printed: on a shared machine the CPU time of this one process is the
steadier measure of one core's throughput. The gazetteer is loaded once before timing (it costs a few hundred
milliseconds per process, reported separately).
"""

import argparse
import io
import json
import resource
import statistics
import subprocess
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


def measure(path: Path) -> dict[str, float | int | bool]:
    """Time `claimwire extract` on `path` in this process, after loading the gazetteer and the parsing model
    (--measure mode); reports the model's load time and the process's peak memory too."""
    import claimwire.extraction
    from claimwire.extraction._gazetteer import places
    from claimwire.extraction._parse import nlp

    places()
    started = time.perf_counter()
    nlp()
    load = time.perf_counter() - started
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started, cpu = time.perf_counter(), time.process_time()
    claims = extract_command(path)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "wall": wall,
        "cpu": cpu,
        "claims": claims,
        "compiled": claimwire.extraction.COMPILED,
        "model_load": load,
        "rss_loaded_mb": rss_loaded,
        "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure_in_child(path: Path, env: dict[str, str] | None) -> dict[str, float | int | bool]:
    """`measure` in a fresh Python process with `env` (the compiled build's, or this checkout's)."""
    command = [sys.executable, __file__, "--measure", str(path)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


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
    parser.add_argument(
        "--build",
        choices=["both", "compiled", "source"],
        default="both",
        help="which extraction to time: the mypyc-compiled wheel (what an install ships), the Python source, or both",
    )
    parser.add_argument("--rounds", type=int, default=1, help="alternate the builds this many times; medians shown")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
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

    builds: dict[str, dict[str, str] | None] = {}
    if args.build in {"both", "source"}:
        builds["source"] = None
    if args.build in {"both", "compiled"}:
        from compiled_build import compiled_env

        builds["compiled"] = compiled_env()  # built before any timing

    articles = synthetic_articles(args.articles, args.size, source)
    mean_size = sum(len(a["text"]) for a in articles) / len(articles)
    runs: dict[str, list[dict[str, float | int | bool]]] = {name: [] for name in builds}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
        started, cpu = time.perf_counter(), time.process_time()
        sentences = baseline(path)
        base_s, base_cpu = time.perf_counter() - started, time.process_time() - cpu
        for _ in range(args.rounds):
            for name, env in builds.items():
                runs[name].append(measure_in_child(path, env))

    if args.corpus == "ecbplus":
        print(f"text: {ECBPLUS_CITATION}")
    claims = next(iter(runs.values()))[0]["claims"]
    words = sum(len(a["text"].split()) for a in articles)
    print(
        f"{len(articles)} articles, mean {mean_size:,.0f} characters, {words / len(articles):,.0f} words; "
        f"{sentences} sentences, {claims} claims"
    )
    for name, measured in runs.items():
        first = measured[0]
        print(
            f"{name} build: parsing model load {float(first['model_load']) * 1000:.0f} ms; worker memory (max RSS) "
            f"{float(first['rss_loaded_mb']):.0f} MB after loading, {float(first['rss_peak_mb']):.0f} MB after the run"
        )
    print(
        f"import claimwire.extraction: {imported * 1000:.0f} ms; gazetteer load (once per process): "
        f"{gazetteer * 1000:.0f} ms; {args.rounds} round(s), medians"
    )
    report(len(articles), words, base_s, base_cpu, runs, args.corpus)
    return 0


def report(
    n: int,
    words: int,
    base_s: float,
    base_cpu: float,
    runs: dict[str, list[dict[str, float | int | bool]]],
    corpus: str,
) -> None:
    """The table of rates, each build's ratio to the baseline, and the verdict on the shipped build."""
    print(f"{'':44}{'wall':>12}{'CPU time':>14}{'/ baseline':>12}")
    print(f"{'baseline (read, parse, split sentences)':44}{n / base_s:8.1f}/s  {n / base_cpu:10.1f}/s")
    rates: dict[str, float] = {}
    for name, measured in runs.items():
        if any(r["compiled"] != (name == "compiled") for r in measured):
            print(f"warning: the {name} run imported the other build (stray .so files in services/?)")
        wall = statistics.median(float(r["wall"]) for r in measured)
        cpu = statistics.median(float(r["cpu"]) for r in measured)
        rates[name] = n / cpu
        label = f"claimwire extract, {name} build"
        rates_text = f"{n / wall:8.1f}/s  {n / cpu:10.1f}/s  {base_cpu / cpu:10.3f}"
        print(f"{label:44}{rates_text}   ({words / cpu:,.0f} words/s CPU)")
    if len(rates) == 2:
        print(f"compiled / source (CPU time): {rates['compiled'] / rates['source']:.2f}x")
    shipped = "compiled" if "compiled" in rates else "source"
    verdict = "met" if rates[shipped] >= 30 else "NOT met"
    density = "dev-set paragraphs, claim-dense stress corpus" if corpus == "dev" else "real news text"
    print(f"target >= 30 articles/s on one core with the parse (CPU time, {shipped} build, {density}): {verdict}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
