"""The incident desk: a subscriber of the published contracts that serves the incidents as pages and JSON.

It reads the incidents, claims and articles streams in its own consumer group into a read model in Redis
(`_store`), and serves a live list, an incident page and a JSON API over it (`_web`). See docs/desk.md.
"""

from ._model import Filters, IncidentSummary, TimelineEntry
from ._serve import DeskNotStartedError, serve_desk
from ._store import DeskStore
from ._web import IncidentDetail, build_app

__all__ = [
    "DeskNotStartedError",
    "DeskStore",
    "Filters",
    "IncidentDetail",
    "IncidentSummary",
    "TimelineEntry",
    "build_app",
    "serve_desk",
]
