"""What a figure counts and how the text bounds it: vocabularies as data, and the two decisions.

Kinds (`FigureKind`): people with an outcome (killed, injured, missing, rescued, evacuated, displaced, arrested),
people with none (affected: on board, involved, affected), things destroyed or damaged (damage), anything else
(amount). Bounds (`Bound`): the words before or after the number ("at least", "up to", "about", "or more").
"""

import re

from claimwire_contracts import Bound, FigureKind

from ._text import Caseless

#: Words before a number, by the bound they set. Vague amounts ("dozens") are `about`; ranges are set where the
#: number is read ("between 20 and 30", "20 to 30", "20-30").
BOUND_WORDS: dict[str, Bound] = {
    "at least": Bound.at_least,
    "no fewer than": Bound.at_least,
    "no less than": Bound.at_least,
    "not less than": Bound.at_least,
    "a minimum of": Bound.at_least,
    "more than": Bound.more_than,
    "over": Bound.more_than,
    "well over": Bound.more_than,
    "just over": Bound.more_than,
    "upwards of": Bound.more_than,
    "in excess of": Bound.more_than,
    "up to": Bound.up_to,
    "as many as": Bound.up_to,
    "at most": Bound.up_to,
    "no more than": Bound.up_to,
    "a maximum of": Bound.up_to,
    "fewer than": Bound.less_than,
    "less than": Bound.less_than,
    "under": Bound.less_than,
    "just under": Bound.less_than,
    "about": Bound.about,
    "around": Bound.about,
    "some": Bound.about,
    "nearly": Bound.about,
    "almost": Bound.about,
    "roughly": Bound.about,
    "approximately": Bound.about,
    "an estimated": Bound.about,
    "estimated": Bound.about,
    "close to": Bound.about,
}
#: Words just after a number: "30 or more", "200 plus", "200+", "50 or so".
SUFFIX_BOUND = re.compile(r"(?:\s*\+|\s+plus\b|\s+or more\b|\s+or so\b)")
_SUFFIX_BOUNDS = {"or more": Bound.at_least, "or so": Bound.about}


def bound_of(words: str | None) -> Bound:
    """The bound set by the words before a number (lower-case), exact when there are none."""
    return Bound.exact if words is None else BOUND_WORDS.get(" ".join(words.split()), Bound.exact)


def suffix_bound(suffix: str) -> Bound:
    """The bound set by `SUFFIX_BOUND`'s match: "or more" at least, "or so" about, "+"/"plus" more than."""
    return _SUFFIX_BOUNDS.get(" ".join(suffix.lower().split()), Bound.more_than)


