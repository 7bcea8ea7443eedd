"""Print the configuration table of the README from the Settings model (`uv run python docs/settings_table.py`).

A unit test checks that the README holds exactly this table, so the documentation cannot drift.
"""

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


if __name__ == "__main__":
    print(settings_table())
