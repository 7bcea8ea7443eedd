"""A small wire set for the incident ledger: 16 invented articles from six outlets, and what a reader makes of them.

Everything here is invented for this project (places, outlets, agencies, people); the texts were written
for it. Six incidents in one fictional coastal province over five days of March 2026:

- `ferry`: a ferry capsizes off Port Halvard on Tue 10 March; the coast guard's toll rises from "at least
  12" to 19; a wire agency's story is republished word for word by another outlet; one follow-up names no
  place at all.
- `warehouse-fire`: a warehouse fire in the same port town on the same Tuesday (near miss: place and day
  shared, event type not); two sources give evacuees as "at least 200" and "230", which a bound reconciles.
- `maternity-march`: a hospital protest in Dunmere on Wed 11 March; police say 3 arrested, the organisers
  40 (a real conflict).
- `taxi-blockade`: another protest in Dunmere on Sat 14 March (near miss: same type and town three days
  later, nothing else in common).
- `brennock-flood` and `ostry-flood`: flash floods in two towns of the province on Thu 12 March (near
  miss: same type and day, different towns; the same disaster agency speaks of both).

Expectations are what a careful human reader would say, not what the code produces. Conventions:

- `unit` is the figure's scope: for people counted, the outcome word (the kind's own name, as "killed" in
  the contract's example; "on board" for people aboard); for things, the plural noun ("homes",
  "warehouses"); for money, the currency ("crowns").
- `claimant` in a `GoldReport` is a word or phrase the reported claimant's name contains, folded to lower
  case ("coast guard" matches "the coast guard" and "Velland Coast Guard"); an outlet's own reporting has
  the outlet as claimant.
- `current` reports are the values standing after every later report of the same claimant; `superseded`
  are earlier values of a claimant that a later one replaced.
- `origins` are the independent origins behind an incident's reports (folded outlet names, a republished
  wire copy counting as its agency); `corroboration` is how many there are.
- `distractors` are numbers in the incident's articles that are not figures (capacities, distances,
  durations, ages, dates and times of day, ordinals, a percentage); none of them collides with a figure of
  the same incident.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from claimwire_contracts import ArticleReceived

#: The wire agency whose copy another outlet republishes, folded as `SourceRef.origin` gives it.
AGENCY = "meridian press agency"

#: When the test feed "received" every article (after the last one was published).
RECEIVED_AT = datetime(2026, 3, 14, 18, 0, tzinfo=UTC)


@dataclass(frozen=True)
class WireArticle:
    """One article of the set, with the incident a reader files it under."""

    article_id: str
    source: str
    published_at: str
    title: str
    text: str
    gold: str


@dataclass(frozen=True)
class GoldReport:
    """One reported value: `high` only for ranges; `claimant` as described in the module docstring."""

    value: int | float
    bound: str
    claimant: str
    high: int | float | None = None


@dataclass(frozen=True)
class GoldFigure:
    """A figure of one kind and scope: its standing reports, the replaced ones, and whether sources disagree."""

    kind: str
    unit: str
    current: tuple[GoldReport, ...]
    superseded: tuple[GoldReport, ...] = ()
    conflicting: bool = False


@dataclass(frozen=True)
class Distractor:
    """A number in the incident's articles that is not a figure, and the words it stands in."""

    value: int | float
    what: str
    phrase: str


@dataclass(frozen=True)
class GoldIncident:
    """What a reader says of one real incident."""

    label: str
    article_ids: frozenset[str]
    day: date
    figures: tuple[GoldFigure, ...]
    origins: frozenset[str]
    corroboration: int
    distractors: tuple[Distractor, ...] = ()
    #: Republished wire copies in the incident: article id -> the agency it credits (folded).
    copies: dict[str, str] = field(default_factory=dict)
    #: Articles that name no place at all.
    placeless: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NearMiss:
    """Two incidents a careless ledger would merge, and what keeps them apart."""

    first: str
    second: str
    shared: str
    apart: str


