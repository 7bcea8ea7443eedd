"""A private redis-server that persists every write (AOF, fsync always) and can be killed and restarted."""

import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import redis

from claimwire.embedded import find_redis_server, free_port
from tests.support.redis_server import wait_for_ping


@dataclass
class AofRedis:
    """redis-server on a fixed port and folder: `kill()` is SIGKILL, `start()` again reloads the AOF from there."""

    folder: Path
    port: int = field(default_factory=free_port)
    extra: tuple[str, ...] = ()
    scheme: str = "redis"
    query: str = ""
    """Appended to the URL: `?ssl_ca_certs=...` for TLS."""
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The URL clients use (no credentials)."""
        return f"{self.scheme}://127.0.0.1:{self.port}/0{self.query}"

    @property
    def args(self) -> list[str]:
        """The command line: loopback only, every write fsynced to the AOF before it is answered."""
        return [
            find_redis_server(), "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
            "--appendonly", "yes", "--appendfsync", "always", "--save", "",
            "--logfile", str(self.folder / "redis.log"), *self.extra,
        ]  # fmt: skip

    def start(self) -> None:
        """Start the server and wait until it answers PING."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(self.args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_ping(self.url)

    def acl(self, user: str, *rules: str, password: str | None = None) -> str:
        """ACL SETUSER `user` on with `rules` and `password` (default `pw-<user>`); the URL logging in as `user`."""
        password = password or f"pw-{user}"
        with redis.Redis.from_url(self.url) as client:
            client.execute_command("ACL", "SETUSER", user, "on", f">{password}", *rules)
        return self.url.replace("://", f"://{user}:{password}@", 1)

    def kill(self) -> None:
        """SIGKILL, as a crash or an OOM kill would stop it: no shutdown save, connections cut."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def log(self) -> str:
        """The end of the server's log, for assertion messages."""
        path = self.folder / "redis.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""
