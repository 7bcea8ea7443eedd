"""The desk's pure core: what an incident is found under, the list card, and the incident page's pieces."""

from datetime import date

from claimwire.desk import Filters
from claimwire.desk._model import facets, summary, words
from claimwire.desk._view import article_views, figure_chart, segments, value_text
from claimwire_contracts import Bound, EventType, FigureReport
from tests.support.desk import article, claim, incident


def test_an_incident_is_found_under_its_type_places_days_outlets_and_words():
    """Facets are case-folded: type, place and country, each event day, each outlet, and the title's words."""
    found = set(facets(incident("i1", place="Port Halvard", outlets=("Northern Ledger", "Radio Calder"))))
    assert {("type", "attack"), ("place", "port halvard"), ("place", "velland"), ("day", "2026-03-10"),
            ("outlet", "northern ledger"), ("outlet", "radio calder"), ("word", "halvard")} <= found
    assert ("word", "in") not in found


def test_filters_name_the_facets_an_incident_must_all_have():
    """Each filter set adds one facet, search words one each; blank filters add none."""
    filters = Filters(event_type=EventType.attack, place=" Port  HALVARD", day=date(2026, 3, 10), q="Ferry the toll")
    assert [("type", "attack"), ("place", "port halvard"), ("day", "2026-03-10"), ("word", "ferry"),
            ("word", "toll")] == filters.facets()
    assert [] == Filters().facets()
    assert ["ferry", "toll"] == words("The ferry: toll!")


def test_a_card_marks_conflicting_figures_and_lists_outlets_once():
    """The list card carries article ids, figures and corroboration, and flags a conflict."""
    art = article("a1")
    claims = (claim(art, "3 people were arrested", "Police"), claim(art, "40 were detained", "Organisers"))
    card = summary(incident("i1", claims=claims, conflicting=True, outlets=("Ledger", "Ledger", "Calder")))
    assert card.conflicting and card.article_ids == ["a1"] and card.claims == 2
    assert ["Ledger", "Calder"] == card.outlets


def test_values_read_as_people_write_them():
    """Bounds in words, ranges with a dash, thousands separated, no trailing .0."""
    def report(value: float, bound: Bound, high: float | None = None) -> FigureReport:
        return FigureReport(value=value, bound=bound, high=high, claimant="x", claim_id="c")

    assert "at least 12" == value_text(report(12, Bound.at_least))
    assert "20–30" == value_text(report(20, Bound.range, 30))
    assert "1,200" == value_text(report(1200.0, Bound.exact))


def test_segments_cut_the_text_at_exact_claim_offsets():
    """Joined back the segments are the text; the claim's content and its cue are marked where they stand."""
    art = article("a1")
    one = claim(art, "3 people were arrested", "Police")
    pieces = segments(art.text, [one])
    assert art.text == "".join(p.text for p in pieces)
    assert ["3 people were arrested"] == [p.text for p in pieces if p.content == (one.claim_id,)]
    assert ["said"] == [p.text for p in pieces if p.cue]


def test_overlapping_and_out_of_range_spans_do_not_break_the_text():
    """Two claims over one stretch both mark it; a span past the text's end is left out."""
    art = article("a1")
    wide = claim(art, "Police said 3 people were arrested", "Ledger", cue="DUNMERE")
    narrow = claim(art, "3 people", "Police")
    broken = narrow.model_copy(update={"claim_id": "clm_broken", "span": narrow.span.model_copy(update={"end": 10**6})})
    pieces = segments(art.text, [wide, narrow, broken])
    assert art.text == "".join(p.text for p in pieces)
    assert {wide.claim_id, narrow.claim_id} == {c for p in pieces if p.text == "3 people" for c in p.content}
    assert all("clm_broken" not in p.content for p in pieces)


def test_article_views_follow_filing_order_and_flag_claims_off_their_offsets():
    """Articles come in merge order with the version that filed them; a claim not at its offsets is flagged."""
    art = article("a1")
    good = claim(art, "3 people were arrested", "Police")
    moved = good.model_copy(update={"claim_id": "clm_moved", "text": "something else"})
    state = incident("i1", claims=(good,))
    [view] = article_views(state, {"a1": art}, [good, moved])
    assert (1, ["clm_moved"]) == (view.version, view.mismatched)


def test_a_chart_needs_reports_published_apart():
    """One publication time gives no chart; reports at two times give one series per source."""
    art = article("a1")
    claims = (claim(art, "3 people were arrested", "Police"), claim(art, "40 were detained", "Organisers"))
    figure = incident("i1", claims=claims).figures[0]
    assert ([], "") == figure_chart(figure)
    later = figure.reports[1].model_copy(update={"published_at": art.published_at.replace(hour=18)})
    series, top = figure_chart(figure.model_copy(update={"reports": [figure.reports[0], later]}))
    assert ["Police (via Northern Ledger)", "Organisers (via Northern Ledger)"] == [s.source for s in series]
    assert "40" == top
