"""Stages 2 and 3: find reporting cues in a sentence, then the claimant and content span of each.

Patterns covered (all with exact offsets): "X said (that) C", "X claimed responsibility for C",
"X accused Y of C", "According to X, C", "C, according to X", "C, X said", "“C,” said X", "C, as reported by
X", "C being attributed to Y by X", "prompting X to announce C", and ", alleging C" continuing the subject.
"""

import re
from dataclasses import dataclass

from . import _lexicon as lex
from ._text import (
    QUOTE_OPEN,
    Caseless,
    Token,
    first_token,
    is_capitalised,
    iter_tokens,
    last_tokens,
    make_token,
    tokens,
    trim,
    unquote,
)

_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|although|as)\s+|\s+(?:but|while|whereas)\s+")
_MAX_CLAIMANT_WORDS = 12
_MAX_TAIL_WORDS = 7
_INVERTIBLE = frozenset(
    ["said", "says", "added", "adds", "wrote", "writes", "noted", "notes", "stated", "explained", "insisted", "warned"]
)
# What may follow a closing cue ("…, the ministry said on Tuesday"): nothing, or an adverbial.
_TAIL = re.compile(
    r"^\s*(?:$|,|(?:on|in|at|late|early|last|this|yesterday|today|to|during|after|before|when|while|via|"
    r"through|citing|earlier|later|overnight|without|according)\b)",
    re.IGNORECASE,
)


# Built explicitly, not frozen: compiled with mypyc, a dataclass's generated __init__ runs as interpreted code
# (a frozen one about 20x slower to build than this compiled one). Never mutated; eq and hash as when frozen.
@dataclass(slots=True, init=False, unsafe_hash=True)
class Attribution:
    """One attributed piece of a sentence: cue, claimant mention and content, as offsets."""

    cue: tuple[int, int]
    claimant: tuple[int, int] | None
    content: tuple[int, int]
    subject_follows: bool = False
    """True for participle cues (", alleging …") whose claimant is the subject of the sentence."""

    def __init__(
        self,
        cue: tuple[int, int],
        claimant: tuple[int, int] | None,
        content: tuple[int, int],
        subject_follows: bool = False,
    ) -> None:
        self.cue = cue
        self.claimant = claimant
        self.content = content
        self.subject_follows = subject_follows


# Built explicitly, not frozen: compiled with mypyc, a dataclass's generated __init__ runs as interpreted code
# (a frozen one about 20x slower to build than this compiled one). Never mutated; eq and hash as when frozen.
@dataclass(slots=True, init=False, unsafe_hash=True)
class _Cue:
    start: int
    end: int
    kind: str  # "verb", "multi", "prep", "participle"

    def __init__(self, start: int, end: int, kind: str) -> None:
        self.start = start
        self.end = end
        self.kind = kind


def find_attributions(text: str, start: int, end: int) -> list[Attribution]:
    """Every attribution in the sentence `text[start:end]`, in text order."""
    cues = _independent(text, _find_cues(text, start, end))
    found: list[Attribution] = []
    for index, cue in enumerate(cues):
        following = cues[index + 1].start if index + 1 < len(cues) else end
        attribution = _attribute(text, (start, end), cue, following)
        if attribution is not None and _content_ok(text, attribution.content):
            found.append(attribution)
    return _drop_nested(found)


