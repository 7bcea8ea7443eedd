"""The shipped en_claimwire_ud pipeline: it loads from the package, offline, and gives a sane UD parse."""

import hashlib
from pathlib import Path

import pytest

from claimwire.models import PARSER_PATH, ParserMissingError, _parser, load_parser

TEXT = "The mayor said that the bridge would reopen in May. Residents were not convinced."


def test_subject_of_said_is_its_nsubj() -> None:
    """The speaker is attached to the speech verb as nsubj, and the reported clause as its ccomp."""
    doc = load_parser()(TEXT)
    said = next(token for token in doc if token.text == "said")
    subjects = [child.text for child in said.children if child.dep_ == "nsubj"]
    complements = [child.text for child in said.children if child.dep_ == "ccomp"]
    assert ["mayor"] == subjects
    assert ["reopen"] == complements
    assert said.dep_ == "ROOT"
    assert said.lemma_ == "say"


def test_two_sentences_are_two_sents() -> None:
    """The parser sets sentence boundaries: two sentences in, two sentences out, with character offsets kept."""
    doc = load_parser()(TEXT)
    sentences = [sentence.text for sentence in doc.sents]
    expected = ["The mayor said that the bridge would reopen in May.", "Residents were not convinced."]
    assert expected == sentences
    assert doc.text == TEXT


def test_a_newline_between_paragraphs_ends_a_sentence() -> None:
    """News text's paragraph break is a whitespace token that closes the sentence before it."""
    doc = load_parser()("Police said two people were hurt\nThe fire started at noon, officials said.")
    newline = next(token for token in doc if token.text == "\n")
    assert 2 == len(list(doc.sents))
    assert newline.sent == doc[: newline.i + 1]
    assert newline.head.i < newline.i


def test_loader_is_cached_per_process() -> None:
    """A second call returns the same pipeline object instead of loading it again."""
    assert load_parser() is load_parser()


def test_shipped_files_match_their_checksums() -> None:
    """Every model file listed in SHA256SUMS is present and unchanged."""
    lines = (PARSER_PATH / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    actual = {}
    expected = {}
    for line in lines:
        digest, name = line.split("  ", 1)
        expected[name] = digest
        actual[name] = hashlib.sha256((PARSER_PATH / name).read_bytes()).hexdigest()
    assert expected == actual
    assert "ner/model" in expected


def test_missing_model_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the model files the loader says where it looked and how to rebuild, instead of a spaCy E050."""
    monkeypatch.setattr(_parser, "PARSER_PATH", tmp_path / "en_claimwire_ud")
    with pytest.raises(ParserMissingError, match="rebuild it with"):
        load_parser.__wrapped__()
