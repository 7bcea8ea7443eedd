"""Word lists shared by the stages: reporting cues, hedges, commentary markers, entity heads.

Every list is general English news vocabulary, not phrases taken from any one article.
"""

import re

from ._text import Caseless

# --- attribution cues -------------------------------------------------------------------------------------
# Cue words by frame, kept as data: the attribution stage (_attribution.py) turns them into Matcher patterns and
# reads each cue's frame to decide which complements of the parse can be its content.

#: Cue verbs as lemmas, by frame. Every inflected form is a cue (`verb_forms`). Which frames yield attributions
#: is the cue component's `frames` setting (`ATTRIBUTION_FRAMES` by default).
CUE_VERBS: dict[str, str] = {
    "speech": "say tell announce state declare report claim allege add note write tweet comment explain reply "
    "respond counter answer testify disclose detail reiterate repeat remark recount mention assert proclaim "
    "inform brief predict forecast confirm quote cite accuse attribute exclaim quip joke shout yell scream retort "
    "thunder confess confide clarify specify elaborate underline underscore highlight swear assure reassure hint "
    "charge signal imply",
    "belief": "believe think feel suspect expect assume doubt fear hope reckon suppose guess know consider "
    "imagine realise realize recall remember understand worry anticipate speculate presume hypothesize "
    "hypothesise posit mean wonder",
    "evidence": "show find indicate suggest demonstrate prove conclude establish discover observe notice see hear "
    "learn reveal estimate rule",
    "stance": "insist argue reason maintain contend deny admit acknowledge concede agree disagree dispute stress "
    "emphasise emphasize warn caution recognise recognize affirm protest object guarantee ensure",
    "intent": "plan intend aim want seek vow pledge promise threaten decide propose offer wish prefer prepare refuse",
    "evaluation": "praise criticise criticize condemn welcome applaud denounce blame describe call label brand hail "
    "slam lament regret complain boast",
    "request": "urge ask demand request appeal encourage advise recommend order instruct invite implore beg press "
    "petition",
}

#: The frames whose cues make attributions by default: all of them. GUM's attribution layer leaves intent
#: ("plans to"), evaluation ("praised") and request ("urged") out (on GUM train these frames found 4 of its
#: attributions against 110 it does not count; dev linked F1 0.601 without them, 0.528 with, news 0.738 and
#: 0.735), but the held-out news annotation of issue 13 counts them as attributions (987 of its 2,192 gold
#: attributions on its dev half had such cues), and analysts read "the ministry plans to ..." as a claim.
ATTRIBUTION_FRAMES: tuple[str, ...] = ("speech", "belief", "evidence", "stance", "intent", "evaluation", "request")

#: Forms that a regular rule gets wrong (doubled consonants, irregular pasts), by lemma.
IRREGULAR_FORMS: dict[str, str] = {
    "say": "say said says saying",
    "tell": "tell told tells telling",
    "write": "write wrote written writes writing",
    "think": "think thought thinks thinking",
    "feel": "feel felt feels feeling",
    "know": "know knew known knows knowing",
    "understand": "understand understood understands understanding",
    "find": "find found finds finding",
    "show": "show showed shown shows showing",
    "seek": "seek sought seeks seeking",
    "prove": "prove proved proven proves proving",
    "admit": "admit admitted admits admitting",
    "regret": "regret regretted regrets regretting",
    "plan": "plan planned plans planning",
    "slam": "slam slammed slams slamming",
    "prefer": "prefer preferred prefers preferring",
    "beg": "beg begged begs begging",
    "commit": "commit committed commits committing",
    "forecast": "forecast forecasts forecasting forecasted",
    "quote": "quote quoted quotes quoting",
    "cite": "cite cited cites citing",
    "hear": "hear heard hears hearing",
    "see": "see saw seen sees seeing",
    "mean": "mean meant means meaning",
    "hypothesize": "hypothesize hypothesized hypothesizes hypothesizing",
}


def verb_forms(lemma: str) -> tuple[str, ...]:
    """The inflected forms of a cue verb: base, -s, -ed and -ing, by the regular spelling rules."""
    if lemma in IRREGULAR_FORMS:
        return tuple(IRREGULAR_FORMS[lemma].split())
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    plural = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"
    return lemma, plural, lemma + "ed", lemma + "ing"


