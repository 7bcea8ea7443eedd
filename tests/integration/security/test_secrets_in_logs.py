"""The password in REDIS_URL never reaches a log line or an error message, in either log format."""

import time

import pytest

from claimwire.embedded import free_port
from tests.integration.faults.ledger_check import fault_articles, feed, stream_length, wait_until
from tests.support.rig import Rig
from tests.support.services import Service

pytestmark = [pytest.mark.redis, pytest.mark.security, pytest.mark.slow]

SECRET = "Sekrit-0f-claimwire-t3st"


def start_with_users(rig: Rig, password: str) -> str:
    """Start the rig's Redis with users from an ACL file (ACL SETUSER is configuration, not data: it would not
    survive a restart): `default` without a password for the test, `claimwire` with `password`; the URL of
    `claimwire`."""
    acl_file = rig.folder / "users.acl"
    acl_file.write_text(f"user default on nopass ~* &* +@all\nuser claimwire on >{password} ~* &* +@all\n")
    rig.redis.extra = ("--aclfile", str(acl_file))
    rig.redis.start()
    return rig.redis.url.replace("://", f"://claimwire:{password}@")


def assert_never_logged(services: list[Service]) -> None:
    """No output of `services` contains the password (each wrote something: the check is not vacuous)."""
    for service in services:
        text = service.log_path.read_text(errors="replace")
        assert text.strip(), f"{service.log_path.name} is empty"
        assert SECRET not in text, f"{service.log_path.name} shows the password:\n{text[-3000:]}"


def test_not_when_redis_cannot_be_reached_nor_when_the_password_is_refused(rig: Rig):
    """Nothing listening (every retry logged, then giving up), a wrong password, and an unparsable URL: each
    service exits non-zero with the error, and its output never shows the password."""
    start_with_users(rig, password="the-right-one")
    nowhere = f"redis://claimwire:{SECRET}@127.0.0.1:{free_port()}/0"
    refused = f"redis://claimwire:{SECRET}@127.0.0.1:{rig.redis.port}/0"
    malformed = f"redis://:{SECRET}@127.0.0.1:not-a-port/0"
    failing = [
        rig.start("ingest", url, CLAIMWIRE_LOG_FORMAT=log_format, CLAIMWIRE_REDIS_RETRY_GIVE_UP_S="1")
        for url, log_format in ((nowhere, "json"), (nowhere, "console"), (refused, "console"), (malformed, "json"))
    ]
    assert all(0 != service.wait() for service in failing), rig.logs()
    assert_never_logged(failing)
    logged = failing[0].log_path.read_text()
    assert "redis.unreachable" in logged, "the retries were logged (with the URL masked)"
    assert "claimwire:***@" in logged
    assert "redis.unreachable" in failing[1].log_path.read_text()
    assert "invalid username-password pair" in failing[2].log_path.read_text()
    assert "REDIS_URL" in failing[3].log_path.read_text()


def test_not_when_redis_dies_under_running_services(rig: Rig):
    """Adapter, ingest and dedup logged in with a password (ingest in both formats), while Redis is killed and restarted
    under them (connection errors from redis-py and FastStream) and at their SIGTERM stop: no line shows it."""
    url = start_with_users(rig, password=SECRET)
    drop = rig.folder / "drop"
    drop.mkdir()
    running = [
        rig.start(name, url, CLAIMWIRE_LOG_FORMAT=log_format, CLAIMWIRE_ADAPTER_DROP_DIR=str(drop))
        for name, log_format in (("ingest", "json"), ("ingest", "console"), ("dedup", "json"), ("adapter", "console"))
    ]
    articles = fault_articles(20)
    feed(rig.redis.url, rig.settings, articles)
    wait_until(lambda: stream_length(rig.redis.url, rig.settings.incidents_stream) > 0, 60, rig.logs)
    for service in running:
        service.wait_for("service.started" if service.name != "adapter" else "adapter.started", count=1)
    rig.redis.kill()
    time.sleep(1.5)
    rig.redis.start()
    time.sleep(0.5)
    assert all(0 == service.stop() for service in running), rig.logs()
    assert_never_logged(running)
