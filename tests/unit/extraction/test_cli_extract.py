"""`claimwire extract`: plain text, JSONL and stdin in, one ClaimExtracted JSON line per claim out."""

import json
from pathlib import Path

from click.testing import CliRunner

from claimwire.cli import main
from claimwire_contracts import ClaimExtracted, make_article_id

TEXT = "Breaking\r\nThe army said on Tuesday that 12 drones were shot down over Kursk.\r\n"


def _claims(output: str) -> list[ClaimExtracted]:
    return [ClaimExtracted.model_validate_json(line) for line in output.splitlines() if line.strip()]


def test_plain_text_offsets_index_the_file_as_read(tmp_path: Path) -> None:
    """CRLF and surrounding blank space are kept, so offsets index the decoded file content exactly."""
    path = tmp_path / "story.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    result = CliRunner().invoke(main, ["extract", str(path), "--published-at", "2024-03-12"])
    assert result.exit_code == 0, result.output
    [claim] = _claims(result.output)
    assert TEXT[claim.span.start : claim.span.end] == claim.text == "12 drones were shot down over Kursk"
    assert claim.article_id == make_article_id(None, "story.txt", TEXT)
    assert claim.time is not None
    assert str(claim.time.start) == "2024-03-12"


def test_jsonl_articles(tmp_path: Path) -> None:
    """Each JSONL line is an article; its id and source feed the article id and the outlet's claims."""
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "a", "source": "Wire", "text": "Police arrested three men in Cork on Monday."},
        {"text": "The mayor said the bridge would reopen.", "published_at": "2024-05-01T10:00:00Z"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    claims = _claims(result.output)
    assert [c.claimant.name for c in claims] == ["Wire", "mayor"]
    assert claims[0].article_id == make_article_id("Wire", "a", lines[0]["text"])


def test_stdin_jsonl_and_plain_text() -> None:
    """ "-" reads JSONL when every line is an object, otherwise the whole input as one plain-text article."""
    runner = CliRunner()
    as_jsonl = runner.invoke(
        main, ["extract", "-"], input=json.dumps({"text": "The mayor said the bridge would reopen."})
    )
    as_text = runner.invoke(main, ["extract", "-"], input="The mayor said the bridge would reopen.\n")
    assert (as_jsonl.exit_code, as_text.exit_code) == (0, 0)
    assert [c.text for c in _claims(as_jsonl.output)] == [c.text for c in _claims(as_text.output)]


def test_bad_jsonl_names_file_line_and_field(tmp_path: Path) -> None:
    """A missing text or a bad date names file, line and field, without a traceback; the good line is still
    extracted and the run exits 1."""
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "The army said it was fine."}\n{"id": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2: field 'text': required\n" == result.stderr.splitlines(keepends=True)[0]
    assert ["army"] == [c.claimant.name for c in _claims(result.stdout)]
    assert "Traceback" not in result.output
    path.write_text('{"text": "The army said it was fine.", "published_at": "soon"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert f"{path}:1: field 'published_at':" in result.stderr


def test_missing_file_and_help(tmp_path: Path) -> None:
    """A missing file is a clear error; --help documents the input formats."""
    runner = CliRunner()
    missing = runner.invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1
    assert "nope.txt: no such file or folder" in missing.output
    helped = runner.invoke(main, ["extract", "--help"])
    assert "JSONL" in helped.output
    assert "standard input" in helped.output
