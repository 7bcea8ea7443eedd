"""Rigs of the security tests: a private redis-server each, configured by the test, and services on it."""

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.aof_redis import AofRedis
from tests.support.rig import Rig


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    """A rig under the project's default key prefix (`claimwire`, what an ACL rule names) on a Redis of its own
    (not started yet); every process is killed afterwards."""
    rig = Rig(AofRedis(tmp_path / "redis"), tmp_path, "claimwire")
    try:
        yield rig
    finally:
        rig.stop()


@pytest.fixture
def prefix() -> str:
    """A key prefix no other test uses."""
    return f"cwsec-{uuid.uuid4().hex[:8]}"
