"""B-cubed and pairwise scores on clusterings small enough to check by hand."""

import pytest

from claimwire.dedup.scoring import bcubed, pairwise

GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}


def test_perfect_clustering_scores_one():
    """A prediction equal to gold (under other labels) has precision, recall and F1 of 1."""
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    assert bcubed(predicted, GOLD).f1 == 1.0
    assert pairwise(predicted, GOLD).f1 == 1.0


def test_bcubed_of_one_merged_cluster():
    """Everything in one cluster: recall 1, precision averages 3/5 over a,b,c and 2/5 over d,e."""
    predicted = dict.fromkeys(GOLD, "all")
    scores = bcubed(predicted, GOLD)
    assert scores.recall == 1.0
    assert scores.precision == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)


def test_bcubed_of_singletons():
    """All singletons: precision 1, recall averages 1/3 over a,b,c and 1/2 over d,e."""
    scores = bcubed({k: k for k in GOLD}, GOLD)
    assert scores.precision == 1.0
    assert scores.recall == pytest.approx((3 * 1 / 3 + 2 * 1 / 2) / 5)


def test_pairwise_counts_pairs():
    """Splitting c off: 2 predicted pairs (a-b, d-e) both right; 4 gold pairs, 2 found."""
    predicted = {"a": 1, "b": 1, "c": 3, "d": 2, "e": 2}
    scores = pairwise(predicted, GOLD)
    assert (scores.precision, scores.recall) == (1.0, 0.5)
    assert scores.f1 == pytest.approx(2 / 3)


def test_items_must_match():
    """Scoring refuses predictions that cover other items than gold."""
    with pytest.raises(ValueError, match="different items"):
        bcubed({"a": 1}, GOLD)
