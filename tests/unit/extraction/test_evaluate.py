"""The scorer: span matching, claimant matching, and the counts behind each measure."""

from typing import Any

import pytest

from claimwire.extraction.evaluate import Counts, Report, claimant_matches, exact, overlaps, score_article


def _claim(
    start: int, end: int, name: str = "army", cue: tuple[int, int] | None = (0, 4), **extra: Any
) -> dict[str, Any]:
    return {
        "claimant": {"name": name, "mention": {"start": 0, "end": 4}},
        "cue": None if cue is None else {"start": cue[0], "end": cue[1]},
        "content": {"start": start, "end": end},
        "quantities": extra.get("quantities", []),
        "locations": extra.get("locations", []),
        "verification": extra.get("verification", "unknown"),
    }


def test_counts_precision_recall_f1() -> None:
    """P, R and F1 follow from tp/fp/fn; an empty measure counts as perfect."""
    counts = Counts(tp=3, fp=1, fn=2)
    assert (counts.precision, counts.recall) == (0.75, 0.6)
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().f1 == 1.0


def test_span_matching() -> None:
    """Overlap needs half of the shorter span; exact needs the same offsets."""
    assert overlaps({"start": 0, "end": 10}, {"start": 5, "end": 30})
    assert not overlaps({"start": 0, "end": 10}, {"start": 8, "end": 30})
    assert exact({"start": 1, "end": 2}, {"start": 1, "end": 2})
    assert not exact({"start": 1, "end": 2}, {"start": 1, "end": 3})


def test_claimant_matching_allows_more_specific_predictions() -> None:
    """The gold name's words must all be in the prediction; determiners and possessives are ignored."""
    assert claimant_matches("Garda", "spokeswoman for the Garda")
    assert claimant_matches("the Russian defense ministry", "Russian defense ministry")
    assert not claimant_matches("Russian defense ministry", "ministry")


def test_score_article_counts_every_measure() -> None:
    """A perfect claim, a shifted claim, a missed claim and a spurious one give the expected counts."""
    gold = [
        _claim(10, 30, quantities=[{"value": 5}], locations=[{"name": "Kursk"}], verification="unverified"),
        _claim(40, 60, name="police"),
        _claim(70, 90),
    ]
    pred = [
        _claim(
            10, 30, quantities=[{"value": 5}, {"value": 2}], locations=[{"name": "Kursk"}], verification="unverified"
        ),
        _claim(45, 60, name="mayor"),
        _claim(100, 120, cue=None, verification="disputed"),
    ]
    report = Report()
    score_article(gold, pred, report)
    assert (report.counts("content exact").tp, report.counts("content overlap").tp) == (1, 2)
    assert report.counts("content overlap").fn == 1
    assert (report.claimant_correct, report.claimant_total) == (1, 2)
    assert (report.counts("quantities").tp, report.counts("quantities").fp) == (1, 1)
    assert report.counts("locations").f1 == 1.0
    assert (report.counts("verification").tp, report.counts("verification").fp) == (1, 1)
    assert "content overlap" in report.render()


def test_the_scorer_command_names_a_bad_file_without_a_traceback(tmp_path, capsys):
    """A missing file or a line that is not JSON is one line on stderr and exit code 2."""
    from claimwire.extraction.evaluate import main

    broken = tmp_path / "dev.jsonl"
    broken.write_text('{"id": 1}\n{not json\n')
    assert main([str(tmp_path / "missing.jsonl")]) == 2
    assert main([str(broken)]) == 2
    err = capsys.readouterr().err
    assert "missing.jsonl" in err and str(broken) in err and "Traceback" not in err
