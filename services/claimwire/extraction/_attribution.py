"""Stages 2 and 3: attribution over a dependency parse (cue, source, content, with exact offsets).

Two spaCy components run after the parser, each adding one thing to the Doc:

- `claimwire_cues` marks the cue words (`doc.spans["cues"]`, labelled with their frame: speech, belief,
  intent, evaluation, evidence, stance, request, source): lexicon forms (`_lexicon.py`) matched by a `Matcher`
  built from the word lists, kept only in a verb role (or a noun with a that-clause, or a prepositional cue);
- `claimwire_attributions` reads each cue's source and content off the tree (`doc._.attributions`): the
  content is the cue's complement clause (ccomp; xcomp for intent and request frames; the clause a
  parenthetical "…, he said" hangs from; a direct object for verbs such as "announced"), the source its
  subject (the passive agent "by X"; "according to"'s object; the sentence subject for ", saying …"; the
  antecedent of a relative clause), expanded to its noun phrase.

Offsets on the Doc are the Doc's own; `find_attributions` adds the offset of the text the Doc was made from.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from . import _lexicon as lex

_CLAUSE_DEPS = frozenset(["ccomp", "csubj"])
_QUOTES = "\"“”‘’`'"
_EDGE_PUNCT = frozenset(",;:.!?—–-\"“”‘’`'()[]")
# Children of a noun that are not part of a source's name: clauses, parentheticals and trailing punctuation.
_NOT_IN_NAME = frozenset(["acl", "acl:relcl", "relcl", "parataxis", "punct", "advcl", "dep", "list"])
_SUBJECTS = ("nsubj", "nsubjpass", "nsubj:pass", "csubj")
_AGENT_DEPS = frozenset(["obl:agent", "agent"])
_CONTROL_DEPS = frozenset(["xcomp", "conj", "advcl"])
_RELATIVE_DEPS = frozenset(["acl:relcl", "relcl", "acl"])


# Built explicitly: compiled with mypyc, a dataclass's generated __init__ runs as interpreted code.
@dataclass(slots=True, init=False, unsafe_hash=True)
class Attribution:
    """One attribution as character offsets: cue, source (None when the text names none), content, frame."""

    cue: tuple[int, int]
    claimant: tuple[int, int] | None
    content: tuple[int, int]
    frame: str

    def __init__(
        self, cue: tuple[int, int], claimant: tuple[int, int] | None, content: tuple[int, int], frame: str
    ) -> None:
        self.cue = cue
        self.claimant = claimant
        self.content = content
        self.frame = frame


if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)


# --- cues ------------------------------------------------------------------------------------------------


def _cue_lemma(token: Token) -> str:
    """The lemma of a cue verb form ("warned" → "warn"); "" for a word that is none."""
    return lex.CUE_VERB_FORMS.get(token.lower_, ("", ""))[0]


def _is_verb(token: Token) -> bool:
    tag = token.tag_
    return tag.startswith("VB") if tag else token.pos_ in {"VERB", "AUX"}


_VERB_CHILDREN = frozenset(["nsubj", "nsubj:pass", "nsubjpass", "ccomp", "aux", "aux:pass", "auxpass", "xcomp"])


def _verb_role(token: Token) -> bool:
    """A verb by its tag, or by what hangs from it (a subject, an auxiliary, a clause), or by the commas that set
    it off with its subject ("The move, analysts say, is …" with "say" tagged an interjection): taggers miss
    "detailed" or "claimed" as verbs now and then, the tree around them rarely does."""
    if _set_off_with_subject(token):
        return True
    if token.lower_ in lex.VERB_ONLY_FORMS and token.i > 0 and token.doc[token.i - 1].tag_ not in {"DT", "PRP$"}:
        return True  # "A senior official said demonstrators …" with "said" tagged an adjective ("the said sum")
    if _is_verb(token):
        # "said", "told" are never adjectives: as a modifier they are a misparse
        return token.dep_ not in {"amod", "compound"} or token.lower_ in lex.VERB_ONLY_FORMS
    if any(c.dep_ == "cop" for c in token.children):
        return False  # "moves to cut the queue are welcome": a predicate adjective, no verb
    return token.dep_ in {"ROOT", "root"} or any(c.dep_ in _VERB_CHILDREN for c in token.children)


def _set_off_with_subject(token: Token) -> bool:
    """ ", analysts say," / ", he said,": a cue form right after a short noun phrase, commas on both sides."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].text != "," or token.tag_.startswith("NN"):
        return False
    for i in range(token.i - 1, max(-1, token.i - 5), -1):
        if doc[i].text == ",":
            between = doc[i + 1 : token.i]
            return len(between) > 0 and between[-1].tag_ in {"NN", "NNS", "NNP", "NNPS", "PRP"}
        if not (doc[i].tag_.startswith(("NN", "JJ", "DT", "PRP")) or doc[i].tag_ == "CD"):
            return False
    return False


def _is_noun(token: Token) -> bool:
    tag = token.tag_
    return tag.startswith("NN") if tag else token.pos_ in {"NOUN", "PROPN"}


class CueFinder:
    """Marks cue words in `doc.spans["cues"]`, labelled with their frame."""

    def __init__(self, nlp: Language, frames: Iterable[str] = lex.ATTRIBUTION_FRAMES) -> None:
        self.frames = frozenset(frames)
        self.matcher = Matcher(nlp.vocab)
        verbs = sorted(form for form, (_, frame) in lex.CUE_VERB_FORMS.items() if frame in self.frames)
        self.matcher.add("verb", [[{"LOWER": {"IN": verbs}}]])
        self.matcher.add("adjective", [[{"LOWER": {"IN": sorted(lex.CUE_ADJECTIVES)}}]])
        nouns = sorted(noun for noun, frame in lex.CUE_NOUNS.items() if frame in self.frames)
        self.matcher.add("noun", [[{"LOWER": {"IN": nouns}}]])
        self.matcher.add("source", [[{"LOWER": word} for word in phrase] for phrase in lex.SOURCE_PREPOSITIONS])
        responsibility: list[list[dict[str, Any]]] = [
            [{"LOWER": {"IN": list(lex.verb_forms(verb))}}, {"LOWER": noun}, {"LOWER": preposition}]
            for verb, noun, preposition in lex.RESPONSIBILITY_PHRASES
        ]
        self.matcher.add("phrase", responsibility)
        quote_marks = [":", "“", '"']
        reading = [{"LOWER": {"IN": sorted(lex.READING_FORMS)}}]
        self.matcher.add(
            "reading",
            [[*reading, {"TEXT": {"IN": quote_marks}}], [*reading, {"TEXT": ","}, {"TEXT": {"IN": quote_marks}}]],
        )
        kinds = ("verb", "adjective", "noun", "source", "phrase", "reading")
        self._kinds = {nlp.vocab.strings[k]: k for k in kinds}

    def __call__(self, doc: Doc) -> Doc:
        cues: list[Span] = []
        taken: set[int] = set()
        # Longest match first at each start: "claimed responsibility for" over "claimed".
        for match_id, start, end in sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if start in taken:
                continue
            span = self._cue(doc, self._kinds[match_id], start, end)
            if span is not None:
                cues.append(span)
                taken.update(range(span.start, span.end))
        doc.spans["cues"] = cues
        return doc

    def _cue(self, doc: Doc, kind: str, start: int, end: int) -> Span | None:
        token = doc[start]
        if kind == "source":
            return Span(doc, start, end, label="source")
        if kind == "noun":
            frame = lex.CUE_NOUNS[token.lower_]
            return Span(doc, start, end, label=frame) if _is_noun(token) and _that_clause(token) else None
        if kind == "reading":  # "The statement read: “…”": the cue is the verb alone
            return Span(doc, start, start + 1, label="speech") if "speech" in self.frames else None
        if kind == "phrase":
            return None if _negated(token) else Span(doc, start, end, label="responsibility")
        if kind == "adjective":
            clause = any(c.dep_ == "ccomp" for c in token.children)
            return Span(doc, start, end, label=lex.CUE_ADJECTIVES[token.lower_]) if clause else None
        if not _verb_role(token) or _negated(token) or _participle_modifier(token) or _gerund(token):
            return None
        if _concessive(token) or _discourse_marker(token) or _still_to_come(token) or _relays_a_quote(token):
            return None
        if _raised_by_no_one(token) or _name_in_mid_sentence(token) or _perceived_by_no_one(token):
            return None
        if token.lower_ == "meaning":
            return None  # ", meaning homes could be dark for days": a consequence, not what anyone means (GUM: 0 of 4)
        if token.i >= 2 and doc[token.i - 1].tag_ == "HYPH" and doc[token.i - 2].lower_ == "self":
            return None  # "the self-described mermaid": a label, no report
        if token.lower_ == "saw" and not any(t.lower_ == "that" for t in doc[token.i + 1 : token.i + 4]):
            return None  # "The finals saw two teams face off": a happening, not a finding (GUM: no "saw" cue)
        lemma, frame = lex.CUE_VERB_FORMS[token.lower_]
        phrasal = lex.PHRASAL_CUES.get(lemma)
        if phrasal is not None:
            particle = _particle(token, phrasal[0])
            if particle is not None:
                return Span(doc, start, particle.i + 1, label=phrasal[1]) if phrasal[1] in self.frames else None
        following = doc[end] if end < len(doc) else None
        if following is not None and following.lower_ in lex.NOT_CUE_PARTICLES.get(lemma, ()):
            return None
        if token.lower_ in lex.SOURCE_PARTICIPLES:
            return Span(doc, start, end, label="source")
        return Span(doc, start, end, label=frame)


def _name_in_mid_sentence(token: Token) -> bool:
    """ "…, Felt died of heart failure": a cue form written with a capital inside a sentence in ordinary case is
    a name (a headline in title case, "Charger Says He Is Innocent", keeps its cues)."""
    doc = token.doc
    if not token.text[:1].isupper() or token.i == 0 or doc[token.i - 1].text in {"“", '"', "(", ":", "—", "\n"}:
        return False
    words = [t for t in doc if t.is_alpha]
    return sum(t.text[:1].isupper() for t in words) * 2 < len(words)


def _raised_by_no_one(verb: Token) -> bool:
    """ "the pirates, said to be in a dhow", "a man believed to have fled": "said to" + a verb is the passive that
    raises its noun into the "to" clause (the parse often reads the noun as its subject); it names no one. With an
    agent ("said by police to be") or "has" ("has said to reporters") it is a cue."""
    doc = verb.doc
    if verb.tag_ not in {"VBN", "VBD"} or verb.i + 2 >= len(doc) or doc[verb.i + 1].lower_ != "to":
        return False
    if _cue_lemma(verb) not in _RAISING_LEMMAS or doc[verb.i + 2].tag_ != "VB":
        return False
    return not any(c.lower_ in {"have", "has", "had"} for c in verb.children) and _agent(verb) is None


def _perceived_by_no_one(verb: Token) -> bool:
    """ "children who had been seen throwing bottles", "he was found dead": a passive verb of perception with no
    agent and no clause of its own tells what happened, not what anyone reports ("it was found that C" stays)."""
    if verb.tag_ != "VBN" or _cue_lemma(verb) not in _PERCEPTION_LEMMAS:
        return False
    if not _passive(verb) and not any(c.dep_ == "aux" and c.lower_ in _PASSIVE_AUXILIARIES for c in verb.children):
        return False
    return _agent(verb) is None and not any(c.dep_ in _CLAUSE_DEPS for c in verb.children)


_PERCEPTION_LEMMAS = frozenset(["see", "hear", "feel", "find", "observe", "notice", "discover"])

_RAISING_LEMMAS = frozenset(
    ["say", "report", "believe", "think", "suspect", "know", "allege", "expect", "estimate", "understand", "fear"]
)


def _concessive(verb: Token) -> bool:
    """ "That said, …", "That being said, …": a discourse connective, not a report."""
    doc = verb.doc
    i = verb.i
    return (
        0 < i < len(doc) - 1
        and doc[i - 1].lower_ in {"that", "this"}
        and doc[i + 1].text == ","
        and (i == 1 or doc[i - 2].is_punct)
    )


#: "you know", "you see", "I mean": fillers inside a sentence ("offensive beyond, you know, anything"). Opening
#: one ("You see, the terrorists are …") they do report, as GUM has it.
_DISCOURSE_MARKERS = frozenset([("you", "know"), ("you", "see"), ("i", "mean"), ("you", "understand")])


def _discourse_marker(verb: Token) -> bool:
    doc = verb.doc
    if verb.i < 2 or (doc[verb.i - 1].lower_, verb.lower_) not in _DISCOURSE_MARKERS:
        return False
    set_off = doc[verb.i - 2].text in {",", "—", "–", "("}
    return set_off and (verb.i + 1 == len(doc) or doc[verb.i + 1].is_punct)


