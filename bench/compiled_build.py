"""The mypyc-compiled claimwire wheel, built once per source state and unpacked under out/compiled/.

A checkout's `uv sync` installs claimwire editable, as Python source. The bench (`extract_bench.py`, which
times both builds) and the equivalence test (tests/compiled/test_compiled_extraction.py) need the build that a
standard install ships: this module builds that wheel with `uv build` (see hatch_build.py), unpacks it, and
gives the environment under which this checkout's Python imports the compiled package first.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "out" / "compiled"


class BuildError(RuntimeError):
    """The compiled wheel could not be built (no uv, no C compiler, or a mypyc error)."""


def source_key() -> str:
    """Hash of everything the wheel is built from; a changed source builds a new wheel."""
    digest = hashlib.sha256()
    files = [REPO / "hatch_build.py", REPO / "pyproject.toml", *sorted((REPO / "services").rglob("*.py"))]
    for path in files:
        digest.update(str(path.relative_to(REPO)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def compiled_site() -> Path:
    """A directory holding the compiled `claimwire` package (built now unless already built for this source)."""
    site = OUT / source_key()
    if (site / "claimwire").is_dir():
        return site
    uv = shutil.which("uv")
    if uv is None:
        raise BuildError("uv is not on PATH: it builds the wheel")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CLAIMWIRE_REQUIRE_COMPILED": "1"}
        env.pop("CLAIMWIRE_PURE_PYTHON", None)
        command = [uv, "build", "--wheel", "--package", "claimwire", "--out-dir", tmp, str(REPO)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise BuildError(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
        wheel = next(Path(tmp).glob("claimwire-*.whl"))
        OUT.mkdir(parents=True, exist_ok=True)
        for old in OUT.iterdir():  # keep only the current build
            shutil.rmtree(old, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(dir=OUT))
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(staging)
    staging.rename(site)
    return site


def compiled_env() -> dict[str, str]:
    """Environment for a child process of this Python that imports the compiled claimwire.

    PYTHONPATH entries come before the site directory, so the unpacked wheel's `claimwire` shadows the
    editable checkout while every dependency still comes from this environment.
    """
    site = compiled_site()
    path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


if __name__ == "__main__":
    print(compiled_site())
    check = "import claimwire.extraction as e; print('compiled' if e.COMPILED else 'NOT compiled', e.__file__)"
    subprocess.run([sys.executable, "-c", check], env=compiled_env(), check=True)
