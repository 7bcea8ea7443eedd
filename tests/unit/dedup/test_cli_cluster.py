"""`claimwire cluster`: incidents or per-article lines out, located errors for bad input."""

import json
from pathlib import Path

from click.testing import CliRunner

from claimwire.cli.cluster import cluster

CLAIMS = Path(__file__).resolve().parents[2] / "data" / "dedup" / "claims.jsonl"


def test_claims_jsonl_become_incidents():
    """Every input claim appears in exactly one printed incident."""
    result = CliRunner().invoke(cluster, [str(CLAIMS)])
    assert result.exit_code == 0, result.output
    incidents = [json.loads(line) for line in result.output.splitlines()]
    ids = [c for i in incidents for c in i["claim_ids"]]
    assert len(ids) == len(set(ids)) == len(CLAIMS.read_text().splitlines())


def test_articles_flag_prints_one_line_per_article(tmp_path):
    """Text files and JSONL articles each get a line with their id (file name or "id") and an incident."""
    (tmp_path / "one.txt").write_text("Officials said a drone hit a fuel depot near Oryol on Monday night.")
    (tmp_path / "two.jsonl").write_text(json.dumps(
        {"id": "x-2", "source": "Eastern Herald", "text": "A drone struck the Oryol fuel depot, the governor said."}
    ) + "\n")
    result = CliRunner().invoke(cluster, ["--articles", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in rows] == ["one.txt", "x-2"]
    assert all(r["article_id"].startswith("art_") and r["incident_id"] for r in rows)


def test_stdin_is_read_with_dash():
    """- reads JSONL from stdin."""
    line = json.dumps({"id": "s1", "text": "The mayor said the bridge was closed after a strike."})
    result = CliRunner().invoke(cluster, ["--articles", "-"], input=line + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["id"] == "s1"


def test_bad_line_names_file_line_and_field(tmp_path):
    """A claim missing a field is reported with file, line and field, without a traceback."""
    good = CLAIMS.read_text().splitlines()[0]
    bad = json.loads(good)
    del bad["article_id"]
    path = tmp_path / "claims.jsonl"
    path.write_text(good + "\n" + json.dumps(bad) + "\n")
    result = CliRunner().invoke(cluster, [str(path)])
    assert result.exit_code == 1
    assert f"{path}:2: field 'article_id'" in result.output
    assert "Traceback" not in result.output