def _gerund(verb: Token) -> bool:
    """ "Adding salt is …", "by saying …": an -ing form is a cue as a progressive ("is saying") or after a
    comma or quote (", adding …"), not as a gerund."""
    if verb.tag_ != "VBG":
        return False
    if any(c.dep_ in {"aux", "aux:pass", "nsubj"} for c in verb.children):
        return False  # "is saying", "with Boswell stating: …"
    doc = verb.doc
    if (verb.i + 1 < len(doc) and doc[verb.i + 1].text in {":", "“", '"'}) or (
        verb.i + 2 < len(doc) and doc[verb.i + 1].text == "," and doc[verb.i + 2].text in {"“", '"'}
    ):
        return False  # "a message stating, “…”", "one poster writing “…”": the quote is what it says
    if verb.i > 1 and doc[verb.i - 1].lower_ == "as" and doc[verb.i - 2].lower_ in lex.CUE_VERB_FORMS:
        return False  # "was quoted as saying C"
    if _quoting_verb(verb) is not None:
        return False  # "quoted a senior official as saying C", "was quoted by the paper as saying C"
    return verb.i == 0 or doc[verb.i - 1].text not in {",", "”", '"', "—", "–", ":"}


_CLAUSE_MARKERS = frozenset(["aux", "aux:pass", "auxpass", "nsubj", "nsubj:pass"])


def _participle_modifier(verb: Token) -> bool:
    """ "dissidents known for …", "a study published in …": a past participle without an auxiliary that
    modifies a noun reports nothing (unless it names its agent: "as reported by X" is a cue of its own)."""
    if verb.tag_ != "VBN" or any(c.dep_ in _CLAUSE_MARKERS for c in verb.children):
        return False
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.lower_ == "that" and _complementizer(following):
        return False  # "The poll, conducted by X, found that C": a finite verb the parse read as a modifier
    if verb.lower_ in lex.VERB_ONLY_FORMS and any(c.dep_ in {"iobj", "obj", "dobj"} for c in verb.rights):
        return False  # "Two sources familiar with the matter told Reuters C": a told with its recipient is finite
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and _is_noun(verb.head) and verb.head.i < verb.i:
        return False  # "The opposition leader called for …" with no verb at the root: the cue is the main verb
    return verb.dep_ in {"acl", "amod", "conj", "advcl", "appos"}


def _that_clause(noun: Token) -> Token | None:
    """The clause of "the claim that …": an acl/ccomp child opened by "that"."""
    for child in noun.rights:
        opened = any(g.dep_ == "mark" and g.lower_ == "that" for g in child.lefts)
        # "the claim that C was met with …" parsed with C as the subject of "met": "that" still opens it
        edge = child.left_edge
        opened = opened or (edge.i == noun.i + 1 and edge.lower_ == "that" and edge.dep_ == "mark")
        opened = opened or _content_clause_without_that(noun, child)
        if child.dep_ in {"acl", "ccomp", "appos", "acl:relcl"} and opened:
            return child
    return None


_RELATIVE_PRONOUNS = frozenset(["which", "that", "who", "whom"])


def _content_clause_without_that(noun: Token, clause: Token) -> bool:
    """ "official claims the polls will offer a choice", "fears the bridge would collapse": a clause right after the
    noun with a subject of its own and no gap (an object, a clause, a copula, a passive or a modal), parsed as a
    relative clause; "the claims the agency made" has a gap, and is one."""
    if clause.dep_ != "acl:relcl" or clause.left_edge.i != noun.i + 1:
        return False
    subjects = [c for c in clause.children if c.dep_ in _SUBJECTS]
    if not subjects or any(c.lower_ in _RELATIVE_PRONOUNS for c in subjects):
        return False
    labels = {c.dep_ for c in clause.children}
    return bool(labels & {"obj", "dobj", "ccomp", "xcomp", "cop", "aux:pass"}) or any(
        c.tag_ == "MD" for c in clause.children
    )


def _clausal_subject(clause: Token) -> Token | None:
    """ "the claim that the economy is recovering was met with skepticism": the parse makes the claimed clause
    the subject of what the sentence says about the claim; the claim is that subject clause alone."""
    for child in clause.children:
        if child.dep_ in _SUBJECTS and _is_verb(child) and any(g.dep_ in _SUBJECTS for g in child.children):
            return child
    return None


