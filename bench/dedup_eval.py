"""Dedup quality: B-cubed and pairwise P/R/F1 on our claim-level set and on ECB+ against a TF-IDF baseline.

Run: `uv run python bench/dedup_eval.py` (one to three minutes).

1. tests/data/dedup/claims.jsonl: hand-written reports of 10 incidents plus same-place, same-day
   distractors, grouped by article (as `claimwire cluster` takes claim JSONL), scored at the claim and the
   article level, in file order and in 20 shuffled orders (arrival-order sensitivity).
2. seeds/articles.jsonl (the demo's 8 articles, 5 incidents incl. a bus crash in the same city on the same
   day as a depot fire; gold in tests/data/dedup/seed_stories.json), article level through the path of
   `claimwire cluster --articles` (each article's report plus its claims).
3. ECB+ (Cybulska and Vossen, LREC 2014; CC BY 3.0; /work/shared/data/ecbplus, read by path): article-level
   B-cubed of `claimwire cluster --articles` (the service's decision path), and claim-level B-cubed through
   the ledger (every claim extracted from an article, its gold the article's incident, its prediction the
   incident whose `claim_ids` hold it; a claim in no incident counts as a singleton), against a TF-IDF cosine-threshold
   baseline computed here: same articles, same order, single pass (each article joins the most similar
   earlier cluster when its best cosine to a member reaches the threshold). The baseline's threshold is
   tuned on the train split and both are reported on train, dev and all articles. Our own thresholds
   (dedup._match: 0.22 from 20 content words on) and the IDF prior were calibrated on train only; dev is
   the figure to trust for held-out topics (on train and all the baseline's threshold has seen the data).
   The clusterer's document frequencies start empty for each split and grow as its claims arrive.
"""

import json
import math
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from _common import REPO, sample_articles_by_id
from claimwire.dedup._inputs import Input
from claimwire.dedup._offline_run import ClusterResult, cluster_inputs
from claimwire.dedup.scoring import bcubed, pairwise
from claimwire.extraction import extract_claims
from claimwire_contracts import ArticleReceived, ClaimExtracted, make_article_id

CLAIMS = REPO / "tests" / "data" / "dedup" / "claims.jsonl"
# ../shared next to the main checkout; worktrees sit one level deeper.
_CANDIDATES = [REPO.parent / "shared", REPO.parent.parent / "shared"]
ECBPLUS = (
    Path(sys.argv[1])
    if len(sys.argv) > 1
    else next(
        (p for p in (c / "data" / "ecbplus" / "articles.jsonl" for c in _CANDIDATES) if p.exists()),
        _CANDIDATES[0] / "data" / "ecbplus" / "articles.jsonl",
    )
)


def fmt(name: str, predicted: dict, gold: dict) -> str:
    b, p = bcubed(predicted, gold), pairwise(predicted, gold)
    return (
        f"{name:<44} B3 P {b.precision:.3f} R {b.recall:.3f} F1 {b.f1:.3f} | "
        f"pairwise P {p.precision:.3f} R {p.recall:.3f} F1 {p.f1:.3f}"
    )


def claim_level(
    result: ClusterResult, article_gold: dict[str, str], claims_of: dict[str, list[str]]
) -> tuple[dict, dict]:
    """Predicted and gold incident of every claim: its article's gold incident, the incident holding it."""
    incident_of = {c: i.incident_id for i in result.incidents for c in i.claim_ids}
    predicted = {c: incident_of.get(c, f"none-{c}") for claims in claims_of.values() for c in claims}
    gold = {c: article_gold[a] for a, claims in claims_of.items() for c in claims}
    return predicted, gold


def own_set() -> None:
    rows = [json.loads(line) for line in CLAIMS.read_text().splitlines()]
    claims = [ClaimExtracted.model_validate(r) for r in rows]
    gold = {r["claim_id"]: r["gold"] for r in rows}
    article_gold = {r["article_id"]: r["gold"] for r in rows}

    def run(order: list[ClaimExtracted]) -> tuple[dict, dict]:
        result = cluster_inputs(Input(c.claim_id, claim=c) for c in order)
        incident_of = {c: i.incident_id for i in result.incidents for c in i.claim_ids}
        articles = {a.article_id: a.incident_id for a in result.articles}
        return {c.claim_id: incident_of[c.claim_id] for c in order}, articles

    predicted, articles = run(claims)
    print(f"own set: {len(claims)} claims, {len(article_gold)} articles, {len(set(gold.values()))} incidents")
    print(fmt("  claim level", predicted, gold))
    print(fmt("  article level", articles, article_gold))
    rng = random.Random(0)
    f1s = []
    for _ in range(20):
        order = claims[:]
        rng.shuffle(order)
        f1s.append(bcubed(run(order)[0], gold).f1)
    print(
        f"  claim-level B3 F1 over 20 shuffled arrival orders: min {min(f1s):.3f} mean {statistics.mean(f1s):.3f}"
        f" max {max(f1s):.3f}"
    )


