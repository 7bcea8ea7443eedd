"""Crashes mid-run, of Redis or of a service (SIGKILL, then a restart): no claim lost, none doubled, the ledger
consistent. Every test runs `claimwire run ingest` and `claimwire run dedup` as processes on a private
redis-server persisting every write (AOF, fsync always), as a production Redis with AOF would."""

import time

import pytest

from claimwire_contracts import ArticleReceived
from tests.integration.faults.ledger_check import (
    assert_exactly_once,
    expected_claims,
    fault_articles,
    feed,
    stream_length,
    wait_until,
    wait_until_done,
)
from tests.support.rig import Rig

pytestmark = [pytest.mark.redis, pytest.mark.faults, pytest.mark.slow]

#: Articles per test: enough that a kill lands mid-run (about a second of work per service), few enough to stay fast.
ARTICLES = 120
OTHER = {"ingest": "dedup", "dedup": "ingest"}


def wait_for_length(rig: Rig, stream: str, at_least: int, timeout: float = 60) -> None:
    """Until `stream` holds `at_least` entries (the services are visibly mid-run)."""
    wait_until(
        lambda: stream_length(rig.redis.url, stream) >= at_least, timeout,
        lambda: f"{stream} did not reach {at_least} entries:\n{rig.logs()}",
    )  # fmt: skip


def outputs_of(rig: Rig, service: str, articles: list[ArticleReceived]) -> tuple[str, int]:
    """The stream `service` publishes to and how many entries the articles give there (at most once each)."""
    if service == "ingest":
        return rig.settings.claims_stream, sum(expected_claims(articles).values())
    return rig.settings.incidents_stream, len(articles)


def finish_and_check(rig: Rig, articles: list[ArticleReceived], timeout: float = 60) -> None:
    """Wait until the pipeline has filed every article, then check nothing was lost or doubled."""
    try:
        wait_until_done(rig.redis.url, rig.settings, articles, timeout)
    except AssertionError as failed:
        raise AssertionError(f"{failed}\n{rig.logs()}") from None
    assert_exactly_once(rig.redis.url, rig.settings, articles)


@pytest.mark.parametrize("service", ["ingest", "dedup"])
def test_a_service_killed_mid_run_then_restarted(rig: Rig, service: str):
    """SIGKILL of the ingest worker (or the dedup service) while it publishes; another process of it takes over
    the entries the dead one held (after the reclaim idle time) and the rest."""
    articles = fault_articles(ARTICLES)
    stream, total = outputs_of(rig, service, articles)
    rig.redis.start()
    feed(rig.redis.url, rig.settings, articles)
    rig.start(OTHER[service])
    first = rig.start(service)
    wait_for_length(rig, stream, total // 3)
    first.kill()
    assert stream_length(rig.redis.url, stream) < total, "killed mid-run, not after"
    rig.start(service)
    finish_and_check(rig, articles)


def test_redis_killed_mid_run_then_restarted(rig: Rig):
    """SIGKILL of redis-server while both services work, restarted on the same port and folder a moment later
    (it reloads its AOF): the services reconnect and finish every article."""
    articles = fault_articles(ARTICLES)
    claims, total = outputs_of(rig, "ingest", articles)
    rig.redis.start()
    feed(rig.redis.url, rig.settings, articles)
    ingest, dedup = rig.start("ingest"), rig.start("dedup")
    wait_for_length(rig, claims, total // 3)
    wait_for_length(rig, rig.settings.incidents_stream, 1)
    filed = stream_length(rig.redis.url, rig.settings.incidents_stream)
    rig.redis.kill()
    assert filed < ARTICLES, "killed while the pipeline had work left (the ingest worker usually too)"
    time.sleep(0.5)
    assert ingest.running and dedup.running, rig.logs()
    rig.redis.start()
    finish_and_check(rig, articles)
    assert ingest.running and dedup.running, "the same processes rode the outage out"


def test_services_started_before_redis_then_redis_started(rig: Rig):
    """Both services started while nothing listens on the Redis port wait for it (retrying), then process
    every article fed once it is up."""
    articles = fault_articles(ARTICLES)
    ingest, dedup = rig.start("ingest"), rig.start("dedup")
    ingest.wait_for("redis.unreachable", count=2)
    dedup.wait_for("redis.unreachable", count=2)
    rig.redis.start()
    feed(rig.redis.url, rig.settings, articles)
    finish_and_check(rig, articles)
    assert ingest.running and dedup.running


def test_services_killed_between_publishing_and_acking(rig: Rig):
    """The narrowest crash window, held open on purpose: the services' Redis user may not XACK (nor XDEL, which
    the dedup service sends with it), so everything they publish stays pending; they are killed once every claim
    and every incident version is out, both commands are granted, and new processes get every entry again.
    Nothing is published twice."""
    articles = fault_articles(30)
    rig.redis.start()
    feed(rig.redis.url, rig.settings, articles)
    no_ack = rig.redis.acl("no-ack", "~*", "&*", "+@all", "-xack", "-xdel")
    # No reclaims meanwhile: entries never acked would be started again and again, then dead-lettered as stuck.
    first = [rig.start(service, no_ack, CLAIMWIRE_RECLAIM_IDLE_MS="600000") for service in ("ingest", "dedup")]
    for service in ("ingest", "dedup"):
        wait_for_length(rig, *outputs_of(rig, service, articles))
    for service in first:
        service.kill()
    rig.redis.acl("no-ack", "+xack", "+xdel")
    for service in ("ingest", "dedup"):
        rig.start(service, no_ack)
    finish_and_check(rig, articles)
