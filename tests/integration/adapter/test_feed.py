"""`feed_paths` and `claimwire feed` against a real Redis: once each, force, stdin, summary."""

import asyncio
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from structlog.testing import capture_logs

from claimwire.adapter import canonical_text, feed_paths
from claimwire.cli import main
from claimwire.settings import Settings
from claimwire_contracts import make_article_id

from .conftest import read_articles, stream_length

pytestmark = pytest.mark.redis

DATA = Path(__file__).resolve().parents[2] / "data" / "adapter"


def _copy(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        shutil.copy(DATA / name, folder / name)
    return folder


async def test_folder_of_text_and_jsonl_is_fed_and_readable_by_faststream(
    settings: Settings, redis_client: Any, tmp_path: Path
) -> None:
    """Every article of a folder arrives as a valid ArticleReceived with canonical text and its id."""
    folder = _copy(tmp_path, "harbour_fire.txt", "bridge_closure.txt", "articles.jsonl")
    report = await feed_paths(settings, [str(folder)])
    assert (report.fed, report.skipped_seen, report.rejected) == (5, 0, [])
    articles = {a.article_id: a for a in await read_articles(settings, 5)}
    raw = (DATA / "harbour_fire.txt").read_text()
    fire = articles[make_article_id(None, "harbour_fire.txt", canonical_text(raw))]
    assert canonical_text(raw) == fire.text
    assert "  " not in fire.text
    courier = articles[make_article_id("Valley Courier", "cw-sample-0001", "")]
    assert (courier.source, courier.url) == ("Valley Courier", "https://valley-courier.example/news/0001")


async def test_second_feed_skips_seen_ids_and_force_feeds_again(
    settings: Settings, redis_client: Any, tmp_path: Path
) -> None:
    """Feeding the same files again publishes nothing; --force publishes them again."""
    folder = _copy(tmp_path, "harbour_fire.txt", "articles.jsonl")
    first = await feed_paths(settings, [str(folder)])
    again = await feed_paths(settings, [str(folder)])
    forced = await feed_paths(settings, [str(folder)], force=True)
    assert (first.fed, first.skipped_seen) == (4, 0)
    assert (again.fed, again.skipped_seen) == (0, 4)
    assert (forced.fed, forced.refed) == (4, 4)
    assert await stream_length(redis_client, settings) == 8


async def test_two_concurrent_feeders_feed_each_id_once(settings: Settings, redis_client: Any, tmp_path: Path) -> None:
    """Two feeders racing over the same 300 articles publish each exactly once between them."""
    lines = [json.dumps({"id": f"race-{n}", "text": f"Item {n} of the race."}) for n in range(300)]
    (tmp_path / "race.jsonl").write_text("\n".join(lines))
    small = settings.model_copy(update={"adapter_batch_size": 7})
    one, two = await asyncio.gather(
        feed_paths(small, [str(tmp_path / "race.jsonl")]), feed_paths(small, [str(tmp_path / "race.jsonl")])
    )
    assert one.fed + two.fed == 300
    assert one.skipped_seen + two.skipped_seen == 300
    assert await stream_length(redis_client, settings) == 300


def test_cli_feeds_stdin_and_prints_summary(
    settings: Settings, redis_client: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`claimwire feed - FILE` reads stdin and files; the summary names file, line and field of rejects."""
    monkeypatch.setenv("REDIS_URL", settings.url)
    monkeypatch.setenv("CLAIMWIRE_KEY_PREFIX", settings.key_prefix)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok line"}\n{"title": "no text"}\n')
    result = CliRunner().invoke(main, ["feed", "-", str(bad)], input="Words from a pipe.\n")
    assert result.exit_code == 1, result.output
    assert "fed 2" in result.output
    assert f"{bad}:2: field 'text': required" in result.output
    again = CliRunner().invoke(main, ["feed", "--json", "-"], input="Words from a pipe.\n")
    summary = json.loads(again.output.strip().splitlines()[-1])
    assert (summary["fed"], summary["skipped_seen"], summary["rejected"]) == (0, 1, [])


def test_cli_reports_unreachable_redis_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no Redis listening, `claimwire feed` fails with a one-line error, not a traceback."""
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    result = CliRunner().invoke(main, ["feed", str(DATA / "harbour_fire.txt")])
    assert result.exit_code == 1
    assert "cannot feed to Redis at redis://127.0.0.1:1/0" in result.output
    assert "Traceback" not in result.output


async def test_a_feeder_that_died_after_claiming_does_not_lose_the_article(
    settings: Settings, redis_client: Any, tmp_path: Path
) -> None:
    """An id claimed by a feeder that died before publishing is fed by the next run once the lease expires."""
    from claimwire.adapter._seen import SeenIds

    conf = settings.model_copy(update={"adapter_lease_s": 0.3})
    text = (DATA / "harbour_fire.txt").read_text()
    article_id = make_article_id(None, "harbour_fire.txt", canonical_text(text))
    claims = await SeenIds(conf, redis_client).claim([(article_id, "")], "new")  # ... then it "crashed"
    assert [int(c) for c in claims] == [1]
    folder = _copy(tmp_path, "harbour_fire.txt")
    during_lease = await feed_paths(conf, [str(folder)])
    await asyncio.sleep(0.4)
    after_lease = await feed_paths(conf, [str(folder)])
    assert (during_lease.fed, during_lease.skipped_seen) == (0, 1)
    assert after_lease.fed == 1
    assert await redis_client.ttl(SeenIds(conf, redis_client).key(article_id)) > 3600


async def test_rejections_are_logged_with_where_and_why(settings: Settings, redis_client: Any, tmp_path: Path) -> None:
    """Each rejected input produces one adapter.rejected log line with file, line, field and reason."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{"text": ""}\n')
    with capture_logs() as logs:
        report = await feed_paths(settings, [str(bad)])
    rejected = [entry for entry in logs if entry["event"] == "adapter.rejected"]
    assert report.fed == 1
    assert [(r["where"], r["line"], r["field"]) for r in rejected] == [(str(bad), 2, "text")]
    assert rejected[0]["reason"] == "must not be empty"


@pytest.mark.parametrize(
    ("name", "count", "source"),
    [
        ("harbour_fire.txt", 1, None),
        ("articles.jsonl", 3, "Valley Courier"),
        ("ninjs_v1.json", 1, "Valley Wire"),
        ("ninjs_v2.json", 1, "Coastline News"),
        ("newsml_item.xml", 1, "Ridge Post"),
        ("feed_rss.xml", 2, "Eastmarch Gazette"),
        ("feed_atom.xml", 1, "Lowmoor Observer"),
        ("page.html", 1, None),
    ],
)
async def test_each_format_arrives_as_valid_canonical_articles(
    settings: Settings, redis_client: Any, name: str, count: int, source: str | None
) -> None:
    """Every sample format is fed and read back by a FastStream subscriber as canonical ArticleReceived."""
    report = await feed_paths(settings, [str(DATA / name)])
    assert (report.fed, report.rejected) == (count, [])
    articles = await read_articles(settings, count)
    assert articles[0].source == source
    assert all(a.text == canonical_text(a.text) for a in articles)
    assert sorted(a.article_id for a in articles) == sorted(report.article_ids)


async def test_force_still_feeds_an_id_only_once_per_run(settings: Settings, redis_client: Any, tmp_path: Path) -> None:
    """With --force, an article listed twice in one run is fed once and counted once as skipped."""
    lines = [json.dumps({"id": "dup", "text": "Same story twice."})] * 2 + [json.dumps({"text": "Other."})]
    (tmp_path / "dup.jsonl").write_text("\n".join(lines))
    report = await feed_paths(settings, [str(tmp_path / "dup.jsonl")], force=True)
    assert (report.fed, report.skipped_seen) == (2, 1)
    assert await stream_length(redis_client, settings) == 2