#: Verbs whose object does what the following "to" clause says ("prompting the Kremlin to announce"): the
#: object, not the subject, is the speaker of a cue in that clause, whether the parse calls it xcomp or advcl.
OBJECT_CONTROL_FORMS = frozenset(
    [
        *(
            form
            for lemma in "prompt urge ask force cause persuade encourage allow order invite push pressure compel "
            "require spur tell press".split()
            for form in verb_forms(lemma)
        ),
        *"lead leads led leading drive drives drove driven driving".split(),
    ]
)


def _frames_of_forms() -> dict[str, tuple[str, str]]:
    """Every cue verb form → (lemma, frame); a verb in two frames keeps its first."""
    table: dict[str, tuple[str, str]] = {}
    for frame, lemmas in CUE_VERBS.items():
        for lemma in lemmas.split():
            for form in verb_forms(lemma):
                table.setdefault(form, (lemma, frame))
    return table


#: Each cue verb form with its lemma and frame ("warned" → ("warn", "stance")).
CUE_VERB_FORMS: dict[str, tuple[str, str]] = _frames_of_forms()

#: Cue verbs whose direct object can be the content ("announced a strike", "accused Russia of shelling").
#: Other cues need a clause: "denied the charges", "estimated the cost" are not attributions in GUM (train: 0 of 14).
OBJECT_CONTENT_LEMMAS: frozenset[str] = frozenset(
    "announce report claim allege confirm accuse attribute blame detail".split()
)

#: Cue verbs whose object is who is told, not what: "told reporters it was over".
RECIPIENT_LEMMAS: frozenset[str] = frozenset(
    "tell inform assure remind warn notify brief ask urge advise instruct order invite convince persuade".split()
)

#: Cue verbs whose direct object is the content when a number follows it: "estimated its loss at 2.4 million
#: crowns" is the estimator's figure (an analyst needs whose it is), "estimated the cost" alone is no report.
FIGURE_OBJECT_LEMMAS: frozenset[str] = frozenset(["estimate"])

#: Adjectives that take a that-clause as a belief: "I'm sure that …", "officials are confident that …".
CUE_ADJECTIVES: dict[str, str] = {
    word: "belief"
    for word in "sure certain confident convinced aware concerned worried afraid hopeful optimistic "
    "pessimistic adamant clear".split()
}

#: Belief verbs whose content may be read off the word order when the parse gives them no complement clause
#: ("X, I think."), like every speech verb. Others ("know", "see", "mean", "find") need the clause in the
#: tree: "you know", "I mean", "you see" are mostly discourse markers (GUM train: 30 of 34 such hits false).
LOOSE_BELIEF_LEMMAS: frozenset[str] = frozenset(
    "think believe suppose guess reckon hope fear suspect assume expect feel".split()
)

#: Speech verbs whose content is never "the rest of the sentence" when the tree gives none: "wrote a novel",
#: "wrote to his friends" are not reports (GUM train: linked F1 +0.009), nor "quoted critics like X", "cited
#: examples", "would respond militarily" (train 0.697 -> 0.701, dev 0.620 -> 0.623). Closing the sentence
#: they still are ("…, the governor wrote on Telegram."). "add", "testify", "note" likewise: "let them add jury
#: instructions", "testify against him", "noted the touches of …" (GUM train 0.709 -> 0.711, dev unchanged).
CLAUSE_ONLY_SPEECH_LEMMAS: frozenset[str] = frozenset(
    "write quote cite respond reply answer highlight underline underscore signal imply hint charge shout clarify "
    "specify elaborate add testify note".split()
)

#: Phrases whose prepositional object is the content: "claimed responsibility for X" (verb lemma, noun, preposition).
RESPONSIBILITY_PHRASES: tuple[tuple[str, str, str], ...] = (
    ("claim", "responsibility", "for"),
    ("take", "responsibility", "for"),
    ("deny", "responsibility", "for"),
    ("take", "credit", "for"),
    ("claim", "credit", "for"),
)