def _particle(verb: Token, word: str) -> Token | None:
    """The particle or preposition of a phrasal cue right after the verb ("called for", "pointed out")."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == word:
        return nxt
    return None


def _negated(verb: Token) -> bool:
    """ "did not say", "never confirmed", "declined to comment", "has yet to confirm": no report was made."""
    if any(child.lower_ in lex.NEGATORS for child in verb.children):
        return True
    sentence_start = verb.sent.start
    window = verb.doc[max(sentence_start, verb.i - 3) : verb.i]
    return any(t.lower_ in lex.NEGATORS or t.lower_ in lex.NEGATING_GOVERNORS for t in window)


# --- source and content ------------------------------------------------------------------------------------


class AttributionFinder:
    """Reads the source and content of every cue off the tree into `doc._.attributions` (token spans)."""

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, Span | None, Span]] = []
        cue_tokens = {t.i for cue in doc.spans["cues"] for t in cue}
        seen: set[tuple[int, int, int]] = set()
        for cue in doc.spans["cues"]:
            for source, content in _attribute(cue, cue_tokens):
                if (cue.start, content.start, content.end) not in seen:  # two readings of one parse, one claim
                    seen.add((cue.start, content.start, content.end))
                    found.append((cue, source, content))
        doc._.attributions = found
        return doc


def _attribute(cue: Span, cue_tokens: set[int]) -> Iterator[tuple[Span | None, Span]]:
    frame = cue.label_
    head = cue[0]
    set_off = _parenthetical(cue)
    if set_off is not None:
        yield set_off
        return
    if frame == "source":
        yield from _prepositional(cue)
        return
    if frame == "responsibility":
        content = _rest_of_sentence(cue.doc, cue.end)
        if content is not None:
            yield _verb_source(head) or _subject_before(cue), content
        return
    if _is_noun(head) and (not _verb_role(head) or _noun_at_root(head)):
        clause = _that_clause(head)
        if clause is not None:
            clause = _clausal_subject(clause) or clause
            content = _clause_span(clause, cue_tokens)
            if content is not None:
                yield _noun_source(head), content
        return
    source = _verb_cue_source(cue)
    if source is None and _passive(head):
        return  # "residents are urged to …", "it was reported": no one is named
    if source is None:
        source = _subject_before(cue) or _subject_after(cue) or _name_parsed_as_head(head)
    if source is None and _trailing(head) and head.head.i < head.i:
        # ", urging …" after a cue whose subject only the word order gives ("the UN chief told …, urging …")
        reporter = _reporting_ancestor(head)
        if reporter is not None:
            span = Span(head.doc, reporter.i, reporter.i + 1)
            source = _verb_source(reporter) or _subject_before(span) or _subject_after(span)
    agent = _agent(head) if _passive(head) else None
    if agent is not None:
        content = _passive_content(head, agent)
        # "His body was discovered by a maid": what was found or seen is a thing, not a claim
        if content is None:
            return
        found_thing = frame == "evidence" and not any(_is_verb(t) and head.i not in (t.head.i, t.i) for t in content)
        if not found_thing:
            yield source, content
        return
    for content in _contents(head, cue, frame, cue_tokens):
        yield source, content


def _verb_cue_source(cue: Span) -> Span | None:
    """The source of a verb cue as the tree and the word order give it, repaired where news parses go wrong (a
    relative pronoun, an "and", a day read as the subject)."""
    head = cue[0]
    source = _quoted_as(head) or _name_set_off_before(cue) or _inverted_subject(cue) or _name_after_quote(cue)
    if source is None and _trailing(head):
        reporter = _reporting_ancestor(head)  # "“C,” X, chief of …, told the paper, adding D": X adds D too
        source = _name_after_quote(Span(head.doc, reporter.i, reporter.i + 1)) if reporter is not None else None
    source = source or _verb_source(head) or _holder_of_state(head) or _subject_read_as_object(head)
    if source is not None and len(source) == 1 and source[0].lower_ == "who":
        source = _antecedent(source[0]) or source
    if source is not None and len(source) > 1 and source[0].lower_ in _RELATIVE_PRONOUNS:
        source = source[1:]  # "the fire, which police have said …": police
    if source is not None and source[0].tag_ == "CC" and source.end < cue.start:
        # "C, home to 120,000 people, and the port of X, state media said" with "port" read as the subject: a
        # subject does not open with "and"; the noun phrase right before the cue, after a comma, is the source
        nearest = _nominal_start(cue.doc, cue.start)
        if nearest < cue.start and cue.doc[nearest - 1].text == ",":
            source = Span(cue.doc, nearest, cue.start)
    named = _name_right_before(cue)
    if source is not None and named is not None and source.end == named.start - 1:
        source = Span(cue.doc, source.start, named.end)  # "Malaysia's Prime Minister, Najib Razak said"
    elif source is not None and named is not None and source.end < named.start:
        source = named  # "In an interview last summer with The Herald, LaRue said": the name next to the cue
    while source is not None and len(source) > 1 and source[0].tag_ in {"CC", "IN"}:
        source = source[1:]  # "… and the home crowd anxious to see …", "and for those cynics who think": not "and for"
    if source is not None and all(t.lower_ in _TIME_WORDS or t.is_punct or t.tag_ == "DT" for t in source):
        # "Thursday" parsed as the subject of ", arguing": the participle continues the verb it hangs on
        continued = _verb_source(head.head) if _trailing(head) and head.head.i < head.i else None
        source = continued or _subject_before(cue) or source
    return source


#: Words that open a finite predicate: what follows a subject once the attribution set off inside it ends.
_PREDICATE_OPENERS = frozenset(
    "is are was were has have had will would could can may might should must does do did".split()
)


def _parenthetical(cue: Span) -> tuple[Span | None, Span] | None:
    """ "The plan, the minister said, will cost …", "The grants, said Mauer, are …", "The bridge, according to
    the mayor, will reopen …": an attribution set off by commas between a subject and its predicate, which the
    parse hangs in many wrong places. The content is the sentence around it, read off the word order (a claim
    is one span of the text, so the attribution inside stays in it)."""
    doc = cue.doc
    sentence = cue[0].sent
    # the commas around the cue, each within five words of it
    left = next((i for i in range(cue.start - 1, max(sentence.start, cue.start - 6) - 1, -1) if doc[i].text == ","), -1)
    right = next((i for i in range(cue.end, min(sentence.end, cue.end + 6)) if doc[i].text == ","), -1)
    if left < 0 or right < 0 or right + 1 >= sentence.end:
        return None
    subject = [t for t in doc[sentence.start : left] if not t.is_punct]
    if not subject or len(subject) > 10 or any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in subject):
        return None
    if not any(t.tag_.startswith(("NN", "PRP")) for t in subject):
        return None
    following = doc[right + 1]
    if following.tag_ not in {"MD", "VBZ", "VBP", "VBD"} and following.lower_ not in _PREDICATE_OPENERS:
        return None
    if cue.label_ == "source" or cue.start == left + 1:  # "according to the mayor", "said Mauer"
        start = end = cue.end
        while end < right and (doc[end].tag_ in _NOMINAL_TAGS or doc[end].lower_ in {"of", "for"}):
            end += 1
    else:  # "the minister said (on Monday)"
        start, end = left + 1, cue.start
        if any(t.tag_.startswith("VB") for t in doc[start:end]):
            return None
    if end == start or not any(t.tag_.startswith(("NN", "PRP")) for t in doc[start:end]):
        return None
    source = Span(doc, start, end)
    content = _tidy(doc, doc[sentence.start : sentence.end])
    return (source, content) if content is not None else None


def _passive(verb: Token) -> bool:
    labels = {c.dep_ for c in verb.children}
    if labels & {"aux:pass", "auxpass"}:
        return True
    if not labels & {"nsubj:pass", "nsubjpass"} or "nsubj" in labels:
        return False  # a plain subject too: "C, the agency Interfax reported" with C's subject hung on the cue
    # A subject labelled passive needs a "be" or "get" to be one: "Tehran has repeatedly denied …", "The central
    # bank warned on Thursday that …", "“C,” the leader told reporters" are active verbs the parse mislabelled.
    return any(c.dep_ == "aux" and c.lower_ in _PASSIVE_AUXILIARIES for c in verb.children)


_PASSIVE_AUXILIARIES = frozenset("be is are was were been being am 's 're get gets got gotten getting".split())


def _contents(verb: Token, cue: Span, frame: str, cue_tokens: set[int]) -> Iterator[Span]:
    lemma = _cue_lemma(verb)
    doc = verb.doc
    if lemma in lex.OBJECT_CONTENT_LEMMAS and cue.end < len(doc) and _opens_noun_phrase(doc[cue.end]):
        # "announced their successful takeover of …": the object, read off the word order (the parse of long
        # news objects is where it errs most); "announced today that C" is C
        start = _past_time_words(doc, cue.end, len(doc) - 1)
        if start > cue.end and doc[start].text == "(":
            # "announced today (4 November 2011) that C": the date in brackets is the day's too
            start = next((t.i + 1 for t in doc[start:] if t.text == ")"), start)
        whole = _rest_of_sentence(doc, start + 1 if start > cue.end and doc[start].lower_ == "that" else cue.end)
        if whole is not None:
            yield whole
            return
    lead_in = _quote_after(verb, colon_only=True)
    if lead_in is not None and any(t.is_space for t in verb.doc[verb.i : lead_in.start]):
        # "X tweeted using his account:" and the quoted paragraph after it: the parse hangs the quote's
        # sentences on the cue in pieces; the quote is the content
        yield lead_in
        return
    complements = _complements(verb, cue, frame, lemma, cue_tokens)
    if complements:
        yield from _outermost(complements)
        return
    quoted = _quote_after(verb)
    if quoted is not None:
        yield quoted
        return
    # "I mean, C" / "I think C": a first-person cue opening the sentence, hung on the clause it introduces.
    opening = _first_person_opening(verb)
    if opening is not None:
        yield opening
        return
    # "C, X said" / "“C,” said X": the cue hangs from the clause it reports, after a comma or a quote.
    head = verb.head
    doc = verb.doc
    edge = verb.left_edge.i
    if (
        verb.dep_ in {"parataxis", "ccomp", "dep", "conj"}
        and lemma not in lex.INFINITIVE_ONLY_LEMMAS  # "X said Y, who …, offered a show of remorse": no "C, Y offered"
        and not _object_of_its_own(verb, lemma)
        and head.i < verb.i
        and edge > 0
        and (doc[edge - 1].text in _EDGE_PUNCT or _opens_with_its_comma(verb))
        and not _bare_cue(head, verb, cue_tokens)
    ):
        span = _inverted_span(head, verb)
        if span is not None:
            yield span
            return
    # Where the parse gives the cue no complement (it misattached the clause), the word order still does:
    # a "that" right after the cue, past a recipient or an adverbial, opens its content whatever the frame.
    that_clause = _that_clause_after(verb)
    if that_clause is not None:
        yield that_clause
        return
    if frame != "speech" and lemma not in lex.LOOSE_BELIEF_LEMMAS:
        closing = _closing_cue_content(verb) if frame == "stance" and verb.tag_ in _FINITE else None
        if closing is not None and any(t.tag_ in _FINITE for t in closing):
            yield closing  # "C, argued the NRDC.", "C, the minister insisted."
        return
    span = _closing_cue_content(verb)
    if lemma in lex.CLAUSE_ONLY_SPEECH_LEMMAS:
        # a clause the parse cut in two is a clause all the same (", adding [nothing] suggests a motive")
        cut = any(c.dep_ in {"obj", "dobj"} and _subject_misparsed_as_object(c) for c in verb.rights)
        span = span or (_right_clause(verb) if cut else None)
        if span is not None:
            yield span
        return
    # An object before a clause is a clause misparsed ("said its hospital … had received …"), except the
    # recipient of "told".
    has_subject = _subject_before_verb(verb)
    recipients = [c for c in verb.rights if c.dep_ in {"obj", "dobj", "iobj"}] if lemma == "tell" else []
    if span is None and (has_subject or frame == "speech") and not recipients:
        span = _right_clause(verb)
    elif span is None and len(recipients) == 1 and _recipient_then_clause(recipients[0]):
        span = _right_clause(verb, recipients[0].right_edge.i + 1)  # "told Reuters the deal could be signed …"
    if span is not None:
        yield span


def _outermost(spans: list[Span]) -> list[Span]:
    """The spans not inside another one (of two equal spans, the first). "we felt the main focus was that we want
    C": the parse hangs the inner "that" clause on the cue as well; a content inside another of the same cue is
    part of it, not a second report."""
    return [
        span
        for i, span in enumerate(spans)
        if not any(
            o.start <= span.start and span.end <= o.end and (len(o) > len(span) or j < i)
            for j, o in enumerate(spans)
            if j != i
        )
    ]


def _complements(verb: Token, cue: Span, frame: str, lemma: str, cue_tokens: set[int]) -> list[Span]:
    """The contents the tree gives a cue verb: its complement clause, a set-off quote hanging from it, an
    infinitive (intent, request) or the object of an object-content cue."""
    spans: list[Span] = []
    clause_after = False
    # "Speaking for the parents, X said that C": with a clause after the cue, one before it is an adverbial
    # the parse took for a complement
    later = any(c.dep_ in _CLAUSE_DEPS and c.i > verb.i for c in verb.children)
    # ... unless it is a quote: in "“C,” X said as police rode past" the clause after the cue is the adverbial
    quoted_before = later and any(c.dep_ in _CLAUSE_DEPS and c.i < verb.i and _quoted(c) for c in verb.children)
    for child in verb.children:
        if later and child.dep_ in _CLAUSE_DEPS and (child.i > verb.i if quoted_before else child.i < verb.i):
            continue
        if child.i < verb.i and _bare_cue(child, verb, cue_tokens):
            continue  # "You see, the rebels are protesting": "You see" reports the clause, it is not its content
        if child.i in cue_tokens and child.lower_ in lex.TRAILING_PARTICIPLES:
            continue  # ", adding …" is a claim of its own
        dep = child.dep_
        span: Span | None = None
        orphan = child.i in cue_tokens and not any(g.dep_ in _SUBJECTS for g in child.children)
        if orphan and child.i > verb.i and dep in {"parataxis", "conj", "dep"}:
            continue  # "Kaine, who has criticized the deal, says C": the sentence's own cue, hung on the wrong verb
        # a parataxis after the cue is content when it is a clause (not ", a mother of three" after a name)
        # (nor ", who was running …", a relative clause on the object that the parse hung on the cue)
        paratactic = dep == "parataxis" and child.i > verb.i and _clausal(child) and not _relative(child)
        # "speculates the deal is worth $160 million" with the clause read as a relative clause of the verb
        paratactic = paratactic or (
            dep == "acl:relcl" and child.i > verb.i and _clausal(child) and _is_verb(verb) and not _relative(child)
        )
        # a "clause" that is a prepositional phrase (", in the same room where …" after "“C,” X said") is none
        clause = (
            dep in _CLAUSE_DEPS
            and not _said_by_whom(child)
            and not _prepositional_phrase(child)
            and not _adverbial_clause(child)
        )
        if lemma in lex.INFINITIVE_ONLY_LEMMAS:
            # "Police offered almost no details about the arrests and the chief declined …" with "declined" read
            # as a complement clause of "offered": these verbs report only what their "to" clause says
            clause = paratactic = False
        if clause or paratactic or _finite_xcomp(child, verb) or _finite_conjunct(child, verb):
            joined = _clause_span(child, cue_tokens) if spans and child.left_edge.i == spans[-1].end else None
            if clause_after and child.i > verb.i and joined is not None:
                # "said it had shot down [35 drones launched overnight]" cut into two clauses: one content
                spans[-1] = Span(verb.doc, spans[-1].start, joined.end)
                continue
            if clause_after and child.i > verb.i:
                continue  # "I said C, he said D, he drove off": the cue's clause is the first after it
            clause_after = child.i > verb.i
            span = _clause_content(verb, child, lemma, cue_tokens)
        elif (dep in {"parataxis", "dep"} or _quoted(child)) and child.i < verb.i and _set_off(child, verb):
            span = _clause_span(child, cue_tokens)  # "“C,” said X" with C hanging from the cue
        elif ((dep == "xcomp" and _verbal(child)) or _infinitive_right_after(verb, child)) and _infinitive_content(
            frame, lemma
        ):
            span = _within_cue_clause(verb, _rest_of_sentence(verb.doc, child.left_edge.i))
        elif dep in _GERUND_DEPS and child.i == cue.end and _gerund_content(child, frame, lemma):
            span = _rest_of_sentence(verb.doc, child.i)  # "Witnesses reported hearing explosions", "denied knowing"
        elif frame == "evidence" and child.i > verb.i and _participle_of(child) is not None:
            span = _rest_of_sentence(verb.doc, cue.end)  # "polls show Clinton leading by five points"
        elif dep in {"obj", "dobj"}:
            span = _object_content(verb, child, cue, frame, lemma)
        elif dep == "obl" and cue.end > verb.i + 1 and child.i >= cue.end:
            span = _clause_span(child, cue_tokens)  # "called for X": the object of the phrasal cue's preposition
            if span is not None and span.start < cue.end < span.end:
                span = _tidy(verb.doc, verb.doc[cue.end : span.end])  # the cue's "for" is not content
            if span is not None and spans and spans[-1].end == span.start and spans[-1].start >= cue.end:
                # "called for an inquiry into the shooting", the parse hanging both on the cue: one content
                span = Span(verb.doc, spans.pop().start, span.end)
        if span is not None:
            spans.append(span)
    return spans


def _quoted(clause: Token) -> bool:
    """Whether a clause before its cue opens with a quote mark that closes before the cue."""
    doc = clause.doc
    start = clause.left_edge.i
    opens = doc[start].text in _OPENING or (start > 0 and doc[start - 1].text in _OPENING)
    return opens and any(t.text in _CLOSING for t in doc[start + 1 : clause.head.i])


def _opens_with_its_comma(verb: Token) -> bool:
    """ "C,” Judge X said" / "C, she says, and D" with the comma (and the closing quote) before the cue's subject
    hung on the cue itself: the cue is set off all the same."""
    doc = verb.doc
    edge = verb.left_edge.i
    if doc[edge].text not in {",", "”"} or edge + 1 >= verb.i:
        return False
    if doc[edge + 1].text == "”":
        return True
    return any(c.dep_ in _SUBJECTS and c.i < verb.i and c.left_edge.i == edge + 1 for c in verb.children)


def _clause_content(verb: Token, clause: Token, lemma: str, cue_tokens: set[int]) -> Span | None:
    """A complement clause of the cue as content, with what the parse hung on the cue instead of on it."""
    span = _clause_span(clause, cue_tokens)
    if span is None:
        return None
    if clause.i > verb.i:
        span = _with_stray_tail(verb, span)
    else:
        # "C, killing [at least 12 people], the coast guard said" with the number hung on the cue as a second
        # subject: the content runs on to the comma before the cue's own subject
        closing = _closing_cue_content(verb)
        if closing is not None and closing.start <= span.start < span.end < closing.end:
            span = Span(verb.doc, span.start, closing.end)
    subject = _object_as_subject(verb, clause, lemma)
    if subject is not None:
        return _tidy(verb.doc, verb.doc[subject.left_edge.i : span.end], complementizer=True)
    after = _after_recipient_read_as_subject(verb, clause, lemma)
    if after is not None:
        return _tidy(verb.doc, verb.doc[after : span.end], complementizer=True)
    return span


def _after_recipient_read_as_subject(verb: Token, clause: Token, lemma: str) -> int | None:
    """Where the content starts past a recipient the parse read as the clause's subject, right after a telling
    cue: "told the Associated Press they heard gunfire" (two subjects: the first is who was told), "told me Katie
    was coming" (an object pronoun), "told Reuters one of the victims was pregnant" (a name with the real subject
    hung under it)."""
    if lemma not in lex.RECIPIENT_LEMMAS:
        return None
    subjects = [c for c in clause.children if c.dep_ in _SUBJECTS and c.i < clause.i]
    if not subjects or subjects[0].left_edge.i != verb.i + 1:
        return None
    first = subjects[0]
    if len(subjects) > 1:
        return first.right_edge.i + 1
    if first.lower_ in _RECIPIENT_PRONOUNS:
        return first.i + 1
    name_end = _proper_name_end(verb.doc, first.i + 1)
    if first.tag_ in _PROPER_TAGS and name_end <= first.right_edge.i and _opens_noun_phrase(verb.doc[name_end]):
        return name_end
    return None


def _object_content(verb: Token, obj: Token, cue: Span, frame: str, lemma: str) -> Span | None:
    """What a cue's direct object gives as content, by the cue's frame and lemma."""
    doc = verb.doc
    if _infinitive_content(frame, lemma):
        infinitive = _to_infinitive(obj)
        if infinitive is None and lemma in _PLEA_LEMMAS:
            infinitive = _to_clause_after(verb, obj)
        return _rest_of_sentence(doc, infinitive.left_edge.i) if infinitive is not None else None  # "urged X to"
    if frame in {"evidence", "belief"} and _subject_misparsed_as_object(obj):
        return _rest_of_sentence(doc, cue.end)  # "a poll found only a quarter of citizens favoured C"
    if lemma in lex.OBJECT_CONTENT_LEMMAS and obj.i > verb.i:
        return _rest_of_sentence(doc, cue.end)
    if lemma in lex.FIGURE_OBJECT_LEMMAS and obj.i > verb.i:
        whole = _rest_of_sentence(doc, cue.end)
        return whole if whole is not None and any(t.like_num for t in whole) else None
    return None


_GERUND_DEPS = frozenset(["xcomp", "ccomp", "obj", "advcl"])  # "denied seeking" has been read as all four

#: Gerunds after a cue that say how it was said, not what: "tweeted using his account:", "said speaking …".
_MANNER_GERUNDS = frozenset(["using", "speaking", "writing", "talking", "referring", "responding", "replying"])


def _gerund_content(gerund: Token, frame: str, lemma: str) -> bool:
    """A gerund object that is what the cue reports: "reported hearing", "denied knowing", "recalled seeing" (not
    "considered changing", "anticipated having": GUM counts none of those; not "tweeted using his account:")."""
    if gerund.tag_ != "VBG" or gerund.lower_ in _MANNER_GERUNDS or gerund.lower_ in lex.TRAILING_PARTICIPLES:
        return False
    return frame in {"speech", "stance"} or lemma in {"remember", "recall"}


def _clausal(token: Token) -> bool:
    """A verb, or a predicate with a copula or a subject: a clause, not a bare noun phrase."""
    return _is_verb(token) or any(c.dep_ == "cop" or c.dep_ in _SUBJECTS for c in token.children)


def _relative(clause: Token) -> bool:
    """Whether a clause opens with a relative pronoun as its subject (", who was …", ", which had …")."""
    first = next((t for t in clause.subtree if not t.is_punct), clause)
    return first.lower_ in {"who", "which"} and first.head.i == clause.i and first.dep_ in _SUBJECTS


def _prepositional_phrase(token: Token) -> bool:
    """A noun with a preposition of its own and no verb, copula or subject: a phrase, whatever its label."""
    return _is_noun(token) and any(c.dep_ == "case" for c in token.lefts) and not _clausal(token)


def _adverbial_clause(clause: Token) -> bool:
    """ "“C,” police said once Gray had been hit": a clause opened by a subordinator of time or cause that hangs on
    the clause's own head says when or why, not what ("said when he arrived, the door was open" hangs "when" on
    "arrived", and its content stays)."""
    first = next((t for t in clause.subtree if not t.is_punct), clause)
    return first.lower_ in _ADVERBIAL_SUBORDINATORS and first.head.i == clause.i


_ADVERBIAL_SUBORDINATORS = frozenset(
    ["once", "when", "after", "before", "because", "since", "until", "unless", "although", "though", "whereas"]
)


def _said_by_whom(clause: Token) -> bool:
    """A clause whose subject is "who": "“C,” said X, who said D" with D's cue parsed as the first cue's
    complement is a claim of its own ("…, which can lead to …" after a dash still carries the content on)."""
    return any(c.dep_ in _SUBJECTS and c.lower_ == "who" for c in clause.children)


def _finite_conjunct(child: Token, verb: Token) -> bool:
    """ "insisted [the debt problems in Spain] had nothing to do with Greece" parsed with "had" as a conjunct of the
    cue: a finite conjunct with no subject and no conjunction of its own, right after the cue's object, is the rest
    of a clause cut in two."""
    if child.dep_ != "conj" or child.i < verb.i or child.tag_ not in _FINITE:
        return False
    if any(c.dep_ in _SUBJECTS or c.dep_ == "cc" for c in child.children):
        return False
    objects = [c for c in verb.children if c.dep_ in {"obj", "dobj"} and verb.i < c.i < child.i]
    # (", incorporate …" after a comma is a list of coordinated predicates)
    return bool(objects) and objects[-1].right_edge.i + 1 == child.left_edge.i and not child.left_edge.is_punct


def _finite_xcomp(child: Token, verb: Token) -> bool:
    """ "insisted the bill would pass" parsed as an xcomp "would pass" with "the bill" as object: a complement
    with a modal or a finite auxiliary of its own is a clause, whatever the label."""
    if child.dep_ != "xcomp" or child.i < verb.i:
        return False
    return any(c.dep_ in {"aux", "aux:pass"} and c.tag_ in _FINITE for c in child.children)


def _subject_misparsed_as_object(obj: Token) -> bool:
    """An object after the cue followed at once by a finite verb: the subject of a complement clause that the
    parse cut in two ("found [only a quarter of citizens] favoured changing the flag")."""
    doc = obj.doc
    after = obj.right_edge.i + 1
    return obj.i > obj.head.i and after < len(doc) and doc[after].tag_ in _FINITE and doc[after].head.i != obj.i


def _with_stray_tail(verb: Token, span: Span) -> Span:
    """ "said Sunday that he expects a vote next week" with "week" hung on "said": words that close the sentence
    right after the content and hang on the cue belong to the content (the cue's own adverbials come before it)."""
    doc = verb.doc
    end = span.end
    for child in verb.rights:
        if child.i >= end and child.left_edge.i == end and child.dep_ in _STRAY_TAIL_DEPS:
            end = child.right_edge.i + 1
    if end == span.end or not (all(t.is_punct for t in doc[end:]) or _comment_follows(doc, end)):
        return span
    return Span(doc, span.start, end)


def _comment_follows(doc: Doc, at: int) -> bool:
    """ ", a claim that could not be verified" right at `at`: the content has ended there."""
    return (
        at + 2 < len(doc)
        and doc[at].text == ","
        and doc[at + 1].lower_ in {"a", "an"}
        and doc[at + 2].lower_ in lex.COMMENT_NOUNS
    )


# an object too: "said it had shot down [35 drones]" with the number hung on "said" (a cue with a clause has
# no object of its own after it)
_STRAY_TAIL_DEPS = frozenset(["obl", "obl:unmarked", "obl:tmod", "obl:npmod", "advmod", "nmod", "obj", "dobj"])


def _infinitive_right_after(verb: Token, child: Token) -> bool:
    """ "claimed to have inflicted …" parsed as an adverbial clause: a "to" clause that starts right after the
    cue is its complement all the same (a purpose clause comes after an object or a comma)."""
    return (
        child.dep_ in {"advcl", "obl", "dep"}  # "threatened to strike" with "strike" an oblique
        and child.left_edge.i == verb.i + 1
        and verb.doc[verb.i + 1].lower_ == "to"
        and any(c.dep_ == "mark" and c.lower_ == "to" for c in child.children)
    )


def _object_as_subject(verb: Token, clause: Token, lemma: str) -> Token | None:
    """ "believe the measure will lower prices" parsed with "the measure" as the cue's object: an object right
    before the cue's clause, which has no subject of its own, is that clause's subject (not a recipient: "told
    reporters it was over")."""
    if clause.i < verb.i or any(c.dep_ in _SUBJECTS for c in clause.children):
        return None
    for child in verb.children:
        # the parse also calls such a subject an adverbial ("insisted [the bill] would pass" as advmod)
        misread = child.dep_ in {"advmod", "obl:npmod", "npadvmod", "dep"} and _is_noun(child)
        # "The paper said [Nichols], who …, offered …" with a second subject of the cue after it
        misread = misread or (child.dep_ in _SUBJECTS and _is_noun(child) and _subject_before_verb(verb))
        if (
            (child.dep_ in {"obj", "dobj"} or misread)
            and verb.i < child.i < clause.i
            and _set_off_gap(verb, child.right_edge.i + 1, clause.left_edge.i)
            # "told reporters it was over": who is told; "warned young voters would rise up": a modal or a finite
            # verb right after the object makes it the clause's subject
            and (lemma not in lex.RECIPIENT_LEMMAS or verb.doc[child.right_edge.i + 1].tag_ in _FINITE)
        ):
            return child
    return None


def _object_of_its_own(verb: Token, lemma: str) -> bool:
    """ "C — you could feel the building shaking": a cue with an object after it (not who is told, as in "C, he told
    reporters") has what it reports or perceives there; it does not report the clause before it."""
    return lemma not in lex.RECIPIENT_LEMMAS and any(c.dep_ in {"obj", "dobj"} and c.i > verb.i for c in verb.children)


def _subject_read_as_object(verb: Token) -> Span | None:
    """ "Police say [a man outside the store] told him to stop": a cue in the clause another cue reports, whose
    subject the parse made the outer cue's object, is said by that object."""
    outer = verb.head
    if verb.dep_ not in _CLAUSE_DEPS or outer.i == verb.i or outer.lower_ not in lex.CUE_VERB_FORMS:
        return None
    subject = _object_as_subject(outer, verb, _cue_lemma(outer))
    return _noun_phrase(subject) if subject is not None else None


def _subject_before_verb(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS and c.i < verb.i for c in verb.children)


def _set_off_gap(verb: Token, start: int, end: int) -> bool:
    """Whether tokens `start`..`end` are nothing or a phrase set off by commas that the parse hung on the cue:
    "say [66-year-old Ann Lee], of Burnsville, was killed" with "of Burnsville" an oblique of "say"."""
    if start == end:
        return True
    gap = verb.doc[start:end]
    if len(gap) < 3 or gap[0].text != "," or gap[-1].text != ",":
        return False
    return all(t.head.i == verb.i or start <= t.head.i < end for t in gap)


def _participle_of(child: Token) -> Token | None:
    """The participle that says what an evidence verb's object is doing ("show Clinton leading"), as the verb's
    xcomp or hung on the object."""
    if child.dep_ == "xcomp" and child.tag_ == "VBG":
        return child
    if child.dep_ in {"obj", "dobj", "iobj"}:
        return next((c for c in child.rights if c.dep_ in {"acl", "xcomp"} and c.tag_ == "VBG"), None)
    return None


def _to_infinitive(noun: Token) -> Token | None:
    """The to-infinitive the parse hung on a cue's object ("urged voters to reject": "reject" as the noun's acl)."""
    for child in noun.rights:
        if child.dep_ == "acl" and any(g.dep_ == "mark" and g.lower_ == "to" for g in child.lefts):
            return child
    return None


#: Request cues whose "to" clause is a plea someone voiced ("urged parliament to pass …"); "ordered troops to
#: withdraw", "asked them to leave" report acts (our dev sets count them no claims).
_PLEA_LEMMAS = frozenset(["urge", "encourage", "advise", "recommend", "implore", "beg", "press", "appeal", "petition"])


def _to_clause_after(verb: Token, obj: Token) -> Token | None:
    """ "urged parliament to quickly pass …" with the "to" clause hung on the cue (as an adverbial): the clause
    that opens with "to" right after the object."""
    after = obj.right_edge.i + 1
    for child in verb.rights:
        if child.left_edge.i == after and verb.doc[after].lower_ == "to" and _is_verb(child):
            return child
    return None


def _closing_cue_content(verb: Token) -> Span | None:
    """ "C, researchers say.", "“C,” said the coach.": a cue and its subject close the sentence after a comma or
    a closing quote, followed by at most a short adverbial ("on Tuesday"); the content is all before. Read from
    the word order, so a parse that hangs the clause elsewhere does not lose it."""
    doc = verb.doc
    tail = doc[verb.i + 1 :]
    for t in tail:  # "…, the military said, citing …": a participle clause of its own may follow
        if t.i > verb.i + 1 and doc[t.i - 1].text == "," and t.lower_ in lex.TRAILING_PARTICIPLES:
            tail = doc[verb.i + 1 : t.i]
            break
    rest = [t for t in tail if not t.is_punct]
    # "…, he said in an interview with The Sun Herald, a Biloxi newspaper.": after "said" a longer phrase
    where = bool(rest) and rest[0].tag_ == "IN" and _cue_lemma(verb) in _SAYING
    if len(rest) > (12 if where else 6) or any(_is_verb(t) or t.lower_ in {"that", "whether"} for t in rest):
        return None
    # the subject's first word: the parse may hang the comma before it on the subject (", a statement … said")
    subjects = [next((t.i for t in c.subtree if not t.is_punct), c.i) for c in verb.lefts if c.dep_ in _SUBJECTS]
    for edge in (*subjects[-1:], _described_name_start(doc, verb.i), _nominal_start(doc, verb.i)):
        if edge > 0 and doc[edge - 1].text in {",", "”", '"', "—", "–"}:
            before = _tidy(doc, doc[0:edge], complementizer=True)
            # "Harbour Fire & Rescue, along with the county brigade, responded.": a phrase with no verb that is
            # not quoted is the subject, not what was said ("“Outrageous,” she said." is quoted)
            quoted = any(t.text in _QUOTES for t in doc[0:edge])
            return before if before is None or quoted or any(_clausal(t) for t in before) else None
    # "It was a mistake I think.": a first-person belief closing the sentence needs no comma
    pronoun = verb.i > 2 and doc[verb.i - 1].lower_ in {"i", "we"} and not rest
    if pronoun and verb.lower_ in lex.CUE_VERB_FORMS and lex.CUE_VERB_FORMS[verb.lower_][1] == "belief":
        return _tidy(doc, doc[0 : verb.i - 1], complementizer=True)
    return None


_SAYING = frozenset(["say", "tell", "add", "write"])


def _described_name_start(doc: Doc, end: int) -> int:
    """ "C, the regional governor, Taras Melnyk, said": where the description before a name between commas
    starts, so that neither is content (`end` itself when the words before it are not of that shape)."""
    if end < 2 or doc[end - 1].text != ",":
        return end
    name_start = _nominal_start(doc, end - 1)
    if name_start == end - 1 or name_start < 2 or doc[name_start - 1].text != ",":
        return end
    description_start = _nominal_start(doc, name_start - 1)
    if description_start == name_start - 1 or doc[description_start].tag_ != "DT":
        return end
    return description_start


def _nominal_start(doc: Doc, end: int) -> int:
    """Start of the run of noun-phrase words right before `end` (`end` itself when there is none)."""
    start = end
    while start > 0 and (doc[start - 1].tag_ in _NOMINAL_TAGS or doc[start - 1].lower_ in {"of", "for"}):
        start -= 1
    while start < end and doc[start].tag_ in {"CC", "POS", "HYPH"}:
        start += 1
    return start


def _subject_after(cue: Span) -> Span | None:
    """ "…,” said the coach.": the noun phrase right after a closing cue."""
    doc = cue.doc
    end = cue.end
    while end < len(doc) and (doc[end].tag_ in _NOMINAL_TAGS or doc[end].lower_ in {"of", "for"}):
        end += 1
    rest = doc[end:]
    # ", a local teacher." after the name is its apposition; a finite verb after it ("…, said X, who was …")
    # or anything else means the noun phrase is not the sentence's last: not an inverted subject.
    apposition = len(rest) > 1 and rest[0].text == "," and not any(t.tag_ in _FINITE for t in rest)
    if cue[0].tag_ == "VBG" or not (apposition or all(t.is_punct for t in rest)):
        return None  # only a noun phrase that closes the sentence (or its apposition) is an inverted subject
    words = doc[cue.end : end]
    if not any(t.tag_.startswith(("NN", "PRP")) for t in words):
        return None
    return _tidy(doc, words) if end - cue.end > 1 else Span(doc, cue.end, end)


def _name_after_quote(cue: Span) -> Span | None:
    """ "“C,” Jim Stone, chief of the fire service, told the paper": the name between the closing quote and the
    comma before the cue, whatever the parse made of it (it hangs the cue on the quote's verb as a conjunct)."""
    doc = cue.doc
    comma = cue.start - 1
    if comma < 2 or doc[comma].text != ",":
        return None
    quote = next((j for j in range(comma - 1, max(-1, comma - 30), -1) if doc[j].text in _CLOSING + _OPENING), None)
    if quote is None or doc[quote].text not in _CLOSING or doc[quote - 1].text not in {",", "!", "?"}:
        return None
    between = doc[quote + 1 : comma]
    if not between or any(_is_verb(t) for t in between):
        return None
    end = next((t.i for t in between if t.text == ","), comma)
    name = doc[quote + 1 : end]
    if not name or not all(t.tag_ in _NOMINAL_TAGS or t.tag_ == "DT" for t in name) or name[-1].tag_ == "DT":
        return None
    return name


_PROPER_TAGS = frozenset(["NNP", "NNPS"])


def _proper_name_start(doc: Doc, end: int) -> int:
    """Start of the run of proper-noun words that ends at `end` (`end` itself when there is none)."""
    start = end
    while start > 0 and doc[start - 1].tag_ in _PROPER_TAGS:
        start -= 1
    return start


def _proper_name_end(doc: Doc, start: int) -> int:
    """End of the run of proper-noun words that starts at `start` (`start` itself when there is none)."""
    end = start
    while end < len(doc) and doc[end].tag_ in _PROPER_TAGS:
        end += 1
    return end


def _name_right_before(cue: Span) -> Span | None:
    """A proper name that ends right before the cue and starts right after a comma ("…, LaRue said"), perhaps
    after an age ("…, 25-year-old Guzel said")."""
    doc = cue.doc
    start = _proper_name_start(doc, cue.start)
    edge = start
    while edge > 0 and doc[edge - 1].tag_ in {"CD", "HYPH", "NN", "JJ"} and start - edge < 5:
        edge -= 1
    if start == cue.start or edge == 0 or doc[edge - 1].text != ",":
        return None
    return Span(doc, start, cue.start)


def _antecedent(who: Token) -> Span | None:
    """The name a "who" follows: "said Rosa Vidal (D-Leeds), who said …" → "Rosa Vidal"."""
    doc = who.doc
    i = who.i
    if i == 0 or doc[i - 1].text != ",":
        return None
    i -= 1
    if i > 0 and doc[i - 1].text == ")":
        while i > 0 and doc[i - 1].text != "(":
            i -= 1
        i -= 1  # before the "("
    start = _nominal_start(doc, i)
    if start == i or not any(t.tag_ in {"NNP", "NNPS"} for t in doc[start:i]):
        return None
    return Span(doc, start, i)


def _inverted_subject(cue: Span) -> Span | None:
    """ "C, said Officer Ray Lee." with a word of C parsed as the cue's subject as well: a finite cue right after
    a comma or a closing quote, with a noun phrase that closes the sentence after it, has that subject."""
    doc = cue.doc
    if cue.start == 0 or doc[cue.start - 1].text not in {",", "”", '"'} or cue[0].tag_ not in _FINITE:
        return None
    # after a comma the parse has to see a subject after the cue too ("The union, which …, announced a strike");
    # after a quote it may call it an object ("…,” said coordinator Lena Moe")
    quote = doc[cue.start - 1].text != ","
    # after a comma too when the cue takes no object of its own ("…, argued the NRDC." with NRDC read as one)
    lemma = _cue_lemma(cue[0])
    objectless = lemma not in lex.OBJECT_CONTENT_LEMMAS and lemma not in lex.RECIPIENT_LEMMAS
    if quote or objectless or any(c.dep_ in _SUBJECTS and c.i >= cue.end for c in cue[0].children):
        found = _subject_after(cue)
        if found is not None:
            return found
    # "“C,” said Ana Ruiz, 45, who owns the shop", "said Chair Rosa Vidal (D-Leeds), who said …": the name of two
    # words or more that follows the cue, without what is set off after it
    end = _proper_name_end(doc, cue.end)
    if end - cue.end < 2 or end == len(doc) or doc[end].text not in {",", "(", "."}:
        return None
    return Span(doc, cue.end, end)


def _set_off(child: Token, verb: Token) -> bool:
    """A clause before its cue, set off by a comma or a closing quote ("C," he said)."""
    doc = verb.doc
    between: list[Token] = list(doc[child.right_edge.i + 1 : verb.left_edge.i]) if child.right_edge.i < verb.i else []
    return any(t.text in {",", "”", '"', "—", "–"} for t in between) or (
        child.right_edge.i + 1 < len(verb.doc) and verb.doc[child.right_edge.i].text in {",", "”", '"'}
    )


_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])


