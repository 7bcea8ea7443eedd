"""Extraction on real text written by others: GUM's news, interview, academic, court, bio and voyage documents
(bench/data/gum_attribution, CC BY / CC BY-SA) never raise, and every span indexes the text exactly."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from claimwire.extraction import extract_claims
from claimwire_contracts import ArticleReceived

DATA = Path(__file__).resolve().parents[3] / "bench" / "data" / "gum_attribution"


def _documents(split: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (DATA / f"{split}.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("split", ["train", "dev"])  # test is kept for reporting only
def test_every_gum_document_extracts_with_exact_offsets(split: str) -> None:
    for document in _documents(split):
        text = document["text"]
        article = ArticleReceived(article_id="art_gum", text=text, received_at=datetime(2026, 1, 1, tzinfo=UTC))
        for claim in extract_claims(article):
            assert text[claim.span.start : claim.span.end] == claim.text, document["doc_id"]
            if claim.cue is not None:
                assert text[claim.cue.span.start : claim.cue.span.end] == claim.cue.text, document["doc_id"]
            if claim.claimant.span is not None:
                mention = text[claim.claimant.span.start : claim.claimant.span.end]
                assert mention == claim.claimant.mention, document["doc_id"]
