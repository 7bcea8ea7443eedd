"""Stage 5b: figures: numerals, number words, bounds and ranges, what is counted and what kind of count it is.

"over 4,500 students" → 4500 students, more than, affected; "five tanks" destroyed → 5 tanks, damage; "60 Ukrainian
soldiers" near "elimination" → 60 killed; "between 20 and 30 people were evacuated" → 20-30 evacuated, range; "the
death toll has risen to 45" → 45 killed; "an armoured personnel carrier" after "destroyed" → 1, damage; "no
casualties" → 0 casualties, killed. Capacities, distances, durations, ages, dates, times, ordinals, labels, phone
numbers, addresses and percentages of anything but people are skipped (`_not_figures`); kinds and bounds are
decided by `_figure_kinds`.
"""

import re
from dataclasses import dataclass

from claimwire_contracts import Bound, FigureKind

from . import _not_figures as nf
from ._figure_kinds import (
    BOUND_WORDS,
    OUTCOME_UNITS,
    PEOPLE,
    SUFFIX_BOUND,
    bound_of,
    outcome_noun,
    people_kind,
    predicated,
    said_on_board,
    suffix_bound,
    thing_kind,
    toll_kind,
    verb_before,
)
from ._text import Caseless, lower_exact

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "a dozen": 12,
    "dozen": 12,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "millions": 2_000_000,
}

_WORD_NUMBER = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS) + r"))?|" + "|".join(_UNITS) + r")"
    r"(?:\s+(?:hundred|thousand|million|billion))*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Longest first, so that "no fewer than" is tried before any shorter phrase it starts like.