def _that_clause_after(verb: Token) -> Span | None:
    """ "told reporters that C", "argued in court filings that C": the clause after a complementizer "that"
    within a few words of the cue, with no other verb between, read off the word order."""
    doc = verb.doc
    for i in range(verb.i + 1, min(verb.sent.end, verb.i + 9)):
        token = doc[i]
        if token.lower_ == "that" and _complementizer(token):
            if doc[i - 1].lower_ in lex.CUE_NOUNS or doc[i - 1].lower_ in _CLAIM_NOUNS:
                # "said the idea that C is ridiculous": the "that" is the noun's; the object is what was said
                return _rest_of_sentence(doc, _nominal_start(doc, i))
            tokens = list(doc[i + 1 : verb.sent.end])
            if any(t.tag_ in _FINITE for t in tokens):
                return _tidy(doc, _cut_comment(tokens), complementizer=True)
            return None
        # a "verb" in a noun's role is a mistagged noun ("in court filings" with "filings" tagged VBZ, "told a
        # House hearing that …")
        gerund_noun = token.tag_ == "VBG" and doc[i - 1].tag_ in {"DT", "NNP", "NN", "JJ"}
        if _is_verb(token) and token.dep_ not in _NOMINAL_DEPS and not gerund_noun:
            return None
        if token.text in {";", ":", "“", '"'}:
            return None
    return None


