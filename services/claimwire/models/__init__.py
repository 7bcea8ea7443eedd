"""The project's own trained language pipeline, shipped inside the package (see docs/parser.md).

`en_claimwire_ud` is a spaCy pipeline (tokenizer, tagger, morphologizer, lemmatizer, dependency parser with
sentence boundaries, named entities) trained from open treebanks by `models/parser` in the repository. Its
labels are Universal Dependencies': `nsubj`, `ccomp`, `parataxis`, `obl`, ... (`ROOT` for the root).
"""

from ._parser import PARSER_PATH, ParserMissingError, load_parser

__all__ = ["PARSER_PATH", "ParserMissingError", "load_parser"]
