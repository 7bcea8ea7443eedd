"""The wire set's data itself (tests/data/dedup/wire_set.py): well-formed, covering what it claims to cover, and
its expectations consistent with its texts. These hold whatever the ledger does."""

import re
from collections import Counter

import pytest

from claimwire_contracts import ArticleReceived
from tests.data.dedup.wire_set import (
    AGENCY,
    ARTICLES,
    FIGURE_KINDS,
    INCIDENTS,
    NEAR_MISSES,
    PLACES,
    articles,
    gold_partition,
)
from tests.support.articles import ORIGINAL_SEED, SEED_JSONL

BOUNDS = {"exact", "at_least", "more_than", "up_to", "less_than", "about", "range"}
BY_LABEL = {incident.label: incident for incident in INCIDENTS}
TEXT = {article.article_id: article.text for article in ARTICLES}
OUTLET = {article.article_id: article.source for article in ARTICLES}


def incident_text(label: str) -> str:
    """Every text of the incident's articles, folded."""
    return " ".join(TEXT[a] for a in sorted(BY_LABEL[label].article_ids)).casefold()


def shingles(text: str, n: int = 7) -> set[tuple[str, ...]]:
    """Every run of `n` words, folded."""
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_articles_validate_as_the_adapter_would_publish_them():
    """Every article becomes a valid ArticleReceived with a zone-aware publication time and a unique id."""
    received = articles()
    assert all(isinstance(a, ArticleReceived) for a in received)
    assert 14 <= len(received) <= 20
    assert len({a.article_id for a in received}) == len(received)
    assert all(a.published_at is not None and a.published_at.utcoffset() is not None for a in received)
    assert [a.published_at for a in received] == sorted(a.published_at for a in received)


def test_articles_are_short_wire_stories_from_at_least_five_outlets():
    """Each article has two to six sentences; at least five outlets publish them."""
    for article in ARTICLES:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", article.text) if s]
        assert 2 <= len(sentences) <= 6, article.article_id
    assert len({a.source for a in ARTICLES}) >= 5


def test_gold_labels_and_incidents_partition_the_articles():
    """Each article's label and the incidents' article sets describe one and the same partition."""
    by_label: dict[str, set[str]] = {}
    for article in ARTICLES:
        by_label.setdefault(article.gold, set()).add(article.article_id)
    assert {frozenset(ids) for ids in by_label.values()} == gold_partition()
    assert {label: frozenset(ids) for label, ids in by_label.items()} == {i.label: i.article_ids for i in INCIDENTS}
    assert sum(len(i.article_ids) for i in INCIDENTS) == len(ARTICLES)


def test_at_least_five_incidents_have_several_outlets():
    """About five real incidents are each reported by two to five outlets."""
    outlets = [{OUTLET[a] for a in incident.article_ids} for incident in INCIDENTS]
    assert sum(2 <= len(o) <= 5 for o in outlets) >= 5


def test_figures_cover_every_kind_with_known_bounds():
    """The expectations use all ten figure kinds, and only the contract's bounds."""
    assert FIGURE_KINDS == {f.kind for i in INCIDENTS for f in i.figures}
    bounds = {r.bound for i in INCIDENTS for f in i.figures for r in (*f.current, *f.superseded)}
    assert bounds <= BOUNDS


def test_set_has_a_conflict_a_reconciling_bound_and_a_rising_toll():
    """One figure conflicts; another has an "at least" beside a larger exact value; killed has a superseded value."""
    figures = [f for i in INCIDENTS for f in i.figures]
    assert any(f.conflicting for f in figures)
    assert any(
        not f.conflicting
        and {r.bound for r in f.current} == {"exact", "at_least"}
        and len({r.claimant for r in f.current}) == 2
        for f in figures
    )
    assert any(f.kind == "killed" and f.superseded and f.superseded[0].value < f.current[0].value for f in figures)


