"""Typed figures: every quantity has a kind and a bound; capacities, distances, ages, dates and the like are none."""

from datetime import UTC, datetime

import pytest

from claimwire.extraction import extract_claims
from claimwire.extraction._quantities import find_quantities
from claimwire_contracts import ArticleReceived, Bound, FigureKind


def _figures(text: str) -> list[tuple[float, str, FigureKind]]:
    return [(q.value, q.unit, q.kind) for q in find_quantities(text, 0, len(text))]


def _bounds(text: str) -> list[tuple[float, Bound, float | None]]:
    return [(q.value, q.bound, q.high) for q in find_quantities(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling killed nine farmers near the river.", [(9, "killed", FigureKind.killed)]),
        ("Officials counted 14 dead after the storm.", [(14, "killed", FigureKind.killed)]),
        ("Eleven workers were hurt when the scaffold fell.", [(11, "wounded", FigureKind.injured)]),
        ("Two fishermen remain unaccounted for.", [(2, "missing", FigureKind.missing)]),
        ("Five hikers are still missing on the ridge.", [(5, "missing", FigureKind.missing)]),
        ("Lifeboat crews rescued 31 people off the coast.", [(31, "rescued", FigureKind.rescued)]),
        ("Volunteers pulled six children from the collapsed school.", [(6, "rescued", FigureKind.rescued)]),
        ("Authorities evacuated 800 residents from the valley.", [(800, "evacuated", FigureKind.evacuated)]),
        ("The floods left 3,000 families homeless.", [(3000, "displaced", FigureKind.displaced)]),
        ("About 4,000 villagers fled across the border.", [(4000, "displaced", FigureKind.displaced)]),
        ("Police detained 17 protesters overnight.", [(17, "arrested", FigureKind.arrested)]),
        ("Nine suspects are in custody, the prosecutor said.", [(9, "arrested", FigureKind.arrested)]),
        ("The storm cut power to 20,000 households.", [(20000, "households", FigureKind.affected)]),
        (
            "Artillery destroyed four bridges and six trucks.",
            [(4, "bridges", FigureKind.damage), (6, "trucks", FigureKind.damage)],
        ),
        ("Air defences shot down 12 drones over the bay.", [(12, "drones", FigureKind.damage)]),
        ("The council approved a budget of $40 million.", [(40_000_000, "dollars", FigureKind.amount)]),
        ("The ministry ordered 300 new buses.", [(300, "new buses", FigureKind.amount)]),
    ],
)
def test_every_kind(text: str, expected: list[tuple[float, str, FigureKind]]) -> None:
    """Each kind is read from the outcome said of the people counted, or from a destruction word near things."""
    assert expected == _figures(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The boat had 40 passengers and six crew on board.", [(40, "passengers"), (6, "crew")]),
        ("A coach carrying 52 pensioners overturned; two of them died.", [(52, "pensioners"), (2, "killed")]),
        ("The plane, with 118 people aboard, crashed into the sea.", [(118, "on board")]),
    ],
)
def test_people_on_board_are_affected_not_killed(text: str, expected: list[tuple[float, str]]) -> None:
    """Passengers, crew and people carried or on board are affected, even when a death is reported nearby."""
    found = find_quantities(text, 0, len(text))
    assert expected == [(q.value, q.unit) for q in found]
    assert found[0].kind is FigureKind.affected


def test_an_outcome_said_of_passengers_counts() -> None:
    """ "All 19 passengers were killed" is killed: the outcome is predicated of the people counted."""
    assert [(19, "killed", FigureKind.killed)] == _figures("All 19 passengers were killed in the crash.")


@pytest.mark.parametrize(
    "text",
    [
        "The death toll has risen to 45.",
        "By evening the toll rose to 45, the governor said.",
        "The number of dead climbed to 45 on Friday.",
        "The death toll rose from 30 to 45 overnight.",
    ],
)
def test_a_rising_death_toll_is_killed(text: str) -> None:
    """ "has risen to N", "rose to N", "climbed to N", "rose from M to N": N people killed, exactly."""
    assert [(45, Bound.exact, None)] == _bounds(text)
    assert [FigureKind.killed] == [q.kind for q in find_quantities(text, 0, len(text))]


