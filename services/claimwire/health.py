"""`/healthz`, `/readyz` and `/metrics` over HTTP, served beside the broker in the same event loop.

A few lines of asyncio instead of an ASGI server: three GET routes do not need a framework or another
dependency, and the server shares the loop (and the `Metrics`) with the service it reports on.
`/healthz` answers as long as the loop runs; `/readyz` asks Redis (PING, and whether this consumer has
joined each of its groups); `/metrics` samples lag, pending and the round trip, then renders the registry.
"""

import asyncio
import contextlib
import functools
from collections.abc import AsyncIterator, Sequence

from faststream.redis import RedisBroker
from redis.exceptions import RedisError, ResponseError

from .broker import build_client
from .logs import get_logger
from .metrics import SAMPLE_TIMEOUT_S, Group, Metrics, text_of
from .settings import Settings

log = get_logger(__name__)

PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8"
REQUEST_TIMEOUT_S = 5.0
_REASONS = {200: "OK", 404: "Not Found", 405: "Method Not Allowed", 503: "Service Unavailable"}


class Probe:
    """What the HTTP routes report on: the service's Redis, its consumer groups and its metrics."""

    def __init__(self, settings: Settings, metrics: Metrics) -> None:
        self.metrics = metrics
        self._client = build_client(settings)
        self._broker: RedisBroker | None = None
        self._watched: list[Group] = []
        self._started = False

    def ready(self, broker: RedisBroker | None, watched: Sequence[Group] | None = None) -> None:
        """The service has started: `broker`'s stream subscribers must be reading from their groups;
        `/metrics` reports lag of `watched` (default: those groups)."""
        self._broker = broker
        self._watched = list(subscribed_groups(broker) if watched is None and broker is not None else watched or [])
        self._started = True

    async def problems(self) -> list[str]:
        """Why the service is not ready; empty when it is.

        A group counts as joined when it exists on its stream and the subscriber reading it runs. Redis
        before 7.2 lists a consumer only once it has been delivered something, so an idle replica cannot be
        looked up by name.
        """
        if not self._started:
            return ["not started: waiting for Redis or still preparing"]
        if not await self.metrics.ping(self._client):
            return ["Redis does not answer PING"]
        if self._broker is None:
            return []
        problems = []
        for subscriber in self._broker.subscribers:
            sub = getattr(subscriber, "stream_sub", None)
            if sub is None or not sub.group:
                continue
            if not subscriber.running or not any(not task.done() for task in getattr(subscriber, "tasks", [])):
                problems.append(f"not reading group {sub.group} on {sub.name}: its subscriber stopped")
        for stream, group in subscribed_groups(self._broker):
            try:
                rows = await asyncio.wait_for(self._client.xinfo_groups(stream), SAMPLE_TIMEOUT_S)
            except ResponseError:  # no such key: the stream was deleted under us
                rows = []
            except (RedisError, OSError, TimeoutError) as err:
                problems.append(f"cannot read the groups of {stream}: {err!r}")
                continue
            if group not in {text_of(row["name"]) for row in rows}:
                problems.append(f"group {group} on {stream} does not exist")
        return problems

    async def metrics_text(self) -> bytes:
        """The metrics in Prometheus text format, Redis gauges refreshed first."""
        await self.metrics.sample(self._client, self._watched)
        return self.metrics.render()

    async def close(self) -> None:
        """Close the probe's Redis connection."""
        await self._client.aclose()


def subscribed_groups(broker: RedisBroker) -> list[Group]:
    """The (stream, group) pairs the broker's stream subscribers consume, each once."""
    pairs = []
    for subscriber in broker.subscribers:
        sub = getattr(subscriber, "stream_sub", None)
        if sub is not None and sub.group and (sub.name, sub.group) not in pairs:
            pairs.append((sub.name, sub.group))
    return pairs


@contextlib.asynccontextmanager
async def http_server(settings: Settings, probe: Probe) -> AsyncIterator[None]:
    """Serve the probe on `settings.http_port` while the block runs (nothing when the port is 0)."""
    server = None
    if settings.http_port:
        server = await asyncio.start_server(
            functools.partial(_handle, probe), settings.http_host, settings.http_port
        )
        log.info("http.listening", host=settings.http_host, port=settings.http_port)
    try:
        yield
    finally:
        if server is not None:
            server.close()
            await server.wait_closed()
        await probe.close()


async def _handle(probe: Probe, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), REQUEST_TIMEOUT_S)
        method, target = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ")[:2]
        status, content_type, body = await _route(probe, method, target.split("?", 1)[0])
        writer.write(
            (
                f"HTTP/1.1 {status} {_REASONS[status]}\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            ).encode()
        )
        if method != "HEAD":
            writer.write(body)
        await writer.drain()
    except (TimeoutError, ValueError, ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        pass  # a client that sends garbage or goes away gets nothing
    finally:
        writer.close()


async def _route(probe: Probe, method: str, path: str) -> tuple[int, str, bytes]:
    if method not in ("GET", "HEAD"):
        return 405, "text/plain", b"only GET\n"
    if path == "/healthz":
        return 200, "text/plain", b"ok\n"
    if path == "/readyz":
        problems = await probe.problems()
        if problems:
            return 503, "text/plain", "".join(f"{p}\n" for p in problems).encode()
        return 200, "text/plain", b"ready\n"
    if path == "/metrics":
        return 200, PROMETHEUS_TEXT, await probe.metrics_text()
    return 404, "text/plain", b"not found: /healthz, /readyz, /metrics\n"