_APPROX = "|".join(sorted(BOUND_WORDS, key=len, reverse=True))
# Matched as lower-case patterns over the lower-cased article (see Caseless): the matched strings are
# lower-case, which is how every group below is read.
# The first lookahead holds the first letters of the bound words, number words and vague amounts, and digits:
# `re` skips other positions without trying the branches. At the start of a word, the second holds their first two
# characters, which spares the branches at most words (about 15% off this scan).
_VAGUE_AMOUNTS = ("tens of thousands", "hundreds of thousands", "dozens", "scores", "hundreds", "thousands", "millions")
_OPENING_WORDS = (*BOUND_WORDS, "between", *_UNITS, *_TENS, *_VAGUE_AMOUNTS, "a dozen")
_OPENINGS = "|".join(sorted({re.escape(w[:2]) for w in _OPENING_WORDS}))
_FIRST_LETTERS = "".join(sorted({w[0] for w in _OPENING_WORDS}))
# A range's second number follows "-", "to", or "and" after "between": "20-30", "20 to 30", "between 20 and 30".
_NUMBER = Caseless(
    rf"(?=[{_FIRST_LETTERS}\d])(?<![\w\-/.:])(?=\d|{_OPENINGS})"
    rf"(?:(?P<between>between)\s+|(?P<approx>{_APPROX})\s+)?(?P<currency>[$£€])?"
    rf"(?:(?P<digits>{_DIGITS})(?:\s*(?P<scale>million|billion|thousand|m|bn)\b)?|"
    rf"(?P<words>{_WORD_NUMBER})|"
    rf"(?P<vague>{'|'.join(_VAGUE_AMOUNTS)}|a dozen))"
    rf"(?:(?P<joiner>(?(between)\s+and\s+|(?:\s*[-–]\s*|\s+to\s+)))"
    rf"(?:(?P<hdigits>{_DIGITS})(?:\s*(?P<hscale>million|billion|thousand|m|bn)\b)?|(?P<hwords>{_WORD_NUMBER})))?"
    rf"(?![\w\-/:]|[.,]\d)(?:\s+of)?"
)
# "rose from 20 to 35": the second number replaces the first; it is not a range.
_CHANGED_FROM = Caseless(
    r"\b(?:rose|risen|rising|climbed|increased|jumped|grew|grown|went up|soared|fell|fallen|dropped|decreased|"
    r"revised(?: up| down| upward| downward)?|raised|lowered|updated)(?:\s+[a-z]+){0,2}?\s+from\s+$"
)
_ZERO = Caseless(
    r"\b(?:(?:no|without(?:\s+\w+){0,3}\s+any|zero|not any)\s+(?P<unit>casualties|deaths|injuries|fatalities|"
    r"victims|one (?:was|were) (?:hurt|injured|killed))|"
    r"(?P<nobody>(?:nobody|no\s*-\s*one) (?:was|were) (?:hurt|injured|killed)))\b"
)
_ZERO_KINDS = {
    "casualties": (FigureKind.killed, "casualties"),
    "victims": (FigureKind.killed, "casualties"),
    "deaths": (FigureKind.killed, "killed"),
    "fatalities": (FigureKind.killed, "killed"),
    "killed": (FigureKind.killed, "killed"),
    "injuries": (FigureKind.injured, "wounded"),
    "hurt": (FigureKind.injured, "wounded"),
    "injured": (FigureKind.injured, "wounded"),
}
# Every match of _DESTROY holds one of these (its Caseless stems): most claims name no destruction, and a few
# substring tests are cheaper than the pattern.
_DESTROY_STEMS = (
    "destr",
    "downed",
    "shot down",
    "hit",
    "struck",
    "damag",
    "lost",
    "seized",
    "captured",
    "intercept",
    "kill",
)
_DESTROY = Caseless(
    r"\b(?:destroy\w*|destruction|downed|shot down|hit|struck|damag\w+|lost|seized|captured|intercept\w*|"
    r"kill\w*)\b",
    stems=_DESTROY_STEMS,
)
_ONE = Caseless(
    r"\b(?P<text>(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?P<unit>tank|vehicle|personnel carrier|helicopter|plane|"
    r"jet|aircraft|drone|missile|ship|vessel|boat|warship|howitzer|launcher|truck|soldier|civilian))\b"
)
_STOP = frozenset(
    "of and or in on at to from for by with near over across into during after before were was are is had has "
    "have who which that as than per each a an the their its his her while when where late early this last "
    "next remain remains remained still overnight yesterday today tonight earlier later again also now since "
    "until".split()
)
_CURRENCIES = {"$": "dollars", "£": "pounds", "€": "euros"}
_MONEY = frozenset(
    "dollars euros pounds yuan rubles roubles hryvnias rupees yen francs shekels dinars usd eur gbp cents".split()
)
# Matched at a position (pattern.match(text, pos)), so no "^" and no copy of the rest of the text.
# "one of", "one another", "on the one hand", "the one who …": "one" as a pronoun or in an idiom.
_NOT_A_COUNT = Caseless(
    r"(?:one\s+(?:of|another|hand)|one's|(?<=the )one(?!\s+(?:hundred|thousand|million|billion)))\b"
)


# Cheap pre-check (many spans hold no figure): a digit, a number word, or a word that makes a zero.
_NUMBER_WORDS = frozenset(
    (*_UNITS, *_TENS, *"dozen dozens scores hundreds thousands millions no nobody without zero".split())
)
_DIGIT = re.compile(r"\d")
_NON_LETTERS = re.compile(r"[^a-z]+")


def _has_number(lowered: str) -> bool:
    return _DIGIT.search(lowered) is not None or not _NUMBER_WORDS.isdisjoint(_NON_LETTERS.split(lowered))


