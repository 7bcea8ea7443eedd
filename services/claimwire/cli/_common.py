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
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise click.ClickException(f"invalid configuration (REDIS_URL / CLAIMWIRE_* variables): {problems}") from None
    configure_logging(settings)
    return settings


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run `coroutine`; Redis being unreachable becomes a clear CLI error, not a traceback."""
    import redis.exceptions

    try:
        return asyncio.run(coroutine)
    except (redis.exceptions.ConnectionError, ConnectionError, OSError) as exc:
        raise click.ClickException(f"cannot reach Redis: {exc}") from None
