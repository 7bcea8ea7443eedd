"""Word lists shared by the stages: reporting cues, hedges, commentary markers, entity heads.

Every list is general English news vocabulary, not phrases taken from any one article.
"""

import re

from ._text import Caseless


def _forms(*lemmas: str) -> frozenset[str]:
    """Inflected forms written out as 'say said says saying' groups."""
    return frozenset(word for group in lemmas for word in group.split())


#: Reporting verbs, every form that can head an attribution.
REPORTING_VERBS = _forms(
    "say said says saying",
    "tell told tells telling",
    "claim claimed claims claiming",
    "report reported reports reporting",
    "announce announced announces announcing",
    "state stated states stating",
    "declare declared declares declaring",
    "confirm confirmed confirms confirming",
    "deny denied denies denying",
    "add added adds adding",
    "note noted notes noting",
    "allege alleged alleges alleging",
    "accuse accused accuses accusing",
    "warn warned warns warning",
    "insist insisted insists insisting",
    "write wrote writes writing",
    "post posted posts",
    "tweet tweeted tweets",
    "estimate estimated estimates",
    "acknowledge acknowledged acknowledges acknowledging",
    "admit admitted admits admitting",
    "reveal revealed reveals revealing",
    "disclose disclosed discloses",
    "assert asserted asserts asserting",
    "maintain maintained maintains",
    "argue argued argues arguing",
    "explain explained explains explaining",
    "reiterate reiterated reiterates",
    "vow vowed vows vowing",
    "pledge pledged pledges pledging",
    "promise promised promises promising",
    "threaten threatened threatens",
    "detail detailed details",
    "predict predicted predicts",
    "contend contended contends",
    "concede conceded concedes",
    "stress stressed stresses stressing",
    "emphasise emphasised emphasises emphasize emphasized emphasizes",
    "indicate indicated indicates",
    "inform informed informs",
    "testify testified testifies",
    "publish published publishes",
    "blame blamed blames blaming",
    "countered",
    "replied",
    "responded",
    "urge urged urges urging",
    "demand demanded demands",
    "boast boasted boasts",
    "complain complained complains",
    "show showed shows",
)

#: Verbs that report only with a clause or quote after them ("conceded that …"), not with a plain object
#: ("conceded defeat", "revealed a plan"); they still close a sentence ("…, he conceded.").
CLAUSE_ONLY_CUES = _forms(
    "concede conceded concedes",
    "admit admitted admits",
    "reveal revealed reveals",
    "indicate indicated indicates",
    "threaten threatened threatens",
    "predict predicted predicts",
    "promise promised promises",
    "vow vowed vows",
    "pledge pledged pledges",
    "stress stressed stresses",
    "boast boasted boasts",
    "complain complained complains",
    "responded",
    "replied",
    "countered",
    "explain explained explains",
    "argue argued argues",
    "maintain maintained maintains",
    "write wrote writes",
    "urge urged urges",
    "demand demanded demands",
    "publish published publishes",
    "post posted posts",
    "add added adds",
    "inform informed informs",
    "detail",
    "note",
    "warn warned warns",
    "show showed shows",
)

#: Cue forms that are also common nouns ("these claims", "state media"): accepted only in a verb slot.
NOUN_LIKE_CUES = frozenset(
    [
        "claim",
        "claims",
        "report",
        "reports",
        "state",
        "states",
        "post",
        "posts",
        "note",
        "notes",
        "detail",
        "details",
        "estimate",
        "estimates",
        "demand",
        "demands",
        "promise",
        "promises",
        "stress",
        "stresses",
        "tweet",
        "tweets",
        "warning",
        "pledge",
        "pledges",
        "vow",
        "vows",
        "threatens",
        "add",
        "admits",
        "urge",
    ]
)

#: Cues whose object comes before the content: "claimed responsibility for X", "accused Y of X".
MULTIWORD_CUES: tuple[str, ...] = (
    "claimed responsibility for",
    "claims responsibility for",
    "claiming responsibility for",
    "took responsibility for",
    "takes responsibility for",
    "said in a statement that",
    "said in a statement",
    "wrote on Telegram",
    "wrote on X",
    "said on Telegram",
    "attributed to",
    "blamed on",
    "was quoted as saying",
    "were quoted as saying",
    "is quoted as saying",
)

#: Participles that continue the subject's speech after a comma: ", alleging that …".
PARTICIPLE_CUES = frozenset(
    [
        "alleging",
        "saying",
        "claiming",
        "adding",
        "noting",
        "stating",
        "warning",
        "insisting",
        "accusing",
        "arguing",
        "explaining",
        "declaring",
        "announcing",
        "reporting",
        "stressing",
        "reiterating",
    ]
)

#: Prepositional cues where the claimant follows: "according to X", "as reported by X".
PREPOSITIONAL_CUES: tuple[str, ...] = (
    "according to",
    "as reported by",
    "as announced by",
    "as stated by",
    "as claimed by",
    "as confirmed by",
    "reported by",
    "citing",
    "quoting",
)

#: Words before a cue that make it not a report: "has yet to confirm", "declined to say".
NEGATING_BEFORE_CUE = frozenset(
    [
        "not",
        "never",
        "yet",
        "declined",
        "refused",
        "unable",
        "cannot",
        "can't",
        "couldn't",
        "didn't",
        "wouldn't",
        "won't",
        "hasn't",
        "haven't",
        "without",
        "no",
        "failed",
    ]
)

#: Determiners that turn a cue word into a noun: "these claims", "the reported attack".
DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "these",
        "those",
        "this",
        "that",
        "such",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "any",
    ]
)

AUXILIARIES = frozenset(
    [
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "also",
        "further",
        "then",
        "later",
        "again",
        "earlier",
        "previously",
        "reportedly",
        "separately",
        "officially",
        "publicly",
        "repeatedly",
        "once",
        "initially",
        "first",
        "finally",
    ]
)

#: Opening words of a comma piece that is an adverbial or an appositive, not the subject.
NON_SUBJECT_OPENERS = frozenset(
    [
        "now",
        "so",
        "thus",
        "and",
        "but",
        "again",
        "finally",
        "instead",
        "nevertheless",
        "nonetheless",
        "indeed",
        "notably",
        "initially",
        "originally",
        "in",
        "on",
        "at",
        "amid",
        "after",
        "before",
        "following",
        "during",
        "since",
        "despite",
        "as",
        "while",
        "when",
        "with",
        "by",
        "from",
        "for",
        "of",
        "meanwhile",
        "furthermore",
        "additionally",
        "however",
        "subsequently",
        "separately",
        "moreover",
        "also",
        "later",
        "earlier",
        "elsewhere",
        "still",
        "yet",
        "instead",
        "overnight",
        "today",
        "yesterday",
        "tonight",
        "last",
        "this",
        "that",
        "which",
        "who",
        "whose",
        "whom",
        "where",
        "known",
        "allied",
        "led",
        "based",
        "backed",
        "citing",
        "quoting",
        "speaking",
        "writing",
        "according",
        "including",
        "such",
        "unlike",
        "like",
        "among",
        "under",
        "over",
        "near",
    ]
)

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