# Built explicitly, not frozen: compiled with mypyc, a dataclass's generated __init__ runs as interpreted code
# (a frozen one about 20x slower to build than this compiled one). Never mutated; eq and hash as when frozen.
@dataclass(slots=True, init=False, unsafe_hash=True)
class FoundQuantity:
    """A figure found in the text: value (low end of a range), unit, offsets, kind, bound, high end of a range."""

    value: int | float
    unit: str
    start: int
    end: int
    kind: FigureKind
    bound: Bound
    high: int | float | None

    def __init__(
        self,
        value: int | float,
        unit: str,
        start: int,
        end: int,
        kind: FigureKind,
        bound: Bound = Bound.exact,
        high: int | float | None = None,
    ) -> None:
        self.value = value
        self.unit = unit
        self.start = start
        self.end = end
        self.kind = kind
        self.bound = bound
        self.high = high

    @property
    def approximate(self) -> bool:
        """True for any bound but exact."""
        return self.bound is not Bound.exact


@dataclass(slots=True, init=False)
class _Number:
    """A number as written: value (and high end), bound, offsets of the number and of what follows it, and the
    currency its sign names ("$5 million": dollars)."""

    value: int | float
    high: int | float | None
    bound: Bound
    start: int
    end: int
    after: int
    currency: str | None

    def __init__(
        self,
        value: int | float,
        high: int | float | None,
        bound: Bound,
        start: int,
        end: int,
        after: int,
        currency: str | None = None,
    ) -> None:
        self.value = value
        self.high = high
        self.bound = bound
        self.start = start
        self.end = end
        self.after = after
        self.currency = currency


def find_quantities(text: str, start: int, end: int) -> list[FoundQuantity]:
    """Figures in `text[start:end]`, in text order, each with its kind and bound; non-figures skipped."""
    found: list[FoundQuantity] = []
    pending: list[_Number] = []
    exact = lower_exact(text[start:end])
    lowered = exact if exact is not None else text[start:end].lower()
    if not _has_number(lowered):
        return _singulars(text, start, end, found) if _DESTROY.search_lowered(lowered) else []
    for match in _NUMBER.finditer(text, start, end):
        number = _read(text, match, start, end)
        if number is None or nf.before_says_no(text, start, number.start):
            continue
        words = _unit_words(text, number.after, end)
        if words or number.currency is not None:
            quantity = _counted(text, number, words, start, end)
            if quantity is None:
                continue
            # "22 of 27 drones": the bare number before counts the same thing.
            found.extend(_borrowing(n, quantity) for n in pending if _joined(text, n.end, quantity.start))
            pending = []
            found.append(quantity)
        elif _bare_number(text, match, number):
            outcome = _outcome_before(text, number.start, start) or _outcome_after(text, number, end)
            if outcome is not None:
                found.append(_as(number, outcome, OUTCOME_UNITS[outcome]))
            elif found and (
                _joined(text, found[-1].end, number.start)
                or _TOTAL_BEFORE.search(text, max(start, number.start - 50), number.start)
            ):
                # "by 68 votes to 31".
                found.append(_borrowing(number, found[-1]))
            else:
                pending.append(number)
    # Every zero opens with "no", "nobody", "without" or "zero"; `exact` lets the lower-cased span stand for the text.
    if exact is None or "no" in exact or "without" in exact or "zero" in exact:
        found.extend(_zeros(text, start, end))
    if _DESTROY.search_lowered(lowered):
        found.extend(_singulars(text, start, end, found))
    return sorted(found, key=lambda q: q.start)


_MEASURE_WORDS = "|".join(sorted(nf.MEASURE_UNITS | {"percent", "per cent"}, key=len, reverse=True))
_MEASURE = Caseless(rf"\d(?:[\d,.]*\d)?\s*(?:%|(?:{_MEASURE_WORDS})\b)")


def reports_measure(text: str, start: int, end: int) -> bool:
    """True when `text[start:end]` gives a measure that is no figure: a percentage, a distance ("29.8 percent",
    "60 kilometres"). A sentence with one still reports a fact."""
    return _MEASURE.search(text, start, end) is not None


