"""`claimwire run SERVICE`: one long-running service."""

import asyncio

import click

from ..components import components_for
from ..runtime import serve, stop_on_signals
from ..settings import Settings
from ._common import load_settings, run_async


@click.command()
@click.argument("service", type=click.Choice(["adapter", "ingest", "dedup"]))
@click.option(
    "--http-port",
    type=click.IntRange(0, 65535),
    default=None,
    help="Serve /healthz, /readyz and /metrics (Prometheus) on this port; 0: off. Default: CLAIMWIRE_HTTP_PORT.",
)
def run(service: str, http_port: int | None) -> None:
    """Run one service until SIGTERM or SIGINT.

    \b
    adapter  feeds articles from the drop folder and RSS/Atom feeds to the articles stream
    ingest   reads articles (consumer group), publishes ClaimExtracted and ArticleExtracted events
    dedup    reads extracted articles (its own group), publishes IncidentUpdated events

    On SIGTERM/SIGINT the message in hand is finished (or left pending for another consumer) and the
    process exits 0; nothing unfinished is acked. Configure with REDIS_URL and CLAIMWIRE_* variables.

    With --http-port: /healthz (the process runs), /readyz (Redis answers and this consumer has joined its
    groups) and /metrics (Prometheus text).
    """
    settings = load_settings(**({} if http_port is None else {"http_port": http_port}))
    run_async(_run(service, settings))


async def _run(service: str, settings: Settings) -> None:
    stop = asyncio.Event()
    stop_on_signals(stop)
    if service == "adapter":
        from ..adapter import serve as serve_adapter

        await serve_adapter(settings, stop)
        return
    await serve(settings, components_for(service, settings), stop)
