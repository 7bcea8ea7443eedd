"""claimwire's extraction and a naive regex baseline, scored on the GUM attribution set.

    uv run python bench/attribution_eval.py --split dev          # tune on train and dev
    uv run python bench/attribution_eval.py --split test         # only to report
    uv run python bench/attribution_eval.py --split dev --json   # the counts, for other scripts

Each document's text becomes an `ArticleReceived` (no source, no date) and goes through `extract_claims`;
claims with a cue or a named claimant are its attributions (`attribution_score.from_claims`). The scorer
is `claimwire.extraction.attribution_score.score`; see docs/extraction.md ("Real news: GUM attribution").
"""

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from claimwire.extraction import extract_claims
from claimwire.extraction.attribution_score import Attribution, GoldDoc, Scores, from_claims, gold_doc, render, score
from claimwire_contracts import ArticleReceived

DATA = Path(__file__).resolve().parent / "data" / "gum_attribution"
Extractor = Callable[[str], list[Attribution]]

# --- the naive baseline: "X said Y" and quoted passages ------------------------------------------------

_SPEECH = r"(?:said|says|say|told|tells|stated|states|added|adds|announced|claimed|claims|argued|argues|explained)"
_NAME = r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)"
_SAID = re.compile(rf"(?P<source>{_NAME})\s+(?P<cue>{_SPEECH})\s+(?:that\s+)?(?P<content>[^.!?\"“”\n]{{10,}})")
_QUOTE = re.compile(r"[\"“](?P<content>[^\"“”\n]{20,}?)[,.!?]?[\"”]")
_AFTER = re.compile(rf",?\s*(?:(?P<cue1>{_SPEECH})\s+(?P<source1>{_NAME})|(?P<source2>{_NAME})\s+(?P<cue2>{_SPEECH}))")


def regex_baseline(text: str) -> list[Attribution]:
    """`X said (that) Y` up to the end of the sentence, and every quoted passage of 20 characters or more
    (with `, said X` / `, X said` after it as source and cue when present)."""
    out = []
    for m in _SAID.finditer(text):
        content = m.span("content")
        out.append(
            Attribution(
                content=(content[0], len(text[: content[1]].rstrip(" ,;:"))), source=m.span("source"), cue=m.span("cue")
            )
        )
    for m in _QUOTE.finditer(text):
        after = _AFTER.match(text, m.end())
        source = cue = None
        if after:
            source = after.span("source1") if after.group("source1") else after.span("source2")
            cue = after.span("cue1") if after.group("cue1") else after.span("cue2")
        out.append(Attribution(content=m.span("content"), source=source, cue=cue))
    return out


# --- claimwire ------------------------------------------------------------------------------------------


def claimwire(text: str) -> list[Attribution]:
    """claimwire's attributions of one text, as spans."""
    article = ArticleReceived(article_id="art_gum", text=text, received_at=datetime(2026, 1, 1, tzinfo=UTC))
    return from_claims(extract_claims(article))


SYSTEMS: dict[str, Extractor] = {"claimwire": claimwire, "regex baseline": regex_baseline}


def load(split: str, data: Path = DATA) -> list[dict[str, object]]:
    """The JSON records of one split."""
    lines = (data / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def evaluate(records: Sequence[dict[str, object]], extractor: Extractor) -> tuple[dict[str, Scores], float]:
    """Scores of one extractor on `records`, and the seconds it took (CPU) to extract them."""
    gold: list[GoldDoc] = [gold_doc(r) for r in records]
    started = time.process_time()
    predicted = {str(r["doc_id"]): extractor(str(r["text"])) for r in records}
    seconds = time.process_time() - started
    return score(gold, predicted), seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", action="store_true", help="print the counts as JSON instead of tables")
    args = parser.parse_args(argv)
    records = load(args.split, args.data)
    results = {name: evaluate(records, extractor) for name, extractor in SYSTEMS.items()}
    if args.json:
        print(
            json.dumps(
                {
                    name: {genre: {m: vars(prf) for m, prf in s.items()} for genre, s in report.items()}
                    for name, (report, _) in results.items()
                },
                indent=1,
            )
        )
        return 0
    n_att = sum(len(gold_doc(r, credits=True).attributions) for r in records)
    n_scored = sum(len(gold_doc(r).attributions) for r in records)
    print(f"GUM attribution, {args.split}: {len(records)} documents, {n_att} attributions, {n_scored} scored\n")
    for name, (report, seconds) in results.items():
        print(render(report, f"{name} ({seconds:.2f} s CPU)"))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