def _read(text: str, match: re.Match[str], floor: int, limit: int) -> _Number | None:
    """The number of `match` with its bound; None for a year, a score ("17-14"), a date ("2024-03") or a time
    ("ten to six"): a second number that is not above the first."""
    if _NOT_A_COUNT.match(text, match.start("words") if match.group("words") else match.start()):
        return None
    value = _value(match.group("digits"), match.group("scale"), match.group("words"), match.group("vague"))
    if value is None or (match.group("digits") and _is_year(match.group("digits"), value)):
        return None
    # "between 20" with no second number is just 20.
    alone = match.group("between") and match.group("joiner") is None and match.group("digits")
    start = match.start("digits") if alone else match.start()
    end = _number_end(text, match)
    sign = match.group("currency")
    if sign is None and start > 0 and text[start - 1] in _CURRENCIES:
        sign, start = text[start - 1], start - 1  # "$5 million": the sign is part of the figure
    currency = _CURRENCIES.get(sign) if sign else None
    approx = match.group("approx")
    bound = Bound.about if match.group("vague") and approx is None else bound_of(approx)
    high = _value(match.group("hdigits"), match.group("hscale"), match.group("hwords"), None)
    if match.group("joiner") is not None and high is not None:
        if match.group("hscale") and not match.group("scale") and value <= high / _SCALE_FACTORS[match.group("hscale")]:
            value *= _SCALE_FACTORS[match.group("hscale")]
            value = int(value) if float(value).is_integer() else value
        if match.group("joiner").strip() == "to" and _CHANGED_FROM.search(text, max(floor, start - 40), start):
            second = match.start("hdigits") if match.group("hdigits") else match.start("hwords")
            return _Number(high, None, Bound.exact, second, end, match.end())
        if high <= value or _is_year(str(high), high):
            return None
        return _Number(value, high, Bound.range, start, end, match.end(), currency)
    after = match.end()
    suffix = SUFFIX_BOUND.match(text, end, limit)
    if suffix is not None and bound is Bound.exact and not match.group(0).endswith(" of"):
        bound, end, after = suffix_bound(suffix.group()), suffix.end(), suffix.end()
    return _Number(value, None, bound, start, end, after, currency)


def _number_end(text: str, match: re.Match[str]) -> int:
    """End of the number itself: `match` without a trailing " of" or punctuation."""
    start, end = match.start(), match.end()
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if text[start:end].lower().endswith(" of"):
        end -= 3
    return end


def _counted(text: str, number: _Number, words: list[tuple[str, int]], floor: int, limit: int) -> FoundQuantity | None:
    """The figure of `number` counting `words`, or None when the words make it no figure ("three hours", "12 km",
    "12 March", "52 percent of the vote")."""
    if number.currency is not None:
        return _found(number, number.currency, number.end, FigureKind.amount)
    unit_end = words[-1][1]
    unit = " ".join(w for w, _ in words if not w[:1].isupper()).lower() or words[-1][0].lower()
    if nf.unit_says_no(unit, capitalised=words[-1][0][:1].isupper()) or nf.after_says_no(text, number.end, limit):
        return None
    if nf.is_percent(unit):
        people = nf.percent_of_people(text, unit_end, limit, PEOPLE)
        if people is None:
            return None
        of_whom, end = people
        kind = people_kind(text, of_whom, floor, number.start, end, limit)
        return _found(number, f"percent of {of_whom}", end, kind)
    kind, unit = _kind(text, unit, floor, number.start, unit_end, limit)
    return _found(number, unit, unit_end, kind)


_ANYONE = frozenset(["people", "persons", "others", "individuals"])


