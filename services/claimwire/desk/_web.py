"""The desk's web app: pages, live updates (server-sent events), the JSON API, health and readiness.

Routes only parse and delegate: the store reads the model, `_view` shapes the incident page, the templates
(autoescaped) render it.
"""

import contextlib
from collections.abc import AsyncIterator, Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.sse import EventSourceResponse, ServerSentEvent
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from faststream.redis import RedisBroker
from pydantic import BaseModel

from claimwire_contracts import ClaimExtracted, EventType, IncidentUpdated

from ..broker import build_client
from ..health import PROMETHEUS_TEXT, Probe
from ..metrics import Metrics
from ..progress import group_backlog
from ..runtime import Component, start_components
from ..settings import Settings
from ._consume import desk_stages
from ._live import ChangeFeed
from ._model import Filters, IncidentSummary, TimelineEntry
from ._store import DeskStore
from ._view import article_views, figures_by_kind, number, source_label, timeline, value_text

HERE = Path(__file__).parent
PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
#: How long a live page waits for a change before it checks that its browser is still there.
CHANGES_WAIT_S = 5.0



class IncidentDetail(BaseModel):
    """An incident with the versions the desk saw and the claims it received."""

    incident: IncidentUpdated
    timeline: list[TimelineEntry]
    """Versions the desk saw, oldest first (a desk that started late sees only the latest of older incidents)."""
    claims: list[ClaimExtracted]
    """The incident's claims the desk has received, in the incident's order."""


class Health(BaseModel):
    """Liveness or readiness: what keeps the desk from being ready, and its groups' backlogs."""

    status: str
    problems: list[str] = []
    backlog: dict[str, int | None] = {}


def build_app(settings: Settings, *, consume: bool = True, also: Sequence[Component] = ()) -> FastAPI:
    """The desk: one app that, while it runs, consumes the streams into the read model and serves it.

    `consume=False` serves the model without subscribing (a read-only replica); `also` are more components
    to run on the same broker (the demo's ingest worker and dedup service).
    """

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        client = build_client(settings)
        app.state.store = DeskStore(client, settings)
        app.state.feed = ChangeFeed(app.state.store)
        metrics = Metrics()
        app.state.probe = Probe(settings, metrics)
        broker: RedisBroker | None = None
        try:
            if consume or also:
                stages = desk_stages(settings, app.state.store) if consume else []
                broker = await start_components(settings, [*also, *stages], metrics)
            app.state.probe.ready(broker)
            await app.state.feed.start()
            yield
        finally:
            await app.state.feed.stop()
            if broker is not None:
                await broker.stop()
            await app.state.probe.close()
            await client.aclose()

    app = FastAPI(
        title="claimwire desk",
        summary="The incidents claimwire knows, with their sources, figures and claims.",
        version="1",
        lifespan=lifespan,
    )
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.filters["number"] = number
    templates.env.globals.update(value_text=value_text, source_label=source_label, event_types=list(EventType))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _pages(app, templates)
    _api(app)
    _ops(app, settings)
    return app


def _store(request: Request) -> DeskStore:
    store: DeskStore = request.app.state.store
    return store


TypeParam = Annotated[EventType | None, Query(alias="type", description="Event type.")]
PlaceParam = Annotated[str | None, Query(description="A place, region or country name (any case).")]
DayParam = Annotated[date | None, Query(description="A day the incident's reports place it in.")]
OutletParam = Annotated[str | None, Query(description="An outlet that carried a report (any case).")]
WordsParam = Annotated[str | None, Query(description="Words, all of which its title, places, sources or units hold.")]


def _filters(request: Request) -> Filters:
    """Filters from the query string; a blank field (as an empty form sends it) is no filter."""
    params = {k: v for k, v in request.query_params.items() if v.strip()}
    try:
        return Filters(
            event_type=params.get("type"),
            place=params.get("place"),
            day=params.get("day"),
            outlet=params.get("outlet"),
            q=params.get("q"),
        )
    except ValueError as exc:
        raise HTTPException(422, f"bad filter: {exc}") from None


