"""The mypyc-compiled extraction core (what a standard install ships) gives exactly the source's output.

mypyc trusts type annotations at run time: an annotation that lies (an int passed where `float` is declared,
None where `str` is) changes behaviour or raises only in the compiled build. So the whole golden corpus of
bench/extract_golden.py (thousands of claims) is extracted by both builds and compared byte for byte.
The first run builds the wheel (about a minute); later runs reuse it until a source file changes.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimwire import extraction

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))
from compiled_build import compiled_env, compiled_site  # noqa: E402
from extract_golden import golden_lines  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(600),
    pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler: the wheel would be pure Python"),
]


def _run(code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=compiled_env(), capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_the_wheel_carries_compiled_modules() -> None:
    out = _run("import claimwire.extraction as e, claimwire.extraction._pipeline as p; print(e.COMPILED, p.__file__)")
    compiled, path = out.split()
    assert compiled == "True"
    assert path.endswith(".so")
    assert not extraction.COMPILED, "this checkout itself holds compiled modules: remove services/**/*.so"
    # mypyc's shared runtime library lives inside the package too: nothing new at the top of site-packages.
    top_level = {p.name for p in compiled_site().iterdir() if not p.name.endswith(".dist-info")}
    assert top_level == {"claimwire"}


def test_compiled_output_is_byte_identical_to_the_source(tmp_path: Path) -> None:
    out = tmp_path / "compiled.txt"
    _run(
        "import sys; sys.path.insert(0, sys.argv[2]); from extract_golden import golden_lines;"
        "open(sys.argv[1], 'w', encoding='utf-8').write('\\n'.join(golden_lines()) + '\\n')",
        str(out),
        str(REPO / "bench"),
    )
    compiled = out.read_text(encoding="utf-8").splitlines()
    source = golden_lines()
    assert len(source) > 1000
    first_difference = next((i for i, (a, b) in enumerate(zip(source, compiled, strict=False)) if a != b), None)
    assert first_difference is None, f"source: {source[first_difference]}\ncompiled: {compiled[first_difference]}"
    assert len(compiled) == len(source)