def _kind(text: str, unit: str, floor: int, start: int, unit_end: int, limit: int) -> tuple[FigureKind, str]:
    """Kind and scope of a count of `unit` at [start, unit_end): people take their outcome as scope ("60
    soldiers" killed is 60 killed), except casualties, which stay a scope of their own."""
    last = unit.rsplit(maxsplit=1)[-1]
    if last in _MONEY:
        return FigureKind.amount, unit
    named = outcome_noun(unit)
    if named is not None:
        return named, unit if last == "casualties" else OUTCOME_UNITS[named]
    described = next((k for k in map(outcome_noun, unit.split()[:-1]) if k is not None), None)
    if described is not None and last in PEOPLE:
        return described, OUTCOME_UNITS[described]  # "two wounded men", "three missing children"
    if last in PEOPLE:
        toll = toll_kind(text, floor, start)
        kind = toll if toll is not None else people_kind(text, unit, floor, start, unit_end, limit)
        if kind is FigureKind.affected and last in _ANYONE and said_on_board(text, unit_end, limit):
            return kind, "on board"  # "96 people on board": what is counted is who was aboard ("six crew" stay crew)
        return kind, OUTCOME_UNITS.get(kind, unit)
    kind = thing_kind(text, unit, floor, start, unit_end, limit)
    return kind, OUTCOME_UNITS.get(kind, unit)


def _found(number: _Number, unit: str, end: int, kind: FigureKind) -> FoundQuantity:
    return FoundQuantity(number.value, unit, number.start, end, kind, number.bound, number.high)


_NOT_A_COUNT_BEFORE = re.compile(r"(?:aged|age|no\.|number|page|article|section|chapter|route|at|from)\s+$")
_FOLLOWER = re.compile(r"\s*([A-Za-z]+)")
# What may stand between two numbers of one count: "22 of 27 drones", "by 68 votes to 31", "3 tanks and 2".
_JOIN = re.compile(r"[\s,]*(?:(?:out\s+)?of|to|and|or|against)?[\s,]*(?:(?:the|its|their|all)\s+(?:[a-z]+\s+)?)?")
# "14 new cases …, bringing the total to 61": a running total counts what the figure before it counts.
_TOTAL_BEFORE = Caseless(r"\b(?:total|tally|count|number)\b[^.;:]{0,30}?\b(?:to|of|at)\s+$")


def _joined(text: str, end: int, start: int) -> bool:
    return end <= start and _JOIN.fullmatch(text, end, start) is not None


def _bare_number(text: str, match: re.Match[str], number: _Number) -> bool:
    """A number with no counted noun after it that is not an age, a date or part of a name."""
    before = text[max(0, number.start - 12) : number.start].lower()
    if _NOT_A_COUNT_BEFORE.search(before) or nf.is_age_apposition(text, number.start, number.end):
        return False
    if nf.after_says_no(text, number.end, len(text)):
        return False
    follower = _FOLLOWER.match(text, number.after, number.after + 12)
    return follower is None or follower.group(1).lower() in _STOP


def _outcome_before(text: str, at: int, floor: int) -> FigureKind | None:
    """ "killing at least 41 people and wounding more than 180", "the death toll has risen to 45": the verb or
    toll before the number names what is counted."""
    toll = toll_kind(text, floor, at)
    return toll if toll is not None else verb_before(text, floor, at)


def _outcome_after(text: str, number: _Number, limit: int) -> FigureKind | None:
    """ "Dozens were wounded", "12 died": an outcome predicated of the bare number."""
    return predicated(text, number.end, limit)


def _borrowing(number: _Number, other: FoundQuantity) -> FoundQuantity:
    return FoundQuantity(number.value, other.unit, number.start, number.end, other.kind, number.bound, number.high)


def _as(number: _Number, kind: FigureKind, unit: str) -> FoundQuantity:
    return FoundQuantity(number.value, unit, number.start, number.end, kind, number.bound, number.high)


_SCALE_FACTORS = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}
# Compiled once: re.sub(str, …) and re.split(str, …) pay a cache lookup on every call.
_SPACES = re.compile(r"\s+")
_NUMBER_WORD_BREAK = re.compile(r"[\s-]+")


def _value(digits: str | None, scale: str | None, words: str | None, vague: str | None) -> int | float | None:
    if digits:
        number = float(digits.replace(",", ""))
        if scale:
            number *= _SCALE_FACTORS.get(scale.lower(), 1)
        return int(number) if number.is_integer() else number
    if words:
        return words_to_number(words)
    if vague:
        return _VAGUE.get(_SPACES.sub(" ", vague.lower()))
    return None


