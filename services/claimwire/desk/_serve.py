"""Running the desk: the app under uvicorn, in this process's event loop, until SIGTERM or SIGINT."""

import asyncio
import contextlib
import signal
import socket
import threading
from collections.abc import Callable, Iterator, Sequence

import uvicorn

from ..logs import get_logger
from ..runtime import Component
from ..settings import Settings
from ._web import build_app

log = get_logger(__name__)


class _Server(uvicorn.Server):
    """uvicorn's server, telling when it listens."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.listening = asyncio.Event()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        """SIGTERM and SIGINT stop the server gracefully; unlike uvicorn's own, the signal is not raised again
        afterwards, so the process exits 0 as every claimwire service does."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self.listening.set()


class DeskNotStartedError(RuntimeError):
    """The desk could not start: its port is taken, or Redis is unreachable."""


async def serve_desk(
    settings: Settings,
    host: str,
    port: int,
    *,
    also: Sequence[Component] = (),
    announce: Callable[[str], None] | None = None,
    stop: asyncio.Event | None = None,
) -> None:
    """Serve the desk on host:port until a signal (or `stop`) stops it. uvicorn handles SIGTERM and SIGINT
    gracefully: open pages are closed, the broker stops after its batches in hand, nothing unfinished is acked.
    """
    config = uvicorn.Config(
        build_app(settings, also=also),
        host=host,
        port=port,
        log_config=None,  # lines go through the one structlog set-up
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=3,  # live pages hold their connection open
    )
    server = _Server(config)
    url = f"http://{'localhost' if host in ('0.0.0.0', '::') else host}:{port}/"

    async def tell_when_started() -> None:
        await server.listening.wait()
        log.info("desk.listening", url=url, redis=settings.url_redacted)
        if announce is not None:
            announce(url)
        if stop is not None:
            await stop.wait()
            server.should_exit = True

    watcher = asyncio.create_task(tell_when_started())
    try:
        await server.serve()
    finally:
        watcher.cancel()
    if not server.started:
        raise DeskNotStartedError(f"the desk could not start on {host}:{port} (port in use, or Redis unreachable)")
