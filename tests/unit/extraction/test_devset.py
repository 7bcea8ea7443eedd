"""The dev set is well formed and extraction meets the issue's targets on it (regressions fail CI)."""

from pathlib import Path

import pytest

from claimwire.extraction.evaluate import Report, evaluate, load

DATA = Path(__file__).resolve().parents[2] / "data" / "extraction"


@pytest.fixture(scope="module")
def dev() -> list[dict]:
    return load(DATA / "dev.jsonl")


@pytest.fixture(scope="module")
def report(dev: list[dict]) -> Report:
    return evaluate(dev)


def test_dev_set_is_well_formed(dev: list[dict]) -> None:
    """At least 30 articles; every gold offset is an exact slice of the article text."""
    assert len(dev) >= 30
    assert len({a["style"] for a in dev}) >= 5
    _assert_well_formed(dev)


def test_targets_on_dev_set(report: Report) -> None:
    """Content and cue overlap F1 >= 0.85, resolved claimant accuracy >= 0.85, quantity F1 >= 0.9."""
    assert report.counts("content overlap").f1 >= 0.85
    assert report.counts("cue overlap").f1 >= 0.85
    assert report.claimant_accuracy >= 0.85
    assert report.counts("quantities").f1 >= 0.9


def test_holdout_set_is_well_formed() -> None:
    """The held-out set (scored, never tuned on) has exact offsets too."""
    for article in load(DATA / "holdout.jsonl"):
        for claim in article["claims"]:
            span = claim["content"]
            assert article["text"][span["start"] : span["end"]] == span["text"]


def test_second_holdout_set_is_well_formed() -> None:
    """The second held-out set (written blind to the rules, scored once) has exact offsets and valid labels."""
    articles = load(DATA / "holdout2.jsonl")
    assert len(articles) >= 12
    _assert_well_formed(articles)


def _assert_well_formed(articles: list[dict]) -> None:
    """Every gold offset (content, cue, mention) is an exact slice of its article; labels are valid."""
    for article in articles:
        text = article["text"]
        for claim in article["claims"]:
            spans = [claim["content"], claim["cue"], claim["claimant"]["mention"]]
            for span in filter(None, spans):
                assert text[span["start"] : span["end"]] == span["text"], article["id"]
            assert claim["verification"] in {"unverified", "disputed", "confirmed", "unknown"}