def _pages(app: FastAPI, templates: Jinja2Templates) -> None:
    async def listing(request: Request, offset: int) -> dict[str, Any]:
        filters = _filters(request)
        total, items = await _store(request).page(filters, offset, PAGE_SIZE)
        query = filters.query()
        newer = urlencode({**query, "offset": max(offset - PAGE_SIZE, 0)}) if offset else None
        older = urlencode({**query, "offset": offset + PAGE_SIZE}) if offset + PAGE_SIZE < total else None
        return {"items": items, "total": total, "offset": offset, "filters": filters, "newer": newer, "older": older}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index(request: Request, offset: Annotated[int, Query(ge=0)] = 0) -> Response:
        return templates.TemplateResponse(request, "list.html", await listing(request, offset))

    @app.get("/partials/incidents", response_class=HTMLResponse, include_in_schema=False)
    async def rows(request: Request, offset: Annotated[int, Query(ge=0)] = 0) -> Response:
        return templates.TemplateResponse(request, "_rows.html", await listing(request, offset))

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    async def incident_page(request: Request, incident_id: str) -> Response:
        store = _store(request)
        incident = await store.incident(incident_id)
        if incident is None:
            return templates.TemplateResponse(request, "missing.html", {"incident_id": incident_id}, status_code=404)
        articles = await store.articles(incident.article_ids)
        claims = await store.claims(incident.claim_ids)
        context = {
            "incident": incident,
            "figures": figures_by_kind(incident),
            "articles": article_views(incident, articles, claims),
            "timeline": timeline(incident, await store.timeline(incident_id), articles),
            "claims_missing": len(incident.claim_ids) - len(claims),
        }
        return templates.TemplateResponse(request, "incident.html", context)

    @app.get("/events", response_class=EventSourceResponse, include_in_schema=False)
    async def events(
        request: Request, last_event_id: Annotated[str | None, Header()] = None
    ) -> AsyncIterator[ServerSentEvent]:
        """`incident` events, one per new version applied, with the change id (resumable with Last-Event-ID)."""
        feed: ChangeFeed = request.app.state.feed
        async with feed.listen(last_event_id) as changes:
            yield ServerSentEvent(event="ready", data={"since": last_event_id}, retry=2000)
            while not await request.is_disconnected():
                change = await changes.next(timeout=CHANGES_WAIT_S)
                if change is not None:
                    data = {"incident_id": change.incident_id, "version": change.version}
                    yield ServerSentEvent(event="incident", id=change.id, data=data)


def _api(app: FastAPI) -> None:
    @app.get("/api/incidents", tags=["incidents"])
    async def list_incidents(
        request: Request,
        response: Response,
        event_type: TypeParam = None,
        place: PlaceParam = None,
        day: DayParam = None,
        outlet: OutletParam = None,
        q: WordsParam = None,
        offset: Annotated[int, Query(ge=0, description="Incidents to skip.")] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Incidents per page.")] = PAGE_SIZE,
    ) -> list[IncidentSummary]:
        """Incidents, most recently updated first, one page of them.

        The total is in `X-Total-Count`; the next page's URL in a `Link: <…>; rel="next"` header.
        """
        filters = Filters(event_type=event_type, place=place, day=day, outlet=outlet, q=q)
        total, items = await _store(request).page(filters, offset, limit)
        response.headers["X-Total-Count"] = str(total)
        if offset + limit < total:
            query = urlencode({**filters.query(), "offset": offset + limit, "limit": limit})
            response.headers["Link"] = f'<{request.url.path}?{query}>; rel="next"'
        return items

    @app.get("/api/incidents/{incident_id}", tags=["incidents"], responses={404: {"description": "No such incident"}})
    async def get_incident(request: Request, incident_id: str) -> IncidentDetail:
        """One incident's latest state, the versions the desk saw, and its claims."""
        store = _store(request)
        incident = await store.incident(incident_id)
        if incident is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        seen = await store.timeline(incident_id)
        return IncidentDetail(
            incident=incident,
            timeline=[seen[v] for v in sorted(seen)],
            claims=await store.claims(incident.claim_ids),
        )

    @app.get("/api/claims/{claim_id}", tags=["claims"], responses={404: {"description": "No such claim"}})
    async def get_claim(request: Request, claim_id: str) -> ClaimExtracted:
        """One claim as extracted, with its exact offsets into its article's text."""
        claim = await _store(request).claim(claim_id)
        if claim is None:
            raise HTTPException(404, f"no claim {claim_id!r}")
        return claim


def _ops(app: FastAPI, settings: Settings) -> None:
    @app.get("/healthz", tags=["operations"])
    async def healthz() -> Health:
        """The process is up."""
        return Health(status="ok")

    @app.get("/readyz", tags=["operations"], responses={503: {"description": "Redis unreachable or not consuming"}})
    async def readyz(request: Request, response: Response) -> Health:
        """Redis answers and the desk reads its consumer groups (as every claimwire service's /readyz); with
        each stream's backlog for the desk's group (entries not yet read or not yet acked)."""
        probe: Probe = request.app.state.probe
        problems = await probe.problems()
        if problems:
            response.status_code = 503
            return Health(status="not ready", problems=problems)
        client = _store(request).client
        streams = (settings.incidents_stream, settings.claims_stream, settings.articles_stream)
        backlog = {s: await group_backlog(client, s, settings.desk_group, limit=10_000) for s in streams}
        return Health(status="ready", backlog=backlog)

    @app.get("/metrics", tags=["operations"], response_class=PlainTextResponse)
    async def metrics(request: Request) -> Response:
        """Prometheus metrics: entries read per stream, handling times, the desk's groups' lag and pending."""
        probe: Probe = request.app.state.probe
        return Response(await probe.metrics_text(), media_type=PROMETHEUS_TEXT)
