"""The drop folder under awkward input: `claimwire run adapter` as its own process on a private Redis.

Run: `uv run python bench/dropdir_bench.py [--files 10000] [--big-mb 200] [--settle 1.0]`.

One adapter process handles, in turn: 10,000 small files; a 200 MB plain-text file and a 200 MB JSONL
file of one line (both written beside the folder and renamed in, so writing is not timed); a slow writer
that writes half an article, pauses 3.5 s with the file open and writes the rest; a symbolic link, a FIFO,
a chmod 000 file and a Latin-1 file. For each it prints the outcome (fed once / rejected with the reason
file's code), the time from the drop to the outcome, and the adapter's peak RSS so far (VmHWM from
/proc/PID/status). The settle time defaults to 1 s, the old default the slow-writer report was made with
(so the 3.5 s pause is longer than it). No ingest worker runs: backpressure is off.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import redis

from _common import peak_rss_mb, private_redis_server  # bench/ is on sys.path when a script in it runs
from feed_bench import CLAIMWIRE, _env, write_files

TIMEOUT_S = 120.0


def wait_for(check: Callable[[], bool], what: str, every_s: float = 0.02) -> float:
    """Seconds until `check()` holds (polled every `every_s`)."""
    started = time.perf_counter()
    while not check():
        if time.perf_counter() - started > TIMEOUT_S:
            raise TimeoutError(f"not done in {TIMEOUT_S} s: {what}")
        time.sleep(every_s)
    return time.perf_counter() - started


def reason_of(drop: Path, name: str) -> str:
    """The outcome of dropped `name`: fed (done/) or the code in its reason file."""
    if (drop / "done" / name).exists():
        return "fed"
    why = drop / "rejected" / f"{name}.why"
    return "rejected: " + json.loads(why.read_text())["reason"] if why.exists() else "pending"


def count(folder: Path) -> int:
    """Entries in `folder` (0 before it exists)."""
    return len(os.listdir(folder)) if folder.is_dir() else 0


def handled(drop: Path, name: str) -> Callable[[], bool]:
    """Whether `name` has left the drop folder with its outcome written."""
    return lambda: (drop / "done" / name).exists() or (drop / "rejected" / f"{name}.why").exists()


def write_big(staging: Path, drop: Path, size_mb: int) -> list[str]:
    """A plain-text file and a one-line JSONL file of `size_mb` MB of real bytes, renamed into `drop`."""
    sentence = b"The river rose again overnight and the council said the bridge stays shut. "
    chunk = sentence * (1_048_576 // len(sentence) + 1)
    chunk = chunk[:1_048_576]
    with (staging / "big.txt").open("wb") as text, (staging / "big.jsonl").open("wb") as lines:
        lines.write(b'{"id": "big", "text": "')
        for _ in range(size_mb):
            text.write(chunk)
            lines.write(chunk)
        lines.write(b'"}\n')
    for name in ("big.txt", "big.jsonl"):
        os.replace(staging / name, drop / name)
    return ["big.txt", "big.jsonl"]


def slow_writer(drop: Path, pause_s: float) -> subprocess.Popen[bytes]:
    """A separate process writing half an article, pausing with the file open, then writing the rest."""
    script = (
        "import sys, time\n"
        "with open(sys.argv[1], 'w') as f:\n"
        "    f.write('First half: officials said the dam held overnight. '); f.flush()\n"
        "    time.sleep(float(sys.argv[2]))\n"
        "    f.write('Second half: the river fell two metres by nightfall.')\n"
    )
    return subprocess.Popen([sys.executable, "-c", script, str(drop / "slow.txt"), str(pause_s)])


def odd_entries(drop: Path, outside: Path) -> list[str]:
    """A symbolic link, a FIFO, a chmod 000 file and a Latin-1 file in `drop`."""
    (outside / "target.txt").write_text("A file outside the drop folder.")
    (drop / "link.txt").symlink_to(outside / "target.txt")
    os.mkfifo(drop / "pipe.txt")
    (drop / "locked.txt").write_text("The council said the road is closed.")
    (drop / "locked.txt").chmod(0)
    (drop / "latin1.txt").write_bytes("Le café a fermé après la crue.".encode("latin-1"))
    return ["link.txt", "pipe.txt", "locked.txt", "latin1.txt"]


def main() -> None:
    """Run the cases against one adapter process and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--big-mb", type=int, default=200)
    parser.add_argument("--settle", type=float, default=1.0)
    args = parser.parse_args()
    rows: list[tuple[str, str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp, private_redis_server() as (url, _):
        work = Path(tmp)
        drop, staging, small = work / "drop", work / "staging", work / "small"
        for folder in (drop, staging, small):
            folder.mkdir()
        prefix = f"ddbench-{uuid.uuid4().hex[:8]}"
        env = {
            **_env(url, prefix),
            "CLAIMWIRE_ADAPTER_DROP_DIR": str(drop),
            "CLAIMWIRE_ADAPTER_DROP_SETTLE_S": str(args.settle),
        }
        adapter = subprocess.Popen([CLAIMWIRE, "run", "adapter"], env=env)
        client = redis.Redis.from_url(url)
        stream = f"{prefix}:articles"
        try:
            time.sleep(3.0)  # started and idle
            rows.append(("adapter started, idle", "-", 0.0, peak_rss_mb(adapter.pid)))

            write_files(small, args.files)
            started = time.perf_counter()
            for path in small.iterdir():
                os.replace(path, drop / path.name)
            wait_for(lambda: count(drop / "done") >= args.files, "small files", every_s=0.2)
            elapsed = time.perf_counter() - started
            fed = int(client.xlen(stream))
            rows.append((f"{args.files:,} small files", f"{fed:,} fed", elapsed, peak_rss_mb(adapter.pid)))

            for name in write_big(staging, drop, args.big_mb):
                took = wait_for(handled(drop, name), name)
                rows.append((f"{args.big_mb} MB {name}", reason_of(drop, name), took, peak_rss_mb(adapter.pid)))

            before = int(client.xlen(stream))
            writer = slow_writer(drop, 3.5)
            took = wait_for(handled(drop, "slow.txt"), "slow writer")
            writer.wait()
            whole = "fed once, whole" if int(client.xlen(stream)) == before + 1 else "fed in part"
            rows.append(("slow writer, 3.5 s pause", whole, took, peak_rss_mb(adapter.pid)))

            for name in odd_entries(drop, work):
                took = wait_for(handled(drop, name), name)
                rows.append((name, reason_of(drop, name), took, peak_rss_mb(adapter.pid)))
        finally:
            adapter.terminate()
            adapter.wait(30)
    print(f"\nsettle {args.settle} s, scan interval 1 s, running as uid {os.geteuid()}")
    print(f"{'case':32} {'outcome':28} {'time s':>8} {'peak RSS MB':>12}")
    for case, outcome, seconds, rss in rows:
        print(f"{case:32} {outcome:28} {seconds:8.2f} {rss:12.1f}")


if __name__ == "__main__":
    main()
