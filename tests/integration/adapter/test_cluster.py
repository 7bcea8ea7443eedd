"""The adapter on a local 3-master Redis Cluster (started by the test from redis-server on PATH)."""

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from redis.asyncio.cluster import RedisCluster

from claimwire.adapter import feed_paths
from claimwire.settings import Settings

# The cluster helper arrives with the dedup work; until it is merged this module is skipped.
redis_cluster = pytest.importorskip("tests.support.redis_cluster")

pytestmark = [pytest.mark.cluster, pytest.mark.redis, pytest.mark.slow]

DATA = Path(__file__).resolve().parents[2] / "data" / "adapter"


@pytest.fixture(scope="module")
def cluster_url() -> Iterator[str]:
    """URL of one node of a private 3-master cluster."""
    with redis_cluster.private_redis_cluster() as url:
        yield url


@pytest.fixture
def cluster_settings(cluster_url: str) -> Settings:
    """Settings on the cluster under a fresh prefix."""
    return Settings(redis_url=cluster_url, redis_cluster=True, key_prefix=f"cwtest-{uuid.uuid4().hex[:12]}")


@pytest.fixture
async def cluster_client(cluster_settings: Settings) -> AsyncIterator[RedisCluster]:
    """A cluster client for checking what the adapter wrote."""
    client = RedisCluster.from_url(cluster_settings.url)
    yield client
    await client.aclose()


async def test_feed_once_each_on_a_cluster(cluster_settings: Settings, cluster_client: RedisCluster) -> None:
    """On a cluster, ids spread over slots are claimed one call each: fed once, skipped the second time."""
    inputs = [str(DATA / "articles.jsonl"), str(DATA / "feed_rss.xml"), str(DATA / "newsml_item.xml")]
    first = await feed_paths(cluster_settings, inputs)
    again = await feed_paths(cluster_settings, inputs)
    assert (first.fed, first.rejected) == (6, [])
    assert (again.fed, again.skipped_seen) == (0, 6)
    assert await cluster_client.xlen(cluster_settings.articles_stream) == 6
