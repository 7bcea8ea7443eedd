"""Running services: one broker carrying the chosen stages, started and stopped gracefully."""

import asyncio
import contextlib
import gc
import signal
import time
from collections.abc import Sequence
from typing import Protocol

import redis.exceptions
from faststream.redis import RedisBroker

from .broker import build_broker, build_client
from .health import Probe, http_server
from .logs import get_logger
from .metrics import Metrics
from .settings import Settings

log = get_logger(__name__)


class Component(Protocol):
    """Something that adds subscribers to a broker and prepares Redis before they start."""

    def register(self, broker: RedisBroker, settings: Settings) -> None:
        """Add subscribers (and publishers) to `broker`."""

    async def prepare(self, broker: RedisBroker) -> None:
        """Create groups and scripts once the broker is connected, before subscribers start."""

    async def hand_back(self, settings: Settings) -> None:
        """After the broker stopped, make what this consumer read but did not finish reclaimable at once."""


async def start_components(
    settings: Settings, components: Sequence[Component], metrics: Metrics | None = None
) -> RedisBroker:
    """Build a broker (recording into `metrics` when given), register `components` on it, prepare Redis, and
    start consuming."""
    broker = build_broker(settings, metrics)
    for component in components:
        component.register(broker, settings)
    await broker.connect()
    for component in components:
        await component.prepare(broker)
    tune_gc()
    await broker.start()
    return broker


def tune_gc() -> None:
    """Garbage-collect less often, and never rescan what start-up loaded.

    Extraction allocates many short-lived objects, so the default thresholds run a collection every few
    hundred allocations, and each older-generation pass rescans the modules, gazetteer and broker loaded at
    start-up. Measured with bench/ingest_bench.py: the worker's CPU per article fell from 1.5x to 1.1x the
    offline extraction's. Reference cycles are still collected, just in larger batches.
    """
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


async def wait_for_redis(settings: Settings, stop: asyncio.Event) -> bool:
    """Until Redis answers PING: retry with a doubling wait (`redis_retry_initial_s` up to `redis_retry_max_s`),
    logging each failed attempt. False if `stop` is set meanwhile.

    Raises the last connection error once `redis_retry_give_up_s` (when not 0) has passed, and at once for a
    refused password or user: waiting cannot fix those.
    """
    started = time.monotonic()
    delay = settings.redis_retry_initial_s
    attempt = 0
    client = build_client(settings)
    try:
        while True:
            attempt += 1
            try:
                await client.ping()
            except (redis.exceptions.AuthenticationError, redis.exceptions.AuthorizationError):
                raise
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as err:
                waited = time.monotonic() - started
                give_up = settings.redis_retry_give_up_s
                if give_up and waited + delay > give_up:
                    log.error("redis.gave_up", url=settings.url_redacted, attempts=attempt, waited_s=round(waited, 1))
                    raise redis.exceptions.ConnectionError(
                        f"{err} (gave up after {attempt} attempts in {waited:.1f} s; CLAIMWIRE_REDIS_RETRY_GIVE_UP_S)"
                    ) from err
                log.warning(
                    "redis.unreachable", url=settings.url_redacted, attempt=attempt, retry_in_s=delay, error=str(err)
                )
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), delay)
                if stop.is_set():
                    return False
                delay = min(delay * 2, settings.redis_retry_max_s)
                continue
            if attempt > 1:
                log.info("redis.reachable", url=settings.url_redacted, attempts=attempt)
            return True
    finally:
        await client.aclose()


async def serve(settings: Settings, components: Sequence[Component], stop: asyncio.Event) -> None:
    """Consume until `stop` is set, then stop gracefully: handlers in flight finish, nothing else is acked.

    A Redis not reachable at start is waited for (see `wait_for_redis`). With `settings.http_port`,
    `/healthz`, `/readyz` and `/metrics` are served from the start (not ready until the groups are read)."""
    metrics = Metrics()
    probe = Probe(settings, metrics)
    async with http_server(settings, probe):
        if not await wait_for_redis(settings, stop):
            return
        broker = await start_components(settings, components, metrics)
        probe.ready(broker)
        log.info("service.started", redis=settings.url_redacted, consumer=settings.consumer_name)
        try:
            await stop.wait()
        finally:
            log.info("service.stopping")
            await broker.stop()
            for component in components:
                await component.hand_back(settings)
            log.info("service.stopped")


def stop_on_signals(stop: asyncio.Event) -> None:
    """Set `stop` on SIGTERM or SIGINT (the second one is left to the default handler)."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, _first_signal, loop, sig, stop)


def _first_signal(loop: asyncio.AbstractEventLoop, sig: signal.Signals, stop: asyncio.Event) -> None:
    log.info("service.signal", signal=sig.name)
    stop.set()
    loop.remove_signal_handler(sig)
