"""Stage 5c: the time of a claimed event, resolved against the article's publication date.

Handles weekdays ("Tuesday", "early Tuesday", "last Friday"), "today"/"yesterday", "last week", month and
year ("in May 2023"), a bare month ("in January": the latest such month not after publication), and full
dates ("March 5", "5 March 2024", "March 5, 2024").
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ._text import contains_any

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY_PART = r"(?:(?:early|late)\s+(?:on\s+)?|(?:on|last|this|since|until|by)\s+)?"
# The lookahead lists the first letters of every branch (months, weekdays, digits, and the lower-case
# words that open the others: early, late, on, last, this, since, until, by, today, yesterday, tonight,
# earlier, in, during, mid-): `re` then skips other positions without entering the alternation.
_PATTERN = re.compile(
    rf"(?=[JFMASONDTW0-9elotsubyidm])\b(?:"
    rf"(?P<mdy>{_MONTH}\s+(?P<mdy_day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<mdy_year>\d{{4}}))?)|"
    rf"(?P<dmy>(?P<dmy_day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+(?P<dmy_year>\d{{4}}))?)|"
    rf"(?P<weekday>{_DAY_PART}(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf"(?:\s+(?:morning|afternoon|evening|night))?)|"
    rf"(?P<relative>(?:early\s+|late\s+)?(?:today|yesterday|tonight|last night|this morning|last week|"
    rf"last month|last year|earlier this week|earlier this month))|"
    rf"(?P<month>(?:in|since|during|early|late|mid-|by)\s*(?:(?:early|late|mid-)\s*)?"
    rf"(?P<month_name>January|February|March|April|May|June|July|August|September|October|November|December)"
    rf"(?:\s+(?P<month_year>\d{{4}}))?)|"
    rf"(?P<year>in\s+(?P<year_value>(?:19|20)\d{{2}}))"
    rf")\b"
)


# Cheap pre-check: every match of _PATTERN holds one of these. The pattern is case-sensitive, so the check
# is too: month names are capitalised ("Dec", not the "dec" of "decided", which is in most news sentences),
# weekdays, "today" and "yesterday" end in "day", the other relative phrases are lower-case; the year branch
# is caught by _YEAR.
_HINTS = (
    "day",
    "night",
    "morning",
    "week",
    "month",
    "year",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# Built explicitly, not frozen: compiled with mypyc, a dataclass's generated __init__ runs as interpreted code
# (a frozen one about 20x slower to build than this compiled one). Never mutated; eq and hash as when frozen.
@dataclass(slots=True, init=False, unsafe_hash=True)
class FoundTime:
    """A time expression with its offsets and the day range it resolves to (None when unresolvable)."""

    start: int
    end: int
    first: date | None
    last: date | None

    def __init__(self, start: int, end: int, first: date | None, last: date | None) -> None:
        self.start = start
        self.end = end
        self.first = first
        self.last = last


def find_time(text: str, start: int, end: int, published: date | None) -> FoundTime | None:
    """The first time expression in `text[start:end]`, resolved against `published`."""
    body = text[start:end]
    if not contains_any(body, _HINTS) and not _YEAR.search(body.lower()):
        return None
    match = _PATTERN.search(text, start, end)
    if match is None:
        return None
    first, last = _resolve(match, published)
    return FoundTime(match.start(), match.end(), first, last)


def _resolve(match: re.Match[str], published: date | None) -> tuple[date | None, date | None]:
    if match.group("mdy") or match.group("dmy"):
        return _full_date(match, published)
    if match.group("weekday"):
        return _weekday(match, published)
    if match.group("relative"):
        return _relative(match.group("relative").lower(), published)
    if match.group("month"):
        return _month(match.group("month_name"), match.group("month_year"), published)
    year = int(match.group("year_value"))
    return date(year, 1, 1), date(year, 12, 31)


def _full_date(match: re.Match[str], published: date | None) -> tuple[date | None, date | None]:
    prefix = "mdy" if match.group("mdy") else "dmy"
    month_word = re.search(_MONTH, match.group(prefix))
    if month_word is None:
        return None, None
    month = _MONTHS[month_word.group(0).rstrip(".").lower()]
    day = int(match.group(f"{prefix}_day"))
    year_text = match.group(f"{prefix}_year")
    if year_text:
        year = int(year_text)
    elif published is not None:
        year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    else:
        return None, None
    try:
        resolved = date(year, month, day)
    except ValueError:
        return None, None
    return resolved, resolved


def _weekday(match: re.Match[str], published: date | None) -> tuple[date | None, date | None]:
    if published is None:
        return None, None
    target = _WEEKDAYS[match.group("wd").lower()]
    back = (published.weekday() - target) % 7
    if match.group("weekday").lower().startswith("last") and back == 0:
        back = 7
    day = published - timedelta(days=back)
    return day, day


def _relative(phrase: str, published: date | None) -> tuple[date | None, date | None]:
    if published is None:
        return None, None
    phrase = re.sub(r"^(?:early|late)\s+", "", phrase)
    if phrase in {"today", "tonight", "this morning"}:
        return published, published
    if phrase in {"yesterday", "last night"}:
        day = published - timedelta(days=1)
        return day, day
    if phrase == "last week":
        monday = published - timedelta(days=published.weekday() + 7)
        return monday, monday + timedelta(days=6)
    if phrase == "earlier this week":
        return published - timedelta(days=published.weekday()), published
    if phrase == "earlier this month":
        return published.replace(day=1), published
    if phrase == "last month":
        last = published.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if phrase == "last year":
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
    return None, None


def _month(name: str, year_text: str | None, published: date | None) -> tuple[date | None, date | None]:
    month = _MONTHS[name.lower()]
    if year_text:
        year = int(year_text)
    elif published is not None:
        year = published.year if month <= published.month else published.year - 1
    else:
        return None, None
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
