"""The README's configuration table, from the Settings model: `uv run python docs/settings_table.py --write`.

A unit test checks that the README holds exactly this table, so the documentation cannot drift.
"""

import sys
from pathlib import Path
from typing import Any

from pydantic_core import PydanticUndefined

from claimwire.settings import Settings


def _default(field: Any) -> str:
    if field.default_factory is not None:
        return "host-pid" if "consumer" in str(field.default_factory) else "[]"
    if field.default is PydanticUndefined or field.default is None:
        return "unset"
    return f"`{field.default}`"


def settings_table() -> str:
    """The markdown table: variable, default, meaning."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        variable = "`REDIS_URL`" if name == "redis_url" else f"`CLAIMWIRE_{name.upper()}`"
        meaning = " ".join((field.description or "").split()).replace("|", "\\|")
        rows.append(f"| {variable} | {_default(field)} | {meaning} |")
    return "\n".join(rows)


def write_readme(path: Path) -> None:
    """Replace the table between the README's settings markers."""
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{settings_table()}\n{END}{tail}", encoding="utf-8")


START, END = "<!-- settings:start -->", "<!-- settings:end -->"

if __name__ == "__main__":
    if "--write" in sys.argv:
        write_readme(Path(__file__).resolve().parents[1] / "README.md")
    else:
        print(settings_table())
