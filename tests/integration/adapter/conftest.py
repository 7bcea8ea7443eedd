"""Helpers for adapter integration tests: read back what was fed, as FastStream delivers it."""

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from faststream.redis import StreamSub

from claimwire.adapter import serve
from claimwire.broker import build_broker
from claimwire.settings import Settings
from claimwire_contracts import ArticleReceived


async def read_articles(settings: Settings, expected: int, wait_s: float = 10.0) -> list[ArticleReceived]:
    """The articles on the stream, received by a real FastStream subscriber in a consumer group."""
    broker = build_broker(settings)
    received: list[ArticleReceived] = []
    done = asyncio.Event()

    @broker.subscriber(
        stream=StreamSub(settings.articles_stream, group="adapter-test", consumer="t", last_id="0", max_records=100)
    )
    async def collect(article: ArticleReceived) -> None:
        received.append(article)
        if len(received) >= expected:
            done.set()

    async with broker:
        await broker.start()
        if expected:
            await asyncio.wait_for(done.wait(), wait_s)
        else:
            await asyncio.sleep(0.3)
    return received


async def stream_length(client: Any, settings: Settings) -> int:
    """Entries on the articles stream."""
    return int(await client.xlen(settings.articles_stream))


@pytest.fixture
def fast_settings(settings: Settings) -> Settings:
    """Test settings with short adapter intervals."""
    return settings.model_copy(
        update={
            "adapter_backlog_poll_s": 0.05,
            "adapter_scan_interval_s": 0.05,
            "adapter_drop_settle_s": 0.1,
        }
    )


class FeedServer:
    """A feed served over HTTP on 127.0.0.1 with ETag / Last-Modified, recording each request's headers."""

    def __init__(self) -> None:
        self.body = b""
        self.etag = '"v1"'
        self.last_modified = "Sat, 07 Mar 2026 12:00:00 GMT"
        self.status = 200
        self.requests: list[dict[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(dict(self.headers.items()))
                if server.status != 200:
                    self.send_response(server.status)
                    self.end_headers()
                    return
                if self.headers.get("If-None-Match") == server.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", server.etag)
                self.send_header("Last-Modified", server.last_modified)
                self.send_header("Content-Length", str(len(server.body)))
                self.end_headers()
                self.wfile.write(server.body)

            def log_message(self, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/feed.xml"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop serving."""
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A local HTTP feed server started for the test."""
    server = FeedServer()
    yield server
    server.close()


class RunningAdapter:
    """`serve` running in a task, stopped on demand."""

    def __init__(self, settings: Settings) -> None:
        self.stop = asyncio.Event()
        self.task = asyncio.create_task(serve(settings, self.stop))

    async def close(self) -> None:
        """Stop and wait for a graceful end."""
        self.stop.set()
        await asyncio.wait_for(self.task, 10)


async def eventually(check: Any, timeout_s: float = 10.0) -> None:
    """Wait until the async `check()` is true."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)
