"""The whole pipeline on a real Redis: feed -> ingest -> dedup, as the demo and docker compose run it."""

import json
import os
import subprocess
import sys

import pytest
from redis.asyncio import Redis

from claimwire.adapter import feed_paths
from claimwire.components import components_for
from claimwire.dedup import report_claim
from claimwire.extraction import extract_claims
from claimwire.progress import wait_until_drained
from claimwire.runtime import start_components
from claimwire.streams import read_events
from claimwire_contracts import ArticleReceived, ClaimExtracted, DeadLetter, IncidentUpdated
from tests.support.articles import ORIGINAL_SEED, SEED_JSONL

pytestmark = [pytest.mark.redis, pytest.mark.slow]


async def test_articles_flow_to_claims_and_incidents(settings, redis_client: Redis, tmp_path):
    """Samples and the original seed article: valid claims with exact offsets, every article filed once and
    every claim in its article's incident."""
    paths = [str(SEED_JSONL)]
    if ORIGINAL_SEED.exists():
        paths.append(str(ORIGINAL_SEED))
    broker = await start_components(settings, [*components_for("ingest", settings), *components_for("dedup", settings)])
    try:
        report = await feed_paths(settings, paths)
        assert report.fed == 8 + (1 if ORIGINAL_SEED.exists() else 0)
        groups = [(settings.articles_stream, settings.ingest_group), (settings.extracted_stream, settings.dedup_group)]
        assert await wait_until_drained(redis_client, groups, timeout=60)
    finally:
        await broker.stop()

    articles = {a.article_id: a for _, a in await read_events(redis_client, settings.articles_stream, ArticleReceived)}
    claims = [c for _, c in await read_events(redis_client, settings.claims_stream, ClaimExtracted)]
    assert {c.claim_id for a in articles.values() for c in extract_claims(a)} == {c.claim_id for c in claims}
    for claim in claims:
        assert claim.text == articles[claim.article_id].text[claim.span.start : claim.span.end]

    updates = [i for _, i in await read_events(redis_client, settings.incidents_stream, IncidentUpdated)]
    latest: dict[str, IncidentUpdated] = {}
    seen: dict[tuple[str, int], IncidentUpdated] = {}
    for update in updates:
        key = (update.incident_id, update.version)
        if key in seen:  # at-least-once: a redelivered claim republishes exactly the version it produced
            assert seen[key] == update
            continue
        seen[key] = update
        previous = latest.get(update.incident_id)
        assert previous is None or update.version == previous.version + 1, "new versions increase one by one"
        latest[update.incident_id] = update
    placed = [claim_id for incident in latest.values() for claim_id in incident.claim_ids]
    assert sorted(placed) == sorted(c.claim_id for c in claims), "every claim in one incident, no report among them"
    filed = sorted((m.article_id, m.claim_id) for incident in latest.values() for m in incident.merges)
    reports = sorted((a.article_id, report_claim(a).claim_id) for a in articles.values())
    assert reports == filed, "each article filed once, its reason naming its report"
    for incident in latest.values():
        of_articles = {c.claim_id for c in claims if c.article_id in incident.article_ids}
        assert of_articles == set(incident.claim_ids), "claims follow their article"
    assert [] == await read_events(redis_client, settings.deadletter_stream, DeadLetter)


def test_demo_json_runs_on_a_private_redis_and_exits_0():
    """`claimwire demo --json` without REDIS_URL starts its own Redis and prints the four counts."""
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL" and not k.startswith("CLAIMWIRE_")}
    result = subprocess.run(
        [sys.executable, "-m", "claimwire", "demo", "--json"], env=env, capture_output=True, text=True, timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"articles", "claims", "incidents", "dead_letters"} == set(counts)
    assert counts["articles"] == 8
    assert counts["claims"] >= 8
    assert 1 <= counts["incidents"] < counts["claims"]
    assert counts["dead_letters"] == 0


def test_demo_uses_redis_url_under_its_own_prefix_and_cleans_up(redis_url):
    """With REDIS_URL set, the demo uses that Redis and leaves no key of its own behind."""
    import redis

    client = redis.Redis.from_url(redis_url)
    before = set(client.scan_iter(match="claimwire-demo-*"))
    commands_before = int(client.info("stats")["total_commands_processed"])
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("CLAIMWIRE_")}, "REDIS_URL": redis_url}
    result = subprocess.run(
        [sys.executable, "-m", "claimwire", "demo"], env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Incidents" in result.stdout
    assert "Claims" in result.stdout
    assert before == set(client.scan_iter(match="claimwire-demo-*"))
    # It ran on this Redis, not on a private one: the whole pipeline's commands went through it.
    assert int(client.info("stats")["total_commands_processed"]) - commands_before > 100