_NOMINAL_DEPS = frozenset(["obl", "nmod", "obj", "iobj", "compound", "obl:tmod", "obl:npmod"])
#: Nouns that take a "that" clause of their own ("the idea that", "the fact that"), beyond the cue nouns.
_CLAIM_NOUNS = frozenset(["idea", "fact", "notion", "view", "possibility", "prospect", "suggestion", "news"])


def _first_person_opening(verb: Token) -> Span | None:
    """ "I mean there happens to be no other alliance", "I mean, these things are hard to predict": "I" and the cue
    open the sentence and the parse hangs the cue on the clause after it; that clause is the content."""
    doc = verb.doc
    head = verb.head
    if head.i <= verb.i or verb.dep_ not in {"parataxis", "discourse", "ccomp", "dep"}:
        return None
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if len(subjects) != 1 or subjects[0].lower_ not in {"i", "we"} or subjects[0].i != verb.sent.start:
        return None
    if any(not (c.is_punct or c.dep_ in _BARE_CUE_DEPS) for c in verb.children):
        return None
    return _tidy(doc, [t for t in head.subtree if t.i > verb.right_edge.i], complementizer=True)


def _bare_cue(cue: Token, verb: Token, cue_tokens: set[int]) -> bool:
    """ "You see, the rebels are protesting …": `cue` is a cue word with nothing but its subject (and adverbs,
    punctuation, and `verb` when the parse hangs the clause on it), which reports the clause around `verb`; it is
    no content of a cue in that clause, whichever of the two the parse made the head."""
    if cue.i not in cue_tokens:
        return False
    return all(c.i == verb.i or c.is_punct or c.dep_ in _BARE_CUE_DEPS for c in cue.children)


_BARE_CUE_DEPS = frozenset(["advmod", "discourse", *_SUBJECTS])


_OBJECT_PRONOUNS = frozenset(["me", "you", "him", "her", "us", "them"])
#: Object pronouns that are never a subject or a possessive too: "told me Katie …" ("told her son …" is not).
_RECIPIENT_PRONOUNS = _OBJECT_PRONOUNS - {"you", "her"}


def _recipient_then_clause(recipient: Token) -> bool:
    """ "told Reuters the deal …", "told him the deal …": a named or personal recipient with a clause right after
    it (not "tells something and …", "telling jokes, do you …")."""
    doc = recipient.doc
    after = recipient.right_edge.i + 1
    if after >= len(doc) or doc[after].is_punct or _is_verb(doc[after]) or doc[after].lower_ in {"and", "or", "but"}:
        return False
    return recipient.tag_ in {"NNP", "NNPS", "NNS"} or recipient.lower_ in _OBJECT_PRONOUNS


def _right_clause(verb: Token, start: int = 0) -> Span | None:
    """The rest of the sentence after the cue (or from `start`), when it holds a finite verb: a clause the parse
    misattached. A recipient or an adverbial before a "that" ("told reporters that", "said on Monday that") is
    not content."""
    doc = verb.doc
    start = max(start, verb.i + 1)
    for i in range(start, min(len(doc), start + 9)):  # "told LA Weekly in a statement that …"
        if doc[i].lower_ == "that" and _complementizer(doc[i]):
            start = i + 1
            break
        if _is_verb(doc[i]):
            break
    # The finite verb must be in what is left once a coordinated cue is cut off: in "tweeted to Mohamed and
    # said C" the clause is "said"'s, and "to Mohamed" is no content.
    tokens = _cut_comment(list(doc[start : verb.sent.end]))
    # a predicate with a subject is finite whatever its tag ("demonstrators prevented …" with "prevented" as JJ)
    if not any(t.tag_ in _FINITE or any(c.dep_ in _SUBJECTS for c in t.children) for t in tokens):
        return None
    return _tidy(verb.doc, tokens, complementizer=True)


def _opens_noun_phrase(token: Token) -> bool:
    return token.tag_ in {"DT", "PRP$", "JJ", "CD", "NN", "NNS", "NNP", "NNPS"} and token.lower_ != "that"


#: Words that open another clause after a comma: the content read off the word order ends before them.
_CLAUSE_BREAKS = frozenset(["but", "while", "whereas", "although", "though"])


