"""Where the tests get a real Redis: REDIS_URL, else a testcontainer, else a private redis-server."""

import contextlib
import os
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator

import redis

from claimwire.embedded import find_on_path


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_ping(url: str, timeout: float = 10.0) -> None:
    """Block until the Redis at `url` answers PING."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            redis.Redis.from_url(url).ping()
            return
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@contextlib.contextmanager
def private_redis_server(*extra: str) -> Iterator[tuple[str, int]]:
    """Start a throw-away `redis-server` on a free loopback port; yields (url, port)."""
    binary = find_on_path("redis-server")
    if binary is None:
        raise RuntimeError("no REDIS_URL, no Docker engine and no redis-server on PATH; install redis-server")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="claimwire-test-redis-") as folder:
        proc = subprocess.Popen(
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
                *extra,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"redis://127.0.0.1:{port}/0"
            wait_for_ping(url)
            yield url, port
        finally:
            proc.terminate()
            proc.wait(timeout=10)


@contextlib.contextmanager
def redis_for_tests() -> Iterator[str]:
    """A URL of a real Redis, by the order the project documents."""
    if url := os.environ.get("REDIS_URL"):
        yield url
        return
    try:
        from testcontainers.community.redis import RedisContainer

        container = RedisContainer("redis:7.4-alpine")
    except Exception:  # no engine: testcontainers raises DockerException in the constructor
        container = None
    if container is not None:
        with container as running:
            host = running.get_container_host_ip()
            port = running.get_exposed_port(6379)
            yield f"redis://{host}:{port}/0"
        return
    with private_redis_server() as (url, _):
        yield url
