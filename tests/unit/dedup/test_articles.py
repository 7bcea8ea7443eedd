"""Which incident an article is assigned to: the one holding most of it."""

from claimwire.dedup import majority_incident


def test_claims_count_once_each_without_weights():
    """Without weights the incident holding most claims wins, ties going to the first claim's."""
    incident_of = {"c1": "inc_a", "c2": "inc_b", "c3": "inc_b"}
    assert majority_incident(["c1", "c2", "c3"], incident_of) == "inc_b"
    assert majority_incident(["c1", "c2"], incident_of) == "inc_a"
    assert majority_incident(["c9"], incident_of) is None


def test_a_long_claim_outweighs_several_short_ones():
    """With lengths as weights the whole-article report outweighs short quotes that went elsewhere."""
    incident_of = {"report": "inc_a", "q1": "inc_b", "q2": "inc_b", "q3": "inc_c"}
    lengths = {"report": 900, "q1": 80, "q2": 90, "q3": 60}
    assert majority_incident(["report", "q1", "q2", "q3"], incident_of, lengths) == "inc_a"
    assert majority_incident(["report", "q1", "q2", "q3"], incident_of) == "inc_b"
