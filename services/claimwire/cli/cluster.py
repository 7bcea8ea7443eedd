"""`claimwire cluster`: the dedup service's decision path offline, for evaluation and backfills."""

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from ._common import load_settings
from ._inputs import JsonInput, TextInput, read_inputs, rejection_of
from ._skips import Skips

if TYPE_CHECKING:
    from claimwire.dedup._inputs import Input


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH... | -")
@click.option("--articles", "per_article", is_flag=True,
              help='Print one object per input article: {"id", "article_id", "incident_id"} instead of incidents.')
def cluster(paths: tuple[str, ...], per_article: bool) -> None:
    """File articles under incidents offline (no Redis) and print incidents as JSON lines.

    PATH is a plain-text article (id: the file name), a JSONL file of articles ("text" required; "id",
    "source", "url", "title", "published_at", "language" optional) or of ClaimExtracted claims (lines with
    a "claim_id"), a folder (walked for .txt and .jsonl files), or - for stdin. Each article is extracted
    and decided once, as the service does, and all its claims join its incident; claims given as such are
    grouped by their article_id (their texts stand in for the article's). Input order is arrival order.

    A bad JSONL line is reported as FILE:LINE: reason on stderr and skipped; the rest is clustered and the
    command exits 1 with the count skipped. Inputs larger than CLAIMWIRE_MAX_ARTICLE_BYTES are skipped too.

    With --articles, prints for each input article the incident it was filed under (null for a blank one).
    """
    from claimwire.dedup._offline_run import cluster_inputs

    skips = Skips()
    result = cluster_inputs(list(_units(list(paths), load_settings().max_article_bytes, skips)))
    if per_article:
        for a in result.articles:
            click.echo(json.dumps({"id": a.id, "article_id": a.article_id, "incident_id": a.incident_id}))
    else:
        for incident in result.incidents:
            click.echo(incident.model_dump_json())
    skips.finish()


def _units(paths: list[str], limit: int, skips: Skips) -> Iterator["Input"]:
    """Each input as a clustering unit; inputs that are neither an article nor a claim are skipped."""
    from claimwire.adapter._item import ItemError
    from claimwire.dedup._inputs import input_of_text, input_of_value

    for read in read_inputs(paths, limit, skips):
        try:
            if isinstance(read, TextInput):
                yield input_of_text(read.text, read.name, read.where)
            else:
                assert isinstance(read, JsonInput)
                yield input_of_value(read.value, f"{read.where}:{read.line}")
        except ItemError as err:
            skips.skip(rejection_of(read, err.reason, err.field))
