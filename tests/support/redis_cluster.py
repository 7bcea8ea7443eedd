"""A throw-away local Redis Cluster: three masters on free loopback ports, started from redis-server on PATH."""

import contextlib
import random
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import redis

from claimwire.embedded import find_on_path

from .redis_server import wait_for_ping

#: A cluster node also listens on its port + 10000 (the cluster bus), so ports are drawn from a range
#: where both fit below 65536 and lie outside the usual ephemeral range.
_PORT_RANGE = (20000, 30000)


def _free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_cluster_ports(count: int) -> list[int]:
    """`count` loopback ports that are free together with their cluster-bus ports."""
    rng = random.Random()
    ports: list[int] = []
    while len(ports) < count:
        port = rng.randrange(*_PORT_RANGE)
        if port not in ports and _free(port) and _free(port + 10000):
            ports.append(port)
    return ports


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
    server, cli = find_on_path("redis-server"), find_on_path("redis-cli")
    if server is None or cli is None:
        raise RuntimeError("redis-server and redis-cli must be on PATH to start a local Redis Cluster")
    ports = free_cluster_ports(masters)
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
