"""Stage 4: claimant names, kinds, and coreference of claimant mentions within one article.

"It", "This group", "the ministry" and "Russia's defense ministry" resolve to the entity named earlier
("Russian defense ministry"); a surname resolves to the full name said before.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from claimwire_contracts import ClaimantKind

from ._gazetteer import country_names
from ._lexicon import DEMONYMS

_PRONOUNS_NONPERSON = frozenset({"it", "its", "they", "them", "their"})
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his"})
_GENERIC_GROUP_HEADS = frozenset(
    [
        "group",
        "groups",
        "organisation",
        "organization",
        "movement",
        "militia",
        "unit",
        "units",
        "force",
        "forces",
        "body",
        "faction",
        "outfit",
        "formation",
        "battalion",
        "legion",
        "corps",
        "brigade",
    ]
)
_LEADING_DETERMINER = re.compile(r"^(?:the|this|that|these|those|a|an)\s+", re.IGNORECASE)
_TITLES = frozenset(
    [
        "president",
        "prime",
        "minister",
        "ministers",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "chancellor",
        "governor",
        "mayor",
        "senator",
        "sen",
        "rep",
        "representative",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "general",
        "gen",
        "commander",
        "chief",
        "judge",
        "justice",
        "speaker",
        "leader",
        "ambassador",
        "king",
        "queen",
        "pope",
        "lt",
        "col",
        "colonel",
        "major",
        "captain",
        "sheriff",
        "inspector",
        "superintendent",
        "director",
        "deputy",
        "head",
    ]
)
_DESCRIPTOR_TAIL = re.compile(r"^(?P<desc>.*?\b[a-z][\w-]*)\s+(?P<name>(?:[A-Z][\w’'.-]*\s?){1,4})$")

_KIND_WORDS: tuple[tuple[ClaimantKind, frozenset[str]], ...] = (
    (
        ClaimantKind.media,
        frozenset(
            [
                "media",
                "agency",
                "news",
                "newspaper",
                "broadcaster",
                "channel",
                "tv",
                "television",
                "radio",
                "outlet",
                "reuters",
                "afp",
                "ap",
                "tass",
                "ria",
                "novosti",
                "interfax",
                "cnn",
                "bbc",
                "xinhua",
                "ukrinform",
                "al",
                "jazeera",
                "times",
                "post",
                "journal",
                "press",
                "wire",
            ]
        ),
    ),
    (
        ClaimantKind.military,
        frozenset(
            [
                "army",
                "military",
                "forces",
                "force",
                "command",
                "staff",
                "navy",
                "air",
                "troops",
                "brigade",
                "regiment",
                "commander",
                "general",
                "gen",
                "defence",
                "defense",
                "idf",
                "pentagon",
            ]
        ),
    ),
    (
        ClaimantKind.armed_group,
        frozenset(
            [
                "legion",
                "battalion",
                "corps",
                "militia",
                "rebels",
                "rebel",
                "insurgents",
                "fighters",
                "group",
                "faction",
                "hamas",
                "hezbollah",
                "houthis",
                "taliban",
                "wagner",
                "isis",
                "al-shabaab",
                "guerrillas",
                "separatists",
            ]
        ),
    ),
    (
        ClaimantKind.government,
        frozenset(
            [
                "ministry",
                "minister",
                "government",
                "kremlin",
                "president",
                "governor",
                "mayor",
                "cabinet",
                "parliament",
                "council",
                "office",
                "department",
                "administration",
                "authorities",
                "officials",
                "official",
                "police",
                "prosecutor",
                "prosecutors",
                "court",
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "senate",
                "congress",
                "house",
                "embassy",
                "state",
                "commission",
                "secretary",
                "chancellor",
                "premier",
                "senator",
                "lawmakers",
                "white",
            ]
        ),
    ),
    (
        ClaimantKind.organization,
        frozenset(
            [
                "company",
                "firm",
                "union",
                "party",
                "committee",
                "organisation",
                "organization",
                "foundation",
                "institute",
                "charity",
                "ngo",
                "association",
                "federation",
                "bank",
                "corporation",
                "group",
                "un",
                "nato",
                "who",
                "unicef",
                "red",
                "cross",
            ]
        ),
    ),
)


_PERSON_ROLES = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "president",
        "governor",
        "mayor",
        "official",
        "commander",
        "leader",
        "lawyer",
        "councillor",
        "councilor",
        "chancellor",
        "senator",
        "secretary",
        "prosecutor",
        "judge",
        "chief",
        "director",
        "head",
        "owner",
        "witness",
        "resident",
        "doctor",
        "general",
    ]
)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


# An explicit __init__: compiled with mypyc, a dataclass's generated one runs as interpreted code.
@dataclass(slots=True, eq=False, init=False)
class Entity:
    """One entity an article names: its canonical name, kind, and the words used to match mentions."""

    name: str
    kind: ClaimantKind
    words: frozenset[str]
    # The Registry compares every mention with every registered name; the name is never reassigned.
    name_lower: str

    def __init__(self, name: str, kind: ClaimantKind, words: frozenset[str] = frozenset()) -> None:
        self.name = name
        self.kind = kind
        self.words = words
        self.name_lower = name.lower()


@lru_cache(maxsize=4096)
def normalise_name(mention: str) -> str:
    """Canonical name of a mention: determiner dropped, a descriptor before a proper name dropped."""
    name = _LEADING_DETERMINER.sub("", mention.strip(' ,“”"')).strip()
    if "," in name:
        parts = [p.strip() for p in name.split(",") if p.strip()]
        names = [p for p in parts if all(w[:1].isupper() or w in {"al", "bin", "de", "van", "von"} for w in p.split())]
        name = names[-1] if names else parts[0]
    match = _DESCRIPTOR_TAIL.match(name)
    if match and match.group("desc").split()[-1] not in {"of", "for", "in", "and", "the", "on", "at", "&"}:
        proper = match.group("name").strip()
        if len(proper.split()) >= 1 and not proper.lower().startswith(("of ", "for ")):
            return proper
    words = name.split()
    lead = 0
    while lead < len(words) - 2 and words[lead].lower().strip(".") in _TITLES:
        lead += 1
    if lead and all(w[:1].isupper() for w in words[lead:]):
        return " ".join(words[lead:])
    return name


@lru_cache(maxsize=4096)
def kind_of(name: str) -> ClaimantKind:
    """Kind of a claimant from the words of its name; capitalised two- or three-word names are people."""
    if name in country_names():
        return ClaimantKind.government
    lowered = {w.strip(".,’'s").lower() for w in re.split(r"[\s-]+", name)}
    for kind, words in _KIND_WORDS:
        if lowered & words:
            return kind
    parts = name.split()
    if 2 <= len(parts) <= 3 and all(p[:1].isupper() for p in parts):
        return ClaimantKind.person
    if name.lower() in _PRONOUNS_PERSON:
        return ClaimantKind.person
    return ClaimantKind.unknown


_ADJECTIVE_OF = {country.lower(): adjective for adjective, country in DEMONYMS.items()}


_PREPOSITIONS = frozenset(["of", "in", "for", "at", "on", "from", "with", "to"])


@lru_cache(maxsize=4096)
def _head_of(name_lower: str) -> str:
    """The head word of a lower-cased name: the last word before its first preposition ("ministry of defence"),
    else its last word, without a possessive."""
    words = name_lower.split()
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), len(words))
    return re.sub(r"(?:’s|'s)$", "", words[cut - 1].strip(".,“”\"()")) if words else ""


@lru_cache(maxsize=4096)
def _match_words(name: str) -> frozenset[str]:
    words = set()
    for raw in re.split(r"[\s-]+", name.lower()):
        base = re.sub(r"(?:’s|'s)$", "", raw.strip('.,“”"'))
        words.add(base)
        if base in _ADJECTIVE_OF:
            words.add(_ADJECTIVE_OF[base])
        if base in DEMONYMS:
            words.add(DEMONYMS[base].lower())
    return frozenset(w for w in words if w)


class Registry:
    """Entities in order of mention; resolves later mentions of the same entity to its first name."""

    def __init__(self) -> None:
        self._entities: list[Entity] = []
        #: The full name found before each surname-only mention (None: none), so the text is searched once per name.
        self.full_names: dict[str, str | None] = {}

    def resolve(self, mention: str) -> Entity:
        """The entity a claimant mention refers to, registering it when it is new."""
        lowered = mention.lower().strip(' ,“”"')
        if lowered in _PRONOUNS_NONPERSON:
            # "it" is not "German Chancellor Angela Merkel", whatever kind her title gives her
            impersonal = self._latest(lambda e: e.kind is not ClaimantKind.person and not e.words & _PERSON_ROLES)
            return impersonal or self._new(mention)
        if lowered in _PRONOUNS_PERSON:
            person = self._latest(lambda e: e.kind is ClaimantKind.person or bool(e.words & _PERSON_ROLES))
            return person or self._new(mention)
        name = normalise_name(mention)
        words = _match_words(name)
        found = self._anaphor(mention, name, words)
        return found if found is not None else self._new(mention)

    def note(self, mention: str, kind: ClaimantKind | None = None) -> None:
        """Register a named entity seen outside a claimant slot, as a possible antecedent."""
        name = normalise_name(mention)
        if not self._anaphor(mention, name, _match_words(name)):
            entity = self._new(mention)
            if kind is not None:
                entity.kind = kind

    def _anaphor(self, mention: str, name: str, words: frozenset[str]) -> Entity | None:
        parts = name.split()
        if not parts:
            return None
        definite = bool(_LEADING_DETERMINER.match(mention.strip()))
        head = parts[-1]
        # Lower-cased once here, not inside the predicates that run over every registered entity.
        head_lower, name_lower = head.lower(), name.lower()
        if head[:1].islower() and set(name.lower().split()) <= _GENERIC_GROUP_HEADS:
            group = self._latest(lambda e: e.kind in {ClaimantKind.armed_group, ClaimantKind.organization})
            return group or self._latest(lambda e: e.kind is not ClaimantKind.person)
        if head[:1].islower():
            # A common-noun head ("the ministry", "Russia's defense ministry") matches an entity that has
            # the head and every other word of the mention.
            content_words = {w for w in words if w not in {"the", "of", "for"}}
            return self._latest_holding(head_lower, content_words)
        if len(parts) == 1 and name.isupper() and 2 <= len(name) <= 6:
            acronym = self._latest(lambda e: _initials(e.name) == name)
            if acronym is not None:
                return acronym
        if len(parts) == 1:
            surname = self._latest_ending(name, person=True)
            if surname is not None:
                return surname
            if definite:
                # "the Legion", "the Kremlin": the latest entity whose name holds that word.
                return self._latest(lambda e: name_lower in e.words)
            # "Police" after "Sussex Police": the latest entity whose name ends with that word.
            org = self._latest_ending(name, person=False)
            if org is not None:
                return org
        return self._latest_named(name_lower)

    def _latest(self, predicate: Callable[[Entity], bool]) -> Entity | None:
        for entity in reversed(self._entities):
            if predicate(entity):
                return entity
        return None

    # The searches every mention and noted name reach get loops of their own: compiled with mypyc, a lambda
    # passed to _latest is a closure object called once per registered entity.

    def _latest_named(self, name_lower: str) -> Entity | None:
        """The latest entity whose name, lower-cased, is `name_lower`."""
        for entity in reversed(self._entities):
            if entity.name_lower == name_lower:
                return entity
        return None

    def _latest_holding(self, head_lower: str, content_words: set[str]) -> Entity | None:
        """The latest entity headed by `head_lower` whose words hold every one of `content_words` ("the teen" is
        not "Testimony in the trial of an Albany teen")."""
        for entity in reversed(self._entities):
            holds = head_lower in entity.words and content_words <= entity.words
            if holds and _head_of(entity.name_lower) == head_lower:
                return entity
        return None

    def _latest_ending(self, name: str, *, person: bool) -> Entity | None:
        """The latest person (`person`) or non-person whose name's last word is `name`."""
        for entity in reversed(self._entities):
            if (entity.kind is ClaimantKind.person) is person and entity.name.split()[-1] == name:
                return entity
        return None

    def _new(self, mention: str) -> Entity:
        name = normalise_name(mention)
        entity = Entity(name=name, kind=kind_of(name), words=_match_words(name))
        self._entities.append(entity)
        return entity

    def promote(self, entity: Entity) -> None:
        """Move `entity` to the end: it is now the most recently mentioned."""
        if entity in self._entities:
            self._entities.remove(entity)
        self._entities.append(entity)
