"""`claimwire incidents`: read the incident ledger (show one incident with its claims and reasons, list recent)."""

import asyncio
import sys
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
    """List the most recently changed incidents, newest first.

    On a terminal, a table whose ids are always whole (titles wrap instead). Otherwise plain tab-separated
    lines, the first naming the columns: incident, version, type, title, claims, outlets, verification,
    last seen (UTC).
    """

    async def work(ledger: Any) -> Any:
        return await ledger.recent(count)

    states = asyncio.run(_with_ledger(work))
    if as_json:
        for state in states:
            click.echo(state.model_dump_json())
    elif sys.stdout.isatty():
        print_incidents_list(Console(), states)
    else:
        for row in [list(_LIST_COLUMNS), *map(_list_row, states)]:
            click.echo("\t".join(" ".join(cell.split()) for cell in row))


_LIST_COLUMNS = ("incident", "v", "type", "title", "claims", "outlets", "verification", "last seen")


def _list_row(state: Any) -> list[str]:
    return [state.incident_id, str(state.version), state.event_type.value, state.title, str(len(state.claim_ids)),
            str(state.corroboration), state.verification.value, f"{state.last_seen:%Y-%m-%d %H:%M}"]


#: Columns given up, in this order, when the table does not fit the terminal; id and title always stay.
_DROPPED_FIRST = ("outlets", "claims", "v", "last seen", "verification", "type")
_GAP = 2
_MIN_TITLE = 12


def incidents_list_table(states: list[Any], width: int) -> Table:
    """The terminal table of `incidents list` for a terminal `width` columns wide. Ids are never cut or
    wrapped (they are what `show` takes): every column but the title is as wide as its widest cell, columns
    are given up (`_DROPPED_FIRST`) until the rest fits, and the title gets what is left, cut with an ellipsis."""
    rows = [_list_row(state) for state in states]
    cells = zip(_LIST_COLUMNS, *rows, strict=True)  # column by column, the header first
    widths = {column[0]: max(map(len, column)) for column in cells}
    title = widths.pop("title")
    for name in _DROPPED_FIRST:
        if sum(widths.values()) + _MIN_TITLE + _GAP * len(widths) <= width:
            break
        del widths[name]
    widths["title"] = max(_MIN_TITLE, min(title, width - sum(widths.values()) - _GAP * len(widths)))
    shown = [name for name in _LIST_COLUMNS if name in widths]
    table = Table(box=None, padding=(0, _GAP, 0, 0), pad_edge=False, header_style="bold")
    for name in shown:
        table.add_column(name, width=widths[name], no_wrap=True, overflow="ellipsis")
    for row in rows:
        table.add_row(*(cell for name, cell in zip(_LIST_COLUMNS, row, strict=True) if name in widths))
    return table


def print_incidents_list(console: Console, states: list[Any]) -> None:
    """Print the `incidents list` table on a terminal; on one too narrow even for the ids, the lines are left
    longer than the terminal (which wraps them) rather than cut an id."""
    table = incidents_list_table(states, console.width)
    needed = sum(column.width or 0 for column in table.columns) + _GAP * (len(table.columns) - 1)
    if needed <= console.width:
        console.print(table)
        return
    terminal_width = console.width
    console.width = needed  # Console.print never renders wider than the console itself
    try:
        console.print(table, crop=False)
    finally:
        console.width = terminal_width
