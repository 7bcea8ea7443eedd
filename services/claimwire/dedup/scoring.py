"""Clustering scores: B-cubed and pairwise precision, recall and F1 of predicted against gold clusters."""

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of one measure."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float]:
        """Rounded figures for printing."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _check(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> None:
    if set(predicted) != set(gold):
        missing = sorted(map(str, set(gold) ^ set(predicted)))[:5]
        raise ValueError(f"predicted and gold cover different items, e.g. {missing}")


def bcubed(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> Scores:
    """B-cubed scores of a clustering: item -> predicted cluster against item -> gold cluster.

    Per item, precision is the share of its predicted cluster that shares its gold cluster, recall the share
    of its gold cluster that shares its predicted cluster; both are averaged over items.
    """
    _check(predicted, gold)
    if not gold:
        return Scores(1.0, 1.0)
    both = Counter((predicted[i], gold[i]) for i in gold)
    pred_size = Counter(predicted[i] for i in gold)
    gold_size = Counter(gold.values())
    precision = sum(both[(predicted[i], gold[i])] / pred_size[predicted[i]] for i in gold) / len(gold)
    recall = sum(both[(predicted[i], gold[i])] / gold_size[gold[i]] for i in gold) / len(gold)
    return Scores(precision, recall)


def pairwise(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> Scores:
    """Pairwise scores: over all pairs of items, are the pairs put together the pairs that belong together?

    With no pair predicted (or none in gold) the corresponding measure is 1 by convention.
    """
    _check(predicted, gold)
    items = sorted(gold, key=str)
    together_pred = {(a, b) for a, b in combinations(items, 2) if predicted[a] == predicted[b]}
    together_gold = {(a, b) for a, b in combinations(items, 2) if gold[a] == gold[b]}
    hits = len(together_pred & together_gold)
    precision = hits / len(together_pred) if together_pred else 1.0
    recall = hits / len(together_gold) if together_gold else 1.0
    return Scores(precision, recall)
