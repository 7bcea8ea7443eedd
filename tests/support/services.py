"""`claimwire run SERVICE` as a real process for tests that kill, restart or watch it from outside."""

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def service_env(redis_url: str, key_prefix: str, **overrides: str) -> dict[str, str]:
    """The environment of a service under test: fast polling, quick reclaims and retries, JSON logs.

    Inherited CLAIMWIRE_* variables are dropped so a developer's shell cannot change what a test runs.
    """
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMWIRE_") and k != "REDIS_URL"}
    return {
        **inherited,
        "REDIS_URL": redis_url,
        "CLAIMWIRE_KEY_PREFIX": key_prefix,
        "CLAIMWIRE_BATCH_SIZE": "5",
        "CLAIMWIRE_POLL_INTERVAL_MS": "20",
        "CLAIMWIRE_RECLAIM_IDLE_MS": "1000",
        "CLAIMWIRE_REDIS_RETRY_INITIAL_S": "0.05",
        "CLAIMWIRE_REDIS_RETRY_MAX_S": "0.2",
        "CLAIMWIRE_GRACEFUL_TIMEOUT_S": "5",
        "CLAIMWIRE_LOG_FORMAT": "json",
        **overrides,
    }


@dataclass
class Service:
    """One `claimwire run NAME` process writing stderr (its log) and stdout to `log_path`."""

    name: str
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self) -> "Service":
        """Launch the process (a pipe nobody reads would fill up and stall it, hence the file)."""
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "claimwire", "run", self.name],
                env=self.env,
                stdout=log,
                stderr=log,
            )
        return self

    @property
    def running(self) -> bool:
        """True while the process has not exited."""
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL: no graceful stop, nothing handed back."""
        if self.running:
            assert self.process is not None
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def wait(self, timeout: float = 60) -> int:
        """Wait for the process to exit by itself; its exit code."""
        assert self.process is not None
        return self.process.wait(timeout=timeout)

    def stop(self, timeout: float = 30) -> int:
        """SIGTERM and wait; returns the exit code (killing it if it does not stop in time)."""
        assert self.process is not None
        if self.running:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise

    def lines(self) -> list[dict[str, Any]]:
        """The JSON log lines written so far (from every process that logged to `log_path`)."""
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return [json.loads(line) for line in text.splitlines() if line.startswith("{")]

    def tail(self, chars: int | None = 3000) -> str:
        """The end of the log (`chars` long; None: all of it), for assertion messages."""
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return text[-chars:] if chars else text

    def wait_for(self, event: str, timeout: float = 60, count: int = 1) -> None:
        """Block until `count` lines name `event` (JSON or console format); fail if the process exits first."""
        deadline = time.monotonic() + timeout
        while sum(event in line for line in self.tail(None).splitlines()) < count:
            assert self.running, f"{self.name} exited: {self.tail()}"
            assert time.monotonic() < deadline, f"no {event} from {self.name} within {timeout} s: {self.tail()}"
            time.sleep(0.02)
