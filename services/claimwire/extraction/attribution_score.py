"""Scorer for attribution spans (source, cue, content) against gold, for any extractor.

The core is pure: `score(gold_docs, predicted)` takes gold documents and, per document id, predicted
attributions as character spans, and returns precision/recall/F1 per genre and overall. Used by
bench/attribution_eval.py on the GUM attribution set (bench/data/gum_attribution/, docs/extraction.md).

Measures, per document, summed over documents (micro-average):

- `source|cue|content exact`: the field's distinct non-null spans, gold against predicted, same offsets;
- `source|cue|content overlap`: the same, paired one-to-one when they share at least half of the shorter
  span (largest shared length first), as in `claimwire.extraction.evaluate`;
- `linked`: gold attributions and predicted ones paired one-to-one when the cues overlap and the contents
  overlap; a gold attribution without a cue (GUM leaves some unsignalled) pairs on content overlap alone.
  The source is not required: GUM marks the literal mention, an extractor may name a nearer one.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimwire_contracts import ClaimExtracted

from ._pipeline import UNKNOWN_OUTLET

Span = tuple[int, int]
FIELDS = ("source", "cue", "content")
ALL = "all"


@dataclass(frozen=True)
class Attribution:
    """Character spans of one attribution; source and cue may be missing."""

    content: Span
    source: Span | None = None
    cue: Span | None = None


@dataclass(frozen=True)
class GoldDoc:
    """A gold document: its id, its genre (the unit of the per-genre report) and its attributions."""

    doc_id: str
    genre: str
    attributions: tuple[Attribution, ...]


@dataclass(frozen=True)
class PRF:
    """Counts behind precision and recall: `tp` pairs out of `predicted` and `gold` items."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)


Scores = dict[str, PRF]


def shared(a: Span, b: Span) -> int:
    """Characters two spans have in common."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlaps(a: Span, b: Span) -> bool:
    """Spans overlap when they share at least half of the shorter one."""
    common = shared(a, b)
    return common > 0 and common * 2 >= min(a[1] - a[0], b[1] - b[0])


def _pairs(
    gold: Sequence[Any], pred: Sequence[Any], same: Callable[[Any, Any], bool], weight: Callable[[Any, Any], int]
) -> int:
    """Size of a greedy one-to-one pairing under `same`, heaviest pairs first."""
    candidates = sorted((-weight(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred) if same(g, p))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    return len(used_g)


def linked(gold: Attribution, pred: Attribution) -> bool:
    """A prediction finds a gold attribution when its cue overlaps the gold cue and its content the gold
    content; for a gold attribution without a cue the content decides alone."""
    if not overlaps(gold.content, pred.content):
        return False
    return gold.cue is None or (pred.cue is not None and overlaps(gold.cue, pred.cue))


def score_document(gold: Sequence[Attribution], pred: Sequence[Attribution]) -> Scores:
    """Every measure on one document."""
    scores: Scores = {}
    for name in FIELDS:
        g_spans = sorted({s for s in (getattr(a, name) for a in gold) if s is not None})
        p_spans = sorted({s for s in (getattr(a, name) for a in pred) if s is not None})
        exact = len(set(g_spans) & set(p_spans))
        scores[f"{name} exact"] = PRF(exact, len(p_spans), len(g_spans))
        scores[f"{name} overlap"] = PRF(_pairs(g_spans, p_spans, overlaps, shared), len(p_spans), len(g_spans))

    def weight(g: Attribution, p: Attribution) -> int:
        return shared(g.content, p.content)

    scores["linked"] = PRF(_pairs(gold, pred, linked, weight), len(pred), len(gold))
    return scores


def _add(into: Scores, scores: Scores) -> None:
    for name, prf in scores.items():
        into[name] = into.get(name, PRF()) + prf


def score(gold_docs: Iterable[GoldDoc], predicted: Mapping[str, Sequence[Attribution]]) -> dict[str, Scores]:
    """Scores per genre and over all documents (`"all"`); a document missing from `predicted` predicts
    nothing."""
    report: dict[str, Scores] = {}
    for doc in gold_docs:
        scores = score_document(doc.attributions, predicted.get(doc.doc_id, ()))
        _add(report.setdefault(doc.genre, {}), scores)
        _add(report.setdefault(ALL, {}), scores)
    return report


def gold_doc(record: Mapping[str, Any], *, credits: bool = False) -> GoldDoc:
    """A gold document from one line of bench/data/gum_attribution/*.jsonl; attributions flagged `credit`
    (image credits, bylines, signature lines: no cue, not a claim) are left out unless `credits`."""

    def span(value: Any) -> Span | None:
        return None if value is None else (int(value[0]), int(value[1]))

    atts = tuple(
        Attribution(content=(int(a["content"][0]), int(a["content"][1])), source=span(a["source"]), cue=span(a["cue"]))
        for a in record["attributions"]
        if credits or not a.get("credit", False)
    )
    return GoldDoc(str(record["doc_id"]), str(record["genre"]), atts)


def from_claims(claims: Iterable[ClaimExtracted], outlet: str | None = None) -> list[Attribution]:
    """claimwire's claims as attributions, without the outlet's own unattributed reporting (no cue and the
    outlet as claimant); a continuation of a quote (no cue, a named claimant) stays, with a null cue."""
    outlet_name = outlet or UNKNOWN_OUTLET
    return [
        Attribution(
            content=(c.span.start, c.span.end),
            source=(c.claimant.span.start, c.claimant.span.end) if c.claimant.span else None,
            cue=(c.cue.span.start, c.cue.span.end) if c.cue else None,
        )
        for c in claims
        if c.cue is not None or c.claimant.name != outlet_name
    ]


def render(report: Mapping[str, Scores], title: str = "") -> str:
    """A Markdown table: one row per genre (then all), F1 of every measure, and linked P/R with counts."""
    measures = [f"{f} {m}" for f in FIELDS for m in ("exact", "overlap")]
    head = [
        "genre",
        *(m.replace(" overlap", " ovl") for m in measures),
        "linked P",
        "linked R",
        "linked F1",
        "gold",
        "pred",
    ]
    lines = [f"{title}\n" if title else "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for genre in [*sorted(g for g in report if g != ALL), ALL]:
        if genre not in report:
            continue
        s = report[genre]
        link = s["linked"]
        cells = [f"{s[m].f1:.3f}" for m in measures]
        cells += [
            f"{link.precision:.3f}",
            f"{link.recall:.3f}",
            f"**{link.f1:.3f}**",
            str(link.gold),
            str(link.predicted),
        ]
        lines.append(f"| {genre} | " + " | ".join(cells) + " |")
    return "\n".join(line for line in lines if line)
