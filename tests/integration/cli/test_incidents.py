"""`claimwire incidents show` and `list` against a ledger filled on a real Redis."""

import asyncio
import json

import pytest
from click.testing import CliRunner
from redis.asyncio import Redis

from claimwire.cli import main
from claimwire.dedup import ArticleUnit, RedisLedger
from claimwire_contracts import IncidentUpdated
from tests.data.dedup.wire_set import articles
from tests.integration.dedup.helpers import unit_of

from .test_tail_schema_docs import env_of

pytestmark = pytest.mark.redis


def file_ferry_story(settings) -> tuple[IncidentUpdated, list[ArticleUnit]]:
    """The wire set's first two articles (one agency story and its wire copy) filed in the ledger."""
    units = [unit_of(a) for a in articles()[:2]]

    async def file() -> IncidentUpdated:
        client = Redis.from_url(settings.url)
        ledger = RedisLedger(client, settings)
        states = [(await ledger.process(u)).state for u in units]
        await client.aclose()
        assert states[-1] is not None
        return states[-1]

    return asyncio.run(file()), units


def test_show_json_gives_the_incident_and_its_articles_with_their_claims(settings):
    """--json prints {"incident", "articles"}: the current state, and per report id the article's record
    (its report, title and every claim)."""
    incident, units = file_ferry_story(settings)
    assert [u.article_id for u in units] == incident.article_ids
    result = CliRunner().invoke(main, ["incidents", "show", incident.incident_id, "--json"], env=env_of(settings))
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert {"incident", "articles"} == set(shown)
    assert incident == IncidentUpdated.model_validate(shown["incident"])
    records = shown["articles"]
    assert [u.report.claim_id for u in units] == list(records)
    for unit in units:
        record = records[unit.report.claim_id]
        assert (unit.article_id, unit.title) == (record["report"]["article_id"], record["title"])
        assert [c.claim_id for c in unit.claims] == [c["claim_id"] for c in record["claims"]]


def test_show_prints_each_article_with_its_claims_and_reasons(settings):
    """The table lists each article (filed because ...) followed by its claims."""
    incident, units = file_ferry_story(settings)
    env = {**env_of(settings), "COLUMNS": "400"}
    result = CliRunner().invoke(main, ["incidents", "show", incident.incident_id], env=env)
    assert result.exit_code == 0, result.output
    assert incident.title in result.output
    for unit in units:
        assert unit.article_id in result.output
        assert all(c.claim_id in result.output for c in unit.claims)
    assert result.output.count("(own report)") == len(units)
    assert result.output.count("its article") == sum(len(u.claims) for u in units)


def test_show_an_unknown_incident_fails_clearly(settings):
    """An id not in the ledger: one message, exit 1."""
    result = CliRunner().invoke(main, ["incidents", "show", "inc_0000000000_0000000000000000"], env=env_of(settings))
    assert result.exit_code == 1
    assert "no incident" in result.output


def test_list_json_gives_the_most_recent_incidents(settings):
    """list --json prints the current state of each recently changed incident, one a line."""
    incident, _ = file_ferry_story(settings)
    result = CliRunner().invoke(main, ["incidents", "list", "--json"], env=env_of(settings))
    assert result.exit_code == 0, result.output
    assert [incident] == [IncidentUpdated.model_validate_json(line) for line in result.output.splitlines()]


def test_list_off_a_terminal_is_tab_separated_with_whole_ids(settings):
    """Piped (not a terminal), list prints a header and one tab-separated line an incident, the id whole."""
    incident, _ = file_ferry_story(settings)
    result = CliRunner().invoke(main, ["incidents", "list"], env=env_of(settings))
    assert result.exit_code == 0, result.output
    header, row = (line.split("\t") for line in result.output.splitlines())
    assert ["incident", "v", "type", "title", "claims", "outlets", "verification", "last seen"] == header
    assert [incident.incident_id, str(incident.version), incident.title] == [row[0], row[1], row[3]]


@pytest.mark.parametrize("width", [80, 60, 30])
def test_list_on_a_narrow_terminal_keeps_ids_whole_and_cuts_titles(width):
    """On a terminal, ids are never cut however narrow it is; titles are cut with an ellipsis instead."""
    from io import StringIO

    from rich.console import Console

    from claimwire.cli.incidents import print_incidents_list

    incident = long_titled_incident()
    out = StringIO()
    print_incidents_list(Console(file=out, width=width, force_terminal=True, color_system=None), [incident])
    lines = out.getvalue().splitlines()
    assert lines[1].startswith(incident.incident_id + "  ")
    assert "…" in lines[1] and incident.title not in out.getvalue()
    assert width >= max(map(len, lines)) or width < len(incident.incident_id) + 14


def long_titled_incident() -> IncidentUpdated:
    """An incident of the wire set with a title longer than any terminal line, filed in memory."""
    from claimwire.dedup import MemoryLedger

    state = MemoryLedger().process(unit_of(articles()[0]))
    assert state is not None
    return state.model_copy(update={"title": state.title + " and more" * 20})
