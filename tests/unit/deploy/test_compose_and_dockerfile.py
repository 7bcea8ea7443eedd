"""Static checks of docker-compose.yml and docker/Dockerfile (no Docker engine runs on our machines)."""

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimwire.cli import COMMANDS

REPO = Path(__file__).resolve().parents[3]
COMPOSE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "docker" / "Dockerfile"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return document


@pytest.fixture(scope="module")
def dockerfile() -> str:
    return DOCKERFILE.read_text()


def test_docker_compose_config_accepts_the_file():
    """`docker compose config -q` validates the file wherever the compose plugin is installed."""
    if (
        shutil.which("docker") is None
        or subprocess.run(["docker", "compose", "version"], capture_output=True, check=False).returncode
    ):
        pytest.skip("docker compose plugin not installed; the checks below still run")
    result = subprocess.run(
        ["docker", "compose", "-f", str(COMPOSE), "config", "-q"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_redis_has_a_health_check_and_aof_on_a_volume(compose):
    """Redis persists with AOF on a named volume and reports health with redis-cli ping."""
    redis = compose["services"]["redis"]
    assert "--appendonly" in redis["command"] and "yes" in redis["command"]
    assert any(v.endswith(":/data") and not v.startswith((".", "/")) for v in redis["volumes"])
    assert redis["volumes"][0].split(":")[0] in compose["volumes"]
    assert "ping" in " ".join(redis["healthcheck"]["test"])
    assert re.fullmatch(r"redis:\d+\.\d+\.\d+-alpine", redis["image"]), "pin the Redis image version"


def test_every_service_waits_for_a_healthy_redis(compose):
    """Adapter, ingest, dedup, the seeder and the example subscriber start only once Redis is healthy."""
    for name in ("adapter", "ingest", "dedup", "subscriber", "seed"):
        service = compose["services"][name]
        assert {"condition": "service_healthy"} == service["depends_on"]["redis"], name
        assert service["environment"]["REDIS_URL"] == "redis://redis:6379/0", name


def test_ingest_runs_two_replicas_and_each_service_runs_its_command(compose):
    """Two ingest replicas share one consumer group; every command exists in the CLI."""
    services = compose["services"]
    assert services["ingest"]["deploy"]["replicas"] == 2
    assert ["run", "ingest"] == services["ingest"]["command"]
    assert ["run", "dedup"] == services["dedup"]["command"]
    assert ["run", "adapter"] == services["adapter"]["command"]
    for name in ("ingest", "dedup", "adapter", "seed"):
        assert services[name]["command"][0] in COMMANDS
    assert "CLAIMWIRE_CONSUMER_NAME" not in services["ingest"]["environment"], "replicas need distinct consumer names"


def test_dockerfile_is_multi_stage_non_root_pinned_and_honours_the_lock(dockerfile):
    """Build and runtime stages, a pinned base image, uv sync --locked, and a non-root user at run time."""
    stages = re.findall(r"^FROM\s+(\S+)(?:\s+AS\s+(\w+))?", dockerfile, flags=re.MULTILINE)
    assert len(stages) >= 2
    base = re.search(r"^ARG PYTHON_IMAGE=(\S+)", dockerfile, flags=re.MULTILINE)
    assert base is not None and re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+(@sha256:[0-9a-f]{64})?", base.group(1))
    assert "uv:latest" not in dockerfile and re.search(r"astral-sh/uv:\d+\.\d+\.\d+", dockerfile)
    assert dockerfile.count("uv sync --locked") == 2
    runtime = dockerfile.split("AS runtime", 1)[1]
    user = re.search(r"^USER\s+(\S+)", runtime, flags=re.MULTILINE)
    assert user is not None and not user.group(1).startswith(("root", "0"))
    assert "--no-dev" in dockerfile


def test_the_service_user_owns_only_the_drop_folder(dockerfile):
    """At run time the code and seeds are root's (read-only to the service user, which cannot rewrite what it
    runs); the drop folder, where the adapter moves files, is the one place it owns."""
    runtime = dockerfile.split("AS runtime", 1)[1]
    assert "--chown" not in runtime
    assert re.search(r"^RUN install -d -o claimwire -g claimwire /drop$", runtime, flags=re.MULTILINE)


def test_image_ships_the_compiled_extraction_core(dockerfile):
    """The build stage has a C compiler and refuses to fall back to pure Python; the runtime stage has none."""
    build, runtime = dockerfile.split("AS runtime", 1)
    assert re.search(r"apt-get install .*\bgcc\b", build)
    assert "CLAIMWIRE_REQUIRE_COMPILED=1" in build
    assert "COPY hatch_build.py" in build
    assert "gcc" not in runtime


def test_dockerfile_copies_only_paths_that_exist(dockerfile):
    """Every COPY source from the build context exists in the repository."""
    for line in dockerfile.splitlines():
        if line.startswith("COPY") and "--from=" not in line:
            *sources, _ = line.split()[1:]
            for source in sources:
                if not source.startswith("--"):
                    assert (REPO / source).exists(), source


def test_every_compose_setting_and_module_is_one_the_code_reads(compose):
    """Settings ignore unknown variables, so a misspelt CLAIMWIRE_* name in compose would silently do nothing:
    every one names a Settings field; the example subscriber's module exists."""
    from claimwire.settings import Settings

    for name, service in compose["services"].items():
        for variable in service.get("environment", {}):
            if variable.startswith("CLAIMWIRE_"):
                assert variable.removeprefix("CLAIMWIRE_").lower() in Settings.model_fields, (name, variable)
    entrypoint = compose["services"]["subscriber"]["entrypoint"]
    module = entrypoint[entrypoint.index("-m") + 1]
    assert (REPO / "services" / Path(*module.split("."))).with_suffix(".py").exists(), module


def test_the_desk_serves_on_port_8080_once_redis_is_healthy(compose):
    """The desk listens on all interfaces inside its container, published on port 8080, checked by /readyz."""
    desk = compose["services"]["desk"]
    assert ["desk", "--host", "0.0.0.0", "--port", "8080"] == desk["command"]
    assert desk["command"][0] in COMMANDS
    assert ["8080:8080"] == desk["ports"]
    assert {"condition": "service_healthy"} == desk["depends_on"]["redis"]
    assert "/readyz" in " ".join(desk["healthcheck"]["test"])


def test_every_long_running_service_serves_http_and_is_health_checked_on_readyz(compose):
    """Adapter, ingest and dedup listen on CLAIMWIRE_HTTP_PORT and their healthcheck GETs /readyz on that port."""
    for name in ("adapter", "ingest", "dedup"):
        service = compose["services"][name]
        port = service["environment"]["CLAIMWIRE_HTTP_PORT"]
        check = " ".join(service["healthcheck"]["test"])
        assert f"http://127.0.0.1:{port}/readyz" in check, name
    assert compose["services"]["subscriber"]["healthcheck"]["test"], "the example subscriber is checked too"


def test_the_monitoring_profile_scrapes_every_service(compose):
    """Prometheus and Grafana start only with --profile monitoring; Prometheus finds every service's replicas."""
    services = compose["services"]
    for name in ("prometheus", "grafana"):
        assert ["monitoring"] == services[name]["profiles"], name
        assert re.fullmatch(r"\S+:v?\d+\.\d+\.\d+", services[name]["image"]), "pin the image version"
    config = yaml.safe_load((REPO / "docker" / "prometheus.yml").read_text())
    (discovery,) = config["scrape_configs"][0]["dns_sd_configs"]
    assert {"adapter", "ingest", "dedup", "desk"} == set(discovery["names"])
    assert str(discovery["port"]) == services["ingest"]["environment"]["CLAIMWIRE_HTTP_PORT"]
    for volume in services["prometheus"]["volumes"] + services["grafana"]["volumes"]:
        assert (REPO / volume.split(":")[0]).exists(), volume


def test_the_dashboard_queries_only_metrics_the_services_export():
    """Every metric the committed Grafana dashboard queries is one `Metrics` registers (no typo goes blank)."""
    import json

    from claimwire.metrics import Metrics

    dashboard = json.loads((REPO / "docker" / "grafana" / "dashboards" / "claimwire.json").read_text())
    queried = {
        re.sub(r"_(bucket|total|count|sum)$", "", name)
        for panel in dashboard["panels"]
        for target in panel["targets"]
        for name in re.findall(r"\bclaimwire_\w+", target["expr"])
    }
    exported = {metric.name for metric in Metrics().registry.collect()}
    assert queried, "the dashboard queries something"
    assert queried <= exported, queried - exported
