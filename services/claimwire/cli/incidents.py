"""`claimwire incidents`: read the incident ledger (show one incident with its claims and reasons, list recent)."""

import asyncio
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from claimwire.settings import Settings

from ._common import load_settings


def _client(settings: Settings) -> Any:
    if settings.redis_cluster:
        from redis.asyncio.cluster import RedisCluster

        return RedisCluster.from_url(settings.url)
    from redis.asyncio import Redis

    return Redis.from_url(settings.url)


async def _with_ledger(work: Any) -> Any:
    from redis.exceptions import RedisError

    from claimwire.dedup import RedisLedger

    settings = load_settings()
    client = _client(settings)
    try:
        return await work(RedisLedger(client, settings))
    except RedisError as err:
        raise click.ClickException(f"Redis at {settings.url_redacted}: {err}") from err
    finally:
        await client.aclose()


@click.group()
def incidents() -> None:
    """Read the deduplicated incident ledger the dedup service keeps in Redis (REDIS_URL)."""


@incidents.command()
@click.argument("incident_id")
@click.option("--json", "as_json", is_flag=True, help="Print the incident and its claims as one JSON object.")
def show(incident_id: str, as_json: bool) -> None:
    """Print one incident: figures, sources, and each article with its claims and the signals that filed it."""

    async def work(ledger: Any) -> tuple[Any, dict[str, Any]]:
        incident = await ledger.incident(incident_id)
        return incident, (await ledger.articles_of(incident) if incident else {})

    try:
        incident, claims = asyncio.run(_with_ledger(work))
    except ValueError as err:
        raise click.ClickException(str(err)) from err
    if incident is None:
        raise click.ClickException(f"no incident {incident_id!r} in the ledger")
    if as_json:
        import json

        click.echo(json.dumps({"incident": incident.model_dump(mode="json"), "articles": claims}))
        return
    _print_incident(Console(), incident, claims)


def _print_incident(console: Console, incident: Any, articles: dict[str, Any]) -> None:
    console.print(f"[bold]{incident.title}[/bold]  ({incident.incident_id}, version {incident.version})")
    places = ", ".join(loc.name for loc in incident.locations) or "-"
    console.print(f"type {incident.event_type.value} · places {places} · days {incident.time.start} to "
                  f"{incident.time.end} · verification {incident.verification.value} · corroboration "
                  f"{incident.corroboration} · first seen {incident.first_seen:%Y-%m-%d %H:%M} · last seen "
                  f"{incident.last_seen:%Y-%m-%d %H:%M}", highlight=False)
    for figure in incident.figures:
        values = "; ".join(f"{r.value:g}{'~' if r.approximate else ''} ({r.claimant})" for r in figure.reports)
        console.print(f"  {figure.unit}: {values}{'  [red]CONFLICTING[/red]' if figure.conflicting else ''}")
    table = Table("article", "outlet", "claimant", "text", "filed because", show_lines=True)
    for reason in incident.merges:
        record = articles.get(reason.claim_id, {})
        report = record.get("report", {})
        why = ", ".join(f"{k} {v:g}" for k, v in reason.signals.items())
        headline = record.get("title") or (report.get("text") or "").split("\n", 1)[0]
        table.add_row(reason.article_id or reason.claim_id, report.get("outlet") or "", "(own report)", headline,
                      f"score {reason.score:g}: {why}")
        for claim in record.get("claims", []):
            # Records keep the outlet once, on the report (older ones on each claim too).
            table.add_row(f"  {claim['claim_id']}", claim.get("outlet") or report.get("outlet") or "",
                          claim.get("claimant") or "",
                          claim.get("text") or "", "its article")
    console.print(table)


@incidents.command(name="list")
@click.option("--count", "-n", default=20, show_default=True, help="How many incidents to list.")
@click.option("--json", "as_json", is_flag=True, help="One IncidentUpdated JSON object a line.")
def list_incidents(count: int, as_json: bool) -> None:
    """List the most recently changed incidents, newest first."""

    async def work(ledger: Any) -> Any:
        return await ledger.recent(count)

    states = asyncio.run(_with_ledger(work))
    if as_json:
        for state in states:
            click.echo(state.model_dump_json())
        return
    table = Table("incident", "v", "type", "title", "claims", "outlets", "verification", "last seen")
    for s in states:
        table.add_row(s.incident_id, str(s.version), s.event_type.value, s.title, str(len(s.claim_ids)),
                      str(s.corroboration), s.verification.value, f"{s.last_seen:%Y-%m-%d %H:%M}")
    Console().print(table)
