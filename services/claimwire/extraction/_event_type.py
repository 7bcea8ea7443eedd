"""Stage 7: the event type of a claim, from keywords of its content (first matching type wins)."""

from claimwire_contracts import EventType

from ._text import Caseless, contains_any, lower_exact

# Order matters: a capture mentioned with losses is about territory; a crash is an accident unless the
# text says it was shot down.
_RULES: tuple[tuple[EventType, Caseless], ...] = tuple(
    (kind, Caseless(r"\b(?:" + pattern + r")"))
    for kind, pattern in (
        (
            EventType.territorial_control,
            r"took (?:over|control)|takeover|captur\w+|seiz\w+|liberat\w+|"
            r"occup\w+|control of|recaptur\w+|withdr[ae]w from|retreat\w*|advanc\w+ (?:on|into|toward)|"
            r"entered the (?:village|town|city)|gained ground|lost control",
        ),
        (
            EventType.interception,
            r"intercept\w*|shot down|shooting down|downed|air defen[cs]es? (?:destroyed|"
            r"repelled)|repelled (?:a |an )?(?:drone|missile)",
        ),
        (EventType.accident, r"crash\w*|derail\w*|collision|collided|capsiz\w+|accident\w*|malfunction\w*"),
        (
            EventType.casualties,
            r"killed|kill\w*|dead\b|died|death toll|deaths?\b|wounded|injured|casualt\w+|"
            r"losses|elimination|eliminated|missing\b|bodies",
        ),
        (
            EventType.attack,
            r"attack\w*|strike[sd]?\b|struck|shell\w*|bomb\w*|incursion\w*|raid\w*|assault\w*|"
            r"offensive|fired|launched|hit\b|explosion\w*|exploded|blast\w*|ambush\w*|penetrat\w+|"
            r"cross(?:ed|ing)? the border|invasion|invad\w+|engagements?|clash\w*|skirmish\w*|fighting",
        ),
        (
            EventType.damage,
            r"damag\w+|destroy\w*|destruction|fire\b|blaze|without (?:electricity|power|water)|"
            r"power (?:outage|cut)s?|blackout|collaps\w+",
        ),
        (
            EventType.disruption,
            r"evacuat\w+|clos(?:ed|ure|ing)|suspend\w*|cancel\w*|online learning|remote "
            r"learning|schools?\b|curfew|lockdown|shut down|halted|disrupt\w*|flights?|strike action|protest\w*|"
            r"blockade",
        ),
    )
)


# Literal fragments, one of which every match of the type's pattern contains.
_STEMS: dict[EventType, tuple[str, ...]] = {
    EventType.territorial_control: (
        "took",
        "takeover",
        "captur",
        "seiz",
        "liberat",
        "occup",
        "control of",
        "withdr",
        "retreat",
        "advanc",
        "entered the",
        "gained ground",
        "lost control",
    ),
    EventType.interception: ("intercept", "shot down", "shooting down", "downed", "air defen", "repelled"),
    EventType.accident: ("crash", "derail", "collision", "collided", "capsiz", "accident", "malfunction"),
    EventType.casualties: (
        "kill",
        "dead",
        "died",
        "death",
        "wounded",
        "injured",
        "casualt",
        "losses",
        "eliminat",
        "missing",
        "bodies",
    ),
    EventType.attack: (
        "attack",
        "strike",
        "struck",
        "shell",
        "bomb",
        "incursion",
        "raid",
        "assault",
        "offensive",
        "fired",
        "launched",
        "hit",
        "explosion",
        "exploded",
        "blast",
        "ambush",
        "penetrat",
        "cross",
        "invasion",
        "invad",
        "engagement",
        "clash",
        "skirmish",
        "fighting",
    ),
    EventType.damage: ("damag", "destroy", "destruction", "fire", "blaze", "without", "power", "blackout", "collaps"),
    EventType.disruption: (
        "evacuat",
        "clos",
        "suspend",
        "cancel",
        "online learning",
        "remote",
        "school",
        "curfew",
        "lockdown",
        "shut down",
        "halted",
        "disrupt",
        "flight",
        "strike action",
        "protest",
        "blockade",
    ),
}

# "without any casualties", "no one was hurt": the absence of casualties is not a casualties claim.
_NONE_HURT = Caseless(
    r"\b(?:no|without(?:\s+\w+){0,3}\s+any|zero)\s+(?:casualt\w+|deaths|injuries|fatalities)|no one was "
    r"(?:hurt|injured|killed)"
)
# Every match of _NONE_HURT holds one of these: the substitution is skipped for the many contents without.
_NONE_HURT_WORDS = ("casualt", "deaths", "injuries", "fatalities", "no one was")


def classify(content: str, *, attributed: bool, quoted: bool) -> EventType:
    """Event type of a claim; quotes and attributed positions without an event keyword are statements."""
    if quoted:
        return EventType.statement
    lowered = lower_exact(content)
    if lowered is None:
        # Lower-casing would move offsets or lose an IGNORECASE equivalence: match the text as written.
        content = _NONE_HURT.ignorecase_form.sub(" ", content)
        return _first_kind(content.lower(), content, attributed, lower_case=False)
    # Case-insensitive patterns run as lower-case ones over the lower-cased content (faster, same result).
    if contains_any(lowered, _NONE_HURT_WORDS):
        lowered = _NONE_HURT.lower_form.sub(" ", lowered)
    return _first_kind(lowered, lowered, attributed, lower_case=True)


def _first_kind(lowered: str, subject: str, attributed: bool, *, lower_case: bool) -> EventType:
    for kind, pattern in _RULES:
        # The literal pre-check skips the regex for the many types whose words are absent.
        if contains_any(lowered, _STEMS[kind]):
            form = pattern.lower_form if lower_case else pattern.ignorecase_form
            if form.search(subject):
                return kind
    return EventType.statement if attributed else EventType.other