def _rest_of_sentence(doc: Doc, start: int) -> Span | None:
    """An object content read off the word order: from `start` to the end of the sentence, up to a clause
    break (";", ", but …", ", while …") or a comment. The object's subtree would do with a right parse; news
    sentences are long, and the parse of their objects is where it errs most ("takeover" taken for an adverb)."""
    tokens: list[Token] = []
    for token in doc[start:]:
        if token.text == ";" or (tokens and tokens[-1].text == "," and token.lower_ in _CLAUSE_BREAKS):
            break
        if tokens and tokens[-1].text == "," and token.lower_ == "and" and _new_clause(doc, token.i + 1):
            break  # "confirmed the report, and the secret was out": another clause, with a subject of its own
        tokens.append(token)
    return _tidy(doc, _cut_comment(tokens), complementizer=True)


def _new_clause(doc: Doc, start: int) -> bool:
    """Whether a clause with a subject of its own opens at `start`: a finite verb within a few words whose subject
    lies between."""
    for j in range(start, min(len(doc), start + 8)):
        if doc[j].text in {",", ";"}:
            return False
        if doc[j].tag_ in _FINITE:
            # an auxiliary or a copula: the subject hangs on the predicate it serves
            head = doc[j].head if doc[j].dep_ in {"aux", "aux:pass", "cop"} else doc[j]
            return any(c.dep_ in _SUBJECTS and start <= c.i < j for c in head.children)
    return False


def _right_side(verb: Token, start: int) -> list[Token]:
    """The verb's dependents from `start` on: its object and what carries it on ("accused X of Y"), up to a
    comment (", showcasing …") or a participle cue of its own (", adding …")."""
    tokens: list[Token] = []
    for child in verb.rights:
        if child.right_edge.i < start:
            continue
        dep = child.dep_
        carried = dep in {"obj", "dobj", "iobj", "xcomp", "ccomp"} or (
            dep in {"obl", "nmod", "advcl"} and any(g.lower_ in lex.OBJECT_CONTINUATIONS for g in child.lefts)
        )
        # ", causing damage …", ", leaving …": what the reported act did is part of the report
        carried = carried or (dep == "advcl" and child.tag_ == "VBG" and bool(tokens))
        if not carried and not (dep == "punct" and tokens):
            break
        tokens.extend(t for t in child.subtree if t.i >= start)
    return _cut_comment(tokens)


def _cut_comment(tokens: list[Token]) -> list[Token]:
    """A content ends before a comment on it (", showcasing …", ", a claim that …"), a participle cue of its
    own (", adding …"), or another cue verb coordinated after it ("… and accused the army of …")."""
    for index in range(1, len(tokens)):
        word, before = tokens[index], tokens[index - 1]
        participle = word.lower_ in lex.COMMENTARY_PARTICIPLES or word.lower_ in lex.TRAILING_PARTICIPLES
        if before.text == "," and participle:
            return tokens[: index - 1]
        comment = index + 2 < len(tokens) and word.lower_ in {"a", "an"}
        comment = comment and tokens[index + 1].lower_ in lex.COMMENT_NOUNS
        if before.text == "," and comment:  # ", a claim that …", ", a charge officials denied"
            return tokens[: index - 1]
        if before.text == "," and word.lower_ in _CLAUSE_BREAKS and _reports_again(tokens[index + 1 :]):
            return tokens[: index - 1]  # "C, while supporters say D": D is another claim, not part of C
        coordinated = before.lower_ in {"and", "but"} and word.lower_ in lex.CUE_VERB_FORMS and _verb_role(word)
        if coordinated and not any(c.dep_ in _SUBJECTS for c in word.children):
            return tokens[: index - 1]
    return tokens


def _reports_again(tokens: list[Token]) -> bool:
    """Whether a stretch holds a cue verb with a subject of its own (a claim of its own)."""
    return any(
        t.lower_ in lex.CUE_VERB_FORMS and _is_verb(t) and any(c.dep_ in _SUBJECTS for c in t.children) for t in tokens
    )


def _quote_after(verb: Token, colon_only: bool = False) -> Span | None:
    """ "declared through a message on Telegram, “…”", "said: “…”": a quote opened after a comma or colon."""
    doc = verb.doc
    end = len(doc)  # the Doc is one sentence of the splitter; the parse may cut a quote into several
    for i in range(verb.i + 1, min(end, verb.i + 12)):
        token = doc[i]
        before = i - 1
        while before > verb.i and doc[before].is_space:
            before -= 1  # "wrote:" and the quote in the next paragraph
        marks = {":"} if colon_only else {",", ":", "—", "–", "-"}
        if token.text in {"“", '"'} and doc[before].text in marks:
            close = next((j for j in range(i + 1, end) if doc[j].text in {"”", '"'}), end)
            return _tidy(doc, doc[i + 1 : close])
        if _is_verb(token) and token.lower_ in lex.CUE_VERB_FORMS:
            return None
    return None


def _within_cue_clause(verb: Token, span: Span | None) -> Span | None:
    """A "to" content read off the word order ends with the cue's own clause: "Ortiz, who had hoped to become a
    detective, had worked …" (the relative clause ends at its comma) and "pledged to ensure security, rebuffing
    calls for …" (the participle hung on the cue is what the subject did, not what it pledged)."""
    if span is None:
        return None
    # (not "What I wish to emphasize is that C": a pseudo-cleft's "what" clause runs on into C)
    relative = verb.dep_ in _RELATIVE_DEPS and verb.head.lower_ != "what"
    end = min(span.end, verb.right_edge.i + 1) if relative else span.end
    for child in verb.rights:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.i > span.start and verb.doc[child.i - 1].text == ",":
            end = min(end, child.i - 1)
    return _tidy(verb.doc, verb.doc[span.start : end]) if end < span.end else span


def _verbal(xcomp: Token) -> bool:
    """An open complement that is a verb ("plans to hold"), not an adjective or a noun: "offered Teixeira a deal
    worth $140 million" with "worth" read as the xcomp is no plan."""
    return _is_verb(xcomp) or any(c.dep_ == "mark" and c.lower_ == "to" for c in xcomp.children)


def _infinitive_content(frame: str, lemma: str) -> bool:
    return frame in lex.INFINITIVE_CONTENT_FRAMES or lemma in lex.INFINITIVE_CONTENT_LEMMAS


def _prepositional(cue: Span) -> Iterator[tuple[Span | None, Span]]:
    """ "According to X, C" / "C, according to X" / "C, citing X": X is the source; the content is the clause the
    phrase hangs from, without the phrase (the rest of the sentence when the parse gives no such clause)."""
    doc = cue.doc
    if cue[0].lower_ in lex.SOURCE_PARTICIPLES:
        objects = [c for c in cue[0].children if c.dep_ in {"obj", "dobj"}]
        source = _noun_phrase(objects[0]) if objects else None
        phrase_root = cue[0]
    else:
        source = _object_after(cue)
        phrase_root = source.root if source is not None else cue[0]
    if source is None:
        return
    if phrase_root.head.i == phrase_root.i:
        # "According to X, C" parsed with X as the root: its subtree is the whole sentence, the phrase is not
        phrase = set(range(cue.start, source.end))
    else:
        phrase = {t.i for t in phrase_root.subtree} | set(range(cue.start, source.end))
    sentence = cue.sent
    last = sentence.end - 1
    while last > source.end and doc[last].is_punct:
        last -= 1
    clause_after = any(any(c.dep_ in _SUBJECTS for c in t.children) for t in doc[cue.end : last + 1])
    if cue.start > sentence.start and not clause_after:
        # "C, as reported by X.": the phrase closes the sentence, the content is all before it
        content = _tidy(doc, [t for t in sentence if t.i < cue.start], complementizer=True)
        if content is not None:
            yield source, content
        return
    # "According to a posting made a day ago, C": the phrase runs to its comma, whatever hangs where
    comma = next((t.i for t in doc[source.end : source.end + 15] if t.text == ","), None)
    if comma is not None:
        phrase |= set(range(source.end, comma + 1))
    clause = phrase_root.head
    while clause.i in phrase and clause.head.i != clause.i:
        clause = clause.head
    if clause.i in phrase:
        tokens = [t for t in cue.sent if t.i not in phrase]
    else:
        tokens = [t for t in clause.subtree if t.i not in phrase]
    content = _longest_run(doc, tokens)
    if content is not None:
        yield source, content


def _longest_run(doc: Doc, tokens: list[Token]) -> Span | None:
    """The longest contiguous run of `tokens` (gaps of punctuation bridged), tidied."""
    runs: list[list[Token]] = []
    for token in sorted(tokens, key=lambda t: t.i):
        if runs and all(doc[j].is_punct for j in range(runs[-1][-1].i + 1, token.i)):
            runs[-1].append(token)
        else:
            runs.append([token])
    best: Span | None = None
    for run in runs:
        span = _tidy(doc, run, complementizer=True)
        if span is not None and (best is None or len(span) > len(best)):
            best = span
    return best


def _object_after(cue: Span) -> Span | None:
    """The noun phrase right after a prepositional cue: the highest noun over the next word within that phrase."""
    doc = cue.doc
    if cue.end >= len(doc):
        return None
    noun = doc[cue.end]
    for _ in range(8):
        head = noun.head
        if head.i == noun.i or head.i < cue.end or not (_is_noun(head) or head.tag_ == "PRP"):
            break
        noun = head
    return _noun_phrase(noun)