# Patterns used per cue or per sentence are compiled once here (re.search(str, ...) pays a cache lookup).
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:\w+ly\s+)?(?:also\s+)?$")
_CLOSING = re.compile(r"[,”\"]\s*(?:[\w’'.-]+\s+){0,8}$")
_CURLY_QUOTED = re.compile(r"“[^”]*(?:”|$)")
_STRAIGHT_QUOTED = re.compile(r'"[^"]*(?:"|$)')
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being)\s+$")
_BY_AGENT = re.compile(r"(\s+(?:to\s+|on\s+)?[\w’'\- ]{0,30}?)\s+by\s+")
_AUX_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$")
_THAT_NEXT = re.compile(r"\s+that\b")
_INFINITIVE_BEFORE = re.compile(r"\b(\w+)\s+to\s+(?:\w+ly\s+)?$")
_WITH_CLAUSE = re.compile(r",\s+with\s+")
_HANDOVER = re.compile(r",\s+(?:and|while|but|whereas)\s+")
_THAT_HEAD = re.compile(r"^(?:[\w’'\- ]{0,60}?\s)?that\s+")
_QUOTE_HEAD = re.compile(r"^[^“\"]{0,80}?[,:]\s*([“\"])")
_RECIPIENT = re.compile(r"^[\w’'\- ]{1,40}?(?:,|\s(?=[a-z]))")
_DANGLING_WORDS = ("and", "but", "or", "while", "as")
_DANGLING = re.compile(rf"\s+(?:{'|'.join(_DANGLING_WORDS)})$")


def _independent(text: str, cues: list[_Cue]) -> list[_Cue]:
    """Drop cues nested in an earlier cue's reported clause ("told reporters that Washington had warned …").

    A later cue starts an attribution of its own only after a clause break, a coordinating "and"/"but"
    right before it ("said A and added B"), as a participle or prepositional cue, or as a closing cue.
    """
    kept: list[_Cue] = []
    for cue in cues:
        if kept and cue.kind not in {"participle", "prep"}:
            between = text[kept[-1].end : cue.start]
            coordinated = _COORDINATED.search(between)
            closing = _CLOSING.search(between) and len(between.split()) > 3
            if not (_CLAUSE_BREAK.search(between) or coordinated or closing):
                continue
        kept.append(cue)
    return kept


# One pass finds every phrase cue; longer phrases first so "claimed responsibility for" beats "claimed". The
# lookahead (the phrases' first letters) lets `re` pass over other positions without trying every phrase.
_PHRASES = (*lex.PREPOSITIONAL_CUES, *lex.MULTIWORD_CUES)
_PHRASE_FIRST_LETTERS = "".join(sorted({re.escape(phrase[0].lower()) for phrase in _PHRASES}))
# Every phrase cue holds one of these (the phrases that contain no shorter one): the pattern's Caseless stems,
# so the many sentences without any skip the phrase scan.
_PHRASE_TEXTS = tuple(phrase.lower() for phrase in _PHRASES)
_PHRASE_KEYS = tuple(p for p in _PHRASE_TEXTS if not any(q != p and q in p for q in _PHRASE_TEXTS))
_PHRASE_CUES = Caseless(
    rf"(?=[{_PHRASE_FIRST_LETTERS}])\b(?:(?P<prep>"
    + "|".join(re.escape(p.lower()) for p in sorted(lex.PREPOSITIONAL_CUES, key=len, reverse=True))
    + r")|(?P<multi>"
    + "|".join(re.escape(p.lower()) for p in sorted(lex.MULTIWORD_CUES, key=len, reverse=True))
    + r"))\b",
    stems=_PHRASE_KEYS,
)


def _prefix_alternation(words: list[str]) -> str:
    """A regex alternation of `words` factored by shared prefixes ("sa(?:id|ys)"): `re` tries each prefix once."""
    if words == [""]:
        return ""
    groups: dict[str, list[str]] = {}
    for word in sorted(words):
        if word:
            groups.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(first) + _prefix_alternation(rests) for first, rests in groups.items()]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in words else body


# A reporting verb as a whole lower-case word: exactly the words of the previous "(?<![\w’'-])[a-z]+(?![\w’'-])"
# scan that are in REPORTING_VERBS (every verb is [a-z]+), found without a match object and a set lookup for
# every other word of the sentence.
_REPORTING_VERB = re.compile(
    rf"(?<![\w’'-])(?=[{''.join(sorted({verb[0] for verb in lex.REPORTING_VERBS}))}])"
    rf"(?:{_prefix_alternation(sorted(lex.REPORTING_VERBS))})(?![\w’'-])"
)


# --- cues -----------------------------------------------------------------------------------------


