"""Polling RSS/Atom feeds: conditional requests (ETag / Last-Modified), an interval, backoff on errors.

Validators are kept in Redis (`<prefix>:adapter:feed:<hash of url>`) and saved only after the items of a
response are published, so a crash in between means the next poll fetches the feed again in full.
"""

import asyncio
import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from claimwire.settings import Settings

from ._item import Item, Rejection
from ._rss import items_from_feed

Parsed = Item | Rejection


class FeedError(Exception):
    """The feed document as a whole could not be read (not XML, not a feed, unsafe)."""


def _checked(parsed: list[Parsed]) -> list[Parsed]:
    whole = [p for p in parsed if isinstance(p, Rejection) and p.line is None]
    if whole:
        raise FeedError(whole[0].reason)
    return parsed


@dataclass
class Fetched:
    """One poll's result: items to feed (None when not modified) and validators to save after feeding."""

    parsed: list[Parsed] | None
    validators: dict[str, str]


class FeedPoller:
    """One feed: when it is due, how to fetch it, and what to remember between polls."""

    def __init__(self, settings: Settings, url: str, http: httpx.AsyncClient, redis: Any) -> None:
        self.url = url
        self._settings = settings
        self._http = http
        self._redis = redis
        self._key = settings.key("adapter", "feed", hashlib.sha256(url.encode()).hexdigest()[:16])
        self.failures = 0
        self.due_at = 0.0

    def is_due(self, now: float) -> bool:
        """Whether the next poll is due."""
        return now >= self.due_at

    def succeeded(self, now: float) -> None:
        """Schedule the next poll one interval from now."""
        self.failures = 0
        self.due_at = now + self._settings.adapter_feed_interval_s

    def failed(self, now: float, retry_after: float | None = None) -> float:
        """Back off: the wait doubles with each failure in a row, capped; returns the wait."""
        self.failures += 1
        wait: float = min(
            self._settings.adapter_feed_interval_s * 2.0 ** (self.failures - 1),
            self._settings.adapter_feed_max_backoff_s,
        )
        wait = max(wait, retry_after or 0.0)
        self.due_at = now + wait
        return wait

    async def fetch(self) -> Fetched:
        """Fetch the feed (conditionally over HTTP); raises `httpx.HTTPError`, `OSError` or `FeedError`."""
        if not self.url.startswith(("http://", "https://")):
            path = Path(self.url.removeprefix("file://"))
            data = await asyncio.to_thread(path.read_bytes)
            return Fetched(_checked(list(items_from_feed(data, self.url))), {})
        stored = {k.decode(): v.decode() for k, v in (await self._redis.hgetall(self._key)).items()}
        headers = {}
        if etag := stored.get("etag"):
            headers["If-None-Match"] = etag
        if modified := stored.get("last_modified"):
            headers["If-Modified-Since"] = modified
        async with self._http.stream("GET", self.url, headers=headers) as response:
            if response.status_code == 304:
                return Fetched(None, {})
            response.raise_for_status()
            body = await self._read_capped(response)
            validators = {
                name: value
                for name, value in (
                    ("etag", response.headers.get("ETag")),
                    ("last_modified", response.headers.get("Last-Modified")),
                )
                if value
            }
        return Fetched(_checked(list(items_from_feed(body, self.url))), validators)

    async def _read_capped(self, response: httpx.Response) -> bytes:
        # A feed is read into memory to be parsed: refuse one that would not fit the budget.
        limit = self._settings.adapter_max_feed_bytes
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise FeedError(f"feed larger than {limit} bytes (CLAIMWIRE_ADAPTER_MAX_FEED_BYTES)")
            chunks.append(chunk)
        return b"".join(chunks)

    async def remember(self, validators: dict[str, str]) -> None:
        """Save the validators of a response whose items are published."""
        if validators:
            await self._redis.hset(self._key, mapping=validators)


def retry_after(error: BaseException) -> float | None:
    """Seconds a server asked us to wait (Retry-After on 429/503), when it said so in seconds."""
    if isinstance(error, httpx.HTTPStatusError):
        value = error.response.headers.get("Retry-After", "")
        if value.isdigit():
            return float(value)
    return None


def monotonic() -> float:
    """The clock the poller schedules by."""
    return time.monotonic()