#: Prepositions that carry the rest of an object content: "accused Russia of shelling", "blamed X for Y".
OBJECT_CONTINUATIONS: frozenset[str] = frozenset(["of", "for", "about", "over", "against", "to", "on"])

#: Participles that comment on a claim rather than report it: content ends before ", showcasing …".
COMMENTARY_PARTICIPLES: frozenset[str] = frozenset(
    "showcasing underscoring highlighting signalling signaling marking reflecting demonstrating illustrating "
    "underlining raising fuelling fueling".split()
)

#: Nouns of an appositive comment that closes a content: "…, a claim that could not be verified", "…, a charge
#: officials denied".
COMMENT_NOUNS: frozenset[str] = frozenset(
    "claim claims figure figures report reports assertion account allegation accusation charge number toll "
    "estimate".split()
)

#: Cue verbs whose to-infinitive can be the content ("plans to", "urged them to", "claimed to have").
INFINITIVE_CONTENT_FRAMES: frozenset[str] = frozenset(["intent", "request"])
#: Intent verbs that report only a "to" clause, never a "that" clause: "offered to pay", "refused to leave". A
#: clause the parse hangs on them is something else ("offered no details and the chief declined …").
INFINITIVE_ONLY_LEMMAS: frozenset[str] = frozenset("offer want seek aim prepare refuse intend".split())
INFINITIVE_CONTENT_LEMMAS: frozenset[str] = frozenset(
    "claim appear threaten promise pledge vow refuse deny tell warn".split()
)

#: Verb + particle or preposition cues: the particle word joins the cue ("called for", "pointed out").
PHRASAL_CUES: dict[str, tuple[str, str]] = {
    "call": ("for", "request"),
    "point": ("out", "stance"),
    "lay": ("out", "speech"),
    "spell": ("out", "speech"),
    "rule": ("out", "stance"),
    "sign": ("off", "stance"),
    "insist": ("on", "stance"),
    "warn": ("of", "stance"),
}

#: A document's wording as a cue: "The statement read: “…”", "the letter reads, “…”". Only right before a colon or
#: a quote mark ("read the report" is no report).
READING_FORMS: frozenset[str] = frozenset(["read", "reads"])

#: Particles that turn a cue verb into another verb: "known as", "well thought out", "called off", "showed up".
NOT_CUE_PARTICLES: dict[str, frozenset[str]] = {
    "know": frozenset(["as"]),
    "think": frozenset(["out", "up", "through"]),
    "call": frozenset(["off", "up", "in", "back"]),
    "show": frozenset(["up", "off"]),
    "write": frozenset(["off", "down", "up"]),
    "see": frozenset(["off", "through"]),
    "hear": frozenset(["out"]),
    "rule": frozenset(["over"]),
}

#: Nouns that name what someone says or believes; with a that-clause they are cues ("the claim that …").
CUE_NOUNS: dict[str, str] = {
    "claim": "speech",
    "claims": "speech",
    "statement": "speech",
    "statements": "speech",
    "announcement": "speech",
    "allegation": "speech",
    "allegations": "speech",
    "assertion": "speech",
    "report": "speech",
    "reports": "speech",
    "warning": "stance",
    "warnings": "stance",
    "argument": "stance",
    "insistence": "stance",
    "admission": "stance",
    "denial": "stance",
    "belief": "belief",
    "beliefs": "belief",
    "view": "belief",
    "fear": "belief",
    "fears": "belief",
    "hope": "belief",
    "hopes": "belief",
    "suspicion": "belief",
    "suspicions": "belief",
    "concern": "belief",
    "concerns": "belief",
    "conviction": "belief",
    "expectation": "belief",
    "expectations": "belief",
    "idea": "belief",
    "notion": "belief",
    "evidence": "evidence",
    "finding": "evidence",
    "findings": "evidence",
    "conclusion": "evidence",
    "sign": "evidence",
    "signs": "evidence",
    "promise": "intent",
    "promises": "intent",
    "pledge": "intent",
    "vow": "intent",
    "threat": "intent",
    "plan": "intent",
    "plans": "intent",
    "call": "request",
    "calls": "request",
    "demand": "request",
    "demands": "request",
    "request": "request",
    "appeal": "request",
    "news": "speech",
    "rumour": "speech",
    "rumours": "speech",
    "rumor": "speech",
    "rumors": "speech",
}

