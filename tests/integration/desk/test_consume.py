"""The desk's subscribers on a real Redis: a batch is acked only once the read model holds it."""

from collections.abc import Sequence
from datetime import timedelta

import pytest
from redis.asyncio import Redis

from claimwire.desk import DeskStore
from claimwire.desk._consume import desk_stages
from claimwire.progress import wait_until_drained
from claimwire.runtime import start_components
from claimwire.settings import Settings
from claimwire.streams import publish_all
from claimwire_contracts import ClaimExtracted
from tests.support.desk import article, claim

pytestmark = pytest.mark.redis


class FlakyStore(DeskStore):
    """A read model whose first claims write fails, as when Redis drops the connection mid-batch."""

    failed = False

    async def put_claims(self, claims: Sequence[ClaimExtracted]) -> None:
        if not self.failed:
            self.failed = True
            raise ConnectionError("connection reset while writing the batch")
        await super().put_claims(claims)


async def test_a_batch_whose_write_fails_stays_pending_and_is_written_on_redelivery(
    settings: Settings, redis_client: Redis
):
    """The failed batch is not acked; the reclaimer hands it back and the claim is held in the end."""
    one = claim(article("a1"), "3 people were arrested", "Police")
    store = FlakyStore(redis_client, settings)
    broker = await start_components(settings, desk_stages(settings, store))
    try:
        await publish_all(redis_client, [(settings.claims_stream, one, "test")], maxlen=None)
        assert await wait_until_drained(redis_client, [(settings.claims_stream, settings.desk_group)], timeout=20)
    finally:
        await broker.stop()
    assert store.failed
    assert [one] == await store.claims([one.claim_id])


async def test_an_older_copy_of_an_article_never_replaces_a_newer_one(settings: Settings, redis_client: Redis):
    """Articles are kept by version time (`updated_at`, else `received_at`), whatever order they arrive in."""
    store = DeskStore(redis_client, settings)
    newer = article("a1").model_copy(update={"text": "corrected text", "updated_at": article("a1").received_at
                                             + timedelta(hours=1)})
    await store.put_articles([newer])
    await store.put_articles([article("a1")])
    assert "corrected text" == (await store.articles(["a1"]))["a1"].text
