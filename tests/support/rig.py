"""A rig for tests that run the services as processes: one private redis-server and `claimwire run` processes."""

from dataclasses import dataclass, field
from pathlib import Path

from claimwire.settings import Settings
from tests.support.aof_redis import AofRedis
from tests.support.services import Service, service_env


@dataclass
class Rig:
    """One Redis (started when a test decides) and the services a test started on it; `stop()` kills them all."""

    redis: AofRedis
    folder: Path
    key_prefix: str
    services: list[Service] = field(default_factory=list)

    @property
    def settings(self) -> Settings:
        """Settings naming the rig's streams and keys (and its Redis, for reading them from the test)."""
        return Settings(redis_url=self.redis.url, key_prefix=self.key_prefix)

    def start(self, name: str, url: str | None = None, **env: str) -> Service:
        """Start `claimwire run NAME` on the rig's Redis (or at `url`, e.g. with an ACL user's credentials),
        logging to `NAME-<n>.log`. Every incident version stays on the incidents stream (retention `all`), so
        a version published twice shows."""
        environment = service_env(
            url or self.redis.url, self.key_prefix, CLAIMWIRE_INCIDENTS_RETENTION="all", **env
        )
        service = Service(name, environment, self.folder / f"{name}-{len(self.services)}.log").start()
        self.services.append(service)
        return service

    def logs(self) -> str:
        """The end of every log, for assertion messages."""
        services = "\n".join(f"--- {s.log_path.name}\n{s.tail()}" for s in self.services)
        return f"{services}\n--- redis\n{self.redis.log()}"

    def stop(self) -> None:
        """Kill every process the rig started, Redis last."""
        for service in self.services:
            service.kill()
        self.redis.kill()