def _find_cues(text: str, start: int, end: int) -> list[_Cue]:
    cues: list[_Cue] = []
    for match in _PHRASE_CUES.finditer(text, start, end):
        kind = "prep" if match.lastgroup == "prep" else "multi"
        cues.append(_Cue(match.start(), match.end(), kind))
    for match in _REPORTING_VERB.finditer(text, start, end):
        # Only the few words around a candidate are tokenised, not the whole sentence.
        before = last_tokens(text, max(start, match.start() - 60), match.start(), 3)
        following = first_token(text, match.end(), min(end, match.end() + 30))
        after = [] if following is None else [following]
        word = make_token(match.start(), match.end(), match.group())
        if _verb_slot(text, [*before, word, *after], len(before)):
            kind = "participle" if word.text in lex.PARTICIPLE_CUES and _after_comma(text, word) else "verb"
            cues.append(_Cue(word.start, word.end, kind))
    if not cues:
        return cues
    quoted = _quoted_regions(text, start, end)
    cues = [c for c in cues if not any(q_start < c.start < q_end for q_start, q_end in quoted)]
    return _without_overlaps(cues)


def _quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of quoted passages: a reporting verb inside a quote is the speaker's, not an attribution."""
    body = text[start:end]
    if "“" not in body and '"' not in body:
        return []  # both patterns open with a quote mark
    regions = [(m.start(), m.end()) for m in _CURLY_QUOTED.finditer(body)]
    regions += [(m.start(), m.end()) for m in _STRAIGHT_QUOTED.finditer(body)]
    return [(start + s, start + e) for s, e in regions]


def _verb_slot(text: str, words: list[Token], i: int) -> bool:
    """Whether the cue word at `i` is used as a reporting verb and not negated."""
    word = words[i]
    prev = words[i - 1].lower if i > 0 else ""
    if prev in lex.DETERMINERS or (prev.endswith(("’s", "'s")) and word.text in lex.NOUN_LIKE_CUES):
        return False
    before = {w.lower for w in words[max(0, i - 3) : i]}
    if before & lex.NEGATING_BEFORE_CUE:
        return False
    if word.text.endswith("ing") and word.text not in lex.PARTICIPLE_CUES:
        return False
    if word.text.endswith("ing") and not _after_comma(text, word) and prev not in {"was", "were", "is", "are"}:
        return False
    if word.text in lex.NOUN_LIKE_CUES:
        nxt = words[i + 1].lower if i + 1 < len(words) else ""
        gap = text[word.end : words[i + 1].start] if i + 1 < len(words) else ""
        return nxt == "that" or any(q in gap for q in QUOTE_OPEN + ":") or prev in {"it", "he", "she", "they"}
    return True


def _after_comma(text: str, word: Token) -> bool:
    return text[max(0, word.start - 4) : word.start].rstrip().rstrip('”"').endswith((",", "—", "–"))


