"""A throw-away local Redis Cluster: three masters on free loopback ports, started from redis-server on PATH."""

import contextlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import redis

from .redis_server import free_port, wait_for_ping


def _wait_for_cluster_ok(ports: list[int], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        states = [redis.Redis(port=p).cluster("info") for p in ports]
        if all(s.get("cluster_state") == "ok" for s in states):
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"cluster did not reach cluster_state:ok: {states}")
        time.sleep(0.1)


@contextlib.contextmanager
def private_redis_cluster(masters: int = 3) -> Iterator[str]:
    """Start `masters` cluster-enabled redis-servers, join them with `redis-cli --cluster create`, yield a URL
    of the first node; every process is stopped and every file removed afterwards."""
    server, cli = shutil.which("redis-server"), shutil.which("redis-cli")
    if server is None or cli is None:
        raise RuntimeError("redis-server and redis-cli must be on PATH to start a local Redis Cluster")
    ports = [free_port() for _ in range(masters)]
    procs: list[subprocess.Popen[bytes]] = []
    with tempfile.TemporaryDirectory(prefix="claimwire-test-cluster-") as folder:
        try:
            for port in ports:
                node_dir = Path(folder) / str(port)
                node_dir.mkdir()
                procs.append(subprocess.Popen(
                    [server, "--port", str(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes",
                     "--cluster-config-file", str(node_dir / "nodes.conf"), "--dir", str(node_dir),
                     "--save", "", "--appendonly", "no", "--cluster-node-timeout", "2000"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                ))
            for port in ports:
                wait_for_ping(f"redis://127.0.0.1:{port}/0")
            subprocess.run(
                [cli, "--cluster", "create", *(f"127.0.0.1:{p}" for p in ports), "--cluster-yes"],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=30,
            )
            _wait_for_cluster_ok(ports)
            yield f"redis://127.0.0.1:{ports[0]}/0"
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait(timeout=10)
