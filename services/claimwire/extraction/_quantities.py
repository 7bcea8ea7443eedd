"""Stage 5b: counted figures: numerals, number words, approximations, and what is counted.

"over 4,500 students" → 4500 students, approximate; "five tanks" → 5 tanks; "60 Ukrainian soldiers" near
"killed"/"elimination" → 60 killed; "an armoured personnel carrier" after "destroyed" → 1; "no casualties"
→ 0 casualties.
"""

import re
from dataclasses import dataclass

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
_APPROX = (
    r"more than|over|at least|about|around|nearly|almost|some|roughly|approximately|up to|upwards of|"
    r"an estimated|close to|fewer than|less than|under|as many as"
)
# Matched as lower-case patterns over the lower-cased article (see Caseless): the matched strings are
# lower-case, which is how every group below is read.
# The first lookahead holds the first letters of the approximations, number words and vague amounts, and digits:
# `re` skips other positions without trying the branches. At the start of a word, the second holds their first two
# characters, which spares the branches at most words (about 15% off this scan).
_VAGUE_AMOUNTS = ("tens of thousands", "hundreds of thousands", "dozens", "scores", "hundreds", "thousands", "millions")
_OPENINGS = "|".join(
    sorted({re.escape(w[:2]) for w in (*_APPROX.split("|"), *_UNITS, *_TENS, *_VAGUE_AMOUNTS, "a dozen")})
)
_NUMBER = Caseless(
    rf"(?=[acdefhlmnorstu\d])(?<![\w\-/.:])(?=\d|{_OPENINGS})(?:(?P<approx>{_APPROX})\s+)?"
    rf"(?:(?P<digits>{_DIGITS})(?:\s*(?P<scale>million|billion|thousand|m|bn)\b)?|"
    rf"(?P<words>{_WORD_NUMBER})|"
    rf"(?P<vague>{'|'.join(_VAGUE_AMOUNTS)}|a dozen))"
    rf"(?![\w\-/:]|\.\d)(?:\s+of)?"
)
_ZERO = Caseless(
    r"\b(?:no|without(?:\s+\w+){0,3}\s+any|zero|not any)\s+(?P<unit>casualties|deaths|injuries|fatalities|victims|"
    r"one (?:was|were) (?:hurt|injured|killed))\b"
)
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
    [
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "from",
        "for",
        "by",
        "with",
        "near",
        "over",
        "across",
        "into",
        "during",
        "after",
        "before",
        "were",
        "was",
        "are",
        "is",
        "had",
        "has",
        "have",
        "who",
        "which",
        "that",
        "as",
        "than",
        "per",
        "each",
        "a",
        "an",
        "the",
        "their",
        "its",
        "his",
        "her",
        "while",
        "when",
        "where",
        "across",
        "late",
        "early",
        "this",
        "last",
        "next",
    ]
)
_TIME_UNITS = frozenset(
    [
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "second",
        "seconds",
        "decade",
        "decades",
        "century",
        "centuries",
        "times",
        "time",
        "o'clock",
        "am",
        "pm",
        "a.m",
        "p.m",
    ]
)
_PEOPLE = frozenset(
    [
        "people",
        "persons",
        "civilians",
        "soldiers",
        "troops",
        "fighters",
        "servicemen",
        "militants",
        "children",
        "residents",
        "victims",
        "men",
        "women",
        "police",
        "officers",
        "workers",
        "migrants",
        "passengers",
        "protesters",
        "demonstrators",
        "attackers",
        "assailants",
        "gunmen",
    ]
)
_KILLED = Caseless(
    r"\b(?:killed|killing|kills|dead|died|deaths?|elimination|eliminated|lost their lives|perished)\b"
)
_WOUNDED = Caseless(r"\b(?:wounded|wounding|injured|injuring|hurt|injuries)\b")
# Matched at a position (pattern.match(text, pos)), so no "^" and no copy of the rest of the text.
_NOT_A_COUNT = Caseless(r"(?:one\s+(?:of|another)|one's)\b")


# Cheap pre-check (many spans hold no figure): a digit, a number word, or a word that makes a zero.
_NUMBER_WORDS = frozenset(
    [*_UNITS, *_TENS, "dozen", "dozens", "scores", "hundreds", "thousands", "millions", "no", "without", "zero"]
)
_DIGIT = re.compile(r"\d")
_NON_LETTERS = re.compile(r"[^a-z]+")


