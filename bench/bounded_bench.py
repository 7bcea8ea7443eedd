"""Bounded work per input: time and peak memory of `claimwire extract` on 1, 5 and 50 MB inputs.

Run: `uv run python bench/bounded_bench.py [--sizes 1 5 50] [--max-article-bytes N]`.

Cases, each written to a file and given to a fresh `claimwire extract` process (stdout to a file):

- one article: real news text (ECB+, ../shared/data/ecbplus, CC BY 3.0; the dev set when absent) joined into
  one plain-text article of the size;
- many articles: the same texts, one JSONL line each, repeated up to the size (articles of a few KB);
- no boundaries: the one article with every sentence-ending mark and newline removed.

Prints wall seconds, peak RSS of the child (its VmHWM, polled from /proc while it runs), the claims printed, the inputs
skipped and the exit status. With the default limit (CLAIMWIRE_MAX_ARTICLE_BYTES, 1,000,000) the single
articles are refused by their size before they are read; --max-article-bytes raises the limit to see how
extraction itself scales. A report, not a test: the host is shared.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_bench import DEV, ECBPLUS


def _texts() -> list[str]:
    source = ECBPLUS if ECBPLUS.exists() else DEV
    return [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]


def _repeat(parts: list[str], size: int, joiner: str) -> str:
    out: list[str] = []
    total = 0
    while total < size:
        for part in parts:
            out.append(part)
            total += len(part.encode()) + len(joiner)
            if total >= size:
                break
    return joiner.join(out)


def cases(texts: list[str]) -> dict[str, tuple[str, Callable[[int], str]]]:
    """Each case's name, file suffix and a function building its content of about `size` bytes."""
    lines = [json.dumps({"id": f"a{n}", "text": text}) for n, text in enumerate(texts)]
    return {
        "one article": (".txt", lambda size: _repeat(texts, size, "\n\n")),
        "many articles": (".jsonl", lambda size: _repeat(lines, size, "\n") + "\n"),
        "no boundaries": (".txt", lambda size: re.sub(r"[.!?\n]+", " ", _repeat(texts, size, "\n\n"))),
    }


def _hwm_kb(pid: int) -> int | None:
    """VmHWM (peak resident set) of a running process, in KB; None once it has exited."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) if found else None


def run(path: Path, env: dict[str, str]) -> tuple[float, int, int, int, int]:
    """Wall seconds, peak RSS (KB), claims printed, inputs skipped and exit status of one extract run.

    The peak is the child's VmHWM, polled while it runs: its own address space's high-water mark. The
    rusage of the child (`ru_maxrss`) is not used because Linux carries the forking parent's peak into it,
    and this parent holds the inputs it builds.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        command = [sys.executable, "-m", "claimwire", "extract", str(path)]
        child = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        peak = 0
        while child.poll() is None:
            peak = max(peak, _hwm_kb(child.pid) or 0)
            time.sleep(0.02)
        wall = time.perf_counter() - started
        out.seek(0)
        claims = sum(1 for _ in out)
        err.seek(0)
        closing = re.search(rb"(\d+) of \d+ inputs skipped", err.read())
    return wall, peak, claims, int(closing.group(1)) if closing else 0, child.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 50], help="input sizes in MB")
    parser.add_argument("--max-article-bytes", type=int, help="CLAIMWIRE_MAX_ARTICLE_BYTES for the runs")
    args = parser.parse_args()
    env = {**os.environ, "CLAIMWIRE_LOG_LEVEL": "error"}
    if args.max_article_bytes:
        env["CLAIMWIRE_MAX_ARTICLE_BYTES"] = str(args.max_article_bytes)
    print(f"limit: {env.get('CLAIMWIRE_MAX_ARTICLE_BYTES', '1000000 (default)')} bytes per article")
    print(f"{'case':<15}{'MB':>7}{'seconds':>10}{'peak RSS MB':>13}{'claims':>9}{'skipped':>9}{'exit':>6}")
    texts = _texts()
    with tempfile.TemporaryDirectory() as folder:
        for name, (suffix, build) in cases(texts).items():
            for megabytes in args.sizes:
                path = Path(folder, f"{name.replace(' ', '_')}_{megabytes:g}{suffix}")
                path.write_text(build(int(megabytes * 1_000_000)), encoding="utf-8")
                size = path.stat().st_size / 1_000_000
                wall, rss_kb, claims, skipped, status = run(path, env)
                row = f"{name:<15}{size:7.1f}{wall:10.1f}{rss_kb / 1000:13.0f}{claims:9d}{skipped:9d}{status:6d}"
                print(row, flush=True)
                path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
