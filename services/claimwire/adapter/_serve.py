"""`serve`: the long-running adapter behind `claimwire run adapter` (drop folder and feed polling)."""

import asyncio
import contextlib
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import httpx
from redis.exceptions import RedisError

from claimwire.health import Probe, http_server
from claimwire.logs import get_logger
from claimwire.metrics import Metrics
from claimwire.runtime import wait_for_redis
from claimwire.settings import Settings

from ._backpressure import trim_processed
from ._dropdir import DropFolder
from ._formats import parse_path
from ._item import Item, Rejection
from ._poller import FeedPoller, monotonic, retry_after
from ._publish import Publisher, StoppedError
from ._sink import Sink, mode_of

log = get_logger(__name__)

TRIM_EVERY_S = 30.0
DROP_FILES_PER_ROUND = 1000
NOT_NOW = frozenset({"changed", "missing"})
"""Rejection codes that mean "look at this file again later" in the drop folder."""


async def _drop_round(drop: DropFolder, sink: Sink, stop: asyncio.Event, chunk: int) -> None:
    # At most DROP_FILES_PER_ROUND files a round, so feeds are still polled during a big drop.
    scan = drop.scan(limit=DROP_FILES_PER_ROUND)
    for refusal in scan.refused:
        sink.reject(refusal)
        _finish(drop, Path(refusal.where), 0, [refusal])
    for start in range(0, len(scan.due), chunk):
        if stop.is_set():
            return
        report = sink.report
        fed, skipped = report.fed, report.skipped_seen
        handled: list[tuple[Path, int, list[Rejection]]] = []
        for path in scan.due[start : start + chunk]:
            before = len(report.rejected)
            not_now: list[Rejection] = []
            parsed = parse_path(path, sink.max_file_bytes, follow_symlinks=False)
            accepted = await sink.put(_unless_not_now(parsed, not_now), str(path))
            if not_now:  # still being written, or gone: nothing of it was parsed, look again later
                drop.unsettle(path)
                log.info("adapter.file_not_read_yet", file=str(path), code=not_now[0].code, reason=not_now[0].reason)
                continue
            handled.append((path, accepted, report.rejected[before:]))
        await sink.flush()  # every article of the chunk is published and marked seen before a file moves
        for path, accepted, reasons in handled:
            _finish(drop, path, accepted, reasons)
        report.compact()
        log.info(
            "adapter.drop_round", files=len(handled), fed=report.fed - fed, skipped_seen=report.skipped_seen - skipped
        )


def _unless_not_now(parsed: Iterable[Item | Rejection], not_now: list[Rejection]) -> Iterator[Item | Rejection]:
    # A file that changed while read, or vanished since the scan, is no rejection: it is set aside.
    for entry in parsed:
        if isinstance(entry, Rejection) and entry.code in NOT_NOW:
            not_now.append(entry)
        else:
            yield entry


def _finish(drop: DropFolder, path: Path, accepted: int, reasons: list[Rejection]) -> None:
    moved = drop.finish(path, fed_anything=accepted > 0, reasons=reasons)
    log.debug("adapter.file_done", file=str(path), moved_to=str(moved), articles=accepted, rejected=len(reasons))


async def _poll(poller: FeedPoller, sink: Sink) -> None:
    try:
        fetched = await poller.fetch()
    except Exception as err:  # HTTP, network, file or feed errors alike: back off, keep the others going
        wait = poller.failed(monotonic(), retry_after(err))
        sink.reject(Rejection(poller.url, f"feed failed: {err}"))
        log.warning("adapter.feed_backoff", url=poller.url, failures=poller.failures, retry_in_s=wait)
        return
    report = sink.report
    fed, skipped, rejected = report.fed, report.skipped_seen, report.rejected_total
    if fetched.parsed is not None:
        await sink.put(fetched.parsed, poller.url)
        await sink.flush()
        await poller.remember(fetched.validators)
    report.compact()
    log.info(
        "adapter.feed_polled",
        url=poller.url,
        modified=fetched.parsed is not None,
        fed=report.fed - fed,
        skipped_seen=report.skipped_seen - skipped,
        rejected=report.rejected_total - rejected,
    )
    poller.succeeded(monotonic())


async def _sleep(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


async def serve(settings: Settings, stop: asyncio.Event) -> None:
    """Watch the drop folder and poll the configured feeds until `stop` is set, then return.

    Bad files and broken feeds are logged, counted and skipped (feeds back off); a Redis outage is
    logged and retried, also at start (`claimwire.runtime.wait_for_redis`). Stopping finishes the file or
    feed response in hand (or leaves it unfed and unmoved if it was still waiting for room downstream), so
    nothing is half-fed. With `settings.http_port`,
    `/healthz`, `/readyz` (Redis answers) and `/metrics` (fed, skipped, rejected, the ingest backlog) are
    served meanwhile.
    """
    metrics = Metrics()
    probe = Probe(settings, metrics)
    async with http_server(settings, probe):
        await _serve(settings, stop, metrics, probe)


async def _serve(settings: Settings, stop: asyncio.Event, metrics: Metrics, probe: Probe) -> None:
    if not await wait_for_redis(settings, stop):
        return
    publisher = await Publisher.connect(settings, stop)
    try:
        await publisher.client.ping()  # Redis gone again since it answered: a clear error, not idling
    except BaseException:
        await publisher.close()
        raise
    sink = Sink(settings, publisher, mode_of(False, settings.adapter_updates), metrics)
    drop = None
    if settings.adapter_drop_dir:
        drop = DropFolder(Path(settings.adapter_drop_dir), settings.adapter_drop_settle_s)
        drop.folder.mkdir(parents=True, exist_ok=True)
    # No group of its own to join; /metrics reports the backlog it feeds (the ingest group's lag).
    probe.ready(None, watched=[(settings.articles_stream, settings.ingest_group)])
    log.info("adapter.started", drop_dir=settings.adapter_drop_dir, feeds=len(settings.adapter_feeds))
    last_trim = time.monotonic()
    try:
        async with httpx.AsyncClient(
            timeout=settings.adapter_http_timeout_s,
            follow_redirects=True,
            headers={"User-Agent": "claimwire-adapter"},
        ) as http:
            pollers = [FeedPoller(settings, url, http, publisher.client) for url in settings.adapter_feeds]
            while not stop.is_set():
                try:
                    if drop is not None:
                        await _drop_round(drop, sink, stop, settings.adapter_batch_size)
                    for poller in pollers:
                        if poller.is_due(monotonic()) and not stop.is_set():
                            await _poll(poller, sink)
                    if settings.adapter_trim_processed and time.monotonic() - last_trim > TRIM_EVERY_S:
                        last_trim = time.monotonic()
                        await trim_processed(publisher.client, settings.articles_stream)
                except StoppedError:
                    break
                except RedisError as err:
                    log.error("adapter.redis_error", error=str(err), url=settings.url_redacted)
                except Exception:  # keep going: the next round retries what was not finished
                    log.exception("adapter.round_failed")
                await _sleep(stop, settings.adapter_scan_interval_s)
    finally:
        await publisher.close()
        report = sink.report
        log.info("adapter.stopped", fed=report.fed, skipped_seen=report.skipped_seen, rejected=report.rejected_total)
