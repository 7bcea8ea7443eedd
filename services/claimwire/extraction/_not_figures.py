"""Numbers that are not figures: capacities, distances, durations, ages, dates, times, ordinals and labels,
percentages of anything but people, phone numbers and addresses.

Each test reads the words around a number the quantity stage found; none of them looks further than a few words.
"""

import re

from ._text import Caseless

#: Units of time (durations, times of day, time zones): "for three hours", "at 10 pm", "1400 GMT".
TIME_UNITS = frozenset(
    "year years month months week weeks day days hour hours hrs minute minutes second seconds decade decades "
    "century centuries times time o'clock am pm a.m p.m p gmt utc bst cet est edt pst pdt local season seasons "
    "twenties thirties forties fifties sixties seventies eighties nineties".split()
)
#: Units of length, speed and temperature: "12 km", "30 miles from", "40 knots", "35 degrees".
MEASURE_UNITS = frozenset(
    "km kms kilometre kilometres kilometer kilometers mile miles mi metre metres meter meters feet foot ft yard "
    "yards yds inch inches cm centimetres centimeters mm millimetres millimeters mph kph knots degrees celsius "
    "fahrenheit magnitude richter".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
#: Capitalised last words of an address: "10 Downing Street", "45 Elm Road".
_ADDRESS = frozenset("street st road rd avenue ave boulevard blvd lane ln drive dr way place court terrace".split())
_PERCENT = frozenset(("percent", "per cent", "pct"))

# A capacity: "built for 300", "a capacity of 300", "can carry up to 300" (the bound is part of the number).
_CAPACITY_BEFORE = Caseless(
    r"(?:\b(?:capacity|built|designed|certified|licensed|rated|room|space|seating|able|capable|enough)"
    r"(?:\s+[a-z]+){0,2}?\s+(?:for|of|to carry|to hold|to seat|to accommodate|to take|carrying|holding|seating)"
    r"|\b(?:can|could|cannot|would|will)(?:\s+[a-z]+)?\s+(?:carry|hold|seat|accommodate|take|house|fit)"
    r"|\baccommodat(?:es|ing))\s+$"
)
# An age, or the size of someone's family ("a mother of 12"): a description of a person, not a count.
_AGE_BEFORE = Caseless(r"\b(?:aged|ages?|age of|(?:mother|father|parent|mom|dad|grandmother|grandfather) of)\s+$")
# Ordinals and labels: "No. 5", "Week 16", "Route 66", "Flight 370", "number 9".
_LABEL_BEFORE = Caseless(
    r"\b(?:no|nos|number|week|route|highway|interstate|flight|room|gate|platform|channel|chapter|section|article|"
    r"page|pier|terminal|bus|line|game|round|stage|level|category|grade|class|unit|apartment|suite|floor|box|exit|"
    r"volume|vol|episode|season|act|rule|resolution|bill|proposition|prop|model|type|lot|ward|precinct|station|"
    r"engine|ladder|amendment|psalm|verse|row|seat|track|lane|pg|magnitude)\.?\s*#?\s*$|#\s*$|\bno\s*-\s*$"
)
_MONTH_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+$"
)
# A model or designation: "AK 47", "MH 17" (an acronym right before digits).
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,4}\s*-?\s*$")
_PHONE_BEFORE = Caseless(r"\b(?:phone|call|tel|telephone|hotline|fax|dial)\b\W{0,3}$|\+\s*$|\(\d{2,5}\)\s*$")
_PHONE_AFTER = re.compile(r"[\s.-]\d{3,4}\b")
# "34-year-old", "a 500-seat hall" (written "34 - year - old" in some copy): the number modifies a noun.
_COMPOUND_AFTER = re.compile(r"\s*-\s*[A-Za-z]")
_PERCENT_OF_PEOPLE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?([a-z]+)")
_POPULATION = frozenset(("population", "electorate", "workforce", "inhabitants", "residents", "people"))


def before_says_no(text: str, floor: int, at: int) -> bool:
    """The words before a number at `at` make it a capacity, an age, a date, a label, a model or a phone number."""
    lo = max(floor, at - 60)
    return bool(
        _CAPACITY_BEFORE.search(text, lo, at)
        or _AGE_BEFORE.search(text, max(lo, at - 20), at)
        or _LABEL_BEFORE.search(text, max(lo, at - 16), at)
        or _MONTH_BEFORE.search(text, max(lo, at - 12), at)
        or _PHONE_BEFORE.search(text, max(lo, at - 16), at)
        or (text[at : at + 1].isdigit() and _ACRONYM_BEFORE.search(text, max(lo, at - 8), at))
    )


def after_says_no(text: str, at: int, limit: int) -> bool:
    """The characters after a number ending at `at` make it part of a compound ("34-year-old") or of a phone
    number ("555 0134")."""
    return bool(_COMPOUND_AFTER.match(text, at, limit) or _PHONE_AFTER.match(text, at, limit))


def unit_says_no(unit: str, capitalised: bool) -> bool:
    """The counted words are time, a measure, a month or (capitalised) an address: "three hours", "12 km",
    "12 March", "10 Downing Street"."""
    words = unit.split()
    return (
        words[-1] in TIME_UNITS
        or words[0] in TIME_UNITS
        or (words[-1] in MEASURE_UNITS and words[0] != "square")
        or words[0] in MEASURE_UNITS
        or words[0] in MONTHS
        or (capitalised and words[-1] in _ADDRESS)
        or (words[-1] == "block" and len(words) == 1)
    )


def is_percent(unit: str) -> bool:
    """The unit is a percentage ("percent", "per cent", "%")."""
    return unit.split(maxsplit=1)[0] in _PERCENT or unit.startswith("per cent")


def percent_of_people(text: str, at: int, limit: int, people: frozenset[str]) -> tuple[str, int] | None:
    """For a percentage ending at `at`, the people it counts and where their word ends ("40 percent of
    residents"), else None: percentages of people are figures (of the population affected), others are not."""
    m = _PERCENT_OF_PEOPLE.match(text, at, limit)
    if m is None or (m.group(1) not in people and m.group(1) not in _POPULATION):
        return None
    return m.group(1), m.end()


_NAME_COMMA_BEFORE = re.compile(r"[A-Z][\w.'’-]*,\s*$")
_CLAUSE_END_AFTER = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|$)")


def is_age_apposition(text: str, start: int, end: int) -> bool:
    """ "Jane Doe, 47, who …", "… and John Roe, 36.": a bare number set off by commas after a name is an age."""
    return (
        _NAME_COMMA_BEFORE.search(text, max(0, start - 30), start) is not None
        and _CLAUSE_END_AFTER.match(text, end) is not None
    )
