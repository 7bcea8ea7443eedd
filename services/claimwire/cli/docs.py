"""`claimwire docs`: the AsyncAPI document FastStream generates from the subscribers and publishers."""

from pathlib import Path

import click

from claimwire_contracts import ArticleReceived

from .. import __version__
from ..broker import build_broker
from ..components import CONSUMERS, components_for
from ._common import load_settings


@click.command()
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("asyncapi.json"),
    show_default=True,
    help="File to write; '-' for stdout.",
)
@click.option("--yaml", "as_yaml", is_flag=True, help="Write YAML instead of JSON.")
def docs(out_file: Path, as_yaml: bool) -> None:
    """Write the AsyncAPI 3.0 document of claimwire's streams: channels, consumer groups and the
    message schemas of every contract, as FastStream generates them."""
    from faststream.specification import AsyncAPI

    settings = load_settings()
    broker = build_broker(settings)
    broker.publisher(
        stream=settings.articles_stream,
        schema=ArticleReceived,
        title=f"{settings.articles_stream}:publish",
        description=ArticleReceived.__doc__,
    )
    for name in CONSUMERS:
        for component in components_for(name, settings):
            component.register(broker, settings)
    spec = AsyncAPI(
        broker,
        title="claimwire",
        version=__version__,
        description="News articles in, typed claim events and a deduplicated incident ledger out.",
    )
    document = spec.to_specification()
    text = document.to_yaml() if as_yaml else document.to_json()
    if str(out_file) == "-":
        click.echo(text)
        return
    out_file.write_text(text + "\n", encoding="utf-8")
    click.echo(str(out_file))
