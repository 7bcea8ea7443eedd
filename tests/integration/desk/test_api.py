"""The desk against a real Redis: events published on the streams come out of its JSON API and pages."""

from datetime import date

import httpx
import pytest

from claimwire_contracts import EventType
from tests.support.desk import article, claim, incident

from .conftest import Publish

pytestmark = pytest.mark.redis


async def test_incidents_are_listed_newest_first_with_their_ids_figures_and_corroboration(
    desk: httpx.AsyncClient, publish: Publish
):
    """/api/incidents is a JSON list ordered by the latest filing, each item with the fields the issue names."""
    art = article("a1")
    claims = (claim(art, "3 people were arrested", "Police"), claim(art, "40 were detained", "Organisers"))
    await publish([incident("old", minutes=1), incident("new", minutes=5, claims=claims, conflicting=True),
                   incident("mid", minutes=3)])
    response = await desk.get("/api/incidents")
    assert 200 == response.status_code
    items = response.json()
    assert ["new", "mid", "old"] == [i["incident_id"] for i in items]
    assert {"incident_id", "title", "article_ids", "figures", "corroboration"} <= set(items[0])
    assert (["a1"], 1, True) == (items[0]["article_ids"], items[0]["corroboration"], items[0]["conflicting"])
    assert [3, 40] == [r["value"] for r in items[0]["figures"][0]["reports"]]


async def test_pages_of_the_list_link_to_the_next_and_count_the_total(desk: httpx.AsyncClient, publish: Publish):
    """limit/offset page the list; X-Total-Count and a Link rel=next header tell the client where it is."""
    await publish([incident(f"i{n}", minutes=n) for n in range(5)])
    first = await desk.get("/api/incidents", params={"limit": 2})
    assert ("5", ["i4", "i3"]) == (first.headers["x-total-count"], [i["incident_id"] for i in first.json()])
    next_url = first.headers["link"].split(">")[0].lstrip("<")
    last = await desk.get(next_url.replace("offset=2", "offset=4"))
    assert ["i0"] == [i["incident_id"] for i in last.json()] and "link" not in last.headers


async def test_filters_by_type_place_day_outlet_and_words_combine(desk: httpx.AsyncClient, publish: Publish):
    """Each filter narrows the list (any case for names); several filters must all hold."""
    await publish([
        incident("fire", event_type=EventType.damage, place="Port Halvard", outlets=("Radio Calder",)),
        incident("march", event_type=EventType.attack, place="Dunmere", day=date(2026, 3, 11), title="Hospital march"),
        incident("flood", event_type=EventType.damage, place="Brennock", day=date(2026, 3, 12), minutes=2),
    ])

    async def ids(**params: str) -> list[str]:
        return [i["incident_id"] for i in (await desk.get("/api/incidents", params=params)).json()]

    assert ["flood", "fire"] == await ids(type="damage")
    assert ["fire"] == await ids(place="port HALVARD")
    assert ["march"] == await ids(day="2026-03-11")
    assert ["fire"] == await ids(outlet="radio calder")
    assert ["march"] == await ids(q="hospital MARCH")
    assert ["flood"] == await ids(type="damage", place="Velland", day="2026-03-12")
    assert [] == await ids(q="hospital", type="damage")
    assert 422 == (await desk.get("/api/incidents", params={"type": "picnic"})).status_code


async def test_an_older_version_never_replaces_a_newer_one_and_moved_facets_move(
    desk: httpx.AsyncClient, publish: Publish
):
    """Version 2 then 1 (replicas, replays): the desk keeps 2; a version that changed place is found only there."""
    await publish([incident("i1", version=2, place="Ostry"), incident("i1", version=1, place="Dunmere")])
    detail = (await desk.get("/api/incidents/i1")).json()
    assert 2 == detail["incident"]["version"]
    assert [1, 2] == [v["version"] for v in detail["timeline"]], "both versions seen, in the timeline"
    assert [] == (await desk.get("/api/incidents", params={"place": "Dunmere"})).json()
    await publish([incident("i1", version=3, place="Brennock")])
    assert [] == (await desk.get("/api/incidents", params={"place": "Ostry"})).json()
    assert ["i1"] == [i["incident_id"] for i in (await desk.get("/api/incidents", params={"place": "brennock"})).json()]


