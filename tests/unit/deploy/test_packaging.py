"""What gets installed: the contracts alone with only pydantic, and no bare `contracts`/`services` names."""

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def build_wheel(project: Path, out: Path) -> zipfile.ZipFile:
    if shutil.which("uv") is None:
        pytest.skip("uv is needed to build wheels")
    # Pure Python keeps this quick; tests/compiled checks the compiled wheel's layout and output.
    env = {**os.environ, "CLAIMWIRE_PURE_PYTHON": "1"}
    command = ["uv", "build", "--wheel", "--out-dir", str(out), str(project)]
    subprocess.run(command, check=True, capture_output=True, env=env)
    (wheel,) = out.glob("*.whl")
    return zipfile.ZipFile(wheel)


def top_level_names(wheel: zipfile.ZipFile) -> set[str]:
    return {name.split("/")[0] for name in wheel.namelist() if not name.split("/")[0].endswith(".dist-info")}


def requirements(wheel: zipfile.ZipFile) -> list[str]:
    (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    lines = wheel.read(metadata).decode().splitlines()
    return [line.split(":", 1)[1].strip() for line in lines if line.startswith("Requires-Dist:")]


@pytest.mark.slow
def test_the_contracts_install_alone_with_only_pydantic(tmp_path):
    """claimwire-contracts ships one package, claimwire_contracts, and depends on pydantic alone."""
    wheel = build_wheel(REPO / "contracts", tmp_path)
    assert {"claimwire_contracts"} == top_level_names(wheel)
    assert [req.split(">")[0].split("<")[0].strip() for req in requirements(wheel)] == ["pydantic"]


@pytest.mark.slow
def test_the_service_wheel_installs_only_the_claimwire_package(tmp_path):
    """The claimwire wheel holds `claimwire` only: no bare `services`, `contracts` or `tests` on sys.path."""
    wheel = build_wheel(REPO, tmp_path)
    assert {"claimwire"} == top_level_names(wheel)
    assert any(req.startswith("claimwire-contracts") for req in requirements(wheel))


@pytest.mark.slow
def test_the_wheel_ships_the_desks_templates_and_assets(tmp_path):
    """The desk's pages need no CDN: its templates, stylesheet and script are inside the claimwire wheel."""
    names = set(build_wheel(REPO, tmp_path).namelist())
    expected = {"claimwire/desk/templates/incident.html", "claimwire/desk/templates/list.html",
                "claimwire/desk/static/desk.css", "claimwire/desk/static/desk.js"}
    assert expected <= names
    templates = (REPO / "services" / "claimwire" / "desk").rglob("*.html")
    assert [] == [t.name for t in templates if re.search(r'(src|href)="(https?:)?//', t.read_text())]