def test_a_rising_toll_of_injured_is_injured() -> None:
    """ "the number of injured rose to 80" counts injured."""
    assert [(80, "wounded", FigureKind.injured)] == _figures("The number of injured rose to 80.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twelve people were killed.", (12, Bound.exact, None)),
        ("At least 12 people were killed.", (12, Bound.at_least, None)),
        ("No fewer than 12 people were killed.", (12, Bound.at_least, None)),
        ("More than 12 people were killed.", (12, Bound.more_than, None)),
        ("Over 12 people were killed.", (12, Bound.more_than, None)),
        ("Upwards of 12 people were killed.", (12, Bound.more_than, None)),
        ("Up to 12 people were killed.", (12, Bound.up_to, None)),
        ("As many as 12 people were killed.", (12, Bound.up_to, None)),
        ("Fewer than 12 people were killed.", (12, Bound.less_than, None)),
        ("Less than 12 people were killed.", (12, Bound.less_than, None)),
        ("Under 12 people were killed.", (12, Bound.less_than, None)),
        ("About 12 people were killed.", (12, Bound.about, None)),
        ("Around 12 people were killed.", (12, Bound.about, None)),
        ("Some 12 people were killed.", (12, Bound.about, None)),
        ("Nearly 12 people were killed.", (12, Bound.about, None)),
        ("Almost 12 people were killed.", (12, Bound.about, None)),
        ("Roughly 12 people were killed.", (12, Bound.about, None)),
        ("An estimated 12 people were killed.", (12, Bound.about, None)),
        ("Dozens of people were killed.", (24, Bound.about, None)),
        ("Hundreds of people were killed.", (200, Bound.about, None)),
        ("Between 12 and 20 people were killed.", (12, Bound.range, 20)),
        ("Twelve to twenty people were killed.", (12, Bound.range, 20)),
        ("Some 12-20 people were killed.", (12, Bound.range, 20)),
        ("Twelve or more people were killed.", (12, Bound.at_least, None)),
    ],
)
def test_every_bound(text: str, expected: tuple[float, Bound, float | None]) -> None:
    """The words around the number set its bound; a range keeps its low end as value and its high end."""
    assert [expected] == _bounds(text)


def test_money_keeps_its_bound() -> None:
    """ "at least $160 million" is 160,000,000 dollars, at least; the sign is part of the figure's text."""
    text = "The offer was worth at least $160 million."
    [found] = find_quantities(text, 0, len(text))
    assert (160_000_000, "dollars", Bound.at_least, "at least $160 million") == (
        found.value,
        found.unit,
        found.bound,
        text[found.start : found.end],
    )


def test_an_outcome_word_inside_the_unit_counts() -> None:
    """ "two wounded men" are injured; "three missing children" are missing."""
    assert [(2, "wounded", FigureKind.injured)] == _figures("The two wounded men asked for privacy.")
    assert [(3, "missing", FigureKind.missing)] == _figures("Police are looking for three missing children.")


def test_a_range_takes_the_scale_of_its_high_end() -> None:
    """ "2 to 3 million" is 2,000,000 to 3,000,000."""
    assert [(2_000_000, Bound.range, 3_000_000)] == _bounds("The flood affected 2 to 3 million people.")


@pytest.mark.parametrize(
    "text",
    [
        "The ferry was built for 300 passengers.",
        "The ministry opened a 500-seat hall on Monday.",
        "The stadium has a capacity of 40,000.",
        "The new lifeboat can carry up to 60 people.",
        "The village lies 12 km from the front line.",
        "The convoy stopped 30 miles from the capital.",
        "Rescuers searched for three hours.",
        "A 48-hour curfew was declared.",
        "The driver, aged 34, was questioned.",
        "A 34-year-old man was questioned.",
        "The suspect, Tom Baker, 34, was questioned.",
        "The raid took place on 12 March.",
        "The raid took place on March 12.",
        "The bridge was built in 2019.",
        "The raid began at 10 pm.",
        "It was the third attack this month.",
        "He finished 1st in the vote.",
        "The governor won 52 percent of the vote.",
        "Prices rose 4% in a month.",
        "Call 555 0134 for information.",
        "Protesters gathered outside 10 Downing Street.",
        "The plane was a Boeing 737.",
        "The victim was a mother of 12.",
    ],
)
def test_non_figures_are_dropped(text: str) -> None:
    """Capacities, distances, durations, ages, dates, years, times, ordinals, percentages of things, phone
    numbers, addresses, model numbers and family sizes are no figures."""
    assert [] == find_quantities(text, 0, len(text))


def test_a_percentage_of_people_is_a_figure() -> None:
    """ "40 percent of residents" counts people affected, in a scope of its own (not residents counted)."""
    assert [(40, "percent of residents", FigureKind.affected)] == _figures("40 percent of residents lost power.")


def test_killed_and_injured_in_one_sentence_take_the_nearest_verb() -> None:
    """ "killing 41 … and wounding more than 180": each number takes the verb that governs it."""
    text = "The blast killed 41 people and wounded more than 180 others."
    assert [(41, FigureKind.killed, Bound.exact), (180, FigureKind.injured, Bound.more_than)] == [
        (q.value, q.kind, q.bound) for q in find_quantities(text, 0, len(text))
    ]


def test_zeros_have_their_kind() -> None:
    """ "no one was hurt" is 0 injured; "nobody was killed" is 0 killed; "no casualties" is 0 casualties."""
    assert [(0, "wounded", FigureKind.injured)] == _figures("No one was hurt.")
    assert [(0, "killed", FigureKind.killed)] == _figures("Nobody was killed.")
    assert [(0, "casualties", FigureKind.killed)] == _figures("There were no casualties.")


def test_the_pipeline_attaches_kind_bound_and_high() -> None:
    """A claim's quantities carry kind, bound and high, and approximate is true for any bound but exact."""
    text = "Between 20 and 30 people were evacuated from the valley, the mayor said. Two bridges were destroyed."
    article = ArticleReceived(
        article_id="art_x", source="Valley Post", text=text, received_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    quantities = [q for claim in extract_claims(article) for q in claim.quantities]
    assert [(20, 30, FigureKind.evacuated, Bound.range, True), (2, None, FigureKind.damage, Bound.exact, False)] == [
        (q.value, q.high, q.kind, q.bound, q.approximate) for q in quantities
    ]