def _without_overlaps(cues: list[_Cue]) -> list[_Cue]:
    """Longest cue wins where cues overlap ("claimed responsibility for" over "claimed")."""
    kept: list[_Cue] = []
    for cue in sorted(cues, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and cue.start < kept[-1].end:
            continue
        kept.append(cue)
    return kept


# --- claimant and content ----------------------------------------------------------------------------


def _attribute(text: str, sentence: tuple[int, int], cue: _Cue, following: int) -> Attribution | None:
    s_start, s_end = sentence
    body_end = _body_end(text, s_start, s_end)
    if cue.kind == "prep":
        return _prepositional(text, s_start, body_end, cue)
    if cue.kind == "participle":
        content = _content_after(text, cue.end, min(body_end, following), cue)
        return Attribution((cue.start, cue.end), None, content, subject_follows=True)
    passive = _passive_agent(text, cue, body_end)
    if passive is not None:
        return passive
    progressive = text[cue.start : cue.end].endswith("ing")  # "is reporting that …" is active
    if not progressive and _BE_BEFORE.search(text[max(s_start, cue.start - 12) : cue.start]):
        return None  # "residents are urged to …", "it was reported": no one is named
    tail = _post_content(text, s_start, body_end, cue)
    if tail is not None:
        return tail
    if text[cue.start : cue.end] in lex.CLAUSE_ONLY_CUES and not _clause_follows(text, cue.end, body_end):
        return None
    content = _content_after(text, cue.end, _cut_before_next(text, cue.end, min(body_end, following)), cue)
    claimant = _subject_before(text, s_start, cue.start)
    if claimant is None:
        # "X reported A but said B": the second verb shares the sentence's subject.
        return Attribution((cue.start, cue.end), None, content, subject_follows=True)
    return Attribution((cue.start, cue.end), claimant, content)


_CLAUSE_AFTER = re.compile(r"^(?:\s+\w+){0,4}?\s*(?:that\b|[“\":]|,\s*[“\"])|^\s+\w+\s+to\s+\w+")


def _clause_follows(text: str, cue_end: int, body_end: int) -> bool:
    """A "that"-clause, a quote, a colon or a to-infinitive follows the cue within a few words."""
    return _CLAUSE_AFTER.match(text[cue_end:body_end]) is not None


def _body_end(text: str, s_start: int, s_end: int) -> int:
    """End of the sentence without its final punctuation (closing quotes are kept for unquote)."""
    end = s_end
    while end > s_start and text[end - 1] in ".!?":
        end -= 1
    return end


def _prepositional(text: str, s_start: int, body_end: int, cue: _Cue) -> Attribution | None:
    lead_start, _ = trim(text, s_start, cue.start)
    lead = text[lead_start : cue.start].strip()
    after_comma = text.find(",", cue.end, body_end)
    connective = lex.CONNECTIVE_OPENERS.match(lead + " ")
    if (
        not lead
        or (connective and connective.end() >= len(lead))
        or (lead.endswith(",") and lead.count(",") == 1 and _only_adverbial(lead))
    ):
        # "According to X, C": the claimant runs to the comma, the content follows.
        if after_comma == -1:
            return None
        claimant = trim(text, cue.end, after_comma)
        content = unquote(text, after_comma + 1, body_end)
        return Attribution((cue.start, cue.end), claimant, content)
    # "C, according to X" or "C, as reported by X": the claimant follows, the content precedes.
    claimant_end = after_comma if after_comma != -1 else body_end
    claimant = trim(text, cue.end, claimant_end)
    content_end = cue.start
    content = unquote(text, *strip_connective(text, *trim(text, s_start, content_end)))
    if after_comma != -1 and after_comma < body_end - 1:
        # The cue sits inside the sentence: the content is the whole sentence.
        content = unquote(text, *strip_connective(text, s_start, body_end))
    return Attribution((cue.start, cue.end), claimant, content)


def _only_adverbial(lead: str) -> bool:
    first = lead.split(maxsplit=1)[0].lower().strip(",")
    return first in lex.NON_SUBJECT_OPENERS


def _passive_agent(text: str, cue: _Cue, body_end: int) -> Attribution | None:
    """ "… being attributed to Y by X": the agent after "by" is the claimant."""
    window = text[cue.end : min(body_end, cue.end + 60)]
    if "by" not in window:
        return None  # _BY_AGENT needs the word "by"
    match = _BY_AGENT.match(window)
    aux = _AUX_BEFORE.search(text[max(0, cue.start - 20) : cue.start])
    if match is None or aux is None:
        return None
    agent_start = cue.end + match.end()
    agent_end = _np_end(text, agent_start, body_end)
    if agent_end <= agent_start:
        return None
    clause_start = _clause_start(text, cue.start)
    content = trim(text, clause_start, cue.end + len(match.group(1)))
    return Attribution((cue.start, cue.end), (agent_start, agent_end), content)


def _post_content(text: str, s_start: int, body_end: int, cue: _Cue) -> Attribution | None:
    """ "C, X said." / "“C,” said X." — the content comes first and the attribution closes the sentence."""
    before = text[s_start : cue.start]
    after = text[cue.end : body_end]
    if cue.kind == "multi" and not text[cue.start : cue.end].lower().startswith(("said", "wrote")):
        return None
    if len(after.split()) > _MAX_TAIL_WORDS or _THAT_NEXT.match(after) or any(q in after for q in '“"'):
        return None
    comma = max(before.rfind(","), before.rfind("”"), before.rfind('"'))
    if comma == -1:
        return None
    between = before[comma + 1 :].strip(' ,”"')
    if between:
        # "C, the ministry said": a short noun phrase between the comma and the cue.
        told = text[cue.start : cue.end].lower() in {"told", "tells"}
        if len(between.split()) > 8 or _has_verbish(between) or not (_TAIL.match(after) or told):
            return None
        if between.split()[0].endswith("ing") or between.split()[-1] == "to":
            return None
        claimant = trim(text, s_start + comma + 1, cue.start, ' ,”"')
    else:
        # "C, said the ministry": the claimant follows the cue (only verbs that take no object).
        if text[cue.start : cue.end].lower() not in _INVERTIBLE:
            return None
        c_start, c_end = trim(text, cue.end, body_end)
        comma_after = text.find(",", c_start, c_end)
        claimant = (c_start, comma_after if comma_after != -1 else c_end)
        if claimant[1] <= claimant[0] or _has_verbish(text[claimant[0] : claimant[1]]):
            return None
    content_start, content_end = trim(text, s_start, s_start + comma, " ,")
    if content_end - content_start < 3:
        return None
    content = unquote(text, *strip_connective(text, content_start, content_end + _closing_quote(text, s_start + comma)))
    return Attribution((cue.start, cue.end), claimant, content)


def _closing_quote(text: str, at: int) -> int:
    return 1 if text[at] in '”"' else 0


def _has_verbish(phrase: str) -> bool:
    return any(w.lower() in lex.AUXILIARIES or w.lower() in lex.REPORTING_VERBS for w in phrase.split())


def _subject_before(text: str, s_start: int, cue_start: int) -> tuple[int, int] | None:
    """The claimant mention before a cue: the subject of the clause, appositives and adverbials skipped."""
    region_start = _clause_start(text, cue_start, s_start)
    region = text[region_start:cue_start]
    # A "$"-anchored search tries every start position; its match ends in "to" or "…ly" and spaces.
    infinitive = _INFINITIVE_BEFORE.search(region) if region.rstrip().endswith(("to", "ly")) else None
    if infinitive is not None:
        # "prompting the Kremlin to announce": the noun phrase before "to".
        return _np_before_to(text, region_start, region_start + infinitive.end(1))
    pieces = _comma_pieces(text, region_start, cue_start)
    for p_start, p_end in pieces:
        words = text[p_start:p_end].split()
        if not words:
            continue
        if words[0].lower().strip('“"') in lex.NON_SUBJECT_OPENERS and not _pronoun_subject(words):
            continue
        n_start, n_end = _strip_auxiliaries(text, p_start, p_end)
        if n_end <= n_start:
            continue
        n_end = _np_end(text, n_start, n_end)
        if n_end > n_start and len(text[n_start:n_end].split()) <= _MAX_CLAIMANT_WORDS:
            return n_start, _with_appositive_name(text, n_start, n_end, pieces)
        return None
    return None


_PROPER = re.compile(
    r"^(?:[A-Z][\w’'.-]*|al-[A-Z][\w-]*|bin|de|van|von)(?:\s+(?:[A-Z][\w’'.-]*|al-[A-Z][\w-]*|bin|de|van|von)){0,3}$"
)


def _with_appositive_name(text: str, n_start: int, n_end: int, pieces: list[tuple[int, int]]) -> int:
    """ "Its leader, Markus Vogel, said": the name in apposition belongs to the claimant mention."""
    words = text[n_start:n_end].split()
    common = [w for w in words if w.islower() and w not in {"of", "for", "the", "and", "in"}]
    if not common:
        return n_end
    following = [p for p in pieces if p[0] >= n_end]
    if (
        following
        and _PROPER.match(text[following[0][0] : following[0][1]])
        and len(pieces) > pieces.index(following[0]) + 1
    ):
        return following[0][1]
    return n_end


def _pronoun_subject(words: list[str]) -> bool:
    return words[0].lower() in {"this", "that"} and len(words) > 1 and words[1][:1].islower()


def _np_before_to(text: str, region_start: int, to_start: int) -> tuple[int, int] | None:
    words = tokens(text, region_start, to_start)
    chosen: list[Token] = []
    for word in reversed(words):
        if (word.lower.endswith(("ing", "ed")) and not is_capitalised(word.text)) or word.lower in lex.AUXILIARIES:
            break
        chosen.insert(0, word)
        if word.lower in lex.DETERMINERS:
            break
    if not chosen or len(chosen) > 6:
        return None
    return chosen[0].start, chosen[-1].end


def _clause_start(text: str, position: int, floor: int = 0) -> int:
    """Start of the clause that holds `position`: after the last clause break before it."""
    start = floor
    for match in _CLAUSE_BREAK.finditer(text, floor, position):
        start = match.end()
    with_clause = list(_WITH_CLAUSE.finditer(text[start:position]))
    if with_clause:
        start += with_clause[-1].end()
    return start


def _comma_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    cursor = start
    comma = text.find(",", start, end)
    while comma != -1:
        pieces.append(trim(text, cursor, comma))
        cursor = comma + 1
        comma = text.find(",", cursor, end)
    pieces.append(trim(text, cursor, end))
    return pieces


def _strip_auxiliaries(text: str, start: int, end: int) -> tuple[int, int]:
    words = tokens(text, start, end)
    while words and (words[-1].lower in lex.AUXILIARIES or words[-1].lower.endswith("ly")):
        words.pop()
    if not words:
        return start, start
    # A trailing time phrase ("on Tuesday") is not part of the subject.
    last = len(words)
    for i, word in enumerate(words):
        if word.lower in {"on", "late", "early", "in", "last", "this"} and i > 0 and _time_word(words[i + 1 :]):
            last = i
            break
    words = words[:last]
    if not words:
        return start, start
    return start if text[start] not in '“"' else start + 1, words[-1].end


_TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "morning",
        "evening",
        "night",
        "week",
        "month",
        "year",
        "weekend",
        "afternoon",
    ]
)


