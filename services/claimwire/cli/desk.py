"""`claimwire desk`: the incident desk, a live web page and JSON API over the incidents."""

import click

from ._common import load_settings, run_async


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True, help="Port to listen on.")
def desk(host: str, port: int) -> None:
    """Serve the incident desk until SIGTERM or SIGINT.

    Subscribes to the incidents, claims and articles streams in consumer group `desk` (CLAIMWIRE_DESK_GROUP;
    created from the first entry, so the history is read), keeps a read model in Redis under the desk's own
    keys, and serves: / (incidents, live), /incidents/ID, the JSON API under /api (OpenAPI at /docs),
    /events (live updates), /healthz, /readyz and /metrics. Several desk processes may serve one Redis: they
    share the group and the model.
    """
    from ..desk import DeskNotStartedError, serve_desk

    settings = load_settings()
    try:
        run_async(serve_desk(settings, host, port, announce=lambda url: click.echo(f"desk: {url}", err=True)))
    except DeskNotStartedError as exc:
        raise click.ClickException(str(exc)) from None
