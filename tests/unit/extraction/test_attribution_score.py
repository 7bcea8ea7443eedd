"""The attribution scorer: exact and overlap per field, linked pairs, per-genre sums, claims as spans."""

import pytest

from claimwire.extraction.attribution_score import (
    ALL,
    PRF,
    Attribution,
    GoldDoc,
    from_claims,
    gold_doc,
    overlaps,
    score,
    score_document,
)
from claimwire_contracts import Claimant, ClaimExtracted, Cue, Span

GOLD = (
    Attribution(source=(0, 9), cue=(10, 14), content=(20, 42)),
    Attribution(content=(50, 70)),  # GUM signalled no cue: content decides
    Attribution(source=(80, 83), cue=(84, 89), content=(90, 110)),
)
PRED = [
    Attribution(source=(0, 9), cue=(10, 14), content=(20, 42)),  # all exact
    Attribution(content=(52, 70)),  # content overlaps, no cue needed
    Attribution(cue=(84, 89), content=(95, 140)),  # shares 15 of the gold's 20 characters
    Attribution(cue=(200, 205), content=(210, 220)),  # nothing in gold
]


def test_overlap_needs_half_of_the_shorter_span() -> None:
    """Overlap as in the dev-set scorer: at least half of the shorter span in common."""
    assert overlaps((0, 10), (5, 20))
    assert not overlaps((0, 10), (6, 20))
    assert not overlaps((0, 10), (10, 20))


def test_fields_exact_and_overlap() -> None:
    """Each field's distinct spans are compared: exact offsets, or one-to-one overlap."""
    scores = score_document(GOLD, PRED)
    assert PRF(1, 1, 2) == scores["source exact"]
    assert PRF(2, 3, 2) == scores["cue exact"]
    assert PRF(1, 4, 3) == scores["content exact"]
    assert PRF(3, 4, 3) == scores["content overlap"]


def test_linked_needs_cue_and_content_unless_gold_has_no_cue() -> None:
    """Linked: cue overlaps and content overlaps; a gold attribution without a cue pairs on content."""
    scores = score_document(GOLD, PRED)
    assert PRF(3, 4, 3) == scores["linked"]
    assert scores["linked"].f1 == pytest.approx(2 * 0.75 / 1.75)
    wrong_cue = [Attribution(cue=(30, 34), content=(20, 42))]
    assert 0 == score_document(GOLD, wrong_cue)["linked"].tp


def test_one_prediction_links_one_gold() -> None:
    """Pairs are one-to-one: a prediction that overlaps two gold contents finds one."""
    gold = (Attribution(cue=(0, 4), content=(5, 15)), Attribution(cue=(0, 4), content=(16, 26)))
    assert PRF(1, 1, 2) == score_document(gold, [Attribution(cue=(0, 4), content=(5, 26))])["linked"]


def test_scores_sum_per_genre_and_overall() -> None:
    """Counts add up over documents; a document without predictions predicts nothing."""
    docs = [GoldDoc("a", "news", GOLD), GoldDoc("b", "bio", (Attribution(content=(0, 5)),))]
    report = score(docs, {"a": PRED})
    assert PRF(3, 4, 3) == report["news"]["linked"]
    assert PRF(0, 0, 1) == report["bio"]["linked"]
    assert PRF(3, 4, 4) == report[ALL]["linked"]


def test_gold_records_leave_credits_out() -> None:
    """A JSONL record becomes a GoldDoc; attributions flagged as credits are not scored by default."""
    record = {
        "doc_id": "d",
        "genre": "news",
        "attributions": [
            {"source": [0, 3], "cue": [4, 8], "content": [9, 20], "polarity": "positive", "credit": False},
            {"source": [30, 35], "cue": None, "content": [21, 29], "polarity": "positive", "credit": True},
        ],
    }
    assert (Attribution((9, 20), (0, 3), (4, 8)),) == gold_doc(record).attributions
    assert 2 == len(gold_doc(record, credits=True).attributions)


def _claim(
    start: int, end: int, name: str, cue: tuple[int, int] | None, mention: tuple[int, int] | None
) -> ClaimExtracted:
    return ClaimExtracted(
        claim_id=f"clm_{start}",
        article_id="art_x",
        span=Span(start=start, end=end),
        text="x" * (end - start),
        claimant=Claimant(name=name, span=Span(start=mention[0], end=mention[1]) if mention else None),
        cue=Cue(text="said", span=Span(start=cue[0], end=cue[1])) if cue else None,
    )


def test_claims_without_cue_from_the_outlet_are_not_attributions() -> None:
    """The outlet's own reporting is left out; a cue-less continuation of a named claimant stays."""
    claims = [
        _claim(10, 20, "Mayor", (5, 9), (0, 4)),
        _claim(30, 40, "unknown outlet", None, None),
        _claim(50, 60, "Mayor", None, None),
    ]
    expected = [Attribution((10, 20), (0, 4), (5, 9)), Attribution((50, 60))]
    assert expected == from_claims(claims)