def _time_word(words: list[Token]) -> bool:
    return bool(words) and words[0].lower in _TIME_WORDS


def _np_end(text: str, start: int, end: int) -> int:
    """End of the noun phrase that starts at `start`: stops at a verb-like word or clause punctuation."""
    last = start
    for word in iter_tokens(text, start, end):
        gap = text[last : word.start]
        if last > start and any(ch in gap for ch in ',;:()“”"'):
            break
        if last > start and word.lower in lex.AUXILIARIES:
            break
        if last > start and word.lower in lex.REPORTING_VERBS and word.lower not in lex.NOUN_LIKE_CUES:
            break
        if last > start and word.lower in {"that", "who", "which", "on", "in", "late", "early", "when"}:
            break
        if last > start and _past_verb(word.text):
            break
        last = word.end
    if last < end and text[last : last + 1] == ")":
        last += 1
    return last


_NOT_VERBS = frozenset(
    [
        "armed",
        "united",
        "unnamed",
        "retired",
        "elected",
        "appointed",
        "embattled",
        "detained",
        "wounded",
        "injured",
        "alleged",
        "red",
        "bed",
        "need",
        "speed",
        "seed",
        "feed",
        "shed",
    ]
)


def _past_verb(word: str) -> bool:
    """A lower-case word in -ed that is not a common participle adjective: likely the clause's verb."""
    return word.islower() and word.endswith("ed") and len(word) > 4 and word not in _NOT_VERBS


