"""Running services: one broker carrying the chosen stages, started and stopped gracefully."""

import asyncio
import gc
import signal
from collections.abc import Sequence
from typing import Protocol

from faststream.redis import RedisBroker

from .broker import build_broker
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


async def serve(settings: Settings, components: Sequence[Component], stop: asyncio.Event) -> None:
    """Consume until `stop` is set, then stop gracefully: handlers in flight finish, nothing else is acked.

    With `settings.http_port`, `/healthz`, `/readyz` and `/metrics` are served from the start (not ready
    until the consumer groups are joined)."""
    metrics = Metrics()
    probe = Probe(settings, metrics)
    async with http_server(settings, probe):
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
