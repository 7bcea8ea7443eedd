"""What every command shares: loading settings with clear errors, running a coroutine, reading a date option."""

import asyncio
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any, TypeVar

import click
from pydantic import ValidationError

from ..logs import configure_logging
from ..settings import Settings

T = TypeVar("T")


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment (plus overrides), with configuration errors as a clear CLI error."""
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        problems = "; ".join(f"{_variable(e['loc'])}: {e['msg']}" for e in exc.errors())
        raise click.ClickException(f"invalid configuration: {problems}") from None
    configure_logging(settings)
    return settings


def _variable(loc: tuple[int | str, ...]) -> str:
    """The environment variable a validation error is about (REDIS_URL reports under its own name)."""
    name = str(loc[0]) if loc else ""
    if name == "redis_url":
        return "REDIS_URL"
    return f"CLAIMWIRE_{name.upper()}" if name in Settings.model_fields else name


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run `coroutine`; Redis being unreachable becomes a clear CLI error, not a traceback."""
    import redis.exceptions

    try:
        return asyncio.run(coroutine)
    except (redis.exceptions.ConnectionError, ConnectionError, OSError) as exc:
        raise click.ClickException(f"cannot reach Redis: {exc}") from None


def iso_datetime(_ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    """A click callback: `value` as an ISO 8601 date or date-time (UTC when it names no zone).

    Accepts what `datetime.fromisoformat` does: 2024-03-12, 2024-03-12T09:00, 2024-03-12T09:00:00Z, ...+02:00.
    """
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO 8601 date or date-time (e.g. 2024-03-12 or 2024-03-12T09:00:00+02:00)",
            param=param,
        ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def plain_text_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--source` and `--published-at` (validated by `iso_datetime`): what plain-text inputs cannot carry."""
    command = click.option(
        "--published-at",
        callback=iso_datetime,
        metavar="ISO-8601",
        help="Publication date of plain-text inputs (2024-03-12 or 2024-03-12T09:00:00+02:00; UTC when no zone "
        "is given), so 'Tuesday' or 'in January' resolve to dates.",
    )(command)
    return click.option("--source", help="Outlet name of plain-text inputs (other formats carry their own).")(command)
