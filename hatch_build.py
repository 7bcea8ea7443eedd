"""Wheel build hook: compile the claim-extraction core with mypyc.

Extraction is plain, fully annotated Python (mypy --strict clean), and mypyc turns exactly that kind of
code into C extension modules: before extraction parsed (Nov 2026) the compiled core ran 1.2-1.3x faster than
the same source interpreted; with the spaCy parse taking most of the time it is about the same (0.94-1.07x).
Output is byte-identical (bench/extract_bench.py times both builds;
tests/compiled/test_compiled_extraction.py compares their output).

Only standard wheels are compiled (`pip install .`, `uv build`, the Docker image's `uv sync --no-editable`).
Editable installs (`uv sync` in a checkout) stay pure Python, so an edited .py file is what runs: an
in-place .so would silently shadow it.

Environment:
- CLAIMWIRE_PURE_PYTHON=1: build a pure-Python wheel (no compiler needed).
- CLAIMWIRE_REQUIRE_COMPILED=1: fail the build when compiling fails, instead of warning and building a
  pure-Python wheel (the Docker image and CI set this, so a missing compiler cannot go unnoticed).
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: The package directory whose private modules (`_*.py`) are compiled; the rest of claimwire stays Python.
COMPILED_PACKAGE = Path("claimwire") / "extraction"
EXTENSION_SUFFIXES = (".so", ".pyd")
#: mypyc's name for the compiled group; its shared library becomes claimwire/extraction/_compiled__mypyc.
GROUP_NAME = "claimwire.extraction._compiled"


class CompileExtraction(BuildHookInterface):
    """Compiles services/claimwire/extraction/_*.py into extension modules shipped beside the sources."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version != "standard" or os.environ.get("CLAIMWIRE_PURE_PYTHON"):
            return
        self._workdir = Path(tempfile.mkdtemp(prefix="claimwire-mypyc-"))
        try:
            built = self._compile(self._workdir)
        except (OSError, subprocess.CalledProcessError) as error:
            if os.environ.get("CLAIMWIRE_REQUIRE_COMPILED"):
                raise
            output = (getattr(error, "stdout", "") or "") + (getattr(error, "stderr", "") or "")
            self.app.display_warning(
                f"claimwire: compiling extraction with mypyc failed ({error}); building pure Python.\n{output[-2000:]}"
            )
            return
        for path in built:
            build_data["force_include"][str(path)] = str(path.relative_to(self._workdir))
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        workdir = getattr(self, "_workdir", None)
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)

    def _compile(self, workdir: Path) -> list[Path]:
        """Runs mypyc on a copy of the modules (the source tree is never written to); returns the built files."""
        source = Path(self.root) / "services" / COMPILED_PACKAGE
        target = workdir / COMPILED_PACKAGE
        target.mkdir(parents=True)
        modules = sorted(m for m in source.glob("_*.py") if m.name != "__init__.py")
        for module in [source / "__init__.py", *modules]:
            shutil.copy2(module, target / module.name)
        (workdir / "claimwire" / "__init__.py").touch()
        # Imports from outside the package (pydantic, the contracts) are typed Any: they are not compiled, and
        # the build environment does not install them. The group name puts mypyc's shared runtime library
        # inside the package (claimwire/extraction/_compiled__mypyc.*) instead of a top-level module.
        arguments = [str(COMPILED_PACKAGE / m.name) for m in modules] + ["--ignore-missing-imports"]
        setup = workdir / "setup.py"
        setup.write_text(
            "from mypyc.build import mypycify\n"
            "from setuptools import setup\n"
            f"setup(name='claimwire-extraction', ext_modules=mypycify({arguments!r}, group_name={GROUP_NAME!r}))\n",
            encoding="utf-8",
        )
        self.app.display_info(f"claimwire: compiling {len(modules)} extraction modules with mypyc")
        command = [sys.executable, str(setup), "build_ext", "--inplace"]
        subprocess.run(command, cwd=workdir, check=True, capture_output=True, text=True)
        built = [p for p in target.glob("*") if p.suffix in EXTENSION_SUFFIXES]
        if len(built) <= len(modules):  # one extension per module plus the shared runtime library
            raise OSError(f"mypyc built {len(built)} extension files for {len(modules)} modules")
        return built
