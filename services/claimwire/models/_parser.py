"""Loads the shipped pipeline once per process, from the package folder, without any network access."""

from functools import cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

#: The trained pipeline's folder inside the installed package (config.cfg, meta.json, one folder per component).
PARSER_PATH = Path(__file__).with_name("en_claimwire_ud")
#: What `spacy.load` needs to find in the folder; a checkout or wheel without them cannot parse.
_REQUIRED = ("config.cfg", "meta.json", "tokenizer", "vocab")


class ParserMissingError(FileNotFoundError):
    """The trained pipeline's files are not where the package ships them."""


@cache
def load_parser(exclude: tuple[str, ...] = ()) -> Language:
    """The trained pipeline, loaded on the first call and shared by every later call with the same `exclude`.

    `exclude` names components not to load at all (e.g. `("ner",)` or `("trainable_lemmatizer",)`), which
    saves their load time and memory; the parser alone still gives tokens, heads, labels and sentences.
    """
    missing = [name for name in _REQUIRED if not (PARSER_PATH / name).exists()]
    if missing:
        raise ParserMissingError(
            f"the trained pipeline is missing from {PARSER_PATH} (no {', '.join(missing)}); rebuild it with "
            "`uv run spacy project run all models/parser` in a checkout (see docs/parser.md), or reinstall claimwire"
        )
    pipeline = spacy.load(PARSER_PATH, exclude=list(exclude))
    tokenizer: Any = pipeline.tokenizer  # spaCy's Tokenizer is a compiled class without type stubs
    for title in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(title, [{"ORTH": title}])
    return pipeline


#: Titles before a name that spaCy's English tokenizer cuts into a word and a full stop ("Sgt" "."), which the
#: parser (trained on UD trees, where "Sgt." is one token) then reads as the end of a phrase: "said Sgt. Marty
#: Earley" gave the source "Sgt". None of them ends a sentence in news ("Gen.", "Gov.", "Sen.", "Rep.", "Dr." are
#: already kept whole by spaCy).
TITLE_ABBREVIATIONS = ("Sgt.", "Lt.", "Col.", "Capt.", "Cpl.", "Pvt.", "Maj.", "Cmdr.", "Det.", "Supt.", "Insp.")
