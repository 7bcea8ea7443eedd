"""`claimwire schema`: the JSON Schemas of every contract."""

import json
from pathlib import Path

import click

from claimwire_contracts import EVENTS


@click.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder to write <Contract>.schema.json files into.",
)
def schema(out_dir: Path) -> None:
    """Write the JSON Schema of every event contract (ArticleReceived, ClaimExtracted, IncidentUpdated,
    DeadLetter), one file each, for subscribers in any language."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, model in EVENTS.items():
        path = out_dir / f"{name}.schema.json"
        path.write_text(json.dumps(model.model_json_schema(), indent=2) + "\n", encoding="utf-8")
        click.echo(str(path))
