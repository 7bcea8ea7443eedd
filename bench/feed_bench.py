"""Feed rate of `claimwire feed` over 10,000 small files, against raw redis-py XADD, on a private Redis.

Run: `uv run python bench/feed_bench.py [--files 10000]`. Prints three figures and the ratios:

- `claimwire feed DIR` as a user runs it (a subprocess, start-up included);
- `feed_paths` in process (the same work without interpreter start-up);
- `serve` (`claimwire run adapter`) taking the same files from its drop folder (files then moved to done/);
- baseline: one process reads the same files and XADDs a JSON payload per file with pipelined redis-py
  (no parsing, canonicalisation, validation, seen-id claims or FastStream envelope).

No ingest worker runs, so backpressure is switched off (CLAIMWIRE_ADAPTER_MAX_BACKLOG=0).
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import redis

from claimwire.adapter import feed_paths, serve
from claimwire.embedded import embedded_redis
from claimwire.logs import configure_logging
from claimwire.settings import Settings

PLACES = ["Orrin", "Port Elsby", "Ridgeford", "Lowmoor", "Eastmarch", "Cape Hollis", "Westgate", "Halm"]


def write_files(folder: Path, count: int) -> None:
    """`count` short plain-text articles (~300 bytes each), written for this benchmark."""
    for n in range(count):
        place = PLACES[n % len(PLACES)]
        text = (
            f"Officials in {place} said on Monday that {n % 97 + 2} people had been moved from homes near "
            f"the river after heavy rain.\n\nA spokesperson for the regional office added that roads "
            f"around {place} would stay closed until at least Wednesday, according to report {n}.\n"
        )
        (folder / f"bench_{n:05d}.txt").write_text(text)


CLAIMWIRE = str(Path(sys.executable).parent / "claimwire")


def _env(url: str, prefix: str) -> dict[str, str]:
    env = {
        **os.environ,
        "REDIS_URL": url,
        "CLAIMWIRE_KEY_PREFIX": prefix,
        "CLAIMWIRE_ADAPTER_MAX_BACKLOG": "0",
        "CLAIMWIRE_LOG_LEVEL": "warning",
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # let imports be cached as on a user's machine
    return env


def run_startup(url: str, empty: Path) -> float:
    """Wall time of `claimwire feed EMPTY_DIR`: start-up, imports and connecting, the fixed cost per run.

    Run twice and the second one timed, so imports come from a warm bytecode cache as they would on a
    user's machine after the first run.
    """
    command = [CLAIMWIRE, "feed", "--json", "--no-progress", str(empty)]
    subprocess.run(command, env=_env(url, "bench-startup"), capture_output=True, check=True)
    started = time.perf_counter()
    subprocess.run(command, env=_env(url, "bench-startup"), capture_output=True, check=True)
    return time.perf_counter() - started


def run_cli(url: str, folder: Path, prefix: str) -> tuple[float, dict[str, object]]:
    """Wall time of `claimwire feed FOLDER --json` and its summary."""
    started = time.perf_counter()
    done = subprocess.run(
        [CLAIMWIRE, "feed", "--json", "--no-progress", str(folder)],
        env=_env(url, prefix),
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"claimwire feed failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, json.loads(done.stdout.strip().splitlines()[-1])


def run_in_process(url: str, folder: Path, prefix: str) -> tuple[float, int]:
    """Wall time of `feed_paths` over the folder in this process."""
    settings = Settings(redis_url=url, key_prefix=prefix, adapter_max_backlog=0, log_level="warning")
    configure_logging(settings)
    started = time.perf_counter()
    report = asyncio.run(feed_paths(settings, [str(folder)]))
    return time.perf_counter() - started, report.fed


def run_drop_folder(url: str, folder: Path, drop: Path, prefix: str) -> float:
    """Wall time of `serve` taking the files from a drop folder (settle time 0) until all are published."""
    for path in folder.iterdir():
        os.link(path, drop / path.name)
    settings = Settings(
        redis_url=url,
        key_prefix=prefix,
        adapter_max_backlog=0,
        adapter_drop_dir=str(drop),
        adapter_drop_settle_s=0.0,
        adapter_scan_interval_s=0.05,
        log_level="warning",
    )
    client = redis.Redis.from_url(url)
    expected = sum(1 for _ in folder.iterdir())

    async def run() -> float:
        stop = asyncio.Event()
        started = time.perf_counter()
        task = asyncio.create_task(serve(settings, stop))
        while client.xlen(settings.articles_stream) < expected:
            await asyncio.sleep(0.05)
        elapsed = time.perf_counter() - started
        stop.set()
        await task
        return elapsed

    return asyncio.run(run())


def run_baseline(url: str, folder: Path, stream: str, batch: int = 200) -> tuple[float, int]:
    """Wall time of reading each file and XADDing a JSON payload, pipelined `batch` at a time."""
    client = redis.Redis.from_url(url)
    started = time.perf_counter()
    pipe = client.pipeline(transaction=False)
    sent = 0
    for path in sorted(folder.iterdir()):
        payload = {"article_id": path.name, "text": path.read_text(), "received_at": datetime.now(UTC).isoformat()}
        pipe.xadd(stream, {"data": json.dumps(payload)})
        sent += 1
        if sent % batch == 0:
            pipe.execute()
    pipe.execute()
    elapsed = time.perf_counter() - started
    client.close()
    return elapsed, sent


def main() -> None:
    """Run the three measurements on one private Redis and print figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimwire-feed-bench-") as tmp, embedded_redis() as url:
        folder, empty = Path(tmp, "articles"), Path(tmp, "empty")
        folder.mkdir()
        empty.mkdir()
        write_files(folder, args.files)
        startup_s = run_startup(url, empty)
        base_s, base_n = run_baseline(url, folder, "bench-raw:articles")
        cli_s, summary = run_cli(url, folder, "bench-cli")
        proc_s, proc_n = run_in_process(url, folder, "bench-proc")
        again_s, again = run_cli(url, folder, "bench-cli")
        drop = Path(tmp, "drop")
        drop.mkdir()
        drop_s = run_drop_folder(url, folder, drop, "bench-drop")
        assert summary["fed"] == args.files == proc_n == base_n, (summary, proc_n, base_n)
        assert again["skipped_seen"] == args.files, again
        version = redis.Redis.from_url(url).info("server")["redis_version"]
    base_rate, cli_rate, proc_rate = base_n / base_s, args.files / cli_s, proc_n / proc_s
    print(f"files: {args.files} plain-text articles (~300 B each), private redis-server {version}")
    print(f"baseline raw redis-py read+XADD (pipelined 200): {base_rate:9.0f} articles/s ({base_s:.2f} s)")
    print(f"claimwire feed DIR (subprocess, start-up incl.): {cli_rate:9.0f} articles/s ({cli_s:.2f} s)")
    print(f"feed_paths in process:                           {proc_rate:9.0f} articles/s ({proc_s:.2f} s)")
    print(f"claimwire feed DIR again (all skipped as seen):  {args.files / again_s:9.0f} articles/s ({again_s:.2f} s)")
    print(f"run adapter, same files in its drop folder:      {args.files / drop_s:9.0f} articles/s ({drop_s:.2f} s)")
    print(f"claimwire feed start-up (empty folder):          {startup_s:9.2f} s per run")
    print(f"ratio claimwire feed / baseline: {cli_rate / base_rate:.2f}")
    print(f"ratio feed_paths / baseline:     {proc_rate / base_rate:.2f}")


if __name__ == "__main__":
    main()
