"""The services on a Redis that speaks TLS only: `rediss://` with the CA in `ssl_ca_certs`."""

import subprocess
from pathlib import Path

import pytest
import redis

from tests.integration.faults.ledger_check import assert_exactly_once, fault_articles, feed, wait_until_done
from tests.support.rig import Rig
from tests.support.tls import TlsFiles, make_certificates, tls_server_args

pytestmark = [pytest.mark.redis, pytest.mark.security, pytest.mark.slow]


def start_tls_only(rig: Rig) -> str:
    """Start the rig's Redis with TLS on its port and no plain port; the `rediss://` URL trusting the test CA.
    Skips when this redis-server was built without TLS."""
    try:
        files = make_certificates(rig.folder / "tls")
    except (FileNotFoundError, subprocess.CalledProcessError) as failed:
        pytest.skip(f"cannot make test certificates with the openssl CLI: {failed}")
    rig.redis.extra = tls_server_args(files, rig.redis.port)
    rig.redis.scheme, rig.redis.query = "rediss", f"?ssl_ca_certs={files.ca}"
    try:
        rig.redis.start()
    except redis.ConnectionError:
        log = rig.redis.log()
        if "tls" in log.lower() and ("not supported" in log or "Bad directive" in log):
            pytest.skip(f"this redis-server was built without TLS support: {log.strip().splitlines()[-1]}")
        raise
    return rig.redis.url


def test_the_pipeline_runs_over_tls(rig: Rig):
    """`claimwire run ingest` and `claimwire run dedup` with REDIS_URL=rediss://...?ssl_ca_certs=ca.crt verify
    the server's certificate and process every article; the plain port is closed, so nothing went in clear."""
    url = start_tls_only(rig)
    assert url.startswith("rediss://")
    with pytest.raises(redis.ConnectionError):
        redis.Redis(port=rig.redis.port, socket_timeout=2).ping()  # no TLS: the server drops the connection
    articles = fault_articles(20)
    feed(url, rig.settings, articles)
    rig.start("ingest")
    rig.start("dedup")
    wait_until_done(url, rig.settings, articles, timeout=60)
    assert_exactly_once(url, rig.settings, articles)


def test_the_readme_starts_redis_as_this_test_does():
    """README.md's TLS example starts redis-server with the arguments this test uses."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    example = " ".join(readme.split("redis-server --port 0", 1)[1].split("\n", 3)[:2]).replace("\\", " ")
    files = TlsFiles(ca=Path("ca.crt"), cert=Path("server.crt"), key=Path("server.key"))
    assert " ".join(["--port", "0", *example.split()]) == " ".join(tls_server_args(files, 6380))


def test_a_server_certificate_not_signed_by_the_trusted_ca_is_refused(rig: Rig, tmp_path):
    """With another CA in `ssl_ca_certs` the service does not talk to the server: it logs the verification
    failure as an unreachable Redis and keeps retrying (an impostor never receives a command)."""
    start_tls_only(rig)
    stranger = make_certificates(tmp_path / "other-ca")
    url = rig.redis.url.split("?")[0] + f"?ssl_ca_certs={stranger.ca}"
    service = rig.start("ingest", url)
    service.wait_for("redis.unreachable", count=2)
    errors = [line["error"] for line in service.lines() if line["event"] == "redis.unreachable"]
    assert all("certificate verify failed" in error for error in errors), errors