SEED_STORIES = REPO / "tests" / "data" / "dedup" / "seed_stories.json"


def sample_articles() -> None:
    """The demo's sample articles through `claimwire cluster --articles`' path, scored at the article level."""
    gold = {k: v for k, v in json.loads(SEED_STORIES.read_text()).items() if k != "_about"}
    inputs = [Input(i, article=a) for i, a in sample_articles_by_id().items()]
    ours = {a.id: a.incident_id or f"none-{a.id}" for a in cluster_inputs(inputs).articles}
    print(f"sample articles (seeds/): {len(inputs)} articles, {len(set(gold.values()))} incidents")
    print(fmt("  article level, cluster --articles", ours, gold))


_TOKEN = re.compile(r"[a-z0-9]+")


def tfidf_single_pass(texts: list[str], threshold: float) -> list[int]:
    """Cluster ids of a single-pass TF-IDF cosine clustering (IDF from these texts, sublinear TF)."""
    tokenised = [_TOKEN.findall(t.lower()) for t in texts]
    df = Counter(w for toks in tokenised for w in set(toks))
    n = len(texts)
    vectors = []
    for toks in tokenised:
        weights = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in Counter(toks).items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        vectors.append({w: v / norm for w, v in weights.items()})
    members: list[list[int]] = []
    out = []
    for i, vec in enumerate(vectors):
        best, best_sim = -1, 0.0
        for cid, idx in enumerate(members):
            sim = max(sum(v * vectors[j].get(w, 0.0) for w, v in vec.items()) for j in idx)
            if sim > best_sim:
                best, best_sim = cid, sim
        if best >= 0 and best_sim >= threshold:
            members[best].append(i)
            out.append(best)
        else:
            members.append([i])
            out.append(len(members) - 1)
    return out


def ecbplus() -> None:
    if not ECBPLUS.exists():
        print(f"ECB+ not found at {ECBPLUS}; skipped")
        return
    rows = [json.loads(line) for line in ECBPLUS.read_text().splitlines()]
    print(
        f"ECB+ (Cybulska and Vossen, LREC 2014; CC BY 3.0): {len(rows)} articles, "
        f"{len({r['incident_id'] for r in rows})} incidents, {len({r['topic'] for r in rows})} topics"
    )
    splits = {
        "train": [r for r in rows if r["split"] == "train"],
        "dev": [r for r in rows if r["split"] == "dev"],
        "all": rows,
    }

    def gold(part: list[dict]) -> dict:
        return {r["id"]: r["incident_id"] for r in part}

    grid = [round(0.05 * k, 2) for k in range(2, 13)]
    tuned = max(
        grid,
        key=lambda t: (
            bcubed(
                dict(
                    zip(
                        [r["id"] for r in splits["train"]],
                        tfidf_single_pass([r["text"] for r in splits["train"]], t),
                        strict=True,
                    )
                ),
                gold(splits["train"]),
            ).f1
        ),
    )
    print(f"  TF-IDF baseline threshold tuned on train: {tuned}")
    for name in ("train", "dev", "all"):
        part = splits[name]
        t0 = time.perf_counter()
        inputs = [
            Input(
                r["id"],
                article=ArticleReceived(
                    article_id=make_article_id(None, r["id"], r["text"]),
                    text=r["text"],
                    published_at=r["published_at"],
                    received_at="2026-11-27T00:00:00Z",
                ),
            )
            for r in part
        ]
        extracted = {i.input_id: extract_claims(i.article) for i in inputs if i.article}
        result = cluster_inputs(inputs)
        ours = {a.id: a.incident_id or f"none-{a.id}" for a in result.articles}
        took = time.perf_counter() - t0
        claims_of = {i: [c.claim_id for c in claims] for i, claims in extracted.items()}
        claim_predicted, claim_gold = claim_level(result, gold(part), claims_of)
        baseline = dict(zip([r["id"] for r in part], tfidf_single_pass([r["text"] for r in part], tuned), strict=True))
        topic_only = {r["id"]: r["topic"] for r in part}
        print(fmt(f"  {name}: claimwire cluster --articles ({took:.1f} s)", ours, gold(part)))
        print(fmt(f"  {name}: claims through the ledger ({len(claim_gold)})", claim_predicted, claim_gold))
        print(fmt(f"  {name}: TF-IDF cosine single pass @ {tuned}", baseline, gold(part)))
        print(fmt(f"  {name}: topic only (reference)", topic_only, gold(part)))


if __name__ == "__main__":
    own_set()
    sample_articles()
    ecbplus()