# Outcome words of people, by kind; the named group that matched gives the kind.
_OUTCOMES = {
    FigureKind.killed: r"killed|killings?|kills|kill|dead|died|dying|die|dies|deaths?|death toll|fatalities|fatally|"
    r"elimination|eliminated|lost their lives|perished|bodies|slain|murdered|massacred",
    FigureKind.injured: r"wounded|wounding|wounds|injured|injuring|injuries|hurt|hospitali[sz]ed",
    FigureKind.missing: r"missing|unaccounted for",
    FigureKind.rescued: r"rescued|rescuing|rescue|pulled (?:alive |out )?(?:from|out)|saved|freed",
    FigureKind.evacuated: r"evacuated|evacuating|evacuate|evacuation|evacuees",
    FigureKind.displaced: r"displaced|displacing|homeless|fled|fleeing|flee|uprooted|refugees|from their homes",
    FigureKind.arrested: r"arrested|arresting|arrests|detained|detaining|detention|(?:(?:taken )?in(?:to)? )?custody|"
    r"apprehended|nabbed|nab|captured|rounded up",
}
_OUTCOME = Caseless(r"\b(?:" + "|".join(f"(?P<{kind.value}>{words})" for kind, words in _OUTCOMES.items()) + r")\b")
# Words that name an outcome only when said of the people counted ("two of them managed to flee" is no
# displacement; "saved", "captured" and "die" have other senses): left out of the nearest-word search.
_LOOSE = frozenset(("fled", "fleeing", "flee", "saved", "rescue", "captured", "die", "dies", "dying", "custody"))
# "Rescuers pulled 14 survivors from the rubble".
_PULLED_BEFORE = Caseless(r"\bpulled\s+$")
_FROM_AFTER = Caseless(r"\s+(?:alive\s+|out\s+)?(?:from|out)\b")
# The nearest outcome word is looked for within the clause: not past "; ", ": " or ", which/who/where/while/but".
_CLAUSE_BREAK = Caseless(r"[;:]|,\s+(?:which|who|where|while|but)\b")
#: The scope of people counted with an outcome: "60 soldiers" killed and "60 killed" are one figure.
OUTCOME_UNITS = {
    FigureKind.killed: "killed",
    FigureKind.injured: "wounded",
    FigureKind.missing: "missing",
    FigureKind.rescued: "rescued",
    FigureKind.evacuated: "evacuated",
    FigureKind.displaced: "displaced",
    FigureKind.arrested: "arrested",
}
#: Unit words that are themselves an outcome ("12 dead", "three deaths", "40 injured", "200 evacuees").
_OUTCOME_NOUNS = {
    **dict.fromkeys(("killed", "dead", "died", "deaths", "death", "fatalities", "bodies"), FigureKind.killed),
    **dict.fromkeys(("wounded", "injured", "hurt", "injuries"), FigureKind.injured),
    **dict.fromkeys(("missing",), FigureKind.missing),
    **dict.fromkeys(("rescued",), FigureKind.rescued),
    **dict.fromkeys(("evacuated", "evacuees"), FigureKind.evacuated),
    **dict.fromkeys(("displaced", "homeless", "refugees"), FigureKind.displaced),
    **dict.fromkeys(("arrested", "detained", "arrests", "detainees"), FigureKind.arrested),
}
#: Counted people: with no outcome near them they are `affected`.
PEOPLE = frozenset(
    "people persons person civilians civilian soldiers soldier troops fighters servicemen militants children "
    "child residents resident victims victim men man women woman police officers officer workers worker migrants "
    "passengers passenger protesters demonstrators attackers assailants gunmen crew crewmen members member "
    "sailors seafarers staff personnel employees pilgrims tourists hostages prisoners inmates suspects suspect "
    "students pupils patients miners firefighters rescuers journalists nationals pirates individuals adults "
    "babies infants girls boys teenagers guards officials voters fans spectators survivors families households "
    "others them those villagers citizens refugees casualties more employee guard student pupil patient pilot "
    "driver teacher nurse doctor deputy trooper policeman policemen firefighter journalist boy girl baby teenager "
    "gunman attacker militant fighter fishermen farmers hikers climbers pensioners worshippers shoppers motorists "
    "pedestrians commuters travellers travelers peacekeepers contractors volunteers reporters robbers thieves "
    "sisters brothers sons daughters youths teens nominees jurors relatives".split()
)
#: Counted people who were on board: "eight crew and seven passengers" are affected unless an outcome is
#: predicated of them ("seven passengers were killed").
_ON_BOARD_UNITS = frozenset(("passengers", "passenger", "crew", "crewmen", "sailors", "seafarers"))
_ON_BOARD_AFTER = Caseless(r"(?:\s+people)?\s+(?:on board|aboard|onboard)\b")
# A verb of another kind governs the count ("trapped 11 others", "affecting 4,500 students"): no outcome word
# further away applies to it.
_OTHER_VERB_BEFORE = Caseless(r"\b[a-z]{3,}(?:ed|ing)\s+$")
_CARRYING_BEFORE = Caseless(r"\b(?:carrying|carried|transporting|ferrying|with)\s+$")
# An outcome said of the counted people: "… passengers were killed", "… people died", "… remain missing".
_PREDICATE = Caseless(
    r"(?:\s+(?:on board|aboard|onboard))?,?(?:\s+(?:were|was|are|is|have|has|had|been|being|all|both|also|still|"
    r"later|reportedly|now|remain|remained|remains|who|initially|believed|feared|confirmed|to be|left))*\s+"
    r"(?=killed|died|dead|wounded|injured|hurt|missing|unaccounted|rescued|evacuated|displaced|homeless|fled|"
    r"arrested|detained|taken into custody|in custody|pulled|perished|saved|eliminated|slain|from their homes)"
)
_OUTCOME_BEFORE = Caseless(
    r"\b(?:kill\w*|wound\w*|injur\w*|hurt\w*|displac\w*|evacuat\w*|arrest\w*|detain\w*|rescu\w*|captur\w*|"
    r"apprehend\w*|nab\w*|freed|freeing|saved|saving)\s+$"
)
# "The death toll has risen to 45", "the number of injured climbed to 80": the number counts the toll's kind.
_TOLL_BEFORE = Caseless(
    r"\b(?P<what>death toll|toll|number of (?:the )?[a-z]+(?: [a-z]+)?|fatalities|deaths)(?:\s+[\w,’']+){0,12}?\s+"
    r"(?:has\s+|had\s+|have\s+|now\s+|officially\s+)*(?:risen|rose|rises|climbed|climbs|increased|jumped|grew|"
    r"reached|reaches|hit|stood|stands|is|was|went up|soared|mounted|topped|passed|surpassed|at)"
    r"(?:\s+(?:to|at|from\s+[\d,.]+\s+to|from\s+[a-z-]+\s+to))?\s+$"
)
#: Things that a weak verb directly before the number ("hit 12 buildings", "lost three tanks") counts as damaged.
DAMAGEABLE = frozenset(
    "tanks vehicles cars trucks homes houses buildings apartments shops schools hospitals bridges aircraft planes "
    "jets helicopters drones missiles rockets ships vessels boats warships trains substations towers structures "
    "churches mosques factories warehouses depots launchers howitzers carriers villages businesses dwellings "
    "tank vehicle car truck home house building plane jet helicopter drone missile ship vessel boat".split()
)
_DAMAGE = Caseless(
    r"\b(?:destroy(?:ed|ing|s)?|destruction|damag\w+|shot down|shooting down|downed|intercept(?:ed|ing|s)?|"
    r"burn(?:ed|t|ing)|razed|flattened|demolish\w*|collapsed|wrecked|knocked out|level+ed|gutted|obliterated|"
    r"severed|infected|compromised|flooded|inundated|swept away|washed away)\b"
)
_WEAK_DAMAGE_BEFORE = Caseless(r"\b(?:hit|struck|lost|strik\w+ on|attack\w* on|target\w*)\s+$")
# Verbs only people undergo: a count right after one is of people whatever words follow it.
_PEOPLE_VERB_BEFORE = Caseless(
    r"\b(?:(?:kill|wound|injur|arrest|detain|evacuat|rescu)(?:ed|ing|e)?|nab(?:bed|bing)?|freed)\s+$"
)
_BEFORE, _AFTER = 80, 40
# A toll's subject can sit far from its verb ("the death toll from the capsizing of the ferry off X has risen to").
_TOLL_WINDOW = 120


