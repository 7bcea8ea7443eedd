"""`claimwire tail`, `schema` and `docs` against a real Redis / the real contracts."""

import asyncio
import json

import pytest
import redis
from click.testing import CliRunner
from redis.asyncio import Redis

from claimwire.cli import main
from claimwire.extraction import extract_claims
from claimwire.streams import publish_all
from claimwire_contracts import EVENTS, ClaimExtracted
from tests.support.articles import sample_articles


def env_of(settings):
    return {
        "REDIS_URL": settings.url,
        "CLAIMWIRE_KEY_PREFIX": settings.key_prefix,
        "CLAIMWIRE_LOG_LEVEL": "error",
    }


def publish_claims(settings) -> list[ClaimExtracted]:
    claims = extract_claims(sample_articles()[0])

    async def publish() -> None:
        client = Redis.from_url(settings.url)
        await publish_all(client, [(settings.claims_stream, c, "1-0") for c in claims], maxlen=None)
        await client.aclose()

    asyncio.run(publish())
    return claims


@pytest.mark.redis
def test_tail_prints_the_stream_from_its_first_entry_without_joining_a_group(settings):
    """tail --json --count N prints N events in order, as JSON, and creates no consumer group."""
    claims = publish_claims(settings)
    result = CliRunner().invoke(main, ["tail", "claims", "--json", "--count", "2"], env=env_of(settings))
    assert result.exit_code == 0, result.output
    printed = [ClaimExtracted.model_validate(json.loads(line)) for line in result.output.splitlines()]
    assert claims[:2] == printed
    assert [] == redis.Redis.from_url(settings.url).xinfo_groups(settings.claims_stream)


@pytest.mark.redis
def test_tail_new_waits_only_for_new_events_and_stops_at_the_timeout(settings):
    """--new skips retained entries; --timeout ends the command when nothing new arrives."""
    publish_claims(settings)
    result = CliRunner().invoke(main, ["tail", "claims", "--new", "--timeout", "0.3"], env=env_of(settings))
    assert result.exit_code == 0
    assert "" == result.output


@pytest.mark.redis
def test_tail_new_keeps_events_published_between_two_reads(settings, monkeypatch):
    """--new follows from the stream's last entry at start: an event arriving between two XREAD calls is printed."""
    claims = extract_claims(sample_articles()[0])

    class PublishAfterFirstRead(Redis):
        """A real client that publishes one claim right after tail's first (empty) read returned."""

        reads = 0

        async def xread(self, *args, **kwargs):  # type: ignore[override]
            reply = await super().xread(*args, **kwargs)
            PublishAfterFirstRead.reads += 1
            if PublishAfterFirstRead.reads == 1:
                await publish_all(self, [(settings.claims_stream, claims[0], "1-0")], maxlen=None)
            return reply

    monkeypatch.setattr("claimwire.cli.tail.build_client", lambda s: PublishAfterFirstRead.from_url(s.url))
    result = CliRunner().invoke(
        main, ["tail", "claims", "--new", "--json", "--count", "1", "--timeout", "2"], env=env_of(settings)
    )
    assert result.exit_code == 0, result.output
    assert [claims[0]] == [ClaimExtracted.model_validate_json(line) for line in result.output.splitlines()]


def test_tail_reports_an_unreachable_redis_clearly():
    """No Redis at REDIS_URL: one clear message, exit 1, no traceback."""
    result = CliRunner().invoke(
        main, ["tail", "claims", "--timeout", "0.1"], env={"REDIS_URL": "redis://127.0.0.1:1/0"}
    )
    assert result.exit_code == 1
    assert "cannot reach Redis" in result.output


def test_schema_writes_one_valid_json_schema_per_contract(tmp_path):
    """claimwire schema writes <Contract>.schema.json for each event, with field descriptions."""
    result = CliRunner().invoke(main, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert {f"{name}.schema.json" for name in EVENTS} == {p.name for p in tmp_path.iterdir()}
    claim = json.loads((tmp_path / "ClaimExtracted.schema.json").read_text())
    assert all("description" in prop for prop in claim["properties"].values())


def test_docs_writes_an_asyncapi_document_with_every_stream(tmp_path):
    """claimwire docs writes AsyncAPI 3.0 with the articles, claims, incidents and dead-letter channels."""
    out = tmp_path / "asyncapi.json"
    result = CliRunner().invoke(main, ["docs", "--out", str(out)])
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text())
    assert document["asyncapi"].startswith("3.")
    channels = " ".join(document["channels"])
    for stream in ("articles", "claims", "incidents", "deadletter"):
        assert f"claimwire:{stream}" in channels
    assert {"ArticleReceived", "ClaimExtracted", "IncidentUpdated", "DeadLetter"} <= set(
        document["components"]["schemas"]
    )


@pytest.mark.redis
def test_tail_shows_an_invalid_entry_as_such_and_goes_on(settings):
    """An entry that is not a valid event prints a one-line notice, not a traceback, and tail continues."""
    client = redis.Redis.from_url(settings.url)
    client.xadd(settings.claims_stream, {"__data__": b"{broken"})
    publish_claims(settings)
    result = CliRunner().invoke(main, ["tail", "claims", "--count", "2"], env=env_of(settings))
    assert result.exit_code == 0, result.output
    first, second = result.output.splitlines()
    assert "not a valid claims event" in first
    assert second.startswith("clm_")
