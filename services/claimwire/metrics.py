"""Prometheus metrics of one service process, in a registry of its own.

Per message: what FastStream's `RedisPrometheusMiddleware` records per batch read (received, in process,
batch handling time) plus what only a stage knows: entries in, events out per stream, dead letters by
reason, per-entry handling time, reclaimed entries. Per scrape: consumer-group lag and pending count of the
streams the service reads (or, for the adapter, feeds) and the Redis round-trip time, sampled when
Prometheus asks rather than on a timer, so an idle service costs Redis nothing.
"""

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from faststream.redis import RedisBroker
from faststream.redis.prometheus import RedisPrometheusMiddleware
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from redis.asyncio import Redis

from claimwire_contracts import Contract, DeadLetter

from .logs import get_logger

log = get_logger(__name__)

CONTEXT_KEY = "claimwire_metrics"
#: Handling one entry: about 10 ms for a 5 KB article, seconds for a huge one.
HANDLING_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
RTT_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)
#: A scrape never waits longer than this for Redis: a hung Redis shows as `claimwire_redis_up 0`.
SAMPLE_TIMEOUT_S = 2.0

Group = tuple[str, str]
"""(stream, consumer group)."""


class Metrics:
    """The metrics one service process exports on `/metrics`."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.messages_in = Counter(
            "claimwire_messages_in", "Stream entries read by a stage.", ["stage", "stream"], registry=r
        )
        self.messages_out = Counter(
            "claimwire_messages_out", "Events published by a stage, per output stream.", ["stage", "stream"], registry=r
        )
        self.dead_lettered = Counter(
            "claimwire_dead_lettered", "Entries sent to the dead-letter stream, by reason.", ["stage", "reason"],
            registry=r,
        )
        self.reclaimed = Counter(
            "claimwire_reclaimed", "Entries reclaimed from another consumer (XAUTOCLAIM).", ["stage", "stream"],
            registry=r,
        )
        self.handling = Histogram(
            "claimwire_handling_seconds", "Time to validate and process one entry.", ["stage"],
            buckets=HANDLING_BUCKETS, registry=r,
        )
        self.group_lag = Gauge(
            "claimwire_group_lag", "Entries not yet delivered to the consumer group (XINFO GROUPS lag).",
            ["stream", "group"], registry=r,
        )
        self.group_pending = Gauge(
            "claimwire_group_pending", "Entries delivered to the group and not yet acked.", ["stream", "group"],
            registry=r,
        )
        self.redis_rtt = Histogram(
            "claimwire_redis_round_trip_seconds", "PING round trip to Redis, measured at each scrape and probe.",
            buckets=RTT_BUCKETS, registry=r,
        )
        self.redis_up = Gauge("claimwire_redis_up", "1 when Redis answered the last PING in time.", registry=r)
        self.adapter_rejected = Counter(
            "claimwire_adapter_rejected", "Inputs the adapter did not feed (bad file, line, item or feed).", registry=r
        )
        self.adapter_skipped = Counter(
            "claimwire_adapter_skipped_seen", "Articles not fed because their id was fed before.", registry=r
        )

    def middleware(self) -> RedisPrometheusMiddleware:
        """FastStream's own Prometheus middleware on this registry (received batches, handling time)."""
        return RedisPrometheusMiddleware(registry=self.registry, app_name="claimwire")

    async def ping(self, client: Redis) -> bool:
        """PING Redis once, recording the round trip and `claimwire_redis_up`."""
        started = time.perf_counter()
        try:
            await asyncio.wait_for(client.ping(), SAMPLE_TIMEOUT_S)
        except Exception as err:  # any failure (refused, timeout, auth) means Redis is not usable
            log.debug("metrics.ping_failed", error=repr(err))
            self.redis_up.set(0)
            return False
        self.redis_rtt.observe(time.perf_counter() - started)
        self.redis_up.set(1)
        return True

    async def sample(self, client: Redis, groups: Sequence[Group]) -> None:
        """Refresh the Redis gauges: round trip, and lag and pending of each (stream, group)."""
        if not await self.ping(client):
            return
        for stream in {s for s, _ in groups}:
            try:
                rows = await asyncio.wait_for(client.xinfo_groups(stream), SAMPLE_TIMEOUT_S)
            except Exception as err:  # no stream yet, or Redis went away: keep the last values
                log.debug("metrics.xinfo_failed", stream=stream, error=repr(err))
                continue
            wanted = {g for s, g in groups if s == stream}
            for row in rows:
                name = text_of(row["name"])
                if name not in wanted:
                    continue
                self.group_pending.labels(stream, name).set(int(row["pending"]))
                # Redis 7 reports lag (None when deletions make it unknowable); Redis 6.2 has no lag field.
                if row.get("lag") is not None:
                    self.group_lag.labels(stream, name).set(int(row["lag"]))

    def render(self) -> bytes:
        """The registry in Prometheus text format."""
        return generate_latest(self.registry)


@dataclass
class StageMetrics:
    """The metrics of one `StreamStage`, bound to its name."""

    metrics: Metrics
    stage: str

    def received(self, stream: str, count: int, *, reclaimed: bool) -> None:
        """Count entries read (and, when `reclaimed`, taken over from another consumer)."""
        self.metrics.messages_in.labels(self.stage, stream).inc(count)
        if reclaimed:
            self.metrics.reclaimed.labels(self.stage, stream).inc(count)

    def handled(self, seconds: float) -> None:
        """Record the time one entry took."""
        self.metrics.handling.labels(self.stage).observe(seconds)

    def published(self, outputs: Sequence[tuple[str, Contract, Any]]) -> None:
        """Count published events per stream, and dead letters per reason."""
        for stream, event, _ in outputs:
            self.metrics.messages_out.labels(self.stage, stream).inc()
            if isinstance(event, DeadLetter):
                self.metrics.dead_lettered.labels(self.stage, event.reason.value).inc()


def attach(broker: RedisBroker, metrics: Metrics) -> None:
    """Make `metrics` reachable from `broker` (FastStream's context), for the stages it carries."""
    broker.context.set_global(CONTEXT_KEY, metrics)


def stage_metrics(broker: RedisBroker, stage: str) -> StageMetrics | None:
    """The metrics of `stage` on `broker`, or None when the broker was built without metrics."""
    metrics = broker.context.get(CONTEXT_KEY)
    return StageMetrics(metrics, stage) if isinstance(metrics, Metrics) else None


def text_of(value: Any) -> str:
    """A Redis reply value as text."""
    return value.decode() if isinstance(value, bytes) else str(value)