#: Prepositional cues whose object is the source: "according to X", "as reported by X"; cue words as written.
SOURCE_PREPOSITIONS: tuple[tuple[str, ...], ...] = (
    ("according", "to"),
    ("as", "reported", "by"),
    ("as", "announced", "by"),
    ("as", "stated", "by"),
    ("as", "claimed", "by"),
    ("as", "confirmed", "by"),
    ("reported", "by"),
)

#: Participles after a comma that credit what follows to the subject of the sentence: ", saying …".
TRAILING_PARTICIPLES: frozenset[str] = frozenset(
    "saying adding noting alleging claiming stating warning insisting accusing arguing explaining declaring "
    "announcing reporting stressing reiterating citing arguing urging calling".split()
)

#: Participles whose object is the source, not the content: "…, citing officials", "quoting a spokesman".
SOURCE_PARTICIPLES: frozenset[str] = frozenset(["citing", "quoting"])

#: Verbs that, governing a cue, say the report was not made: "declined to say", "refused to confirm".
NEGATING_GOVERNORS: frozenset[str] = frozenset(
    "decline declined declines refuse refused refuses fail failed fails yet unable cannot".split()
)

#: Words that put a cue in "to" form still to come: "is expected to announce", "plans to say", "is due to
#: testify" report nothing yet (the intent itself, "plans to …", is a claim of its own). Not "want": "I just
#: wanted to say thank you" says it (GUM annotates the saying).
FUTURE_GOVERNORS: frozenset[str] = frozenset(
    "expected expect expects set due likely unlikely scheduled poised going about slated plan plans planned "
    "planning intend intends intended hope hopes hoped aim aims aimed prepare "
    "prepares preparing ready seek seeks sought try tries tried trying attempt attempts attempted".split()
)

#: Cue forms that are never adjectives or compound modifiers: tagged so, they are misparsed verbs.
VERB_ONLY_FORMS: frozenset[str] = frozenset("said says told tells".split())

#: Auxiliaries and adverbs between a subject and its verb ("has further claimed", "was also quoted").
AUXILIARIES: frozenset[str] = frozenset(
    "has have had was were is are be been being will would shall should can could may might must did does do "
    "also further then later again earlier previously reportedly separately officially publicly repeatedly once "
    "initially first finally".split()
)

#: Words that negate a cue from inside its clause ("did not say", "never confirmed").
NEGATORS: frozenset[str] = frozenset(["not", "n't", "never", "no", "neither", "nor", "without"])

#: Leading connectives stripped from the start of a content span ("Meanwhile, …").
CONNECTIVE_OPENERS = re.compile(
    r"^(?:meanwhile|furthermore|additionally|moreover|however|subsequently|separately|also|elsewhere|"
    r"in addition|in a (?:separate|parallel|related|similar) (?:incident|development|move|statement)"
    r"(?: [^,]{0,40})?|amid (?:these|the) developments|on the other hand|in response)\s*,\s*",
    re.IGNORECASE,
)

#: Words that break the carry-over of the previous sentence's claimant to a cue-less sentence.
TOPIC_SHIFT = Caseless(r"^(?:meanwhile|separately|elsewhere|in a separate|in other news|in another|on another)\b")

#: Writer's commentary and analysis: a cue-less sentence holding one of these is not a claim.
COMMENTARY = Caseless(
    r"\b(?:underscor\w*|reflects?|reflecting|paint(?:s|ed)? a picture|significance|cannot be (?:understated|"
    r"overstated)|appears? to|appeared to|seems?|seemed|signal(?:s|ing|led|ed)?|suggests?|likely|"
    r"perhaps|arguably|remains? to be seen|collectively|profound|sentiment|analysts?|observers?|"
    r"critics say|it is (?:unclear|not clear)|raises? (?:questions|concerns)|highlight(?:s|ed|ing)?|"
    r"testament|symboli[sz]\w*)\b"
)

