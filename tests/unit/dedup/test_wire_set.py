"""The wire set (tests/data/dedup/wire_set.py) through `cluster_articles`: one incident per real incident, with
the typed figures, conflicts and corroboration a careful reader finds in it."""

from collections import Counter, defaultdict
from collections.abc import Iterable

import pytest

from claimwire.dedup import cluster_articles
from claimwire.extraction import extract_claims
from claimwire_contracts import Figure, FigureReport, IncidentUpdated
from tests.data.dedup.wire_set import INCIDENTS, NEAR_MISSES, GoldIncident, GoldReport, articles, gold_partition

LABELS = [incident.label for incident in INCIDENTS]
BY_LABEL = {incident.label: incident for incident in INCIDENTS}


@pytest.fixture(scope="module")
def result():
    """The set clustered once, in publication order."""
    return cluster_articles(articles())


@pytest.fixture(scope="module")
def incident_of(result) -> dict[str, IncidentUpdated]:
    """Gold label -> the incident holding most of its articles (so a wrong partition still names one)."""
    by_id = {incident.incident_id: incident for incident in result.incidents}
    assigned = {a.article_id: a.incident_id for a in result.articles}
    out = {}
    for gold in INCIDENTS:
        votes = Counter(assigned[article_id] for article_id in sorted(gold.article_ids))
        out[gold.label] = by_id[votes.most_common(1)[0][0]]
    return out


def partition(result) -> set[frozenset[str]]:
    """The article ids grouped by the incident each article was assigned to."""
    groups: dict[str | None, set[str]] = defaultdict(set)
    for assignment in result.articles:
        groups[assignment.incident_id].add(assignment.article_id)
    return {frozenset(group) for group in groups.values()}


def listing(groups: Iterable[Iterable[str]]) -> list[tuple[str, ...]]:
    """Groups as a sorted list of sorted tuples: comparable, and two equal groups stay two."""
    return sorted(tuple(sorted(group)) for group in groups)


def show(incident: IncidentUpdated) -> list[str]:
    """The incident's figures in a line each, for failure messages."""
    return [
        f"{f.kind}/{f.unit}{' CONFLICTING' if f.conflicting else ''}: "
        + ", ".join(f"{r.value}({r.bound}, {r.claimant}{', superseded' if r.superseded else ''})" for r in f.reports)
        for f in incident.figures
    ]


def figure(incident: IncidentUpdated, kind: str, unit: str) -> Figure:
    """The incident's one figure of that kind and scope."""
    found = [f for f in incident.figures if f.kind == kind and f.unit == unit]
    assert len(found) == 1, f"{kind}/{unit} not found once among {show(incident)}"
    return found[0]


def matches(report: FigureReport, gold: GoldReport) -> bool:
    """Same value and bound (and upper value for a range), by a claimant whose name holds the gold words."""
    same_high = gold.bound != "range" or report.high == gold.high
    return (report.value == gold.value and report.bound == gold.bound and same_high
            and gold.claimant in report.claimant.casefold())


def test_partition_is_exact_in_publication_order(result):
    """Fed in publication order, the articles fall into exactly the readers' incidents."""
    assert gold_partition() == partition(result)


def test_partition_is_exact_in_reversed_order():
    """Fed newest first, the articles fall into the same incidents."""
    assert gold_partition() == partition(cluster_articles(reversed(articles())))


def test_every_article_is_assigned_once(result):
    """Each article of the set is assigned to exactly one incident, and none is left unassigned."""
    assert sorted(a.article_id for a in articles()) == sorted(a.article_id for a in result.articles)
    assert [] == [a.article_id for a in result.articles if a.incident_id is None]


def test_incidents_hold_exactly_their_articles(result):
    """The ledger has one incident per real incident, each listing exactly its articles: no second record."""
    assert listing(gold_partition()) == listing(incident.article_ids for incident in result.incidents)


def test_every_claim_is_in_exactly_one_incident_its_articles(result):
    """Every claim extracted from every article is listed by exactly one incident: the one its article is in."""
    listed = Counter(claim_id for incident in result.incidents for claim_id in incident.claim_ids)
    holder = {claim_id: incident.incident_id for incident in result.incidents for claim_id in incident.claim_ids}
    assigned = {a.article_id: a.incident_id for a in result.articles}
    claims = [claim for article in articles() for claim in extract_claims(article)]
    assert claims, "the set yields claims"
    assert [] == [c.claim_id for c in claims if listed[c.claim_id] != 1]
    assert [] == [c.claim_id for c in claims if holder[c.claim_id] != assigned[c.article_id]]


