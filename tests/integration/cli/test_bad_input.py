"""Bad input to the commands that read JSONL (`extract`, `cluster`, `feed`): named, skipped, counted alike."""

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from claimwire.cli import main
from claimwire_contracts import ClaimExtracted
from tests.integration.adapter.conftest import read_articles

from .test_tail_schema_docs import env_of

GOOD = json.dumps({"id": "g", "source": "Wire", "text": "Police said three drones were shot down over Kursk."})
QUIET = {"CLAIMWIRE_LOG_LEVEL": "error"}


def bad_file(tmp_path: Path) -> Path:
    """A JSONL file of one good line, a line without text, a blank line and a line that is not JSON."""
    path = tmp_path / "mixed.jsonl"
    path.write_text(f'{GOOD}\n{{"id": "no-text"}}\n\n{{"text": \n', encoding="utf-8")
    return path


def expected_report(path: Path) -> list[str]:
    """What every command prints about `bad_file`: each bad line, then the closing count."""
    return [
        f"{path}:2: field 'text': required",
        f"{path}:4: not valid JSON: Expecting value (column 10)",
        "Error: 2 of 3 inputs skipped",
    ]


def invoke(*args: str, env: dict[str, str] | None = None, **kwargs: Any) -> Result:
    return CliRunner().invoke(main, list(args), env={**QUIET, **(env or {})}, **kwargs)


@pytest.mark.parametrize("command", ["extract", "cluster"])
def test_offline_commands_skip_bad_lines_name_them_and_count_them(command: str, tmp_path: Path) -> None:
    """A bad line is `file:line: reason` on stderr and skipped; the good line is still processed; exit 1 with
    "2 of 3 inputs skipped"; no traceback."""
    path = bad_file(tmp_path)
    result = invoke(command, str(path))
    assert 1 == result.exit_code
    assert expected_report(path) == result.stderr.splitlines()
    assert result.stdout.strip(), "the good line was processed"
    assert "Traceback" not in result.output


@pytest.mark.redis
def test_feed_reports_bad_lines_and_closes_with_the_same_count(settings: Any, tmp_path: Path) -> None:
    """`claimwire feed` names the same lines the same way and ends with the same count."""
    path = bad_file(tmp_path)
    result = invoke("feed", str(path), env=env_of(settings))
    assert 1 == result.exit_code
    report = expected_report(path)
    assert all(line in result.output for line in report[:2])
    assert report[-1] == result.stderr.splitlines()[-1]


def test_a_lone_surrogate_is_replaced_with_a_warning_by_extract_and_cluster(tmp_path: Path) -> None:
    """"\\ud800" in a line's text becomes U+FFFD; the article is kept, a warning names file:line, exit 0."""
    path = tmp_path / "surrogate.jsonl"
    path.write_text(GOOD + '\n{"text": "The army said 12 drones \\ud800 were shot down over Kursk."}\n')
    extracted = invoke("extract", str(path))
    clustered = invoke("cluster", "--articles", str(path))
    warning = f"{path}:2: warning: replaced 1 lone surrogate (invalid UTF-16 escape) with U+FFFD"
    assert (0, 0) == (extracted.exit_code, clustered.exit_code)
    assert [warning] == extracted.stderr.splitlines() == clustered.stderr.splitlines()
    claims = [ClaimExtracted.model_validate_json(line) for line in extracted.stdout.splitlines()]
    assert "\ufffd" in claims[-1].text
    assert 2 == len(clustered.stdout.splitlines())


def test_extract_skips_articles_over_the_limit_naming_it(tmp_path: Path) -> None:
    """A plain-text file or a JSONL line over CLAIMWIRE_MAX_ARTICLE_BYTES is skipped with the limit and the
    setting named; the inputs within it are extracted."""
    big = tmp_path / "big.txt"
    big.write_text("The mayor said the bridge would reopen. " * 100)  # 4000 bytes
    lines = tmp_path / "lines.jsonl"
    lines.write_text(json.dumps({"text": "x " * 3000}) + "\n" + GOOD + "\n")
    result = invoke("extract", str(big), str(lines), env={"CLAIMWIRE_MAX_ARTICLE_BYTES": "2000"})
    assert 1 == result.exit_code
    setting = "(raise it with CLAIMWIRE_MAX_ARTICLE_BYTES)"
    assert [
        f"{big}: too large: an article of 4000 bytes, over the limit of 2000 {setting}",
        f"{lines}:1: too large: a line of 6012 bytes, over the limit of 2000 {setting}",
        "Error: 2 of 3 inputs skipped",
    ] == result.stderr.splitlines()
    assert ["Police"] == [ClaimExtracted.model_validate_json(c).claimant.name for c in result.stdout.splitlines()]


def test_extract_counts_a_built_article_as_feed_does(tmp_path: Path) -> None:
    """An article under the limit as raw text but over it as a stream entry (the measure `feed` refuses by) is
    skipped too, so what extract accepts the pipeline accepts."""
    path = tmp_path / "edge.txt"
    path.write_text("The mayor said the bridge would reopen.\n" * 48)  # 1920 bytes; newlines escape to 2 each
    result = invoke("extract", str(path), env={"CLAIMWIRE_MAX_ARTICLE_BYTES": "2000"})
    assert 1 == result.exit_code
    assert "too large: an article as a stream entry of" in result.stderr


def test_stdin_over_the_limit_is_refused_without_being_kept(tmp_path: Path) -> None:
    """Plain text on stdin is counted past the limit, not held: the message gives its full size."""
    result = invoke("extract", "-", input="word " * 1000, env={"CLAIMWIRE_MAX_ARTICLE_BYTES": "1000"})
    assert 1 == result.exit_code
    assert "<stdin>: too large: an article of 5000 bytes, over the limit of 1000" in result.stderr


@pytest.mark.parametrize("command", ["extract", "feed"])
def test_published_at_must_be_iso_8601(command: str, tmp_path: Path) -> None:
    """A --published-at that is not ISO 8601 is a usage error (exit 2) with an example, before any work."""
    path = tmp_path / "a.txt"
    path.write_text("The mayor said the bridge would reopen.")
    result = invoke(command, str(path), "--published-at", "12/03/2024")
    assert 2 == result.exit_code
    assert "'12/03/2024' is not an ISO 8601 date or date-time (e.g. 2024-03-12" in result.output
    assert "Traceback" not in result.output


@pytest.mark.redis
def test_feed_gives_plain_text_its_source_and_publication_time(settings: Any, tmp_path: Path) -> None:
    """--source and --published-at fill in what plain text cannot carry; a JSONL line keeps its own."""
    (tmp_path / "story.txt").write_text("The mayor said the bridge would reopen.")
    (tmp_path / "lines.jsonl").write_text(GOOD + "\n")
    args = ["feed", str(tmp_path), "--source", "Kyiv Ledger", "--published-at", "2024-03-12T09:00:00+02:00"]
    result = invoke(*args, env=env_of(settings))
    assert 0 == result.exit_code, result.output
    articles = {a.feed_key: a for a in asyncio.run(read_articles(settings, 2))}
    story, line = articles["story.txt"], articles["g"]
    assert ("Kyiv Ledger", datetime(2024, 3, 12, 7, tzinfo=UTC)) == (story.source, story.published_at)
    assert ("Wire", None) == (line.source, line.published_at)