def _cut_before_next(text: str, start: int, end: int) -> int:
    """End content before a clause that hands over to another speaker or a participle cue."""
    for match in _HANDOVER.finditer(text[start:end]):
        rest = text[start + match.end() : end].split()
        if any(w in lex.REPORTING_VERBS for w in rest[:6]):
            return start + match.start()
    return end


def _content_after(text: str, cue_end: int, end: int, cue: _Cue) -> tuple[int, int]:
    """Content after a cue: skips "that", a short adverbial, the addressee of "told", and unwraps quotes."""
    start, end = trim(text, cue_end, end)
    adverbial = _AFTER_CUE_ADVERBIAL.match(text, start, end)
    if adverbial is not None:
        start = adverbial.end()
    head = text[start:end]
    that = _THAT_HEAD.match(head)
    if that is not None and len(that.group(0).split()) <= 8 and "“" not in that.group(0):
        start += that.end()
    else:
        quote = _QUOTE_HEAD.match(head)
        if quote is not None:
            start += quote.start(1)
        elif text[cue.start : cue.end].lower() in {"told", "tells", "informed"}:
            recipient = _RECIPIENT.match(head)
            if recipient is not None:
                start += recipient.end()
    tail = _COMMENTARY_TAIL.search(text, start, end)
    if tail is not None:
        end = tail.start()
    start, end = trim(text, start, end)
    channel = _CHANNEL_TAIL.search(text, start, end)
    if channel is not None and channel.start() > start:
        end = channel.start()
    # Checked first: the "$"-anchored search would try every position of the content.
    dangling = _DANGLING.search(text[start:end]) if text.endswith(_DANGLING_WORDS, start, end) else None
    if dangling is not None:
        end = start + dangling.start()
    return unquote(text, start, end)


