"""The offline clusterer on the hand-written evaluation set: quality target and order robustness."""

import json
import random
from pathlib import Path

from claimwire.dedup import cluster_inputs
from claimwire.dedup._inputs import Input
from claimwire.dedup.scoring import bcubed, pairwise
from claimwire_contracts import ClaimExtracted

DATA = Path(__file__).resolve().parents[2] / "data" / "dedup" / "claims.jsonl"


def load():
    rows = [json.loads(line) for line in DATA.read_text().splitlines()]
    return [ClaimExtracted.model_validate(r) for r in rows], {r["claim_id"]: r["gold"] for r in rows}


def cluster(claims):
    """The claims through `claimwire cluster`'s path: grouped by article, each article filed once."""
    return cluster_inputs(Input(c.claim_id, claim=c) for c in claims)


def assignment(claims):
    return {c: incident.incident_id for incident in cluster(claims).incidents for c in incident.claim_ids}


def test_claim_level_bcubed_f1_reaches_target():
    """Reports of the same incidents merge and same-place same-day distractors stay apart: B-cubed F1 >= 0.9."""
    claims, gold = load()
    predicted = assignment(claims)
    assert bcubed(predicted, gold).f1 >= 0.9
    assert pairwise(predicted, gold).f1 >= 0.8


def test_arrival_order_changes_little():
    """In five shuffled arrival orders B-cubed F1 averages at least 0.85 and never falls below 0.8."""
    claims, gold = load()
    rng = random.Random(7)
    scores = []
    for _ in range(5):
        shuffled = claims[:]
        rng.shuffle(shuffled)
        scores.append(bcubed(assignment(shuffled), gold).f1)
    assert sum(scores) / len(scores) >= 0.85
    assert min(scores) >= 0.8


def test_every_claim_lands_in_exactly_one_incident():
    """The incidents' claim lists partition the input claims."""
    claims, _ = load()
    listed = [c for state in cluster(claims).incidents for c in state.claim_ids]
    assert sorted(listed) == sorted(c.claim_id for c in claims)


def test_claims_of_one_article_share_its_incident():
    """A follow-up sentence naming no place is in its article's incident, whatever its words."""
    from .factories import claim

    located = claim("Russian forces shelled Zarichne overnight", article="art_z",
                    places=(("Zarichne", "Bryansk region"),))
    follow_up = claim("two attackers were killed and the raid was pushed back", article="art_z", places=(),
                      event_type="casualties", start=60)
    (incident,) = cluster([located, follow_up]).incidents
    assert [located.claim_id, follow_up.claim_id] == incident.claim_ids


def test_the_ledger_tells_which_incidents_an_article_was_scored_against():
    """`last_candidates` (what bench/ledger_independence.py reads) lists the incidents the last decision
    looked at: none for the first article, the open incident for a second report of the same story."""
    from claimwire.dedup._articles import claims_unit
    from claimwire.dedup._offline import MemoryLedger

    from .factories import claim

    ledger = MemoryLedger()
    place = (("Zarichne", "Bryansk region"),)
    first = claim("Russian forces shelled Zarichne overnight", article="art_a", places=place)
    second = claim("Zarichne was shelled by Russian forces overnight", article="art_b", places=place)
    opened = ledger.process(claims_unit([first]))
    assert opened is not None and ledger.last_candidates == []
    joined = ledger.process(claims_unit([second]))
    assert joined is not None and joined.incident_id == opened.incident_id
    assert ledger.last_candidates == [opened.incident_id]