ARTICLES: tuple[WireArticle, ...] = (
    WireArticle(
        article_id="mpa-ferry-capsize",
        source="Meridian Press Agency",
        published_at="2026-03-10T09:40:00+01:00",
        title="Ferry capsizes off Port Halvard, at least 12 dead",
        text=(
            "PORT HALVARD, March 10 (Meridian Press Agency) — A passenger ferry overturned in heavy swell off "
            "Port Halvard early on Tuesday, killing at least 12 people, the coast guard said. The coast guard "
            "said its crews had pulled 64 survivors from the water by mid-morning and that 20 people were still "
            "unaccounted for. The Selka Star had 96 people on board when it left the harbour, its operator Selka "
            "Lines said. The vessel is licensed to carry 150 passengers and went down about 3 kilometres from "
            "the harbour mouth."
        ),
        gold="ferry",
    ),
    WireArticle(
        article_id="record-ferry-wire-copy",
        source="Coastal Daily Record",
        published_at="2026-03-10T10:05:00+01:00",
        title="At least 12 killed as ferry overturns near Port Halvard",
        text=(
            "PORT HALVARD, March 10 (Meridian Press Agency) — A passenger ferry overturned in heavy swell off "
            "Port Halvard early on Tuesday, killing at least 12 people, the coast guard said. The coast guard "
            "said its crews had pulled 64 survivors from the water by mid-morning and that 20 people were still "
            "unaccounted for. The Selka Star had 96 people on board when it left the harbour, its operator Selka "
            "Lines said."
        ),
        gold="ferry",
    ),
    WireArticle(
        article_id="tribune-ferry-toll",
        source="Harbour Tribune",
        published_at="2026-03-10T16:30:00+01:00",
        title="Port Halvard ferry death toll climbs to 19",
        text=(
            "The death toll from the capsizing of the Selka Star off Port Halvard has risen to 19, the coast "
            "guard said on Tuesday afternoon, adding that 13 people were still missing. Divers spent the "
            "afternoon searching the hull, which lies on its side in shallow water. A 67-year-old fisherman who "
            "was first on the scene said he had hauled several people into his boat. The crossing to Kessa "
            "Island usually takes 40 minutes."
        ),
        gold="ferry",
    ),
    WireArticle(
        article_id="vbc-ferry-search",
        source="Velland Broadcasting",
        published_at="2026-03-11T08:10:00+01:00",
        title="Divers resume search for the missing of the Selka Star",
        text=(
            "Divers went back into the water at first light on Wednesday to look for the 13 people still missing "
            "since Tuesday's capsizing of the Selka Star. The coast guard put the number of dead at 19 and said "
            "64 people had been rescued alive. Selka Lines said it was cooperating with the maritime safety "
            "board, which has opened an inquiry. It is the second fatal accident involving one of the "
            "company's ferries since 2023."
        ),
        gold="ferry",
    ),
    WireArticle(
        article_id="ledger-warehouse-fire",
        source="Northern Ledger",
        published_at="2026-03-10T22:45:00+01:00",
        title="Fire destroys warehouses at Port Halvard docks",
        text=(
            "A fire tore through the old fish market quarter of the Port Halvard docks on Tuesday evening, "
            "destroying three warehouses. The fire service said 230 residents of nearby flats had been "
            "evacuated because of the smoke and that four firefighters were injured. It took crews six hours to "
            "bring the blaze under control. The owner of the buildings, Tessel Cold Storage, estimated its loss "
            "at about 2.4 million crowns."
        ),
        gold="warehouse-fire",
    ),
    WireArticle(
        article_id="calder-warehouse-fire",
        source="Radio Calder",
        published_at="2026-03-11T07:30:00+01:00",
        title="Port Halvard warehouse blaze forces hundreds from their homes",
        text=(
            "Police in Port Halvard said at least 200 people had been evacuated from their homes overnight as a "
            "warehouse fire on the waterfront sent thick smoke over the Lower Quay district. Three warehouses "
            "were gutted. Investigators have not yet said what started the fire, which broke out shortly after "
            "7 p.m. on Tuesday."
        ),
        gold="warehouse-fire",
    ),
    WireArticle(
        article_id="mpa-dunmere-march",
        source="Meridian Press Agency",
        published_at="2026-03-11T18:20:00+01:00",
        title="Scuffles at Dunmere hospital march, police say three arrested",
        text=(
            "DUNMERE, March 11 (Meridian Press Agency) — Police arrested three people on Wednesday after "
            "scuffles broke out at a march against the planned closure of the maternity ward at Dunmere General "
            "Hospital. Two officers were lightly injured, a police spokeswoman said. Organisers from the Save Our "
            "Maternity campaign said 40 of their supporters had been detained, a figure police rejected. The "
            "march was led by a 72-year-old retired midwife."
        ),
        gold="maternity-march",
    ),
    WireArticle(
        article_id="ledger-dunmere-march",
        source="Northern Ledger",
        published_at="2026-03-11T20:05:00+01:00",
        title="Campaigners say 40 detained at Dunmere maternity protest",
        text=(
            "The Save Our Maternity campaign said 40 people were detained when police broke up the end of its "
            "march in Dunmere on Wednesday, and accused officers of heavy-handed tactics. Dunmere police said "
            "only three arrests were made, all for public order offences. The march set off from the town hall "
            "and covered about 4 kilometres before it reached the hospital gates."
        ),
        gold="maternity-march",
    ),
    WireArticle(
        article_id="vbc-dunmere-minister",
        source="Velland Broadcasting",
        published_at="2026-03-12T12:15:00+01:00",
        title="Health minister to meet Dunmere campaigners after protest arrests",
        text=(
            "Velland's health minister agreed on Thursday to meet campaigners from Dunmere, a day after their "
            "march against the closure of the town's maternity ward ended in arrests. Police have said three "
            "people were arrested and two officers hurt; the campaign puts the number detained at 40. The "
            "minister said no final decision on the ward would be taken for at least 6 months."
        ),
        gold="maternity-march",
    ),
    WireArticle(
        article_id="calder-dunmere-taxis",
        source="Radio Calder",
        published_at="2026-03-14T13:40:00+01:00",
        title="Taxi drivers block Dunmere ring road in fuel price protest",
        text=(
            "Several hundred taxi drivers parked their cars across the Dunmere ring road on Saturday morning in "
            "a protest over fuel prices, bringing traffic to a standstill for about 3 hours. Police said they "
            "detained six drivers who refused to move their vehicles. The drivers' union wants fuel duty cut by "
            "15 per cent."
        ),
        gold="taxi-blockade",
    ),
    WireArticle(
        article_id="mpa-brennock-flood",
        source="Meridian Press Agency",
        published_at="2026-03-12T11:00:00+01:00",
        title="Two dead as flash flood hits Brennock",
        text=(
            "BRENNOCK, March 12 (Meridian Press Agency) — Two people died when the river Aske burst its banks "
            "and flooded the centre of Brennock before dawn on Thursday, the regional disaster agency said. The "
            "agency said about 1,200 residents had been displaced and were sleeping in schools and sports halls, "
            "and that 340 homes had been damaged by the water, which rose 4 metres in less than an hour."
        ),
        gold="brennock-flood",
    ),
    WireArticle(
        article_id="record-brennock-flood",
        source="Coastal Daily Record",
        published_at="2026-03-12T13:30:00+01:00",
        title="Flash flood kills two in Brennock",
        text=(
            "Two people have died and about 1,200 have been forced from their homes after the Aske flooded the "
            "centre of Brennock on Thursday, Meridian Press Agency reported. The regional disaster agency said "
            "340 homes were damaged."
        ),
        gold="brennock-flood",
    ),
    WireArticle(
        article_id="tribune-brennock-aid",
        source="Harbour Tribune",
        published_at="2026-03-12T17:45:00+01:00",
        title="Brennock counts the cost after flash flood",
        text=(
            "The provincial government said on Thursday it had released 5 million crowns in emergency aid for "
            "Brennock after the morning's flash flood. The regional disaster agency confirmed two deaths, both "
            "elderly residents of a ground-floor flat on Mill Street. Firefighters rescued 27 people from roofs "
            "and upper floors as the water rose."
        ),
        gold="brennock-flood",
    ),
    WireArticle(
        article_id="vbc-brennock-shelters",
        source="Velland Broadcasting",
        published_at="2026-03-13T08:30:00+01:00",
        title="Brennock flood: hundreds still in shelters",
        text=(
            "Around 1,200 people forced out by Thursday's flash flood in Brennock spent another night in "
            "emergency shelters, the regional disaster agency said on Friday. The Aske has fallen back within "
            "its banks. Engineers are inspecting the 19th-century stone bridge in the town centre, which remains "
            "closed to traffic."
        ),
        gold="brennock-flood",
    ),
    WireArticle(
        article_id="ledger-ostry-flood",
        source="Northern Ledger",
        published_at="2026-03-12T14:10:00+01:00",
        title="Flash flood cuts off Ostry",
        text=(
            "Heavy rain sent a torrent of mud and water through Ostry, a hill town 42 kilometres north of the "
            "provincial capital, on Thursday, cutting the only road into the town. Mountain rescue teams freed "
            "14 people trapped in their cars, the regional disaster agency said. Some 60 homes were flooded."
        ),
        gold="ostry-flood",
    ),
    WireArticle(
        article_id="calder-ostry-road",
        source="Radio Calder",
        published_at="2026-03-12T19:00:00+01:00",
        title="Army engineers reopen road to flooded Ostry",
        text=(
            "Army engineers reopened the road to Ostry on Thursday evening, hours after a flash flood swept "
            "through the hill town. Mountain rescuers said they had pulled 14 people from vehicles caught by the "
            "water. About 60 homes were flooded, the town council said."
        ),
        gold="ostry-flood",
    ),
)