@pytest.mark.parametrize("label", list(BY_LABEL))
def test_every_claimant_and_value_is_in_the_incidents_texts(label):
    """Each expected report's claimant words (or outlet) occur in the incident's articles, and so does its value."""
    text = incident_text(label)
    outlets = {OUTLET[a].casefold() for a in BY_LABEL[label].article_ids}
    for figure in BY_LABEL[label].figures:
        for report in (*figure.current, *figure.superseded):
            assert report.claimant in text or report.claimant in outlets, report
            value = f"{report.value:,}" if report.value < 1_000_000 else f"{report.value / 1_000_000:g} million"
            assert value in text or _word(report.value) in text, report


def _word(value: float) -> str:
    words = {2: "two", 3: "three", 4: "four", 6: "six"}
    return words.get(int(value), "\x00")


@pytest.mark.parametrize("label", list(BY_LABEL))
def test_distractors_occur_and_collide_with_no_figure(label):
    """Each distractor phrase is in the incident's texts, and its number is no figure value of that incident."""
    text = incident_text(label)
    values = {r.value for f in BY_LABEL[label].figures for r in (*f.current, *f.superseded)}
    for distractor in BY_LABEL[label].distractors:
        assert distractor.phrase.casefold() in text, distractor
        assert distractor.value not in values, distractor


def test_distractors_cover_every_kind_of_non_figure():
    """Capacities, distances, durations, ages, dates and ordinals all appear as distractors."""
    kinds = {d.what for i in INCIDENTS for d in i.distractors}
    assert {"capacity", "distance", "duration", "age", "date", "ordinal"} <= kinds


def test_corroboration_is_the_number_of_origins_and_copies_credit_the_agency():
    """Corroboration counts the origins; a wire copy comes from another outlet and credits the agency in its text."""
    copies = 0
    for incident in INCIDENTS:
        assert incident.corroboration == len(incident.origins), incident.label
        assert {OUTLET[a].casefold() for a in incident.article_ids} - {
            OUTLET[a].casefold() for a in incident.copies
        } <= incident.origins | {AGENCY}
        for article_id, agency in incident.copies.items():
            copies += 1
            assert agency in incident.origins
            assert OUTLET[article_id].casefold() != agency
            assert agency in TEXT[article_id].casefold()
    assert copies >= 1


def test_near_misses_are_what_they_say():
    """Same place and day, another event; same type three days apart; same type and day, two towns."""
    same_place_day, days_apart, two_towns = NEAR_MISSES
    assert BY_LABEL[same_place_day.first].day == BY_LABEL[same_place_day.second].day
    assert (BY_LABEL[days_apart.second].day - BY_LABEL[days_apart.first].day).days >= 2
    assert BY_LABEL[two_towns.first].day == BY_LABEL[two_towns.second].day


def test_event_days_are_not_after_their_reports():
    """No article reports its incident before the event day."""
    published = {a.article_id: a.published_at.date() for a in articles() if a.published_at}
    for incident in INCIDENTS:
        assert all(incident.day <= published[a] for a in incident.article_ids), incident.label


def test_placeless_articles_name_no_place():
    """The place-less follow-ups name none of the set's places, in text or headline."""
    placeless = [a for i in INCIDENTS for a in i.placeless]
    assert placeless
    titles = {a.article_id: a.title for a in ARTICLES}
    for article_id in placeless:
        assert [] == [p for p in PLACES if p in TEXT[article_id] or p in titles[article_id]]


def test_texts_share_no_run_of_words_with_the_seed_articles():
    """The set's texts are its own: no run of seven words in common with the sample or original seed articles."""
    seeds = SEED_JSONL.read_text(encoding="utf-8")
    if ORIGINAL_SEED.exists():
        seeds += ORIGINAL_SEED.read_text(encoding="utf-8")
    seen = shingles(seeds)
    assert [] == [a.article_id for a in ARTICLES if shingles(a.text) & seen]


def test_outlets_publish_several_stories():
    """Most outlets carry more than one incident, so an outlet is no clue to the incident."""
    stories = Counter(a.source for a in ARTICLES)
    assert sum(n >= 2 for n in stories.values()) >= 5
