"""The one place that builds the FastStream Redis broker."""

from faststream.redis import RedisBroker, RedisClusterBroker

from .settings import Settings


def build_broker(settings: Settings) -> RedisBroker:
    """A FastStream broker for the configured Redis (a cluster broker when `redis_cluster` is set).

    FastStream's own per-message log lines are turned off: each handler logs one canonical line per
    message through structlog instead, with its ids bound.
    """
    cls = RedisClusterBroker if settings.redis_cluster else RedisBroker
    return cls(
        settings.url,
        logger=None,
        specification_url=settings.url_redacted,
        graceful_timeout=settings.graceful_timeout_s,
    )