def _report(value: int | float, bound: str, claimant: str) -> GoldReport:
    return GoldReport(value=value, bound=bound, claimant=claimant)


INCIDENTS: tuple[GoldIncident, ...] = (
    GoldIncident(
        label="ferry",
        article_ids=frozenset({"mpa-ferry-capsize", "record-ferry-wire-copy", "tribune-ferry-toll",
                               "vbc-ferry-search"}),
        day=date(2026, 3, 10),
        figures=(
            # The toll rises: the coast guard's later 19 replaces its "at least 12".
            GoldFigure("killed", "killed", current=(_report(19, "exact", "coast guard"),),
                       superseded=(_report(12, "at_least", "coast guard"),)),
            GoldFigure("missing", "missing", current=(_report(13, "exact", "coast guard"),),
                       superseded=(_report(20, "exact", "coast guard"),)),
            GoldFigure("rescued", "rescued", current=(_report(64, "exact", "coast guard"),)),
            GoldFigure("affected", "on board", current=(_report(96, "exact", "selka lines"),)),
        ),
        origins=frozenset({AGENCY, "harbour tribune", "velland broadcasting"}),
        corroboration=3,
        distractors=(
            Distractor(150, "capacity", "licensed to carry 150 passengers"),
            Distractor(3, "distance", "about 3 kilometres from the harbour mouth"),
            Distractor(10, "date", "March 10"),
            Distractor(67, "age", "A 67-year-old fisherman"),
            Distractor(40, "duration", "usually takes 40 minutes"),
            Distractor(2, "ordinal", "the second fatal accident"),
            Distractor(2023, "date", "since 2023"),
        ),
        copies={"record-ferry-wire-copy": AGENCY},
        placeless=frozenset({"vbc-ferry-search"}),
    ),
    GoldIncident(
        label="warehouse-fire",
        article_ids=frozenset({"ledger-warehouse-fire", "calder-warehouse-fire"}),
        day=date(2026, 3, 10),
        figures=(
            # "At least 200" (police) and "230" (fire service): the bound reconciles them, no conflict.
            GoldFigure("evacuated", "evacuated",
                       current=(_report(230, "exact", "fire service"), _report(200, "at_least", "police"))),
            GoldFigure("injured", "injured", current=(_report(4, "exact", "fire service"),)),
            GoldFigure("damage", "warehouses", current=(_report(3, "exact", "northern ledger"),)),
            GoldFigure("amount", "crowns", current=(_report(2_400_000, "about", "tessel cold storage"),)),
        ),
        origins=frozenset({"northern ledger", "radio calder"}),
        corroboration=2,
        distractors=(
            Distractor(6, "duration", "six hours"),
            Distractor(7, "time of day", "shortly after 7 p.m."),
        ),
    ),
    GoldIncident(
        label="maternity-march",
        article_ids=frozenset({"mpa-dunmere-march", "ledger-dunmere-march", "vbc-dunmere-minister"}),
        day=date(2026, 3, 11),
        figures=(
            # Police: 3 arrested; organisers: 40 detained. No bound reconciles them.
            GoldFigure("arrested", "arrested",
                       current=(_report(3, "exact", "police"), _report(40, "exact", "save our maternity")),
                       conflicting=True),
            GoldFigure("injured", "injured", current=(_report(2, "exact", "police"),)),
        ),
        origins=frozenset({AGENCY, "northern ledger", "velland broadcasting"}),
        corroboration=3,
        distractors=(
            Distractor(11, "date", "March 11"),
            Distractor(72, "age", "a 72-year-old retired midwife"),
            Distractor(4, "distance", "about 4 kilometres"),
            Distractor(6, "duration", "at least 6 months"),
        ),
    ),
    GoldIncident(
        label="taxi-blockade",
        article_ids=frozenset({"calder-dunmere-taxis"}),
        day=date(2026, 3, 14),
        figures=(GoldFigure("arrested", "arrested", current=(_report(6, "exact", "police"),)),),
        origins=frozenset({"radio calder"}),
        corroboration=1,
        distractors=(
            Distractor(3, "duration", "for about 3 hours"),
            Distractor(15, "percentage", "by 15 per cent"),
        ),
    ),
    GoldIncident(
        label="brennock-flood",
        article_ids=frozenset({"mpa-brennock-flood", "record-brennock-flood", "tribune-brennock-aid",
                               "vbc-brennock-shelters"}),
        day=date(2026, 3, 12),
        figures=(
            GoldFigure("killed", "killed", current=(_report(2, "exact", "disaster agency"),)),
            GoldFigure("displaced", "displaced", current=(_report(1200, "about", "disaster agency"),)),
            GoldFigure("damage", "homes", current=(_report(340, "exact", "disaster agency"),)),
            GoldFigure("rescued", "rescued", current=(_report(27, "exact", "harbour tribune"),)),
            GoldFigure("amount", "crowns", current=(_report(5_000_000, "exact", "provincial government"),)),
        ),
        origins=frozenset({AGENCY, "harbour tribune", "velland broadcasting"}),
        corroboration=3,
        distractors=(
            Distractor(12, "date", "March 12"),
            Distractor(4, "distance", "rose 4 metres"),
            Distractor(19, "ordinal", "the 19th-century stone bridge"),
        ),
        copies={"record-brennock-flood": AGENCY},
    ),
    GoldIncident(
        label="ostry-flood",
        article_ids=frozenset({"ledger-ostry-flood", "calder-ostry-road"}),
        day=date(2026, 3, 12),
        figures=(
            GoldFigure("rescued", "rescued",
                       current=(_report(14, "exact", "disaster agency"), _report(14, "exact", "mountain rescue"))),
            GoldFigure("damage", "homes",
                       current=(_report(60, "about", "northern ledger"), _report(60, "about", "town council"))),
        ),
        origins=frozenset({"northern ledger", "radio calder"}),
        corroboration=2,
        distractors=(Distractor(42, "distance", "42 kilometres north"),),
    ),
)

