"""`claimwire cluster`: the dedup service's decision path offline, for evaluation and backfills."""

import json
import sys

import click


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

    With --articles, prints for each input article the incident it was filed under (null for a blank one).
    """
    from claimwire.dedup._inputs import InputError, read_paths
    from claimwire.dedup._offline_run import cluster_inputs

    stdin_text = sys.stdin.read() if "-" in paths else None
    try:
        result = cluster_inputs(list(read_paths(list(paths), stdin_text)))
    except InputError as err:
        raise click.ClickException(str(err)) from err
    if per_article:
        for a in result.articles:
            click.echo(json.dumps({"id": a.id, "article_id": a.article_id, "incident_id": a.incident_id}))
        return
    for incident in result.incidents:
        click.echo(incident.model_dump_json())