def outcome_noun(unit: str) -> FigureKind | None:
    """The kind a unit word itself names ("dead" killed, "evacuees" evacuated), None for other words."""
    return _OUTCOME_NOUNS.get(unit.rsplit(maxsplit=1)[-1])


def toll_kind(text: str, floor: int, at: int) -> FigureKind | None:
    """The kind of a toll that the words before `at` say has risen to the number ("death toll … rose to")."""
    m = _TOLL_BEFORE.search(text, max(floor, at - _TOLL_WINDOW), at)
    if m is None:
        return None
    what = m.group("what")
    if "toll" in what or what in ("fatalities", "deaths"):
        return FigureKind.killed
    outcome = _OUTCOME.search(what)
    return _kind(outcome) if outcome is not None else None


def said_on_board(text: str, unit_end: int, limit: int) -> bool:
    """Whether the count ends in "on board" or "aboard" ("96 people on board"): its scope is then on board."""
    return _ON_BOARD_AFTER.match(text, unit_end, limit) is not None


def people_kind(text: str, unit: str, floor: int, start: int, unit_end: int, limit: int) -> FigureKind:
    """What happened to people counted at [start, unit_end): the outcome said of them, else affected.

    An outcome verb just before ("killing 41 people") or predicated just after ("12 passengers were rescued")
    decides; otherwise, unless they were on board (passengers, crew, "on board", "carrying") or another verb
    governs them ("trapped 11 others"), the nearest outcome word within 80 characters before or 40 after ("the
    elimination of 60 soldiers").
    """
    if _PULLED_BEFORE.search(text, max(floor, start - 10), start) and _FROM_AFTER.match(text, unit_end, limit):
        return FigureKind.rescued
    outcome = verb_before(text, floor, start) or predicated(text, unit_end, limit)
    if outcome is not None:
        return outcome
    on_board = (
        unit.rsplit(maxsplit=1)[-1] in _ON_BOARD_UNITS
        or _ON_BOARD_AFTER.match(text, unit_end, limit) is not None
        or _CARRYING_BEFORE.search(text, max(floor, start - 20), start) is not None
    )
    if on_board or _OTHER_VERB_BEFORE.search(text, max(floor, start - 20), start):
        return FigureKind.affected
    lo = max(floor, start - _BEFORE)
    for clause_break in _CLAUSE_BREAK.finditer(text, lo, start):
        lo = clause_break.end()
    nearest = _nearest(_OUTCOME, text, lo, start, unit_end, min(limit, unit_end + _AFTER), _LOOSE)
    return _kind(nearest) if nearest is not None else FigureKind.affected