NEAR_MISSES: tuple[NearMiss, ...] = (
    NearMiss("ferry", "warehouse-fire", shared="Port Halvard, Tue 10 March", apart="a capsizing and a fire"),
    NearMiss("maternity-march", "taxi-blockade", shared="Dunmere, a street protest with arrests",
             apart="three days apart (11 and 14 March), other cause, other people"),
    NearMiss("brennock-flood", "ostry-flood", shared="a flash flood on Thu 12 March, the same disaster agency",
             apart="two towns"),
)

#: Every place the set names: the place-less articles name none of them.
PLACES = ("Port Halvard", "Kessa Island", "Lower Quay", "Dunmere", "Brennock", "Aske", "Mill Street", "Ostry",
          "Velland")

#: The ten figure kinds of the contract; the set covers each at least once.
FIGURE_KINDS = frozenset({"killed", "injured", "missing", "rescued", "evacuated", "displaced", "arrested",
                          "affected", "damage", "amount"})


def gold_partition() -> set[frozenset[str]]:
    """The exact partition of the article ids a reader makes: one set per real incident."""
    return {incident.article_ids for incident in INCIDENTS}


def received(article: WireArticle) -> ArticleReceived:
    """The article as the adapter would publish it on the articles stream."""
    return ArticleReceived(
        article_id=article.article_id,
        source=article.source,
        title=article.title,
        text=article.text,
        language="en",
        published_at=datetime.fromisoformat(article.published_at),
        received_at=RECEIVED_AT,
    )


def articles() -> list[ArticleReceived]:
    """Every article of the set in publication order (the incidents' reports interleave, as on a live feed)."""
    ordered = sorted(ARTICLES, key=lambda article: datetime.fromisoformat(article.published_at))
    return [received(article) for article in ordered]