def _verb_source(verb: Token) -> Span | None:
    """The subject of a cue verb, or of the verb it continues, or the agent of a passive one."""
    continued = False  # reached from a trailing participle (", stating …")
    verb = _second_report_of(verb) or verb
    for step in range(6):
        passive = _passive(verb)
        agent = _agent(verb) if passive else None
        if agent is not None:
            return _noun_phrase(agent)
        if passive and step > 0 and (verb.lower_ in lex.CUE_VERB_FORMS or continued):
            # "the senator was quoted as saying C": who is quoted says it; "the suspect was detained, claiming C"
            subjects = [c for c in verb.children if c.dep_ in {"nsubj:pass", "nsubjpass"}]
            if subjects:
                return _noun_phrase(subjects[0])
        if not passive:
            # the subject nearest the verb: a "subject" with a preposition ("Amid these developments, …") or one
            # before another is an adverbial the parse misread
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.dep_ != "csubj" and not _has_case(c)]
            before = [c for c in subjects if c.i < verb.i]
            relative = verb.dep_ in _RELATIVE_DEPS and _is_noun(verb.head) and verb.head.i < verb.i
            if before and relative and before[-1].lower_ in {"which", "that", "who"}:
                return _noun_phrase(verb.head, without=verb)  # "the agency, which said …": the agency
            if before:
                return _with_appositive_name(_subject_phrase(before), verb)
            if subjects and verb.tag_ != "VBG":  # ", alleging their attempts …": no subject after a participle
                return _noun_phrase(subjects[0])
            # "It claimed to have …": a pronoun the parse took for an expletive is the active cue's subject
            expletive = [c for c in verb.lefts if c.dep_ == "expl" and c.tag_ == "PRP"]
            if expletive and not subjects and verb.lower_ in lex.CUE_VERB_FORMS:
                return Span(verb.doc, expletive[0].i, expletive[0].i + 1)
            inverted = verb.head.i < verb.i and verb.dep_ in {"parataxis", "ccomp"} and verb.tag_ != "VBG"
            objects = [c for c in verb.rights if c.dep_ in {"obj", "dobj", "dep"}]
            closing = objects and all(t.is_punct for t in verb.doc[objects[0].right_edge.i + 1 :])
            if inverted and closing:
                return _noun_phrase(objects[0])  # "“C,” said the coach": a subject after its verb
        if verb.dep_ in _RELATIVE_DEPS and _is_noun(verb.head):
            return _noun_phrase(verb.head, without=verb)
        if verb.dep_ in {"amod", "compound", "obj", "nmod"} and verb.head.i != verb.i:
            verb = verb.head  # a cue the parse took for a modifier ("has further claimed responsibility")
            continue
        if _trailing(verb) and verb.head.i < verb.i and not passive:
            # ", alleging …": whatever the parse calls it, it continues the sentence's subject; hung inside what
            # a cue reports ("said that the bridge would reopen, adding …"), it continues the reporter
            verb = _reporting_ancestor(verb) or _outside_that_clause(verb.head)
            continued = True
            continue
        if passive or verb.dep_ not in _CONTROL_DEPS or verb.head.i == verb.i:
            return None
        if verb.dep_ == "advcl" and verb.tag_ not in {"VBG", "VB"}:
            return None  # "as X said": a finite adverbial clause has a subject of its own or none
        head = verb.head
        infinitive = verb.tag_ == "VB" and any(c.dep_ == "mark" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ == "xcomp" or (infinitive and head.lower_ in lex.OBJECT_CONTROL_FORMS):
            controller = [c for c in head.children if c.dep_ in {"obj", "dobj", "iobj"} and c.i < verb.i]
            if controller:
                return _noun_phrase(controller[0])  # "prompting the Kremlin to announce": object control
        verb = head
    return None


_QUOTE_FORMS = frozenset(lex.verb_forms("quote"))


def _second_report_of(verb: Token) -> Token | None:
    """ "X said C could never be predicted, but added that D" with "added" parsed as a conjunct inside C: a cue
    with no subject of its own after a comma and a conjunction continues the cue that reports C."""
    doc = verb.doc
    if verb.dep_ != "conj" or verb.i < 2 or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    if doc[verb.i - 1].lower_ not in {"but", "and"} or doc[verb.i - 2].text != ",":
        return None
    reporter = _reporting_ancestor(verb)
    return reporter if reporter is not None and reporter.i != verb.head.i else None


def _quoting_verb(verb: Token) -> Token | None:
    """The "quoted" of "quoted X as saying", "was quoted by Y as saying", when `verb` is the "saying"."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].lower_ != "as":
        return None
    return next(
        (doc[i] for i in range(verb.i - 2, max(verb.sent.start, verb.i - 10) - 1, -1) if doc[i].lower_ in _QUOTE_FORMS),
        None,
    )


def _quoted_as(verb: Token) -> Span | None:
    """ "The agency quoted [a senior official] as saying C": who is quoted, when `verb` is the "saying"; for "X was
    quoted (by Y) as saying C", X, the subject."""
    quoting = _quoting_verb(verb)
    if quoting is None:
        return None
    doc = verb.doc
    if quoting.i > 0 and doc[quoting.i - 1].lower_ in {"was", "were", "is", "are", "been", "being", "be"}:
        subjects = [c for c in quoting.children if c.dep_ in _SUBJECTS]
        return _noun_phrase(subjects[0]) if subjects else _subject_before(Span(doc, quoting.i - 1, quoting.i + 1))
    return _tidy(doc, doc[quoting.i + 1 : verb.i - 1]) if quoting.i + 1 < verb.i - 1 else None


def _relays_a_quote(verb: Token) -> bool:
    """ "quoted X as saying C": the quoting verb relays X's claim (the claim is X's, with "saying" as its cue)."""
    doc = verb.doc
    if verb.lower_ not in _QUOTE_FORMS:
        return False
    window = doc[verb.i + 2 : min(len(doc), verb.i + 12)]
    return any(t.lower_ == "as" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in lex.CUE_VERB_FORMS for t in window)


def _holder_of_state(word: Token) -> Span | None:
    """ "Secularist groups are concerned [that] C" with "concerned" parsed as a passive: the subject holds it."""
    if word.lower_ not in lex.CUE_ADJECTIVES:
        return None
    subjects = [c for c in word.children if c.dep_ in {"nsubj:pass", "nsubjpass"}]
    return _noun_phrase(subjects[0]) if subjects else None


def _still_to_come(verb: Token) -> bool:
    """ "The president is expected to announce …": a cue in "to" form under a word of the future."""
    doc = verb.doc
    return (
        verb.i > 1
        and doc[verb.i - 1].lower_ == "to"
        and doc[verb.i - 2].lower_ in lex.FUTURE_GOVERNORS
    )


def _trailing(verb: Token) -> bool:
    """ ", alleging …", "” adding …": a participle that continues the sentence before it."""
    return verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text in {",", "”", '"'}


def _outside_that_clause(verb: Token) -> Token:
    """The verb whose sentence a trailing participle hung on `verb` continues: not a "that" clause's verb ("officials
    tried to calm fears that the crisis was spreading, insisting …": the officials insist, not the crisis)."""
    while verb.head.i != verb.i and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        verb = verb.head
    return verb


def _reporting_ancestor(verb: Token) -> Token | None:
    """The nearest cue verb above `verb` in the tree, if any."""
    cues = {cue.start for cue in verb.doc.spans["cues"] if cue.label_ != "source"}
    return next((a for a in verb.ancestors if a.i in cues and _is_verb(a)), None)


def _name_parsed_as_head(verb: Token) -> Span | None:
    """ "Cynthia Thompson, curator of …, said, …", "The senator, speaking on CNN, said …": a long apposition or
    participle makes the parse hang the verb from the name (as a list item or a conjunct) or the name from the
    verb (as a clause), so the noun phrase that opens the sentence is the subject."""
    opening = [verb.head] if verb.head.i < verb.i and verb.dep_ in {"list", "conj", "parataxis", "appos", "dep"} else []
    opening += [c for c in verb.lefts if c.dep_ in {"ccomp", "dep", "parataxis"}]
    for noun in opening:
        if noun.tag_ in {"NNP", "NNPS", "NN", "NNS"} and noun.left_edge.i == noun.sent.start + noun.sent[0].is_punct:
            return _noun_phrase(noun)
    return None


def _with_appositive_name(phrase: Span | None, verb: Token) -> Span | None:
    """ "Its leader, Markus Vogel, said": a name between commas right before the verb joins a common-noun
    subject, whether or not the parse made it an apposition."""
    # a common noun, or a capitalised title after a determiner ("The Minister, Ilse Dragan, said")
    titled = phrase is not None and len(phrase) <= 3 and phrase[0].tag_ in {"DT", "PRP$"}
    if phrase is None or not (phrase.root.is_lower or titled):
        return phrase
    doc = phrase.doc
    i = phrase.end
    if i >= verb.i or doc[i].text != ",":
        return phrase
    j = i + 1
    while j < verb.i and doc[j].tag_ == "NN" and doc[j].is_lower:
        j += 1  # a title before the name: "Her son, actor Luis Lamas, tweeted"
    names = j
    while j < verb.i and doc[j].tag_ in {"NNP", "NNPS", "HYPH"}:
        j += 1
    if (
        j > names
        and j < verb.i
        and doc[j].text == ","
        and all(doc[k].lower_ in lex.AUXILIARIES or doc[k].tag_.startswith("RB") for k in range(j + 1, verb.i))
    ):
        return Span(doc, phrase.start, j)
    return phrase


def _subject_phrase(subjects: list[Token]) -> Span | None:
    """The nearest subject's noun phrase, joined with subjects right before it: a name the parse split into
    several subjects ("Medecins Sans Frontieres said")."""
    if len(subjects) >= 2 and _apposition_of(subjects[-2], subjects[-1]):
        return _noun_phrase(subjects[-2])  # "Mr Smith, a former minister, said": the name, not its description
    if len(subjects) >= 2 and _description_after(subjects[-2], subjects[-1]):
        return _noun_phrase(subjects[-2])  # "The senator, a Republican from Texas, said": not the description
    name = _name_before_description(subjects[-1])
    if name is not None:
        return name
    phrase = _noun_phrase(subjects[-1])
    # Indices, not reversed(): mypyc (where spaCy's types are Any) fails on reversed() over them.
    for index in range(len(subjects) - 2, -1, -1):
        earlier = subjects[index]
        if phrase is None or earlier.right_edge.i + 1 != phrase.start or phrase.doc[phrase.start - 1].is_punct:
            break
        joined = _noun_phrase(earlier)
        if joined is None:
            break
        phrase = Span(phrase.doc, joined.start, phrase.end)
    return phrase


def _name_before_description(subject: Token) -> Span | None:
    """ "Ana Ruiz, spokeswoman for the port authority, said" parsed with the name as a modifier of "spokeswoman":
    a run of proper nouns opening the subject, then a comma, is the name the description describes."""
    doc = subject.doc
    if subject.tag_ not in {"NN", "NNS"}:
        return None
    start = subject.left_edge.i
    end = start
    while end < subject.i and doc[end].tag_ in {"NNP", "NNPS"}:
        end += 1
    if end == start or end >= subject.i or doc[end].text != ",":
        return None
    if not all(doc[k].head.i in {subject.i, *range(start, end)} for k in range(start, end)):
        return None
    return Span(doc, start, end)


def _description_after(subject: Token, description: Token) -> bool:
    """Whether `description` is an indefinite noun phrase set off by commas right after `subject` ("The senator,
    a Republican from Texas, said"), which the parse made a second subject."""
    doc = subject.doc
    _, subject_last = _word_edges(subject)
    first, last = _word_edges(description)
    return (
        subject_last + 1 < first
        and doc[subject_last + 1].text == ","
        and doc[first].lower_ in {"a", "an"}
        and last + 1 < len(doc)
        and doc[last + 1].text == ","
    )


def _apposition_of(name: Token, description: Token) -> bool:
    """Whether `description` is a common-noun phrase set off by commas right after the proper name `name`, which
    the parse made two subjects of one verb."""
    doc = name.doc
    _, name_last = _word_edges(name)
    first, last = _word_edges(description)
    comma, after = name_last + 1, last + 1
    return (
        name.tag_ in {"NNP", "NNPS"}
        and description.tag_ in {"NN", "NNS"}
        and comma < first
        and after < len(doc)
        and doc[comma].text == ","
        and doc[after].text == ","
        and all(t.is_punct for t in doc[comma:first])
    )


def _word_edges(token: Token) -> tuple[int, int]:
    """The first and last word of the token's phrase, punctuation left out (the parse hangs commas anywhere)."""
    words = [t.i for t in token.subtree if not t.is_punct] or [token.i]
    return words[0], words[-1]


def _has_case(noun: Token) -> bool:
    # "As X told Y, …": the parse often hangs a clause-opening "as" on the subject as its case
    return any(c.dep_ == "case" and c.tag_ == "IN" and c.lower_ != "as" for c in noun.lefts)


_NOMINAL_TAGS = frozenset(["DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "PRP", "PRP$", "CD", "HYPH", "CC"])


_BOUNDARIES = frozenset([",", "“", "”", '"', ";", ":"])


def _subject_before(cue: Span) -> Span | None:
    """When the parse gives a cue verb no subject: the noun phrase right before it (past auxiliaries and
    adverbs: "has further claimed") back to the last comma ("In May 2023, the Legion claimed …"), or the one
    before a parenthetical between commas ("This group, which consists of …, has claimed …")."""
    doc = cue.doc
    end = cue.start
    while end > 0 and (doc[end - 1].tag_ in {"RB", "RBR", "JJR", "MD"} or doc[end - 1].lower_ in lex.AUXILIARIES):
        end -= 1
    span = _nominal_before(doc, end)
    if span is None and end > 0 and doc[end - 1].text == ",":
        opening = next((i for i in range(end - 2, max(-1, end - 40), -1) if doc[i].text == ","), None)
        name = _name_set_off_before(cue)
        if name is not None:
            return name  # "…, the regional governor, Taras Melnyk, said": the name, not its description
        if opening is not None:
            span = _nominal_before(doc, opening)
    return span


def _name_set_off_before(cue: Span) -> Span | None:
    """ "…, the regional governor, Taras Melnyk, said": a proper name between commas right before a cue with no
    subject of its own, after a description (the parse hangs both anywhere, the cue often on the verb before)."""
    doc = cue.doc
    if any(c.dep_ in _SUBJECTS for c in cue[0].children):
        return None
    end = cue.start
    if end < 3 or doc[end - 1].text != ",":
        return None
    start = _proper_name_start(doc, end - 1)
    if start == end - 1 or _described_name_start(doc, end) == end:
        return None
    return Span(doc, start, end - 1)


#: Determiners that stand alone as a subject: "Some speculated that …", "Many believe …".
_PRONOMINAL_DETERMINERS = frozenset(["some", "many", "most", "few", "several", "both", "all", "others"])


def _nominal_before(doc: Doc, end: int) -> Span | None:
    start = _nominal_start(doc, end)
    pronominal = end - start == 1 and doc[start].lower_ in _PRONOMINAL_DETERMINERS
    if start == end or not (pronominal or any(doc[i].tag_.startswith(("NN", "PRP")) for i in range(start, end))):
        return None
    return Span(doc, start, end) if start == 0 or doc[start - 1].text in _BOUNDARIES else None


def _agent(verb: Token) -> Token | None:
    """The "by X" of a passive cue: its agent, or the first "by" right after it when the parse hangs it lower."""
    for child in verb.children:
        if child.dep_ in _AGENT_DEPS or (child.dep_ == "obl" and any(g.lower_ == "by" for g in child.children)):
            return child
    doc = verb.doc
    for i in range(verb.i + 1, min(verb.sent.end - 1, verb.i + 6)):
        if doc[i].lower_ == "by" and doc[i].head.i > i:
            return doc[i].head
    return None


def _passive_content(verb: Token, agent: Token) -> Span | None:
    """ "the previous crash being attributed to Ukraine by Russia": the passive clause up to its agent."""
    anchor = verb
    if verb.dep_ in _RELATIVE_DEPS:
        anchor = verb.head
    else:
        subjects = [c for c in verb.children if c.dep_ in {"nsubj:pass", "nsubjpass"}]
        anchor = subjects[0] if subjects else verb
    doc = verb.doc
    start = min(anchor.left_edge.i, verb.i)
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.tag_ == "IN" and before.dep_ == "mark" and before.head.i == verb.i:
        # "the previous occurrence in January over Belgorod being attributed to Ukraine by Russia", parsed with
        # "over" opening the clause: the noun phrase it follows is what is attributed
        start = _phrase_before(doc, start - 1)
    while start < verb.i and (doc[start].dep_ in {"case", "mark", "cc"} or doc[start].is_punct):
        start += 1
    end = agent.left_edge.i
    if all(t.i <= verb.i or t.is_punct or t.dep_ in {"advmod", "mark"} for t in doc[verb.i + 1 : end]):
        return None  # "X was described by Y", "she was invited by …": nothing but the cue is reported
    return _tidy(doc, doc[start:end])


def _phrase_before(doc: Doc, end: int) -> int:
    """Start of the noun phrase, with its prepositional modifiers, that ends at `end` ("the previous occurrence
    in January"), back to a comma or a clause-level preposition ("with", "after")."""
    start = end
    while start > 0:
        token = doc[start - 1]
        if token.is_punct or token.lower_ in {"with", "after", "before", "while", "as", "since"}:
            break
        if not (token.tag_ in _NOMINAL_TAGS or token.tag_ in {"IN", "DT", "JJ", "PRP$", "CD", "POS"}):
            break
        start -= 1
    return start if any(doc[i].tag_.startswith("NN") for i in range(start, end)) else end


def _noun_at_root(noun: Token) -> bool:
    """ "The minister's claim that C was met with …": a cue noun at the root with a that-clause and no subject but
    a possessor is a noun ("The ministry reports that C" tagged as a noun has a plain subject: a verb)."""
    if noun.lower_ not in lex.CUE_NOUNS or _that_clause(noun) is None:
        return False
    return all(_possessive(c) for c in noun.children if c.dep_ in _SUBJECTS)


def _possessive(token: Token) -> bool:
    if token.dep_ in {"nmod:poss", "poss"}:
        return True
    return any(c.dep_ == "case" and c.lower_ in {"'s", "’s", "'"} for c in token.children)


def _noun_source(noun: Token) -> Span | None:
    """ "his claim that", "a statement by X", "X made the claim that": who holds the noun cue's content."""
    for child in noun.children:
        if _possessive(child) and child.i < noun.i:
            return _noun_phrase(child)
        if child.dep_ in {"nmod", "obl"} and any(g.lower_ in {"by", "from", "of"} for g in child.children):
            return _noun_phrase(child)
    # "X made / repeated / issued the claim that": X holds it; "X rejected (undermined) claims that": X does not
    holding = noun.head.lower_ in lex.CUE_VERB_FORMS or noun.head.lower_ in _HOLDING_VERBS
    if noun.dep_ in {"obj", "dobj", "nsubj:pass"} and _is_verb(noun.head) and holding:
        return _verb_source(noun.head)
    return None


#: Verbs whose subject holds the claim, belief or warning that is their object.
_HOLDING_VERBS = frozenset(
    form
    for lemma in "make issue repeat voice express share raise publish release give put have".split()
    for form in (*lex.verb_forms(lemma), "made", "gave", "given", "put", "had", "has")
)


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight weekend january february "
    "march april may june july august september october november december".split()
)


def _noun_phrase(token: Token, without: Token | None = None) -> Span | None:
    """The noun phrase headed by `token`: its modifiers, not its clauses; a name in apposition joins it."""
    doc = token.doc
    start, end = token.i, token.i + 1
    for child in token.lefts:
        skipped = without is not None and child.i == without.i
        if child.dep_ not in _NOT_IN_NAME and child.dep_ not in {"case", "fixed", "mark"} and not skipped:
            start = min(start, child.left_edge.i)
    for child in token.rights:
        if (without is not None and child.i == without.i) or child.dep_ in _NOT_IN_NAME:
            break
        if child.lower_ in _TIME_WORDS and all(c.lower_ in {"on", "in", "at"} for c in child.lefts if c.dep_ == "case"):
            break  # "The Supreme Court on Wednesday struck down …": the day is the verb's ("posts from Friday" keep it)
        if child.dep_ == "appos" and not (token.is_lower and child.text[:1].isupper()):
            break
        end = max(end, child.right_edge.i + 1)
    for i in range(token.i - 1, start - 1, -1):
        if doc[i].text in {",", ";", ":", "—", "–"}:
            start = i + 1  # a leading adverbial ("Amid these developments, …") is not the name
            break
    for i in range(token.i + 1, end):
        if doc[i].text in {",", ";", ":", "—", "–", "("}:
            end = i  # what follows a comma is an apposition or a clause, not the name
            break
    while start < end and (doc[start].is_punct or doc[start].text in _QUOTES):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in _QUOTES):
        end -= 1
    return Span(doc, start, end) if end > start else None


def _clause_span(head: Token, cue_tokens: set[int]) -> Span | None:
    """The subtree of a content clause without its complementizer, framing punctuation or quote marks;
    a trailing participle cue (", adding …") or comment (", showcasing …") inside it ends it. An adverbial
    the parse put before the complementizer ("said on Tuesday that …") is not content."""
    tokens = list(head.subtree)
    for index, token in enumerate(tokens[:8]):
        if token.lower_ == "that" and token.dep_ == "mark" and token.head.i == head.i and index > 0:
            tokens = tokens[index:]
            break
    return _tidy(head.doc, _cut_comment(tokens), complementizer=True)


def _inverted_span(head: Token, cue: Token) -> Span | None:
    """ "C, X said": the clause `head` without the cue's own subtree; only the part before the cue. A subject the
    parse hung elsewhere ("C, the regional governor, Taras Melnyk, said") is not content either."""
    edge = cue.left_edge.i
    doc = head.doc
    described = _described_name_start(doc, edge)
    nominal = _nominal_start(doc, edge)
    if described < edge:
        edge = described
    elif 0 < nominal < edge and doc[nominal - 1].text in {",", "”", '"'}:
        edge = nominal
    tokens = [t for t in head.subtree if t.i < edge]
    return _tidy(head.doc, tokens, complementizer=True)


def _tidy(doc: Doc, tokens: Iterable[Token], complementizer: bool = False) -> Span | None:
    """The contiguous run of `tokens` from the first (gaps of punctuation bridged), trimmed of edge
    punctuation, quote marks and a leading "that"."""
    indices = sorted(t.i for t in tokens)
    if not indices:
        return None
    start, end = indices[0], indices[0] + 1
    for i in indices[1:]:
        if any(not doc[j].is_punct for j in range(end, i)):
            break
        end = i + 1
    while start < end and (doc[start].text in _EDGE_PUNCT or (complementizer and _complementizer(doc[start]))):
        start += 1
    while end > start and doc[end - 1].text in _EDGE_PUNCT:
        end -= 1
    if end - start < 2:
        return None
    return Span(doc, start, end)


def _complementizer(token: Token) -> bool:
    """A clause-opening "that": not the pronoun "that" as a subject ("that was wrong"), read off the next word
    rather than the label, which the parse gets wrong more often ("said that shelling damaged …")."""
    if token.lower_ != "that":
        return False
    if token.dep_ == "mark" and token.head.i > token.i + 1:
        return True  # "cautioned that risks remained" with "risks" tagged a verb: the label and head agree
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.tag_ not in _FINITE


@Language.factory("claimwire_cues", default_config={"frames": list(lex.ATTRIBUTION_FRAMES)})
def make_cue_finder(nlp: Language, name: str, frames: list[str]) -> CueFinder:
    """Factory of the cue component: its patterns are the lexicon's word lists of the given frames."""
    return CueFinder(nlp, frames)


@Language.factory("claimwire_attributions")
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinder:
    """Factory of the source-and-content component."""
    return AttributionFinder()


def attributions_of(doc: Doc, offset: int) -> list[Attribution]:
    """The Doc's attributions as character offsets into the text the Doc starts at `offset` of."""
    out: list[Attribution] = []
    found: list[tuple[Span, Span | None, Span]] = doc._.attributions or []
    # "“I wanted to see how I felt,” McDermott said": "felt" took "McDermott said" for its content; a content
    # that is no more than another attribution's source and cue reports nothing
    reporters = [
        (source.start, cue.start, cue.end)
        for cue, source, _ in found
        if source is not None and source.start < cue.start
    ]
    for cue, source, content in found:
        if _full_stop_between(cue, content):
            continue
        if any(start <= content.start <= verb < content.end <= end for start, verb, end in reporters):
            continue
        start = _past_time_words(content.doc, content.start, content.end - 2)
        if start > content.start and content.doc[start].text == "," and content.start >= cue.end:
            content = content.doc[start + 1 : content.end]  # "As X said Thursday, C": the day is the cue's
        elif start > content.start and content.start == cue.end and _opens_clause(content.doc[start : content.end]):
            content = content.doc[start : content.end]  # "said Tuesday it was overturning …"
        if source is not None and len(source) > 1 and source[-1].tag_ == "POS":
            source = source[:-1]  # "George Papandreou's insistence that …": Papandreou
        if source is not None and content.start < source.start < content.end <= cue.start:
            # "C,” X, who represents the area, said" with the quote opened a paragraph before: the parse ran the
            # content on over its own source; a content ends where the source that closes it begins
            content = _tidy(cue.doc, cue.doc[content.start : source.start]) or content
        out.append(
            Attribution(
                (offset + cue.start_char, offset + cue.end_char),
                None if source is None else (offset + source.start_char, offset + source.end_char),
                (offset + content.start_char, offset + content.end_char),
                cue.label_,
            )
        )
    return out


def _past_time_words(doc: Doc, start: int, stop: int) -> int:
    """The first index from `start` (before `stop`) that is not a day or a time word ("today", "Thursday")."""
    while start < stop and doc[start].lower_ in _TIME_WORDS:
        start += 1
    return start


def _opens_clause(span: Span) -> bool:
    """Whether a stretch opens with a subject and has a finite verb: "it was overturning …" (not "'s attack")."""
    return (
        len(span) > 1
        and span[0].tag_ in {"PRP", "DT", "NNP", "NNPS", "NN", "NNS", "CD"}
        and span[1].tag_ != "POS"
        and any(t.tag_ in _FINITE for t in span)
    )


def _full_stop_between(cue: Span, content: Span) -> bool:
    """Whether a sentence ends between the cue and its content: a Doc may hold several sentences (a quoted
    block), and the parse hangs one's verb on the next's ("“Nobody should doubt that. The deficit will
    shrink.”": "doubt" is not said of the deficit). "“C.” he said" is one sentence: its stop closes the quote."""
    doc = cue.doc
    gap = doc[cue.end : content.start] if content.start >= cue.end else doc[content.end : cue.start]
    for token in gap:
        if token.text in {".", "!", "?"}:
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is None or following.text not in _CLOSING + "’'":
                return True
    return False


# --- quotes --------------------------------------------------------------------------------------------------

_OPENING = '“"'
_CLOSING = '”"'
#: Longest run a quote left open adds to a content, in characters (a long quoted paragraph is ~1,500).
MAX_QUOTE_CHARS = 4000


def widen_to_quote(text: str, content: tuple[int, int], floor: int, ceiling: int) -> tuple[int, int]:
    """A content that opens a quote runs to the quote's end, and one that closes a quote starts at its opening:
    a quoted passage of several sentences is one content (the parse sees a sentence at a time).

    `floor` and `ceiling` bound the search (the paragraph): a quote never closed runs to its end, or
    MAX_QUOTE_CHARS past the content at most (a run of unbalanced quote marks must not make every claim after
    it megabytes long).
    """
    start, end = content
    ceiling = min(ceiling, end + MAX_QUOTE_CHARS)
    before = start
    while before > floor and text[before - 1] in " \t":
        before -= 1
    opened = before > floor and text[before - 1] in _OPENING
    after = end
    while after < ceiling and text[after] in " \t,.!?;:":
        after += 1
    closed = after < ceiling and text[after] in _CLOSING
    inner = text[start:end]
    if opened and not closed and not any(q in inner for q in _CLOSING if q != '"') and inner.count('"') % 2 == 0:
        mark = text[before - 1]
        close = text.find("”" if mark == "“" else '"', end, ceiling)
        stop = close if close != -1 else ceiling
        while stop > end and text[stop - 1] in " \t,;:.!?":
            stop -= 1
        return start, stop
    if closed and not opened and not any(q in inner for q in _OPENING if q != '"') and inner.count('"') % 2 == 0:
        mark = text[after]
        open_at = text.rfind("“" if mark == "”" else '"', floor, start)
        if open_at != -1:
            begin = open_at + 1
            while begin < start and text[begin] in " \t":
                begin += 1
            return begin, end
    return start, end
