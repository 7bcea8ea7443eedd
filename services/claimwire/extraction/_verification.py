"""Stage 6: verification status and hedging from the words around a claim, with the evidence span."""

from dataclasses import dataclass

from claimwire_contracts import VerificationStatus

from ._text import Caseless, contains_any

_UNVERIFIED = (
    r"(?:has|have|had|is|are|was|were) (?:yet|not been able) to (?:be )?(?:independently )?(?:confirm|verif)\w*",
    r"could not (?:be )?(?:independently )?(?:confirm|verif|check)\w*",
    r"(?:cannot|can ?not|was unable to|were unable to|is unable to|are unable to) (?:independently )?"
    r"(?:confirm|verify)\w*",
    r"(?:remain(?:s|ed)?|were|was|are|is) (?:still )?unverified(?: by independent sources)?",
    r"(?:not|no) (?:been )?independently (?:confirmed|verified)",
    # "None of the accounts could be independently verified": the negation sits in the subject.
    r"(?:none|neither|nothing)\b[^.;:]{0,60}?\b(?:could|can|has|have|had|was|were) (?:yet )?(?:be |been )?"
    r"(?:independently )?(?:confirmed|verified)",
    r"no independent (?:confirmation|verification)",
    r"unconfirmed",
    r"unverified",
    r"(?:did|does|do) not provide (?:any )?evidence",
    r"without (?:providing|offering) (?:any )?evidence",
)
_DISPUTED = (
    r"(?:been |was |were )?met with (?:\w+ )?(?:skepticism|scepticism|doubt)",
    r"(?<!the )(?<!a )(?:denied|denies|deny|rejected|rejects|disputed|disputes|refuted)"
    r"(?! (?:area|territory|region|election|vote|seat|border)s?\b)",
    # "dismissed" also means fired ("dismissed his finance minister"): only with a claim as its object, or "as".
    r"dismiss(?:ed|es)? (?:(?:the|these|those|this|that|such|its|their|all) )?(?:\w+ )?(?:claims?|reports?|"
    r"allegations?|accusations?|accounts?|figures?|toll|suggestions?|it|them)\b",
    r"dismiss(?:ed|es)? [^.;]{1,60}? as (?:false|fake|baseless|untrue|nonsense|propaganda|lies|fabricat\w*|absurd)",
    r"(?:contested|challenged|questioned) (?:the|this|that|these|those) (?:claims?|reports?|allegations?|accounts?|"
    r"figures?)",
    r"called (?:the|this|that|these) (?:claims?|reports?) (?:false|fake|baseless|untrue)",
    r"(?:false|baseless|fabricated|unfounded) (?:claims?|allegations?|reports?)",
    # Only a claim-like subject: "food prices were inflated by the blockade" is a claim, not a dispute.
    r"(?:toll|figures?|numbers?|claims?|reports?|accounts?|estimates?|count|tally|casualt\w+|losses|cost) "
    r"(?:was|were|is|are|had been|has been|have been) (?:greatly |grossly |wildly |vastly )?"
    r"(?:exaggerated|inflated|overstated)",
)
_CONFIRMED = (
    r"(?:has|have|was|were) (?:independently )?(?:verified|geolocated)",
    r"independently (?:confirmed|verified)",
    r"confirmed by (?:independent|satellite|multiple)",
)
# Cheap pre-check (most claims are not hedged): every match of _HEDGES holds one of these (its Caseless stems).
_HEDGE_STEMS = (
    "alleg",
    "reportedly",
    "purportedly",
    "supposedly",
    "claim",
    "said to have",
    "believed to",
    "unconfirmed report",
)
_HEDGES = Caseless(
    r"\b(?:allegedly|alleged|reportedly|purportedly|supposedly|claimed|claims?|claiming|alleging|"
    r"said to have|is believed to|are believed to|unconfirmed reports?)\b",
    stems=_HEDGE_STEMS,
)
_ANAPHOR = Caseless(
    r"\b(?:these|those|the|this|that|such|its|their) (?:claims?|reports?|figures?|accounts?|estimates?)\b"
)
_PLURAL_ANAPHOR = Caseless(r"\b(?:these|those|the|such|their) (?:claims|reports|figures|accounts)\b")


def refers_back_plural(text: str, start: int, end: int) -> bool:
    """True for "these claims", "the figures": the statement covers more than the last claim."""
    return _PLURAL_ANAPHOR.search(text, start, end) is not None


def _compile(patterns: tuple[str, ...]) -> Caseless:
    return Caseless(r"\b(?:" + "|".join(patterns) + r")\b")


_RULES = (
    (VerificationStatus.unverified, _compile(_UNVERIFIED)),
    (VerificationStatus.disputed, _compile(_DISPUTED)),
    (VerificationStatus.confirmed, _compile(_CONFIRMED)),
)


# Cheap pre-check: every rule above holds one of these stems.
_STEMS = (
    "verif",
    "confirm",
    "skeptic",
    "sceptic",
    "doubt",
    "deni",
    "deny",
    "reject",
    "dismiss",
    "disput",
    "refut",
    "contest",
    "challeng",
    "question",
    "false",
    "baseless",
    "fabricat",
    "unfounded",
    "geolocat",
    "evidence",
    "check",
    "exaggerat",
    "inflated",
    "overstat",
)


# Built explicitly, not frozen: compiled with mypyc, a dataclass's generated __init__ runs as interpreted code
# (a frozen one about 20x slower to build than this compiled one). Never mutated; eq and hash as when frozen.
@dataclass(slots=True, init=False, unsafe_hash=True)
class FoundVerification:
    """A verification statement: status and the offsets of its evidence words."""

    status: VerificationStatus
    start: int
    end: int

    def __init__(self, status: VerificationStatus, start: int, end: int) -> None:
        self.status = status
        self.start = start
        self.end = end


def find_verification(text: str, start: int, end: int) -> FoundVerification | None:
    """The first verification statement in `text[start:end]`, if any (unverified before disputed)."""
    lowered = text[start:end].lower()
    if not contains_any(lowered, _STEMS):
        return None
    best: FoundVerification | None = None
    for status, pattern in _RULES:
        match = pattern.search(text, start, end)
        if match is not None and (best is None or match.start() < best.start):
            best = FoundVerification(status, match.start(), match.end())
    return best


_OBJECT_POINTS_BACK = Caseless(
    r"\s+(?:the|these|those|this|that|its|their|such) (?:\w+ )?(?:toll|claims?|reports?|figures?|accounts?|numbers?|"
    r"allegations?)\b"
)


def object_refers_back(text: str, found: FoundVerification) -> bool:
    """True when the statement's object points back ("... and disputed the toll", "denied these reports"):
    it is about an earlier claim, even in a sentence that makes a claim of its own."""
    return _OBJECT_POINTS_BACK.match(text, found.end) is not None


def refers_back(text: str, start: int, end: int) -> bool:
    """True when a sentence points back at earlier claims ("these reports", "the claims")."""
    return _ANAPHOR.search(text, start, end) is not None


def is_hedged(text: str, start: int, end: int) -> bool:
    """True when the words in `text[start:end]` hedge the claim ("allegedly", "claimed", "reportedly")."""
    return _HEDGES.search(text, start, end) is not None
