"""The README stays true: its configuration table is the Settings model's, its commands exist."""

import re
import sys
from pathlib import Path

from claimwire.cli import COMMANDS

REPO = Path(__file__).resolve().parents[3]
README = (REPO / "README.md").read_text(encoding="utf-8")
sys.path.insert(0, str(REPO / "docs"))

from settings_table import settings_table  # noqa: E402


def test_the_configuration_table_is_generated_from_settings():
    """README's table equals `python docs/settings_table.py` (regenerate it when settings change)."""
    block = README.split("<!-- settings:start -->\n", 1)[1].split("\n<!-- settings:end -->", 1)[0]
    assert settings_table() == block


def test_every_claimwire_command_in_the_readme_exists():
    """Each `claimwire X` the README mentions is a command of the CLI."""
    mentioned = set(re.findall(r"claimwire (\w+)", README)) - {"demo", "is", "turns", "gives"}
    assert mentioned <= set(COMMANDS), mentioned - set(COMMANDS)