#: Modal verbs, lower-case only so the month "May" is not one: speculation, not a reported fact.
MODALS = re.compile(r"\b(?:might|would|may)\b|\bcould(?! not)\b")

#: Meta-reporting about the newsroom's own work: never a claim.
META_REPORTING = Caseless(
    r"\b(?:reached out|for comments?|did not (?:immediately )?respond|declined to comment|"
    r"could not be reached|has contacted|have contacted|was contacted|requests? for comment|"
    r"this story|this article|this report has been updated|contributed (?:to )?(?:this )?report(?:ing)?|"
    r"(?:has|have|had|did) not (?:yet )?(?:commented|comment)|no immediate comment|not immediately available)\b"
)

#: Verbs of political and civic news that make an unattributed sentence a reported fact (beside the
#: event keywords of the event-type stage).
FACTUAL_VERBS = re.compile(
    r"\b(?:met|meets|agreed|signed|won|lost|passed|approved|rejected|voted|elected|appointed|resigned|"
    r"arrested|detained|charged|sentenced|convicted|acquitted|ruled|fined|banned|released|freed|opened|"
    r"launched|began|ended|held|visited|hosted|sworn in|took office|took part|expected to|will (?:be|take|"
    r"open|close|shut|meet|vote|reopen|begin|end)|continu(?:e|es|ing)|affected|reopened|rose|fell|"
    r"increased|decreased|recovered|rescued|found|discovered|published|issued|imposed|lifted)\b"
)

#: Nationality adjectives and the countries they name (common in conflict and political copy).
DEMONYMS: dict[str, str] = {
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "american": "United States",
    "british": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "chinese": "China",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "syrian": "Syria",
    "iranian": "Iran",
    "iraqi": "Iraq",
    "turkish": "Turkey",
    "polish": "Poland",
    "belarusian": "Belarus",
    "georgian": "Georgia",
    "sudanese": "Sudan",
    "yemeni": "Yemen",
    "lebanese": "Lebanon",
    "afghan": "Afghanistan",
    "pakistani": "Pakistan",
    "indian": "India",
    "japanese": "Japan",
    "korean": "South Korea",
    "nigerian": "Nigeria",
    "kenyan": "Kenya",
    "ethiopian": "Ethiopia",
    "somali": "Somalia",
    "malian": "Mali",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "colombian": "Colombia",
    "venezuelan": "Venezuela",
    "canadian": "Canada",
    "australian": "Australia",
    "italian": "Italy",
    "spanish": "Spain",
    "dutch": "Netherlands",
    "egyptian": "Egypt",
    "libyan": "Libya",
    "saudi": "Saudi Arabia",
    "moldovan": "Moldova",
    "armenian": "Armenia",
    "azerbaijani": "Azerbaijan",
    "hungarian": "Hungary",
    "romanian": "Romania",
    "serbian": "Serbia",
    "finnish": "Finland",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "estonian": "Estonia",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "congolese": "Democratic Republic of the Congo",
    "burkinabe": "Burkina Faso",
    "nigerien": "Niger",
    "filipino": "Philippines",
    "thai": "Thailand",
    "vietnamese": "Vietnam",
    "indonesian": "Indonesia",
}

#: Words for administrative regions, so "Kursk region" and "region of Kursk" register a region.
REGION_WORDS = frozenset(
    [
        "region",
        "oblast",
        "province",
        "state",
        "governorate",
        "district",
        "county",
        "prefecture",
        "territory",
        "krai",
        "canton",
        "department",
    ]
)

#: Words for settlements, so "the village of X" marks X as a place even outside the gazetteer.
SETTLEMENT_WORDS = frozenset(
    ["village", "villages", "town", "towns", "city", "cities", "settlement", "settlements", "hamlet"]
)


def alternation(words: frozenset[str]) -> str:
    """`words` as a regex alternation, longest first: a set's order changes with the hash seed, this does not."""
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))


REGION_ALTERNATION = alternation(REGION_WORDS)
SETTLEMENT_ALTERNATION = alternation(SETTLEMENT_WORDS)