@pytest.mark.parametrize("near_miss", NEAR_MISSES, ids=lambda n: f"{n.first}~{n.second}")
def test_near_misses_stay_apart(incident_of, near_miss):
    """Same place and day but another event, same type days apart, same type and day in another town: two records."""
    assert incident_of[near_miss.first].incident_id != incident_of[near_miss.second].incident_id


def test_placeless_report_joins_its_incident(result):
    """A follow-up that names no place joins the incident of the other outlets' reports of its story."""
    assigned = {a.article_id: a.incident_id for a in result.articles}
    for gold in INCIDENTS:
        for article_id in gold.placeless:
            others = {assigned[a] for a in gold.article_ids - {article_id}}
            assert {assigned[article_id]} == others, article_id


@pytest.mark.parametrize("label", LABELS)
def test_gold_figures_are_current_with_kind_unit_value_and_bound(incident_of, label):
    """Every figure a reader finds is there with its kind and scope, each standing value with its bound and source."""
    gold: GoldIncident = BY_LABEL[label]
    incident = incident_of[label]
    for expected in gold.figures:
        current = [r for r in figure(incident, expected.kind, expected.unit).reports if not r.superseded]
        for report in expected.current:
            assert any(matches(r, report) for r in current), (expected.kind, report, show(incident))


@pytest.mark.parametrize("label", [i.label for i in INCIDENTS if any(f.superseded for f in i.figures)])
def test_later_figures_of_a_source_supersede_its_earlier_ones(incident_of, label):
    """A rising toll ("at least 12", then "has risen to 19") keeps the early value, marked superseded, not current."""
    incident = incident_of[label]
    for expected in BY_LABEL[label].figures:
        reports = figure(incident, expected.kind, expected.unit).reports
        for report in expected.superseded:
            assert any(matches(r, report) for r in reports), (expected.kind, report, show(incident))
            assert not any(matches(r, report) for r in reports if not r.superseded), (report, show(incident))


@pytest.mark.parametrize("label", LABELS)
def test_distractor_numbers_are_not_figures(incident_of, label):
    """Capacities, distances, durations, ages, dates, times of day, ordinals and percentages give no figure."""
    incident = incident_of[label]
    values = {r.value for f in incident.figures for r in f.reports}
    values |= {r.high for f in incident.figures for r in f.reports if r.high is not None}
    taken = [(d.value, d.what, d.phrase) for d in BY_LABEL[label].distractors if d.value in values]
    assert [] == taken, show(incident)


@pytest.mark.parametrize("label", LABELS)
def test_conflicting_flags_are_exactly_the_expected_ones(incident_of, label):
    """Only sources that no bound reconciles conflict (police 3 vs organisers 40; "at least 200" and 230 do not)."""
    incident = incident_of[label]
    expected = {(f.kind, f.unit) for f in BY_LABEL[label].figures if f.conflicting}
    assert expected == {(f.kind, f.unit) for f in incident.figures if f.conflicting}, show(incident)


@pytest.mark.parametrize("label", LABELS)
def test_corroboration_counts_independent_outlets(incident_of, label):
    """Corroboration counts distinct independent outlets: a republished wire copy counts as its agency, once."""
    assert BY_LABEL[label].corroboration == incident_of[label].corroboration


@pytest.mark.parametrize("label", LABELS)
def test_sources_origins_are_the_independent_outlets(incident_of, label):
    """The sources' origins are the outlets that reported the incident, a wire copy's being its agency."""
    assert BY_LABEL[label].origins == {source.origin for source in incident_of[label].sources}


@pytest.mark.parametrize("label", [i.label for i in INCIDENTS if i.copies])
def test_wire_copy_names_its_agency_as_origin(incident_of, label):
    """The outlet that republishes an agency's story is a source whose origin is that agency, folded."""
    outlet_of = {a.article_id: a.source for a in articles()}
    incident = incident_of[label]
    for article_id, agency in BY_LABEL[label].copies.items():
        origins = {s.origin for s in incident.sources if s.outlet == outlet_of[article_id]}
        assert {agency} == origins, (article_id, incident.sources)


@pytest.mark.parametrize("label", LABELS)
def test_time_covers_the_event_day(incident_of, label):
    """The incident's days cover the day the event happened (not only the days it was reported)."""
    time = incident_of[label].time
    assert time.start is not None and time.end is not None
    assert time.start <= BY_LABEL[label].day <= time.end
