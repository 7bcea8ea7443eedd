"""The rig of a fault test: a private redis-server persisting to an AOF, and `claimwire run` processes on it."""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from claimwire.settings import Settings
from tests.support.aof_redis import AofRedis
from tests.support.services import Service, service_env


@dataclass
class Rig:
    """One Redis (not started: each test decides when) and the services a test started on it."""

    redis: AofRedis
    folder: Path
    settings: Settings
    services: list[Service] = field(default_factory=list)

    def start(self, name: str, user: str | None = None) -> Service:
        """Start `claimwire run NAME` on the rig's Redis, logging to `NAME-<n>.log`; every incident version stays
        on the incidents stream (retention `all`) so a version published twice shows. `user`: log in as that ACL
        user (see `AofRedis.acl`)."""
        url = self.redis.url if user is None else self.redis.url.replace("://", f"://{user}:pw-{user}@", 1)
        env = service_env(url, self.settings.key_prefix, CLAIMWIRE_INCIDENTS_RETENTION="all")
        service = Service(name, env, self.folder / f"{name}-{len(self.services)}.log").start()
        self.services.append(service)
        return service

    def logs(self) -> str:
        """The end of every log, for assertion messages."""
        services = "\n".join(f"--- {s.log_path.name}\n{s.tail()}" for s in self.services)
        return f"{services}\n--- redis\n{self.redis.log()}"


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    """A rig in `tmp_path`; every process it started is killed afterwards."""
    redis = AofRedis(tmp_path / "redis")
    settings = Settings(redis_url=redis.url, key_prefix=f"cwfault-{uuid.uuid4().hex[:8]}")
    rig = Rig(redis, tmp_path, settings)
    try:
        yield rig
    finally:
        for service in rig.services:
            service.kill()
        redis.kill()
