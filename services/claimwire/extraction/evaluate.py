"""Scorer for claim extraction against a gold dev set (format: docs/extraction.md).

Prints precision, recall and F1 for content spans (exact and overlap), cues and claimant mentions (exact and
overlap), quantities, locations and verification, and resolved-claimant accuracy on the claims found.

    uv run python -m claimwire.extraction.evaluate tests/data/extraction/dev.jsonl

The scoring core (`score`) is pure: gold and predicted claims in the same plain-dict form.
"""

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from claimwire_contracts import ArticleReceived, ClaimExtracted, make_article_id

Claim = dict[str, Any]
_DROP = re.compile(r"^(?:the|a|an)\s+|(?:’s|'s)\b|[^\w\s-]", re.IGNORECASE)


@dataclass
class Counts:
    """True positives, false positives, false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Report:
    """Every measure over a dev set."""

    measures: dict[str, Counts] = field(default_factory=dict)
    claimant_correct: int = 0
    claimant_total: int = 0

    @property
    def claimant_accuracy(self) -> float:
        """Share of matched claims whose resolved claimant is right."""
        return self.claimant_correct / self.claimant_total if self.claimant_total else 1.0

    def counts(self, name: str) -> Counts:
        return self.measures.setdefault(name, Counts())

    def render(self) -> str:
        """A plain-text table of every measure."""
        lines = [f"{'measure':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for name, c in self.measures.items():
            lines.append(f"{name:<22}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:6d}{c.fp:6d}{c.fn:6d}")
        lines.append(
            f"{'claimant resolved acc':<22}{self.claimant_accuracy:7.3f}"
            f"   ({self.claimant_correct}/{self.claimant_total} matched claims)"
        )
        return "\n".join(lines)


def overlaps(a: dict[str, int], b: dict[str, int]) -> bool:
    """Spans overlap when they share at least half of the shorter one."""
    shared = min(a["end"], b["end"]) - max(a["start"], b["start"])
    shorter = min(a["end"] - a["start"], b["end"] - b["start"])
    return shared > 0 and shared * 2 >= shorter


def exact(a: dict[str, int], b: dict[str, int]) -> bool:
    """Spans are the same offsets."""
    return a["start"] == b["start"] and a["end"] == b["end"]


def _match(gold: Sequence[dict[str, int]], pred: Sequence[dict[str, int]], same: Any) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, pred index) under `same`, largest shared length first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if same(g, p):
                shared = min(g["end"], p["end"]) - max(g["start"], p["start"])
                candidates.append((-shared, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


def _span_counts(gold: Sequence[dict[str, int]], pred: Sequence[dict[str, int]], same: Any) -> Counts:
    tp = len(_match(gold, pred, same))
    return Counts(tp, len(pred) - tp, len(gold) - tp)


def _bag_counts(gold: Iterable[Any], pred: Iterable[Any]) -> Counts:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return Counts(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def normalise(name: str) -> frozenset[str]:
    """Words of a name without determiners, possessives and punctuation, lower-cased."""
    return frozenset(_DROP.sub(" ", name.lower()).split())


def claimant_matches(gold_name: str, predicted_name: str) -> bool:
    """Right when every word of the gold name is in the predicted one (it may be more specific)."""
    gold_words = normalise(gold_name)
    return bool(gold_words) and gold_words <= normalise(predicted_name)


def _quantities(claim: Claim) -> list[float]:
    return [float(q["value"]) for q in claim.get("quantities", [])]


def _locations(claim: Claim) -> list[frozenset[str]]:
    return [normalise(loc["name"]) for loc in claim.get("locations", [])]


def score_article(gold: list[Claim], pred: list[Claim], report: Report) -> None:
    """Add one article's counts to `report`."""
    gold_content = [g["content"] for g in gold]
    pred_content = [p["content"] for p in pred]
    report.counts("content exact").add(_span_counts(gold_content, pred_content, exact))
    report.counts("content overlap").add(_span_counts(gold_content, pred_content, overlaps))
    for part in ("cue", "mention"):
        gold_spans = [s for s in (_part(g, part) for g in gold) if s]
        pred_spans = [s for s in (_part(p, part) for p in pred) if s]
        report.counts(f"{part} exact").add(_span_counts(gold_spans, pred_spans, exact))
        report.counts(f"{part} overlap").add(_span_counts(gold_spans, pred_spans, overlaps))
    pairs = _match(gold_content, pred_content, overlaps)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    quantities, locations, verification = Counts(), Counts(), Counts()
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        report.claimant_total += 1
        report.claimant_correct += claimant_matches(g["claimant"]["name"], p["claimant"]["name"])
        quantities.add(_bag_counts(_quantities(g), _quantities(p)))
        locations.add(_bag_counts(_locations(g), _locations(p)))
        verification.add(_verification_counts(g["verification"], p["verification"]))
    for gi in set(range(len(gold))) - matched_g:
        quantities.add(_bag_counts(_quantities(gold[gi]), []))
        locations.add(_bag_counts(_locations(gold[gi]), []))
        verification.add(_verification_counts(gold[gi]["verification"], "unknown"))
    for pi in set(range(len(pred))) - matched_p:
        quantities.add(_bag_counts([], _quantities(pred[pi])))
        locations.add(_bag_counts([], _locations(pred[pi])))
        verification.add(_verification_counts("unknown", pred[pi]["verification"]))
    report.counts("quantities").add(quantities)
    report.counts("locations").add(locations)
    report.counts("verification").add(verification)


