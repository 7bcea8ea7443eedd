"""Where the tests get a real Redis: REDIS_URL, else a testcontainer, else a private redis-server."""

import contextlib
import os
import time
from collections.abc import Iterator

import redis

from claimwire.embedded import embedded_redis


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
def private_redis_server(*extra: str, port: int | None = None) -> Iterator[tuple[str, int]]:
    """A throw-away Redis on `port` (default: a free loopback port; the demo's embedded one); yields (url, port)."""
    with embedded_redis(*extra, port=port) as url:
        yield url, int(url.rsplit(":", 1)[1].split("/")[0])


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