# Adverbials between a cue and its content: "said on Saturday he had …", "said in a statement, …".
_AFTER_CUE_ADVERBIAL = re.compile(
    r"(?:(?:on|late|early|last|this|earlier|later)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|today|yesterday|tonight|overnight)(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?!that\b)|"
    r"in an? (?:statement|interview|post|video|speech|briefing|message|letter)(?: [^,]{0,30})?,\s+"
)


# "… in a message on its channel": how the claim was made, not what was claimed.
_CHANNEL_TAIL = re.compile(
    r"\s+(?:in|via|through|on) (?:a|an|its|their|his|her) (?:\w+ )?(?:statement|message|post|video|interview|letter|"
    r"briefing|channel|account|speech)\b[^,;]*$"
)


# A participle clause that comments on the claim ("…, showcasing their capabilities") is not content.
_COMMENTARY_TAIL = re.compile(
    r",\s+(?:showcasing|underscoring|highlighting|signall?ing|marking|reflecting|demonstrating|illustrating|"
    r"underlining|raising|fuel(?:l)?ing)\b|,\s+(?:a|an)\s+(?:claim|figure|report|assertion|account|allegation)s?\s+"
    r"(?:that|which)\b"
)


def strip_connective(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading connective ("Meanwhile,", "In a separate incident on Tuesday,") from a span."""
    match = lex.CONNECTIVE_OPENERS.match(text[start:end])
    return (start + match.end(), end) if match else (start, end)


_ANAPHORIC_ONLY = re.compile(
    r"^(?:the|these|this|those|such|that)\s+(?:claims?|reports?|allegations?|accusations?|charges?|accounts?)$",
    re.IGNORECASE,
)


def _content_ok(text: str, content: tuple[int, int]) -> bool:
    start, end = content
    words = text[start:end].split()
    return end > start and len(words) >= 2 and not _ANAPHORIC_ONLY.match(text[start:end])


def _drop_nested(found: list[Attribution]) -> list[Attribution]:
    """Two cues that yield the same content keep the first (e.g. "said in a statement … added")."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for attribution in found:
        if attribution.content in seen:
            continue
        seen.add(attribution.content)
        kept.append(attribution)
    return kept


def subject_of(text: str, s_start: int, before: int) -> tuple[int, int] | None:
    """The subject noun phrase of the sentence, for a participle cue (", alleging …") that continues it."""
    return _subject_before(text, s_start, before)
