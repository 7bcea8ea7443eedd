"""Helpers for adapter integration tests: read back what was fed, as FastStream delivers it."""

import asyncio
from typing import Any

import pytest
from faststream.redis import StreamSub

from claimwire.broker import build_broker
from claimwire.settings import Settings
from claimwire_contracts import ArticleReceived


async def read_articles(settings: Settings, expected: int, wait_s: float = 10.0) -> list[ArticleReceived]:
    """The articles on the stream, received by a real FastStream subscriber in a consumer group."""
    broker = build_broker(settings)
    received: list[ArticleReceived] = []
    done = asyncio.Event()

    @broker.subscriber(stream=StreamSub(settings.articles_stream, group="adapter-test", consumer="t",
                                        last_id="0", max_records=100))
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
    return settings.model_copy(update={
        "adapter_backlog_poll_s": 0.05, "adapter_scan_interval_s": 0.05, "adapter_drop_settle_s": 0.1,
    })
