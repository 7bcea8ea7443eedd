"""Loads the shipped pipeline once per process, from the package folder, without any network access."""

from functools import cache
from pathlib import Path

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
    return spacy.load(PARSER_PATH, exclude=list(exclude))
