"""The one place that builds the FastStream Redis broker."""

import logging
from typing import cast

from faststream.redis import RedisBroker, RedisClusterBroker
from redis.asyncio import Redis, RedisCluster

from .metrics import Metrics, attach
from .settings import Settings


def build_client(settings: Settings) -> Redis:
    """A plain redis-py client (cluster-aware when `redis_cluster` is set), for work outside the broker."""
    if settings.redis_cluster:
        return cast(Redis, RedisCluster.from_url(settings.url))
    return Redis.from_url(settings.url)


def build_broker(settings: Settings, metrics: Metrics | None = None) -> RedisBroker:
    """A FastStream broker for the configured Redis (a cluster broker when `redis_cluster` is set).

    With `metrics`, FastStream's Prometheus middleware records every batch read into its registry, and the
    stages the broker carries find it (see `metrics.stage_metrics`).

    FastStream's own per-message lines are logged at DEBUG (each stage logs one canonical line per message
    through structlog instead, with its ids bound); its errors still reach the log.
    """
    cls = RedisClusterBroker if settings.redis_cluster else RedisBroker
    logger = logging.getLogger("claimwire.faststream")
    broker = cls(
        settings.url,
        logger=logger,
        log_level=logging.DEBUG,
        specification_url=settings.url_redacted,
        graceful_timeout=settings.graceful_timeout_s,
        middlewares=(metrics.middleware(),) if metrics is not None else (),
    )  # FastStream installs its own coloured stdout handler on the logger it is given; route its lines
    # through the one structlog set-up instead, and keep only its warnings and errors.
    logger.handlers.clear()
    logger.propagate = True
    logger.setLevel(logging.WARNING)
    if metrics is not None:
        attach(broker, metrics)
    return broker
