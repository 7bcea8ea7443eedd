"""The rig of a fault test: a private redis-server persisting to an AOF, and `claimwire run` processes on it."""

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.aof_redis import AofRedis
from tests.support.rig import Rig


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    """A rig in `tmp_path` (Redis not started yet); every process it started is killed afterwards."""
    rig = Rig(AofRedis(tmp_path / "redis"), tmp_path, f"cwfault-{uuid.uuid4().hex[:8]}")
    try:
        yield rig
    finally:
        rig.stop()