def _has_number(lowered: str) -> bool:
    return _DIGIT.search(lowered) is not None or not _NUMBER_WORDS.isdisjoint(_NON_LETTERS.split(lowered))


# Built explicitly, not frozen: compiled with mypyc, a dataclass's generated __init__ runs as interpreted code
# (a frozen one about 20x slower to build than this compiled one). Never mutated; eq and hash as when frozen.
@dataclass(slots=True, init=False, unsafe_hash=True)
class FoundQuantity:
    """A figure found in the text: value, unit, offsets of its expression, approximate or not."""

    value: int | float
    unit: str
    start: int
    end: int
    approximate: bool

    def __init__(self, value: int | float, unit: str, start: int, end: int, approximate: bool) -> None:
        self.value = value
        self.unit = unit
        self.start = start
        self.end = end
        self.approximate = approximate


def find_quantities(text: str, start: int, end: int) -> list[FoundQuantity]:
    """Counted figures in `text[start:end]`, in text order; years, times, durations and ordinals skipped."""
    found: list[FoundQuantity] = []
    pending: list[re.Match[str]] = []
    exact = lower_exact(text[start:end])
    lowered = exact if exact is not None else text[start:end].lower()
    if not _has_number(lowered):
        return _singulars(text, start, end, found) if _DESTROY.search_lowered(lowered) else []
    for match in _NUMBER.finditer(text, start, end):
        quantity = _from_match(text, match, end)
        if quantity is not None:
            # "22 of 27 drones", "by 68 votes to 31": the bare number counts the same thing.
            found.extend(_borrowing(text, m, quantity) for m in pending)
            pending = []
            found.append(quantity)
        elif _bare_number(text, match):
            outcome = _outcome_before(text, match.start(), start)
            if outcome is not None:
                found.append(_borrowed(text, match, outcome))
            elif found:
                found.append(_borrowing(text, match, found[-1]))
            else:
                pending.append(match)
    # Every zero opens with "no", "without" or "zero"; `exact` lets the lower-cased span stand for the text.
    if exact is None or "no" in exact or "without" in exact or "zero" in exact:
        found.extend(_zeros(text, start, end))
    if _DESTROY.search_lowered(lowered):
        found.extend(_singulars(text, start, end, found))
    return sorted(found, key=lambda q: q.start)


def _from_match(text: str, match: re.Match[str], limit: int) -> FoundQuantity | None:
    if _NOT_A_COUNT.match(text, match.start("words") if match.group("words") else match.start()):
        return None
    value = _value(match)
    if value is None:
        return None
    if match.group("digits") and _is_year(text, match, value):
        return None
    unit_start = match.end()
    unit_words = _unit_words(text, unit_start, limit)
    if not unit_words:
        return None
    unit_end = unit_words[-1][1]
    unit = " ".join(w for w, _ in unit_words if not w[:1].isupper()).lower() or unit_words[-1][0].lower()
    if unit.split()[-1] in _TIME_UNITS or unit.split()[0] in _TIME_UNITS:
        return None
    unit = _outcome(text, unit, unit_end, limit)
    approximate = (bool(match.group("approx")) and match.group("approx").lower() not in {"up to"}) or bool(
        match.group("vague")
    )
    return FoundQuantity(value, unit, match.start(), unit_end, approximate or bool(match.group("vague")))


_NOT_A_COUNT_BEFORE = re.compile(r"(?:aged|between|age|no\.|number|page|article|section|chapter|route|at|from)\s+$")
_FOLLOWER = re.compile(r"\s*([A-Za-z]+)")


def _bare_number(text: str, match: re.Match[str]) -> bool:
    """A number with no counted noun after it that is not a year, a date, an age or part of a name."""
    value = _value(match)
    if value is None or (match.group("digits") and _is_year(text, match, value)):
        return False
    before = text[max(0, match.start() - 12) : match.start()].lower()
    after = text[match.end() : match.end() + 12]
    if _NOT_A_COUNT_BEFORE.search(before):
        return False
    follower = _FOLLOWER.match(after)
    return follower is None or follower.group(1).lower() in _STOP