async def test_an_incident_and_a_claim_come_back_by_id_and_unknown_ids_are_404(
    desk: httpx.AsyncClient, publish: Publish
):
    """/api/incidents/ID has the state, the versions seen and the claims; /api/claims/ID the claim's offsets."""
    art = article("a1")
    one = claim(art, "3 people were arrested", "Police")
    await publish([art, one, incident("i1", claims=(one,))])
    detail = (await desk.get("/api/incidents/i1")).json()
    assert [one.claim_id] == [c["claim_id"] for c in detail["claims"]]
    got = (await desk.get(f"/api/claims/{one.claim_id}")).json()
    assert (one.span.start, one.span.end) == (got["span"]["start"], got["span"]["end"])
    assert 404 == (await desk.get("/api/incidents/nope")).status_code
    assert 404 == (await desk.get("/api/claims/nope")).status_code
    assert 404 == (await desk.get("/incidents/nope")).status_code


async def test_article_text_and_titles_render_as_text_never_as_markup(desk: httpx.AsyncClient, publish: Publish):
    """An article holding <script> and a title holding <b> appear escaped on the incident page."""
    art = article("a1")
    one = claim(art, "3 people were arrested", "Police")
    await publish([art, one, incident("i1", claims=(one,), title="<img src=x onerror=alert(1)>")])
    page = (await desk.get("/incidents/i1")).text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>a1</b>" not in page and "&lt;b&gt;a1&lt;/b&gt;" in page
    assert "<img src=x" not in page and "<img src=x" not in (await desk.get("/")).text


async def test_the_incident_page_marks_each_claim_at_its_offsets_and_sets_sources_side_by_side(
    desk: httpx.AsyncClient, publish: Publish
):
    """The claim's content is one <mark class="claim"> holding exactly its text; both sources' values are shown."""
    art = article("a1")
    claims = (claim(art, "3 people were arrested", "Police"), claim(art, "40 were detained", "Organisers"))
    await publish([art, *claims, incident("i1", claims=claims, conflicting=True)])
    page = (await desk.get("/incidents/i1")).text
    assert f'<mark class="claim" data-claims="{claims[1].claim_id}">40 were detained</mark>' in page
    assert 'class="figure conflicting"' in page and page.count('class="report"') == 2
    assert "Police (via Northern Ledger)" in page and "Organisers (via Northern Ledger)" in page


async def test_the_list_page_and_its_live_fragment_show_the_incidents(desk: httpx.AsyncClient, publish: Publish):
    """/ renders the rows with filters kept in the form; the fragment the page refreshes from has the same rows."""
    await publish([incident("i1", place="Dunmere"), incident("i2", place="Ostry", minutes=1)])
    page = (await desk.get("/", params={"place": "Dunmere"})).text
    assert 'data-incident-id="i1"' in page and 'data-incident-id="i2"' not in page and 'value="Dunmere"' in page
    fragment = (await desk.get("/partials/incidents")).text
    assert fragment.index('data-incident-id="i2"') < fragment.index('data-incident-id="i1"')


async def test_health_readiness_and_metrics(desk: httpx.AsyncClient, publish: Publish):
    """/healthz answers while the process lives; /readyz once Redis answers and the desk reads its groups;
    /metrics counts the entries it read, in Prometheus' text format."""
    assert "ok" == (await desk.get("/healthz")).json()["status"]
    ready = await desk.get("/readyz")
    assert (200, "ready") == (ready.status_code, ready.json()["status"])
    assert {0} == set(ready.json()["backlog"].values())
    await publish([incident("i1")])
    metrics = await desk.get("/metrics")
    assert metrics.headers["content-type"].startswith("text/plain")
    assert 'claimwire_messages_in_total{stage="desk.incidents"' in metrics.text


async def test_the_openapi_document_describes_the_api(desk: httpx.AsyncClient):
    """/openapi.json documents the three API paths with their pagination and filter parameters."""
    spec = (await desk.get("/openapi.json")).json()
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/claims/{claim_id}"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert {"type", "place", "day", "outlet", "q", "offset", "limit"} == params