def _part(claim: Claim, part: str) -> dict[str, int] | None:
    span: dict[str, int] | None = claim.get("cue") if part == "cue" else claim["claimant"].get("mention")
    return span


def _verification_counts(gold: str, pred: str) -> Counts:
    if gold == "unknown" and pred == "unknown":
        return Counts()
    if gold == pred:
        return Counts(tp=1)
    return Counts(fp=int(pred != "unknown"), fn=int(gold != "unknown"))


def as_gold_form(claim: ClaimExtracted) -> Claim:
    """A predicted claim in the dev set's plain form."""

    def span(s: Any, text: str | None = None) -> dict[str, Any] | None:
        return None if s is None else {"start": s.start, "end": s.end, "text": text}

    return {
        "claimant": {"name": claim.claimant.name, "mention": span(claim.claimant.span, claim.claimant.mention)},
        "cue": span(claim.cue.span, claim.cue.text) if claim.cue else None,
        "content": span(claim.span, claim.text),
        "quantities": [{"value": q.value, "unit": q.unit, "approximate": q.approximate} for q in claim.quantities],
        "locations": [{"name": loc.name} for loc in claim.locations],
        "verification": claim.verification.status.value,
    }


def article_of(line: dict[str, Any]) -> ArticleReceived:
    """The ArticleReceived a dev-set line describes."""
    return ArticleReceived(
        article_id=make_article_id(line.get("source"), line["id"], line["text"]),
        source=line.get("source"),
        text=line["text"],
        published_at=line.get("published_at"),
        received_at=datetime(2024, 1, 1, tzinfo=UTC),
    )


def load(path: Path) -> list[dict[str, Any]]:
    """Lines of a dev-set JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(lines: list[dict[str, Any]]) -> Report:
    """Run extraction over every dev-set article and score it."""
    from . import extract_claims

    report = Report()
    for line in lines:
        predicted = [as_gold_form(c) for c in extract_claims(article_of(line))]
        score_article(line["claims"], predicted, report)
    return report


def main(argv: list[str] | None = None) -> int:
    """Print the report for the dev set named on the command line."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] in ("-h", "--help"):
        print("usage: python -m claimwire.extraction.evaluate DEV.jsonl", file=sys.stderr)
        return 0 if args[:1] in (["-h"], ["--help"]) else 2
    try:
        lines = load(Path(args[0]))
    except (OSError, ValueError) as err:  # a missing file or a line that is not JSON: say which, no traceback
        print(f"error: {args[0]}: {err}", file=sys.stderr)
        return 2
    report = evaluate(lines)
    print(f"{len(lines)} articles, {sum(len(x['claims']) for x in lines)} gold claims")
    print(report.render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
