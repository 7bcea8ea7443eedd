"""An article as the ledger files it: its report (opening text, type from the lead) and its claims."""

from claimwire_contracts import ArticleReceived


def test_an_article_report_takes_its_type_from_the_lead():
    """The first line says what the story is; a later mention of another kind of event does not decide."""
    from datetime import UTC, datetime

    from claimwire.dedup import report_claim
    from claimwire_contracts import ArticleReceived, EventType

    day = datetime(2026, 5, 4, tzinfo=UTC)
    article = ArticleReceived(
        article_id="art_lead", source="Plain Post", published_at=day, received_at=day,
        text="A freight train derailed near Velka Lhota on Monday.\nLast year a drone strike hit the same line.",
    )
    report = report_claim(article)
    assert report is not None and report.event_type is EventType.accident
    assert report.text == article.text


def test_sample_articles_group_into_the_stories_they_report():
    """Article level through `claimwire cluster --articles`' path: the three raid reports together, the
    two depot-fire reports together, the bus crash in the same city on the same day apart, and so on."""
    import json

    from claimwire.dedup._inputs import Input
    from claimwire.dedup._offline_run import cluster_inputs
    from tests.support.articles import REPO, sample_articles_by_id

    gold = json.loads((REPO / "tests" / "data" / "dedup" / "seed_stories.json").read_text())
    inputs = [Input(i, article=a) for i, a in sample_articles_by_id().items()]
    result = cluster_inputs(inputs)
    assigned = {a.id: a.incident_id for a in result.articles}
    # Claim level: the ministry's "more than 50" (Kyiv Ledger) meets the raid's other reports, so the
    # conflict with Northwire's "about 40" is visible in one incident.
    assert any(f.unit == "killed" and f.conflicting and {r.value for r in f.reports} == {50, 40}
               for state in result.incidents for f in state.figures)
    groups = {frozenset(i for i in assigned if assigned[i] == inc) for inc in assigned.values()}
    expected = {frozenset(i for i in gold if gold[i] == story) for k, story in gold.items() if k != "_about"}
    assert groups == expected


def test_a_long_article_s_report_stops_at_a_paragraph_break_within_the_limit():
    """The report covers the lead paragraphs only (bounded cost per article), with exact offsets."""
    from datetime import UTC, datetime

    from claimwire.dedup import report_claim
    from claimwire.dedup._articles import REPORT_CHARS

    day = datetime(2026, 5, 4, tzinfo=UTC)
    paragraph = "Crews in Velka Lhota cleared the line after the derailment. " * 10
    text = "\n".join([paragraph.strip()] * 20)
    article = ArticleReceived(article_id="art_long", source="Plain Post", published_at=day, received_at=day,
                              text=text)
    report = report_claim(article)
    assert report is not None
    assert REPORT_CHARS // 2 < len(report.text) <= REPORT_CHARS
    assert report.text == text[report.span.start : report.span.end]
    assert text[report.span.end] == "\n"
