"""The one settings object of claimwire, read from the environment (prefix `CLAIMWIRE_`, plus `REDIS_URL`)."""

import os
import socket
from functools import cached_property
from typing import Literal

from pydantic import AliasChoices, Field, RedisDsn
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_consumer() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


class Settings(BaseSettings):
    """Configuration of every claimwire service. Instantiate once at the edge and pass it down."""

    model_config = SettingsConfigDict(
        env_prefix="CLAIMWIRE_", frozen=True, use_attribute_docstrings=True, extra="ignore"
    )

    redis_url: RedisDsn | None = Field(default=None, validation_alias=AliasChoices("REDIS_URL", "CLAIMWIRE_REDIS_URL"))
    """Redis to use (`redis://`, `rediss://`, with password). Unset: services use redis://127.0.0.1:6379/0
    and `claimwire demo` starts a private embedded Redis."""
    redis_cluster: bool = False
    """Treat `redis_url` as one node of a Redis Cluster."""
    key_prefix: str = Field(default="claimwire", pattern=r"^[A-Za-z0-9_.:-]+$")
    """Prefix of every stream and key; two deployments (or two tests) with different prefixes never meet."""
    ingest_group: str = "ingest"
    """Consumer group of the ingest workers on the articles stream."""
    dedup_group: str = "dedup"
    """Consumer group of the dedup service on the extracted stream (one entry per article and its claims)."""
    consumer_name: str = Field(default_factory=_default_consumer)
    """This process's consumer name in its group (default host-pid)."""
    stream_maxlen: int = Field(default=1_000_000, ge=1000)
    """Approximate MAXLEN of the claims, incidents and dead-letter streams."""
    max_article_bytes: int = Field(default=1_000_000, ge=1000)
    """Largest article, counted as its stream entry (the framed JSON event, UTF-8 bytes) by `claimwire feed`,
    the adapter (which refuse it) and the ingest worker (which dead-letters it as too_large) alike; the
    dedup service allows 8 times this for an article with its claims."""
    batch_size: int = Field(default=50, ge=1, le=1000)
    """Entries read per XREADGROUP call."""
    poll_interval_ms: int = Field(default=100, ge=1)
    """How long a subscriber blocks waiting for new entries."""
    max_attempts: int = Field(default=5, ge=1)
    """Deliveries before an entry that keeps failing goes to the dead-letter stream."""
    reclaim_idle_ms: int = Field(default=30_000, ge=100)
    """Pending entries idle this long (their consumer presumably dead) are reclaimed by another consumer."""
    graceful_timeout_s: float = Field(default=30.0, gt=0)
    """On SIGTERM, how long to wait for messages in hand to finish before stopping."""
    log_format: Literal["auto", "json", "console"] = "auto"
    """`auto`: readable on a terminal, JSON lines otherwise."""
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    """Minimum level logged."""
    redis_retry_initial_s: float = Field(default=0.5, gt=0)
    """A service that cannot reach Redis at start waits this long before trying again (doubling per attempt)."""
    redis_retry_max_s: float = Field(default=30.0, gt=0)
    """Longest wait between two attempts to reach Redis at start."""
    redis_retry_give_up_s: float = Field(default=0.0, ge=0)
    """Stop trying to reach Redis at start after this many seconds and exit non-zero (0: never give up)."""
    http_port: int = Field(default=0, ge=0, le=65535)
    """Port of `/healthz`, `/readyz` and `/metrics` (Prometheus) for `claimwire run SERVICE`; 0: no HTTP server."""
    http_host: str = "0.0.0.0"
    """Address the HTTP server listens on (all interfaces, so probes and Prometheus reach a container)."""

    # --- adapter ---
    adapter_seen_ttl_s: int = Field(default=30 * 24 * 3600, ge=60)
    """How long an article id stays in the adapter's seen set (a re-poll within this time is not re-fed)."""
    adapter_lease_s: float = Field(default=120.0, gt=0)
    """How long a claimed id stays reserved while its article is published; after a crash it is re-fed."""
    adapter_batch_size: int = Field(default=200, ge=1, le=10_000)
    """Articles claimed and published per Redis round trip."""
    adapter_max_backlog: int = Field(default=10_000, ge=0)
    """Feeding waits while the ingest group has more unfinished articles than this (0: never wait)."""
    adapter_backlog_poll_s: float = Field(default=0.5, gt=0)
    """How often a waiting adapter re-checks the backlog."""
    adapter_trim_processed: bool = False
    """`claimwire run adapter` trims articles every consumer group has acknowledged (XTRIM MINID)."""
    adapter_drop_dir: str | None = None
    """Folder `claimwire run adapter` watches for article files (unset: no drop folder)."""
    adapter_drop_settle_s: float = Field(default=5.0, ge=0)
    """A dropped file is read once its size and mtime have not changed for this long and no process on this
    host has it open for writing; set it above the longest pause of a writer on another host (NFS, SMB),
    or have writers rename a `.part` file when done."""
    adapter_scan_interval_s: float = Field(default=1.0, gt=0)
    """How often the drop folder is scanned."""
    adapter_feeds: list[str] = Field(default_factory=list)
    """RSS/Atom feed URLs (or file paths) to poll, as a JSON list: '["https://example.org/rss"]'."""
    adapter_feed_interval_s: float = Field(default=300.0, gt=0)
    """Seconds between polls of one feed."""
    adapter_feed_max_backoff_s: float = Field(default=3600.0, gt=0)
    """Longest wait before retrying a feed that keeps failing (the wait doubles per failure up to this)."""
    adapter_http_timeout_s: float = Field(default=20.0, gt=0)
    """Timeout of one feed request."""
    adapter_max_feed_bytes: int = Field(default=20_000_000, ge=10_000)
    """The most the adapter and `claimwire feed` hold of one input: a larger feed response is refused (and
    retried with backoff), a larger file that is not JSONL is refused by its size before it is read, and so
    is a longer JSONL line (skipped unread) or non-JSONL stdin."""
    adapter_updates: bool = False
    """`claimwire run adapter` re-feeds an item seen before when it carries a newer version time."""

    # --- dedup ---
    dedup_window_s: int = Field(default=7 * 24 * 3600, ge=60)
    """Seconds without a new report after which an incident stops attracting claims: its index entries
    expire (the incident record itself stays readable)."""
    dedup_candidates_per_bucket: int = Field(default=20, ge=1, le=1000)
    """Newest incidents read from each index bucket when looking for a match."""
    dedup_outbox_ttl_s: int = Field(default=24 * 3600, ge=60)
    """How long the published state of each applied claim is kept for republishing after a crash."""
    incidents_retention: Literal["latest", "all"] = "latest"
    """`latest`: the incidents stream keeps each incident's latest version only (an older entry is deleted once
    a newer version is published; a subscriber that is behind reads the newest state). `all`: every version
    stays until the stream's MAXLEN trims it."""
    dedup_recent_max: int = Field(default=10_000, ge=10)
    """Incidents kept in the recency list `claimwire incidents list` reads."""
    dedup_order_wait_ms: int = Field(default=2_000, ge=0)
    """How long a dedup replica waits, without any article being filed meanwhile, for earlier extracted entries
    (held by another replica, or failing) before it decides its article out of stream order."""

    # --- desk ---
    desk_group: str = "desk"
    """Consumer group of `claimwire desk` on the incidents, claims and articles streams (desk processes share it
    and the read model)."""

    @property
    def url(self) -> str:
        """The Redis URL to connect to."""
        return str(self.redis_url) if self.redis_url else "redis://127.0.0.1:6379/0"

    @property
    def url_redacted(self) -> str:
        """The Redis URL with any password masked, for logs and messages."""
        dsn = self.redis_url
        if dsn is None or not dsn.password:
            return self.url
        return self.url.replace(f":{dsn.password}@", ":***@", 1)

    @property
    def max_input_bytes(self) -> int:
        """The most the adapter and `claimwire feed` hold of one input (see `adapter_max_feed_bytes`), never
        less than `max_article_bytes`: an article the workers accept is never refused for its file's size."""
        return max(self.adapter_max_feed_bytes, self.max_article_bytes)

    def with_redis(self, url: str) -> "Settings":
        """The same settings pointed at another Redis (the demo's embedded one)."""
        return self.model_copy(update={"redis_url": RedisDsn(url)})

    def key(self, *parts: str) -> str:
        """A Redis key under this deployment's prefix."""
        return ":".join((self.key_prefix, *parts))

    @cached_property
    def articles_stream(self) -> str:
        """Stream the adapter feeds and the ingest worker reads."""
        return self.key("articles")

    @cached_property
    def claims_stream(self) -> str:
        """Stream of `ClaimExtracted` events."""
        return self.key("claims")

    @cached_property
    def extracted_stream(self) -> str:
        """Stream of `ArticleExtracted` events (an article with its claims), read by the dedup service, which
        deletes each entry once it has filed the article: its length is the dedup backlog."""
        return self.key("extracted")

    @cached_property
    def incidents_stream(self) -> str:
        """Stream of `IncidentUpdated` events."""
        return self.key("incidents")

    @cached_property
    def deadletter_stream(self) -> str:
        """Stream of `DeadLetter` events from every service."""
        return self.key("deadletter")