def words_to_number(phrase: str) -> int:
    """Value of an English number phrase: "twenty-five" → 25, "three hundred" → 300, "two million" → 2000000."""
    total, current = 0, 0
    for word in _NUMBER_WORD_BREAK.split(phrase.lower()):
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
    return total + current


def _is_year(digits: str, value: int | float) -> bool:
    return isinstance(value, int) and 1800 <= value <= 2100 and "," not in digits


_DETERMINER_AFTER = re.compile(r"\s*(?:the|its|their|his|her|our)\s+(?=[a-z])")
_UNIT_WORD = re.compile(r"\s*([A-Za-z%][\w’'-]*)")


_ADVERB = re.compile(r"[a-z]{3,}ly")
_NOT_ADVERBS = frozenset(("family", "assembly", "supply", "rally", "ally", "belly", "jelly"))


def _unit_words(text: str, start: int, limit: int) -> list[tuple[str, int]]:
    """Up to three words after the number that name what is counted, stopping at function words; "%" is one."""
    if text.startswith("%", start):
        return [("percent", start + 1)]
    words: list[tuple[str, int]] = []
    # Searched within [start, limit) rather than over a copy of it: neither pattern looks behind its start.
    determiner = _DETERMINER_AFTER.match(text, start, limit)
    if determiner is not None and text[start - 3 : start] == " of":
        start = determiner.end()
    at = start  # where the next word must begin: words are consecutive
    for m in _UNIT_WORD.finditer(text, start, limit):
        # "eight crew members and …": a word naming people ends the unit unless people words follow it.
        if m.start() != at or (words and _people_end(words[-1][0], m.group(1))):
            break
        word = m.group(1)
        lower = word.lower()
        if lower in _STOP or len(words) == 3 or (lower.endswith("ed") and words) or word.startswith("%"):
            break
        at = m.end()
        if _ADVERB.fullmatch(word) and lower not in _NOT_ADVERBS:
            continue  # "23 heavily armed pirates", "13 fully loaded magazines"
        words.append((word, m.end()))
        if lower.endswith("s") and len(word) > 3 and not word[:1].isupper() and lower not in PEOPLE:
            break
    return words


def _people_end(last: str, word: str) -> bool:
    """ "eight crew members and …" keeps "crew members"; "four men who …" stops at "men"; "more" modifies what
    follows ("three more tanks")."""
    return last.lower() in PEOPLE and last.lower() != "more" and word.lower() not in PEOPLE


def _zeros(text: str, start: int, end: int) -> list[FoundQuantity]:
    """ "no casualties", "no one was hurt", "nobody was killed": a zero of that kind."""
    zeros = []
    for m in _ZERO.finditer(text, start, end):
        phrase = m.group("unit") or m.group("nobody")
        kind, unit = _ZERO_KINDS[phrase.rsplit(maxsplit=1)[-1]]
        zeros.append(FoundQuantity(0, unit, m.start(), m.end(), kind))
    return zeros


def _singulars(text: str, start: int, end: int, found: list[FoundQuantity]) -> list[FoundQuantity]:
    """ "destroyed an armoured personnel carrier" counts one, where no numeral covers it."""
    singles = []
    for m in _ONE.finditer(text, start, end):
        s, e = m.span("text")
        if not _DESTROY.search(text, max(start, s - 80), s):
            continue
        if any(q.start < e and s < q.end for q in found):
            continue
        unit = m.group("unit").lower()
        plural = unit if unit.endswith("s") else unit + "s"
        if plural in PEOPLE:
            kind = people_kind(text, plural, start, s, e, end)
            singles.append(FoundQuantity(1, OUTCOME_UNITS.get(kind, plural), s, e, kind))
        else:
            singles.append(FoundQuantity(1, plural, s, e, thing_kind(text, plural, start, s, e, end)))
    return singles
