"""How often could two dedup decisions run at once and still file what one ordered decider files?

Run: `uv run python bench/ledger_independence.py --articles 1500` (about a minute: extraction, then the
offline ledger).

The feed is the one `bench/ledger_bench.py` times (ECB+ real news, repeated with fresh ids, seeded order).
Each article is filed through the service's decision path (`MemoryLedger`, the same `lookup_buckets`,
`choose`, `fold` as the Redis service) in stream order, and for each article this records the incidents it
was scored against (its candidates) and the incident it was filed to. An article's decision commutes with
those of the W articles just before it when none of them filed to (or opened) an incident among its
candidates: only then could it be decided concurrently with them, on a snapshot that misses them, and
still come out as the ordered ledger has it. The script prints that share for several W (W is roughly how
many decisions are in flight at once across replicas: a batch per replica).

This is an upper bound on what optimistic parallel deciding could keep exact, not a throughput figure: the
rarity of words (document frequencies over all earlier articles) also enters every score, so even an
article whose candidates nobody touched can score differently on a stale snapshot.
"""

import argparse
import statistics

from claimwire.dedup._articles import article_unit
from claimwire.dedup._offline import MemoryLedger
from ledger_bench import feed


def candidates_and_filings(articles: int) -> tuple[list[set[str]], list[str]]:
    """Per article in feed order: the ids of the incidents it was scored against, and the one it was filed to."""
    ledger = MemoryLedger()
    seen: list[set[str]] = []
    filed: list[str] = []
    for item in feed(articles):
        unit = article_unit(item)
        state = ledger.process(unit) if unit is not None else None
        if state is None:  # an article with no text to decide on, or a repeat: nothing filed
            continue
        seen.append(set(ledger.last_candidates))
        filed.append(state.incident_id)
    return seen, filed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--windows", type=int, nargs="+", default=[1, 2, 5, 10, 20, 50, 100])
    args = parser.parse_args()
    seen, filed = candidates_and_filings(args.articles)
    print(
        f"{args.articles} articles filed to {len(set(filed))} incidents; "
        f"candidates per article: mean {statistics.fmean(len(s) for s in seen):.1f}, max {max(map(len, seen))}"
    )
    for window in args.windows:
        free = sum(1 for k, mine in enumerate(seen) if mine.isdisjoint(filed[max(0, k - window) : k]))
        print(f"W={window:>3}: {free / len(seen):6.1%} of articles untouched by the {window} filings before them")


if __name__ == "__main__":
    main()
