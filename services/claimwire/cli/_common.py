"""What every command shares: loading settings with clear errors, and running a coroutine."""

import asyncio
from collections.abc import Coroutine
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
