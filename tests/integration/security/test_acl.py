"""The whole pipeline as a Redis ACL user confined to the project's key prefix."""

import shutil
from pathlib import Path

import httpx
import pytest
import redis

from claimwire.embedded import free_port
from claimwire.settings import Settings
from claimwire.streams import read_events
from claimwire_contracts import ArticleReceived
from tests.integration.faults.ledger_check import assert_exactly_once, stream_length, wait_until, wait_until_done
from tests.support.articles import SEED_JSONL
from tests.support.rig import Rig

pytestmark = [pytest.mark.redis, pytest.mark.security, pytest.mark.slow]

#: The rules README.md documents (section Security): keys under the prefix only, no pub/sub channel, data and
#: script commands but nothing administrative (no CONFIG, KEYS, FLUSHALL, DEBUG, ...).
ACL_RULES = ("resetkeys", "~claimwire:*", "resetchannels", "-@all", "+@read", "+@write", "+@scripting",
             "+@connection", "-@dangerous")  # fmt: skip


def test_the_pipeline_runs_as_an_acl_user_limited_to_the_key_prefix(rig: Rig):
    """Adapter (drop folder), ingest and dedup logged in as `claimwire-app` with `~claimwire:*`: every article is fed,
    extracted and filed, the ingest worker's /readyz and /metrics see Redis, and Redis logged no command refused
    (ACL LOG is empty)."""
    assert "claimwire" == Settings.model_fields["key_prefix"].default
    rig.redis.start()
    url = rig.redis.acl("claimwire-app", *ACL_RULES)
    drop = rig.folder / "drop"
    drop.mkdir()
    http_port = free_port()
    rig.start("adapter", url, CLAIMWIRE_ADAPTER_DROP_DIR=str(drop), CLAIMWIRE_ADAPTER_DROP_SETTLE_S="0.2")
    rig.start("ingest", url, CLAIMWIRE_HTTP_PORT=str(http_port), CLAIMWIRE_HTTP_HOST="127.0.0.1")
    rig.start("dedup", url)
    shutil.copy(SEED_JSONL, drop / "seeds.jsonl.part")
    (drop / "seeds.jsonl.part").rename(drop / "seeds.jsonl")
    count = len(SEED_JSONL.read_text().splitlines())
    wait_until(lambda: stream_length(rig.redis.url, rig.settings.articles_stream) >= count, 60, rig.logs)
    articles = [a for _, a in read_events_sync(rig.redis.url, rig.settings.articles_stream)]
    wait_until_done(rig.redis.url, rig.settings, articles, timeout=60)
    assert_exactly_once(rig.redis.url, rig.settings, articles)
    assert 200 == httpx.get(f"http://127.0.0.1:{http_port}/readyz").status_code
    assert "claimwire_redis_up 1.0" in httpx.get(f"http://127.0.0.1:{http_port}/metrics").text
    with redis.Redis.from_url(rig.redis.url) as admin:
        assert [] == admin.acl_log(), "no command of the services was refused"
    with redis.Redis.from_url(url) as confined, pytest.raises(redis.exceptions.NoPermissionError):
        confined.set("elsewhere:key", "x")


def test_the_readme_documents_exactly_these_rules():
    """The ACL example of README.md's Security section is the one this test runs."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    assert f"ACL SETUSER claimwire-app on >PASSWORD {' '.join(ACL_RULES)}" in readme


def read_events_sync(url: str, stream: str) -> list[tuple[str, ArticleReceived]]:
    """The articles on `stream`."""
    import asyncio

    from redis.asyncio import Redis

    async def run() -> list[tuple[str, ArticleReceived]]:
        async with Redis.from_url(url) as client:
            return await read_events(client, stream, ArticleReceived)

    return asyncio.run(run())
