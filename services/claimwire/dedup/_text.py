"""Text signals for matching: content tokens, named-entity tokens, figures, normalised place names."""

import functools
import re
import unicodedata

# Function words and newswire boilerplate: they say nothing about which incident a report is about.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are around as at be been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just me more most my no nor not
    now of off on once only or other our ours out over own same she should so some such than that the their
    theirs them then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours
    said says say saying told tell tells reported reports report reporting according claimed claims claim
    stated statement announced added noted confirmed denied officials official spokesman spokeswoman
    spokesperson sources source news agency media local people one two three four five six seven eight nine
    ten dozens hundreds several many least more than nearly almost about some new last first late early
    monday tuesday wednesday thursday friday saturday sunday yesterday today tonight morning evening night
    week weekend day days hours hour time times year years month months mr mrs ms
    may might must shall per via near amid across along since still yet already later
    """.split()
)

NUMBER_WORDS = {
    word: index
    for index, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}

# Words reporters use interchangeably for one thing; each adds a shared concept token ("~kill"), so
# "died" in one report meets "killed" in another.
_CONCEPT_WORDS = {
    "kill": "killed killing kills dead died dies death deaths toll bodies fatalities lives",
    "wound": "wounded wounding injured injuring injuries hurt casualties",
    "intercept": "intercepted intercepting downed shot destroyed repelled defences defenses",
    "drone": "drone drones uav uavs unmanned shahed shaheds",
    "missile": "missile missiles rocket rockets ballistic cruise",
    "shell": "shelling shelled artillery shells mortar",
    "fire": "fire fires blaze burning burnt burned flames",
    "power": "power electricity outage outages blackout substation grid",
    "home": "apartment apartments flats residential house houses homes building buildings block",
    "capture": "captured capture liberated seized took control taken occupied",
    "evacuate": "evacuated evacuation evacuating taken",
    "port": "port harbour harbor terminal dock docks",
    "fuel": "fuel oil depot refinery tanks",
    "crash": "crash crashed collided collision accident",
}
CONCEPTS = {word: concept for concept, words in _CONCEPT_WORDS.items() for word in words.split()}

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|\d+(?:[.,]\d+)*", re.UNICODE)
_REGION_WORDS = re.compile(
    r"\b(?:region|oblast|province|state|district|governorate|county|raion|krai|republic|area|city|village|"
    r"town|settlement|of|the)\b",
    re.IGNORECASE,
)
_REGION_NAME = re.compile(r"\b(?:region|oblast|province|state|governorate|county|krai|republic)\b", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower-case, accent-free form of `text` (so "Kyïv" and "Kyiv" meet)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def stem(word: str) -> str:
    """A crude English stem: enough for "strikes"/"strike", "killed"/"kills", "shelling"/"shelled"."""
    if len(word) <= 4:
        return word
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) > 6:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 5:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def place_key(name: str) -> str:
    """Normalised place name: folded, without words like "region", "oblast", "city" ("Kursk region" -> "kursk")."""
    stripped = _REGION_WORDS.sub(" ", fold(name))
    return " ".join(_WORD.findall(stripped)) or fold(name).strip()


def region_key(name: str) -> str:
    """Key of a first-level region ("Kharkiv region" -> "r:kharkiv"), distinct from its capital city's."""
    return "r:" + place_key(name)


def location_key(name: str, admin1: str | None) -> str:
    """Key of a named place: a region key when the name is the region itself, else the place's own key."""
    if _REGION_NAME.search(name) or (admin1 is not None and fold(name) == fold(admin1)):
        return region_key(name)
    return place_key(name)


def content_tokens(text: str) -> tuple[set[str], list[str]]:
    """(content tokens, entity tokens in order of first mention) of `text`.

    Content tokens are stemmed, folded words without stop words, plus numbers as `#n`. Entity tokens are the
    folded words written with a capital letter anywhere but at the start of a sentence (names of people,
    places, units, organisations): they tell incidents apart better than common words do.
    """
    tokens: set[str] = set()
    entities: dict[str, None] = {}
    for match in _WORD.finditer(text):
        words, name = _word_tokens(match.group(0))
        tokens.update(words)
        if name is not None and not _starts_sentence(text, match.start()):
            entities[name] = None
    return tokens, list(entities)


@functools.lru_cache(maxsize=1 << 16)
def _word_tokens(word: str) -> tuple[tuple[str, ...], str | None]:
    """The content tokens of one word, and its folded form when it is written as a name (a capitalised content
    word). Cached: news repeats its words, and folding and stemming each occurrence was most of the cost of
    reading an article."""
    folded = fold(word).replace("’", "'")
    if folded.endswith("'s"):
        folded = folded[:-2]
    if word[0].isdigit():
        return ("#" + word.replace(",", ""),), None
    if folded in NUMBER_WORDS:
        return (f"#{NUMBER_WORDS[folded]}",), None
    if folded in STOPWORDS or len(folded) <= 1:
        return (), None
    words = (stem(folded), "~" + CONCEPTS[folded]) if folded in CONCEPTS else (stem(folded),)
    return words, folded if word[0].isupper() else None


def _starts_sentence(text: str, index: int) -> bool:
    before = text[max(0, index - 4) : index].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"


# What kind of happening a story's lead is about, by its trigger words. Two stories whose leads both name a
# kind and share none are two happenings (a ferry capsizing and a warehouse fire in one port on one day).
# Kept coarse on purpose: a kind only rules out, so a missing word costs nothing but a missed veto.
EVENT_KINDS: dict[str, frozenset[str]] = {
    kind: frozenset(words.split())
    for kind, words in {
        "fire": "fire fires blaze blazes burned burning burnt flames inferno arson wildfire wildfires firefighters",
        "flood": "flood floods flooding flooded floodwater floodwaters deluge inundated",
        "quake": "earthquake earthquakes quake quakes tremor tremors aftershock aftershocks magnitude seismic",
        "storm": "storm storms hurricane hurricanes typhoon typhoons cyclone cyclones tornado tornadoes gale",
        "sinking": "capsized capsize capsizes capsizing overturned sank sinking sunk shipwreck",
        "crash": "crash crashed crashes collision collided derailed derailment",
        "explosion": "explosion explosions blast blasts exploded bomb bombs bombing bombings detonated",
        "shooting": "shooting shootings gunman gunmen gunfire",
        "stabbing": "stabbing stabbed stabbings",
        "protest": "protest protests protesters protestors march marched marchers rally rallies demonstration "
                   "demonstrations demonstrators blockade blockaded",
        "election": "election elections ballot",
        "deal": "acquire acquires acquired acquisition merger takeover",
        "appointment": "appointed appoints nominated hired sacked resigned resigns",
    }.items()
}
_KIND_OF = {word: kind for kind, words in EVENT_KINDS.items() for word in words}
_KIND_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def event_kinds(lead: str) -> frozenset[str]:
    """The kinds of happening (`EVENT_KINDS`) a lead's words name ("March" the month is no march)."""
    return frozenset(
        kind for word in _KIND_WORD.findall(lead) if word != "March" and (kind := _KIND_OF.get(word.lower()))
    )
