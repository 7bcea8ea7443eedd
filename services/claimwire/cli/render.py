"""Readable terminal output of claims and incidents (rich tables)."""

from rich.console import Console
from rich.table import Table

from claimwire_contracts import ClaimExtracted, IncidentUpdated

from ..demo import DemoResult


def number(value: float) -> str:
    """48000000.0 as 48,000,000 and 2.5 as 2.5: figures as a reader writes them."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def claims_table(claims: list[ClaimExtracted], title: str = "Claims") -> Table:
    """Claimant, cue, claim text, locations and figures, one row a claim."""
    table = Table(title=title, show_lines=True, expand=True)
    for column, ratio in (("claimant", 2), ("cue", 1), ("claim", 5), ("locations", 2), ("figures", 2)):
        table.add_column(column, ratio=ratio, overflow="fold", min_width=12 if column == "cue" else None)
    for claim in claims:
        table.add_row(
            claim.claimant.name
            + (f"\n({claim.claimant.mention})" if claim.claimant.mention not in (None, claim.claimant.name) else ""),
            claim.cue.text if claim.cue else "—",
            claim.text + (f"\n[{claim.verification.status}]" if claim.verification.status != "unknown" else ""),
            ", ".join(loc.name for loc in claim.locations),
            ", ".join(f"{number(q.value)} {q.unit}" for q in claim.quantities),
        )
    return table


def incidents_table(incidents: list[IncidentUpdated]) -> Table:
    """One row an incident: title, where, sources, corroboration, figures, status."""
    table = Table(title="Incidents", show_lines=True, expand=True)
    for column, ratio in (
        ("incident", 3),
        ("where", 2),
        ("sources", 3),
        ("outlets", 1),
        ("figures", 3),
        ("status", 1),
    ):
        table.add_column(column, ratio=ratio, overflow="fold")
    for incident in incidents:
        figures = "; ".join(
            f"{f.unit}: "
            + ", ".join(f"{number(r.value)} ({r.claimant})" for r in f.reports)
            + (" CONFLICT" if f.conflicting else "")
            for f in incident.figures
        )
        table.add_row(
            f"{incident.title}\n{incident.incident_id} v{incident.version}",
            ", ".join(loc.name for loc in incident.locations),
            "\n".join(sorted({f"{s.outlet or '?'}: {s.claimant}" for s in incident.sources})),
            str(incident.corroboration),
            figures,
            str(incident.verification),
        )
    return table


def render_demo(result: DemoResult) -> None:
    """Print the demo summary."""
    console = Console()
    counts = result.counts()
    console.print(
        f"[bold]claimwire demo[/bold]: {counts['articles']} articles -> {counts['claims']} claims -> "
        f"{counts['incidents']} incidents; {counts['dead_letters']} dead letters"
    )
    console.print(claims_table(result.claims))
    console.print(incidents_table(result.incidents))
