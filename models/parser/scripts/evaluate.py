"""Scores a trained pipeline on GUM dev and test (permissive genres), overall and per genre.

The pipeline runs on each held-out document's raw text with its own tokenizer, as `spacy evaluate` does,
so tokenization errors count. Attachment scores are spaCy's: punctuation is not scored.
Writes OUT/dev.json and OUT/test.json and prints a table.
"""

import argparse
import json
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.training import Example

KEYS = ("token_acc", "tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f", "ents_f")


def score(nlp: Language, path: Path) -> dict[str, Any]:
    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in docs]
    started = time.perf_counter()
    scores = nlp.evaluate(examples)
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {key: scores.get(key) for key in KEYS}
    result["ents_per_type"] = scores.get("ents_per_type")
    result["dep_las_per_type"] = scores.get("dep_las_per_type")
    result["docs"] = len(docs)
    result["sentences"] = sum(len(list(d.sents)) for d in docs)
    result["tokens"] = sum(len(d) for d in docs)
    result["seconds"] = round(seconds, 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("corpus", type=Path, help="the folder prepare.py wrote")
    parser.add_argument("out", type=Path)
    parser.add_argument("--splits", nargs="+", default=["dev", "test"])
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    args.out.mkdir(parents=True, exist_ok=True)
    for split in args.splits:
        report = {"all": score(nlp, args.corpus / f"{split}.spacy")}
        for path in sorted((args.corpus / split).glob("*.spacy")):
            report[path.stem] = score(nlp, path)
        (args.out / f"{split}.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(f"GUM {split} (permissive genres)")
        print(f"{'':10}" + "".join(f"{key:>10}" for key in KEYS) + f"{'tokens':>8}")
        for name, result in report.items():
            cells = "".join(f"{100 * result[k]:10.2f}" if result[k] is not None else f"{'-':>10}" for k in KEYS)
            print(f"{name:10}{cells}{result['tokens']:8}")


if __name__ == "__main__":
    main()