def verb_before(text: str, floor: int, at: int) -> FigureKind | None:
    """The outcome of a verb just before the number at `at`: "killing 41", "wounding more than 180"."""
    before = _OUTCOME_BEFORE.search(text, max(floor, at - 30), at)
    if before is None:
        return None
    outcome = _OUTCOME.search(text, before.start(), before.end())
    return None if outcome is None else _kind(outcome)


def predicated(text: str, at: int, limit: int) -> FigureKind | None:
    """The outcome said of the people counted just before `at` ("… were killed", "… remain missing")."""
    predicate = _PREDICATE.match(text, at, limit)
    if predicate is None:
        return None
    outcome = _OUTCOME.match(text, predicate.end(), limit)
    return None if outcome is None else _kind(outcome)


def thing_kind(text: str, unit: str, floor: int, start: int, unit_end: int, limit: int) -> FigureKind:
    """Things counted at [start, unit_end) are damage near a destruction word ("destroyed", "shot down"), or
    after a weak verb ("hit", "lost") when they can be damaged; otherwise an amount. A count that a verb of
    people governs ("arrested 23 heavily armed …", "killing nine farmers") or that an outcome of people is said
    of ("two fishermen remain unaccounted for") is of people, whatever the noun."""
    last = unit.rsplit(maxsplit=1)[-1]
    people = None if last in DAMAGEABLE else _PEOPLE_VERB_BEFORE.search(text, max(floor, start - 20), start)
    if people is not None:
        outcome = _OUTCOME.search(text, people.start(), people.end())
        if outcome is not None:
            return _kind(outcome)
    said = None if last in DAMAGEABLE else predicated(text, unit_end, limit)
    if said is not None:
        return said
    if _nearest(_DAMAGE, text, max(floor, start - 60), start, unit_end, min(limit, unit_end + _AFTER), frozenset()):
        return FigureKind.damage
    if last in DAMAGEABLE and _WEAK_DAMAGE_BEFORE.search(text, max(floor, start - 30), start):
        return FigureKind.damage
    return FigureKind.amount


def _nearest(
    pattern: Caseless, text: str, lo: int, start: int, end: int, hi: int, loose: frozenset[str]
) -> re.Match[str] | None:
    """The match of `pattern` closest to [start, end) within [lo, start) or [end, hi), other than the `loose`
    words; the later one on a tie."""
    before = None
    for m in pattern.finditer(text, lo, start):
        if m.group().lower() not in loose:
            before = m
    after = next((m for m in pattern.finditer(text, end, hi) if m.group().lower() not in loose), None)
    if before is None or (after is not None and after.start() - end <= start - before.end()):
        return after
    return before


def _kind(match: re.Match[str]) -> FigureKind:
    """The kind whose named group matched (every branch of `_OUTCOME` is one)."""
    return FigureKind(match.lastgroup or FigureKind.amount)