_OUTCOME_VERB_BEFORE = re.compile(
    r"\b(kill\w*|wound\w*|injur\w*|displac\w*|evacuat\w*|arrest\w*|detain\w*|rescu\w*)"
    r"(?:\s+(?:more than|at least|about|around|nearly|over|some|up to))?\s+$",
    re.IGNORECASE,
)


def _outcome_before(text: str, at: int, floor: int) -> str | None:
    """ "killing at least 41 people and wounding more than 180": the verb before names what is counted."""
    before = _OUTCOME_VERB_BEFORE.search(text[max(floor, at - 40) : at])
    if before is None:
        return None
    stem = before.group(1).lower()
    for prefix, outcome in (
        ("kill", "killed"),
        ("wound", "wounded"),
        ("injur", "wounded"),
        ("displac", "displaced"),
        ("evacuat", "evacuated"),
        ("arrest", "arrested"),
        ("detain", "detained"),
        ("rescu", "rescued"),
    ):
        if stem.startswith(prefix):
            return outcome
    return None


def _borrowed(text: str, match: re.Match[str], unit: str) -> FoundQuantity:
    value = _value(match)
    assert value is not None
    start, end = match.start(), match.end()
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if text[start:end].lower().endswith(" of"):
        end -= 3
    return FoundQuantity(
        value, unit, start, end, bool(match.group("approx")) and match.group("approx").lower() != "up to"
    )


def _borrowing(text: str, match: re.Match[str], other: FoundQuantity) -> FoundQuantity:
    return _borrowed(text, match, other.unit)


_SCALE_FACTORS = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}
# Compiled once: re.sub(str, …) and re.split(str, …) pay a cache lookup on every call.
_SPACES = re.compile(r"\s+")
_NUMBER_WORD_BREAK = re.compile(r"[\s-]+")


def _value(match: re.Match[str]) -> int | float | None:
    digits = match.group("digits")
    if digits:
        number = float(digits.replace(",", ""))
        scale = match.group("scale")
        if scale:
            number *= _SCALE_FACTORS.get(scale.lower(), 1)
        return int(number) if number.is_integer() else number
    words = match.group("words")
    if words:
        return words_to_number(words)
    return _VAGUE.get(_SPACES.sub(" ", match.group("vague").lower()))


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


def _is_year(text: str, match: re.Match[str], value: int | float) -> bool:
    return isinstance(value, int) and 1800 <= value <= 2100 and "," not in match.group("digits")


_DETERMINER_AFTER = re.compile(r"\s*(?:the|its|their|his|her|our)\s+(?=[a-z])")
_UNIT_WORD = re.compile(r"\s*([A-Za-z][\w’'-]*)")


def _unit_words(text: str, start: int, limit: int) -> list[tuple[str, int]]:
    """Up to three words after the number that name what is counted, stopping at function words."""
    words: list[tuple[str, int]] = []
    # Searched within [start, limit) rather than over a copy of it: neither pattern looks behind its start.
    determiner = _DETERMINER_AFTER.match(text, start, limit)
    if determiner is not None and text[start - 3 : start] == " of":
        start = determiner.end()
    for m in _UNIT_WORD.finditer(text, start, limit):
        if words and m.start() != words[-1][1]:
            break
        if not words and m.start() - start > 2:
            break
        word = m.group(1)
        lower = word.lower()
        if lower in _STOP or len(words) == 3 or (lower.endswith("ed") and words):
            break
        words.append((word, m.end()))
        if lower.endswith("s") and len(word) > 3 and not word[:1].isupper():
            break
    return words


def _outcome(text: str, unit: str, unit_end: int, limit: int) -> str:
    """People counted next to "killed" or "wounded" are counted as that outcome."""
    if unit.rsplit(maxsplit=1)[-1] not in _PEOPLE:
        return unit
    window = max(0, unit_end - 80), min(limit, unit_end + 40)
    if _KILLED.search_slice(text, *window):
        return "killed"
    if _WOUNDED.search_slice(text, *window):
        return "wounded"
    return unit


def _zeros(text: str, start: int, end: int) -> list[FoundQuantity]:
    return [FoundQuantity(0, "casualties", m.start(), m.end(), False) for m in _ZERO.finditer(text, start, end)]


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
        singles.append(FoundQuantity(1, unit if unit.endswith("s") else unit + "s", s, e, False))
    return singles
