"""Settings from the environment, password redaction, and the one logging set-up."""

import io
import json

import pytest
import structlog
from click.testing import CliRunner

from claimwire.cli import main
from claimwire.logs import configure_logging, get_logger
from claimwire.settings import Settings


def test_redis_url_comes_from_the_environment_and_its_password_is_redacted(monkeypatch):
    """REDIS_URL is read (rediss and passwords included) and never shown with its password."""
    monkeypatch.setenv("REDIS_URL", "rediss://user:s3cret@redis.example:6380/2")
    settings = Settings()
    assert "rediss://user:s3cret@redis.example:6380/2" == settings.url
    assert "s3cret" not in settings.url_redacted
    assert "rediss://user:***@redis.example:6380/2" == settings.url_redacted


def test_stream_names_follow_the_key_prefix(monkeypatch):
    """CLAIMWIRE_KEY_PREFIX moves every stream."""
    monkeypatch.setenv("CLAIMWIRE_KEY_PREFIX", "newsroom")
    settings = Settings()
    assert ["newsroom:articles", "newsroom:claims", "newsroom:incidents", "newsroom:deadletter"] == [
        settings.articles_stream,
        settings.claims_stream,
        settings.incidents_stream,
        settings.deadletter_stream,
    ]


@pytest.mark.parametrize(
    "args",
    [["tail", "claims", "--timeout", "0"], ["feed", "-"], ["docs", "--out", "-"], ["run", "ingest"], ["demo"]],
)
def test_a_bad_setting_is_a_clear_cli_error_without_traceback(monkeypatch, args):
    """An invalid CLAIMWIRE_* value is a ClickException naming the variable, for every command reading settings."""
    monkeypatch.setenv("CLAIMWIRE_BATCH_SIZE", "lots")
    result = CliRunner().invoke(main, args, input="")
    # CliRunner swallows tracebacks: an uncaught error shows as result.exception, a ClickException as SystemExit.
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert "CLAIMWIRE_BATCH_SIZE" in result.output


def test_json_logs_carry_the_ids_bound_for_the_message():
    """Off a terminal, each line is JSON and carries the article_id bound in the context."""
    out = io.StringIO()
    configure_logging(Settings(log_format="auto"), stream=out)
    with structlog.contextvars.bound_contextvars(article_id="art_1"):
        get_logger("test").info("ingest.processed", outputs=3)
    line = json.loads(out.getvalue().splitlines()[-1])
    assert {"event": "ingest.processed", "article_id": "art_1", "outputs": 3, "level": "info"} == {
        k: line[k] for k in ("event", "article_id", "outputs", "level")
    }


@pytest.mark.parametrize(
    "command", ["demo", "run", "feed", "extract", "tail", "incidents", "cluster", "schema", "docs"]
)
def test_every_command_has_help(command):
    """`claimwire COMMAND --help` works and explains itself."""
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) > 4


def logged_exception(log_format: str, error: Exception, log_it) -> str:
    """What `log_it()` writes while `error` is being handled, under `log_format`."""
    out = io.StringIO()
    configure_logging(Settings(log_format=log_format), stream=out)
    try:
        raise error
    except type(error):
        log_it()
    return out.getvalue()


def test_a_library_loggers_exception_is_rendered_in_json():
    """A stdlib logger's exc_info (as redis-py and FastStream log) becomes type, message and traceback text."""
    import logging

    error = ConnectionResetError("Connection closed by server.")
    library = logging.getLogger("claimwire.faststream")
    text = logged_exception("json", error, lambda: library.error("Message fetch error", exc_info=True))
    line = json.loads(text.splitlines()[-1])
    assert ("Message fetch error", "error", "claimwire.faststream") == (line["event"], line["level"], line["logger"])
    assert ("ConnectionResetError", "Connection closed by server.") == (line["exc_type"], line["exc_message"])
    assert line["exception"].startswith("Traceback (most recent call last):")
    assert "in logged_exception" in line["exception"]
    assert line["exception"].rstrip().endswith("ConnectionResetError: Connection closed by server.")
    assert "traceback object" not in text


def test_a_structlog_exception_carries_the_same_fields():
    """log.exception from our own code renders like a library's: qualified type, message, traceback."""
    import redis.exceptions

    error = redis.exceptions.ConnectionError("Error 111 connecting")
    text = logged_exception("json", error, lambda: get_logger("test").exception("adapter.round_failed"))
    line = json.loads(text.splitlines()[-1])
    assert ("redis.exceptions.ConnectionError", "Error 111 connecting") == (line["exc_type"], line["exc_message"])
    assert "Traceback (most recent call last):" in line["exception"]


def test_a_library_loggers_exception_is_rendered_on_the_console():
    """The console format shows a library logger's traceback and the exception line too."""
    import logging

    library = logging.getLogger("redis.asyncio")
    text = logged_exception("console", ValueError("bad frame"), lambda: library.warning("retrying", exc_info=True))
    assert "retrying" in text
    assert "ValueError: bad frame" in text
    assert "traceback object" not in text
