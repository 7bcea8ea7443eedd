"""The one logging set-up: structlog, readable on a terminal, JSON lines elsewhere."""

import logging
import sys
from typing import Any

import structlog
from structlog.typing import EventDict

from .settings import Settings


def configure_logging(settings: Settings, stream: Any = None) -> None:
    """Configure structlog and stdlib logging once for the process.

    Context bound with `structlog.contextvars.bind_contextvars` (article_id, claim_id, incident_id) lands
    on every line logged while handling that message.
    """
    out = stream or sys.stderr
    as_json = settings.log_format == "json" or (settings.log_format == "auto" and not out.isatty())
    renderer: Any = (
        structlog.processors.JSONRenderer() if as_json else structlog.dev.ConsoleRenderer(colors=out.isatty())
    )
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    level = logging.getLevelName(settings.log_level.upper())
    # Exceptions become text before rendering, whoever logged them: type and message in fields of their own,
    # the traceback in `exception`. Without this a library's exc_info reached the JSON renderer as a tuple
    # and came out as "<traceback object at 0x...>".
    exceptions: list[Any] = [exception_fields, structlog.processors.format_exc_info]
    structlog.configure(
        processors=[*shared, *exceptions, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.PrintLoggerFactory(out),
        cache_logger_on_first_use=False,
    )
    # FastStream and redis-py log through stdlib; route them through the same renderer.
    handler = logging.StreamHandler(out)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *exceptions, renderer],
            foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(max(level, logging.WARNING))


def exception_fields(_logger: Any, _name: str, event_dict: EventDict) -> EventDict:
    """Add `exc_type` (module-qualified) and `exc_message` for the exception a line carries, if any."""
    exc_info = event_dict.get("exc_info")
    if exc_info is True:
        exc_info = sys.exc_info()
    error = exc_info if isinstance(exc_info, BaseException) else exc_info[1] if isinstance(exc_info, tuple) else None
    if error is not None:
        kind = type(error)
        module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
        event_dict["exc_type"] = f"{module}{kind.__qualname__}"
        event_dict["exc_message"] = str(error)
    return event_dict


def get_logger(name: str) -> Any:
    """A structlog logger named after its module."""
    return structlog.get_logger(name)
