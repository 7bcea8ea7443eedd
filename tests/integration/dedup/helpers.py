"""Shared steps of the dedup integration tests: feeding extracted articles, waiting, reading incidents."""

from redis.asyncio import Redis

from claimwire.dedup import ArticleUnit, article_unit
from claimwire.extraction import extract_claims
from claimwire.progress import wait_until_drained
from claimwire.settings import Settings
from claimwire.streams import publish_all, read_events
from claimwire_contracts import ArticleExtracted, ArticleReceived, IncidentUpdated
from tests.data.dedup.wire_set import ARTICLES, articles


def extracted(article: ArticleReceived) -> ArticleExtracted:
    """The entry the ingest worker publishes on the extracted stream for `article`."""
    return ArticleExtracted(article=article, claims=extract_claims(article))


def unit_of(article: ArticleReceived) -> ArticleUnit:
    """The ledger's unit for `article`, as the dedup service builds it from the extracted entry."""
    unit = article_unit(extracted(article))
    assert unit is not None, f"{article.article_id} is blank"
    return unit


def copies(article: ArticleReceived, count: int) -> list[ArticleReceived]:
    """`count` reports of one story: the same text from as many outlets (distinct article and claim ids)."""
    return [article.model_copy(update={"article_id": f"art_copy_{i}", "source": f"Outlet {i}"}) for i in range(count)]


def wire_feed() -> tuple[list[ArticleExtracted], dict[str, str]]:
    """The wire set's articles extracted, in publication order, and each article's gold incident."""
    return [extracted(a) for a in articles()], {a.article_id: a.gold for a in ARTICLES}


async def feed_extracted(client: "Redis", settings: Settings, entries: list[ArticleExtracted]) -> None:
    """Publish extracted articles on the extracted stream the way the ingest worker does."""
    await publish_all(client, [(settings.extracted_stream, e, e.article_id) for e in entries], maxlen=None)


async def drained(client: "Redis", settings: Settings, timeout: float = 30) -> None:
    """Wait until the dedup group has finished every extracted article."""
    assert await wait_until_drained(client, [(settings.extracted_stream, settings.dedup_group)], timeout=timeout)


async def incident_events(client: "Redis", settings: Settings) -> list[IncidentUpdated]:
    """Every IncidentUpdated on the incidents stream, in stream order."""
    return [event for _, event in await read_events(client, settings.incidents_stream, IncidentUpdated)]


def latest(events: list[IncidentUpdated]) -> dict[str, IncidentUpdated]:
    """The highest version of each incident."""
    out: dict[str, IncidentUpdated] = {}
    for event in events:
        if event.incident_id not in out or event.version > out[event.incident_id].version:
            out[event.incident_id] = event
    return out


def article_partition(incidents: "list[IncidentUpdated] | dict[str, IncidentUpdated]") -> set[frozenset[str]]:
    """The incidents' article lists as a partition of article ids."""
    states = incidents.values() if isinstance(incidents, dict) else incidents
    return {frozenset(s.article_ids) for s in states}


def incident_of_articles(incidents: "list[IncidentUpdated] | dict[str, IncidentUpdated]") -> dict[str, str]:
    """Article id -> the incident it is filed under."""
    states = incidents.values() if isinstance(incidents, dict) else incidents
    return {a: s.incident_id for s in states for a in s.article_ids}
