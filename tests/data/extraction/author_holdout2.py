"""Second held-out extraction set, written on 2026-11-27 by an annotator who did not see the extraction rules.

The articles are fictional or generic news written for this set; the gold was decided by reading only
(the extractor was not run while annotating) and the set was scored once. Do not tune on it.

Run `uv run python tests/data/extraction/author_holdout2.py` to regenerate `holdout2.jsonl`. Same format
and tuple layout as author_dev.py: (claimant name, mention or None, cue or None, content, quantities,
locations, verification).
"""

import json
from pathlib import Path

from author_dev import build

U, D, C = "unverified", "disputed", "confirmed"

ARTICLES = [
    {
        "id": "hold2-01",
        "style": "agency",
        "source": "Danube Wire",
        "published_at": "2026-03-17T08:30:00Z",
        "text": (
            "ZAPORIZHZHIA, March 17 (Danube Wire) - Russian drones struck an energy facility near the village of "
            "Hulivka in the Zaporizhzhia region overnight, cutting power to about 12,000 households, the regional "
            "governor, Taras Melnyk, said on Tuesday.\n"
            "Two workers were wounded, he added. Russia's defence ministry said its forces had destroyed a "
            "Ukrainian fuel depot in the area. Danube Wire could not independently confirm either account."
        ),
        "claims": [
            (
                "Taras Melnyk",
                "the regional governor, Taras Melnyk",
                "said",
                "Russian drones struck an energy facility near the village of Hulivka in the Zaporizhzhia region "
                "overnight, cutting power to about 12,000 households",
                [(12000, "households", True)],
                ["Hulivka", "Zaporizhzhia region"],
                U,
            ),
            ("Taras Melnyk", "he", "added", "Two workers were wounded", [(2, "wounded", False)], [], U),
            (
                "Russia's defence ministry",
                "Russia's defence ministry",
                "said",
                "its forces had destroyed a Ukrainian fuel depot in the area",
                [],
                [],
                U,
            ),
        ],
    },
    {
        "id": "hold2-02",
        "style": "local",
        "source": "Fenwick Herald",
        "published_at": "2026-01-22T16:00:00Z",
        "text": (
            "A delivery lorry crashed through the front of a bakery on Mill Lane in Ashbury early on Thursday. "
            "No one was hurt because the shop had not yet opened, according to the Ashbury fire service.\n"
            "The driver, a 54-year-old man, told officers he had swerved to avoid a deer. "
            "\u201cWe heard a bang and the whole window was gone,\u201d said Maureen Pell, who lives above the shop. "
            "The bakery's owners said they hoped to reopen within a month.\n"
            "The Herald has asked the haulage company for comment."
        ),
        "claims": [
            (
                "Fenwick Herald",
                None,
                None,
                "A delivery lorry crashed through the front of a bakery on Mill Lane in Ashbury early on Thursday",
                [],
                ["Ashbury"],
                None,
            ),
            (
                "Ashbury fire service",
                "the Ashbury fire service",
                "according to",
                "No one was hurt because the shop had not yet opened",
                [(0, "casualties", False)],
                [],
                None,
            ),
            (
                "driver",
                "The driver, a 54-year-old man",
                "told",
                "he had swerved to avoid a deer",
                [],
                [],
                None,
            ),
            ("Maureen Pell", "Maureen Pell", "said", "We heard a bang and the whole window was gone", [], [], None),
            (
                "bakery's owners",
                "The bakery's owners",
                "said",
                "they hoped to reopen within a month",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "hold2-03",
        "style": "official",
        "source": "Ministry of Water Resources",
        "published_at": "2026-07-08T11:00:00Z",
        "text": (
            "The Ministry of Water Resources reports that the level of Lake Varna has fallen by 1.4 metres since "
            "April, the lowest reading in thirty years. Water supplies to 23 villages in the Sorel district will "
            "be rationed from Monday.\n"
            "Tanker lorries will deliver drinking water to the affected households. The Minister, Ilse Dragan, "
            "said the ministry would fund three new boreholes before the end of the year."
        ),
        "claims": [
            (
                "Ministry of Water Resources",
                "The Ministry of Water Resources",
                "reports",
                "the level of Lake Varna has fallen by 1.4 metres since April, the lowest reading in thirty years",
                [(1.4, "metres", False)],
                ["Lake Varna"],
                None,
            ),
            (
                "Ministry of Water Resources",
                None,
                None,
                "Water supplies to 23 villages in the Sorel district will be rationed from Monday",
                [(23, "villages", False)],
                ["Sorel district"],
                None,
            ),
            (
                "Ministry of Water Resources",
                None,
                None,
                "Tanker lorries will deliver drinking water to the affected households",
                [],
                [],
                None,
            ),
            (
                "Ilse Dragan",
                "The Minister, Ilse Dragan",
                "said",
                "the ministry would fund three new boreholes before the end of the year",
                [(3, "boreholes", False)],
                [],
                None,
            ),
        ],
    },
    {
        "id": "hold2-04",
        "style": "liveblog",
        "source": "Frontier Live",
        "published_at": "2026-05-02T09:00:00Z",
        "text": (
            "08:50 The Ukrainian air force says Russia launched 146 drones and four cruise missiles overnight. "
            "It said 119 of the drones were shot down or jammed. These figures could not be independently "
            "verified.\n"
            "08:20 Ukraine's military intelligence agency has claimed responsibility for a fire at an ammunition "
            "depot near Millerovo in Russia's Rostov region. The governor of Rostov, Yuri Sleptsov, said debris "
            "from a downed drone had fallen on an industrial site and denied that any depot had been hit.\n"
            "07:45 A drone hit a residential building in Odesa, wounding three people, according to the city's "
            "mayor. Images of the damaged building were verified by Frontier Live."
        ),
        "claims": [
            (
                "Ukrainian air force",
                "The Ukrainian air force",
                "says",
                "Russia launched 146 drones and four cruise missiles overnight",
                [(146, "drones", False), (4, "missiles", False)],
                [],
                U,
            ),
            (
                "Ukrainian air force",
                "It",
                "said",
                "119 of the drones were shot down or jammed",
                [(119, "drones", False)],
                [],
                U,
            ),
            (
                "military intelligence agency",
                "Ukraine's military intelligence agency",
                "claimed responsibility for",
                "a fire at an ammunition depot near Millerovo in Russia's Rostov region",
                [],
                ["Millerovo", "Russia", "Rostov region"],
                D,
            ),
            (
                "Yuri Sleptsov",
                "The governor of Rostov, Yuri Sleptsov",
                "said",
                "debris from a downed drone had fallen on an industrial site",
                [],
                [],
                None,
            ),
            (
                "Yuri Sleptsov",
                "The governor of Rostov, Yuri Sleptsov",
                "denied",
                "any depot had been hit",
                [],
                [],
                None,
            ),
            (
                "mayor",
                "the city's mayor",
                "according to",
                "A drone hit a residential building in Odesa, wounding three people",
                [(3, "wounded", False)],
                ["Odesa"],
                C,
            ),
        ],
    },
    {
        "id": "hold2-05",
        "style": "political",
        "source": "Capital Courier",
        "published_at": "2026-02-11T19:00:00Z",
        "text": (
            "The Supreme Court on Wednesday struck down a law that would have let the government appoint the heads "
            "of public broadcasters, ruling that it breached the constitution's guarantee of press freedom.\n"
            "Justice Minister Pavel Oros said the government would draft a new bill within weeks. \u201cOur hands are "
            "tied, but we will respect the court's decision,\u201d he said. Opposition leader Mirela Stan accused "
            "the government of trying to silence critical journalists.\n"
            "The ruling is likely to deepen the standoff between the government and the judiciary. The court's "
            "press office did not respond to a request for comment."
        ),
        "claims": [
            (
                "Capital Courier",
                None,
                None,
                "The Supreme Court on Wednesday struck down a law that would have let the government appoint the "
                "heads of public broadcasters",
                [],
                [],
                None,
            ),
            (
                "Supreme Court",
                "The Supreme Court",
                "ruling",
                "it breached the constitution's guarantee of press freedom",
                [],
                [],
                None,
            ),
            (
                "Pavel Oros",
                "Justice Minister Pavel Oros",
                "said",
                "the government would draft a new bill within weeks",
                [],
                [],
                None,
            ),
            (
                "Pavel Oros",
                "he",
                "said",
                "Our hands are tied, but we will respect the court's decision",
                [],
                [],
                None,
            ),
            (
                "Mirela Stan",
                "Opposition leader Mirela Stan",
                "accused",
                "the government of trying to silence critical journalists",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "hold2-06",
        "style": "agency",
        "source": "Monsoon Wire",
        "published_at": "2026-08-14T07:00:00Z",
        "text": (
            "DHAKA, Aug 14 (Monsoon Wire) - Flash floods in north-eastern Bangladesh have killed at least 27 people "
            "and forced more than 200,000 from their homes, the disaster management ministry said on Friday.\n"
            "According to the ministry, about 40 people are still missing in the Sunamganj and Sylhet districts. "
            "Army boats were sent to reach villages cut off by the water. Local aid groups said the real toll was "
            "likely to be higher, but there was no independent confirmation of their estimate."
        ),
        "claims": [
            (
                "disaster management ministry",
                "the disaster management ministry",
                "said",
                "Flash floods in north-eastern Bangladesh have killed at least 27 people and forced more than 200,000 "
                "from their homes",
                [(27, "killed", True), (200000, "displaced", True)],
                ["Bangladesh"],
                None,
            ),
            (
                "disaster management ministry",
                "the ministry",
                "According to",
                "about 40 people are still missing in the Sunamganj and Sylhet districts",
                [(40, "missing", True)],
                ["Sunamganj", "Sylhet"],
                None,
            ),
            (
                "Monsoon Wire",
                None,
                None,
                "Army boats were sent to reach villages cut off by the water",
                [],
                [],
                None,
            ),
            ("Local aid groups", "Local aid groups", "said", "the real toll was likely to be higher", [], [], U),
        ],
    },
    {
        "id": "hold2-07",
        "style": "business",
        "source": "Harbourline Business",
        "published_at": "2026-10-29T14:00:00Z",
        "text": (
            "Norrvik Steel will cut 1,150 jobs at its plant in Kessling and close one of its two blast furnaces by "
            "next spring, the company said on Thursday, blaming high energy prices and cheap imports.\n"
            "Its chief executive, Anders Holm, said the group had lost 310 million euros in the first nine months "
            'of the year. "We cannot keep running a furnace that loses money every hour," he told analysts. The '
            "steelworkers' union rejected the company's figures and said it would call a strike if the plan went "
            "ahead. Norrvik declined to comment on the union's statement.\n"
            "Shares in Norrvik rose 4 percent after the announcement."
        ),
        "claims": [
            (
                "Norrvik Steel",
                "the company",
                "said",
                "Norrvik Steel will cut 1,150 jobs at its plant in Kessling and close one of its two blast furnaces by "
                "next spring",
                [(1150, "jobs", False), (1, "furnaces", False), (2, "furnaces", False)],
                ["Kessling"],
                None,
            ),
            ("Norrvik Steel", "the company", "blaming", "high energy prices and cheap imports", [], [], None),
            (
                "Anders Holm",
                "Its chief executive, Anders Holm",
                "said",
                "the group had lost 310 million euros in the first nine months of the year",
                [(310000000, "euros", False)],
                [],
                D,
            ),
            (
                "Anders Holm",
                "he",
                "told",
                "We cannot keep running a furnace that loses money every hour",
                [],
                [],
                None,
            ),
            (
                "steelworkers' union",
                "The steelworkers' union",
                "said",
                "it would call a strike if the plan went ahead",
                [],
                [],
                None,
            ),
            (
                "Harbourline Business",
                None,
                None,
                "Shares in Norrvik rose 4 percent after the announcement",
                [(4, "percent", False)],
                [],
                None,
            ),
        ],
    },
    {
        "id": "hold2-08",
        "style": "political",
        "source": "Lowland Post",
        "published_at": "2026-04-20T21:00:00Z",
        "text": (
            "Lawmakers in the regional assembly of Westmark voted 41 to 37 on Monday to approve a contested plan to "
            "merge its 14 hospitals into a single health authority.\n"
            "The vote came after an eleven-hour debate, as reported by the public broadcaster RTW. Health "
            'commissioner Johan Brecht said: "Patients will be treated closer to home, not further away." '
            "Opposition members walked out before the final count and said they would ask the courts to block the "
            "merger.\n"
            "Whether the merger will save any money remains far from clear."
        ),
        "claims": [
            (
                "Lowland Post",
                None,
                None,
                "Lawmakers in the regional assembly of Westmark voted 41 to 37 on Monday to approve a contested plan "
                "to merge its 14 hospitals into a single health authority",
                [(41, "votes", False), (37, "votes", False), (14, "hospitals", False)],
                ["Westmark"],
                None,
            ),
            (
                "RTW",
                "the public broadcaster RTW",
                "as reported by",
                "The vote came after an eleven-hour debate",
                [],
                [],
                None,
            ),
            (
                "Johan Brecht",
                "Health commissioner Johan Brecht",
                "said",
                "Patients will be treated closer to home, not further away",
                [],
                [],
                None,
            ),
            (
                "Opposition members",
                "Opposition members",
                "said",
                "they would ask the courts to block the merger",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "hold2-09",
        "style": "conflict",
        "source": "Steppe Dispatch",
        "published_at": "2026-06-09T12:00:00Z",
        "text": (
            "Russia's defence ministry said on Tuesday that its troops had captured the village of Novoserhiivka in "
            "Ukraine's Donetsk region and killed up to 80 Ukrainian soldiers in the area over the past day.\n"
            "Ukraine's General Staff dismissed the claims as propaganda, saying its units still held positions on "
            "the western edge of the village. A video released by a Ukrainian brigade showed its soldiers raising "
            "a flag over the village school. The footage was geolocated by analysts at the open-source group "
            "Mapline.\n"
            "The back-and-forth shows how hard it has become to know who holds ground along the front."
        ),
        "claims": [
            (
                "Russia's defence ministry",
                "Russia's defence ministry",
                "said",
                "its troops had captured the village of Novoserhiivka in Ukraine's Donetsk region and killed up to 80 "
                "Ukrainian soldiers in the area over the past day",
                [(80, "killed", False)],
                ["Novoserhiivka", "Ukraine", "Donetsk region"],
                D,
            ),
            (
                "General Staff",
                "Ukraine's General Staff",
                "saying",
                "its units still held positions on the western edge of the village",
                [],
                [],
                None,
            ),
            (
                "Ukrainian brigade",
                "a Ukrainian brigade",
                "showed",
                "its soldiers raising a flag over the village school",
                [],
                [],
                C,
            ),
        ],
    },
    {
        "id": "hold2-10",
        "style": "liveblog",
        "source": "Ballot Live",
        "published_at": "2026-09-20T22:30:00Z",
        "text": (
            "22:25 With 87 percent of polling stations counted, the centre-right Civic Alliance leads with 34.2 "
            "percent, the electoral commission says. The Social Democrats are on 29.8 percent.\n"
            "22:10 Civic Alliance leader Katrin Oldenburg tells supporters in Marlstadt: \u201cTonight this country "
            "has chosen change, and we will not waste it.\u201d\n"
            "21:50 The far-right Homeland party says turnout was depressed by \u201cchaos at polling stations\u201d in "
            "three districts. The commission rejected the account and said all stations had opened on time."
        ),
        "claims": [
            (
                "electoral commission",
                "the electoral commission",
                "says",
                "With 87 percent of polling stations counted, the centre-right Civic Alliance leads with 34.2 percent",
                [(87, "percent", False), (34.2, "percent", False)],
                [],
                None,
            ),
            (
                "electoral commission",
                None,
                None,
                "The Social Democrats are on 29.8 percent",
                [(29.8, "percent", False)],
                [],
                None,
            ),
            (
                "Katrin Oldenburg",
                "Civic Alliance leader Katrin Oldenburg",
                "tells",
                "Tonight this country has chosen change, and we will not waste it",
                [],
                [],
                None,
            ),
            (
                "Homeland party",
                "The far-right Homeland party",
                "says",
                "turnout was depressed by \u201cchaos at polling stations\u201d in three districts",
                [(3, "districts", False)],
                [],
                D,
            ),
            (
                "electoral commission",
                "The commission",
                "said",
                "all stations had opened on time",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "hold2-11",
        "style": "conflict",
        "source": "Sahel Ledger",
        "published_at": "2026-11-03T10:00:00Z",
        "text": (
            "NIAMEY, Nov 3 (Sahel Ledger) - Gunmen on motorbikes killed 19 villagers and burned dozens of granaries "
            "in an attack on Tassimbe, a village in western Niger's Tillaberi region, on Saturday, two residents "
            "told Sahel Ledger by phone.\n"
            "An Islamic State affiliate claimed responsibility for the attack in a statement on Sunday, saying it "
            "had targeted a militia that works with the army. Niger's defence ministry said security forces had "
            "killed 31 of the gunmen as they fled, a figure that was met with doubt by local officials. The "
            "ministry accused foreign powers of arming the militants.\n"
            "Tassimbe lies about 60 kilometres from the border with Mali."
        ),
        "claims": [
            (
                "two residents",
                "two residents",
                "told",
                "Gunmen on motorbikes killed 19 villagers and burned dozens of granaries in an attack on Tassimbe, a "
                "village in western Niger's Tillaberi region, on Saturday",
                [(19, "killed", False), (24, "granaries", True)],
                ["Tassimbe", "Niger", "Tillaberi region"],
                None,
            ),
            (
                "Islamic State affiliate",
                "An Islamic State affiliate",
                "claimed responsibility for",
                "the attack",
                [],
                [],
                None,
            ),
            (
                "Islamic State affiliate",
                "An Islamic State affiliate",
                "saying",
                "it had targeted a militia that works with the army",
                [],
                [],
                None,
            ),
            (
                "Niger's defence ministry",
                "Niger's defence ministry",
                "said",
                "security forces had killed 31 of the gunmen as they fled",
                [(31, "killed", False)],
                [],
                D,
            ),
            (
                "Niger's defence ministry",
                "The ministry",
                "accused",
                "foreign powers of arming the militants",
                [],
                [],
                None,
            ),
            (
                "Sahel Ledger",
                None,
                None,
                "Tassimbe lies about 60 kilometres from the border with Mali",
                [(60, "kilometres", True)],
                ["Tassimbe", "Mali"],
                None,
            ),
        ],
    },
    {
        "id": "hold2-12",
        "style": "disaster",
        "source": "Central Asia Wire",
        "published_at": "2026-05-19T15:00:00Z",
        "text": (
            "A gas explosion in a coal mine near the town of Karabulak in central Kazakhstan killed four miners and "
            "trapped at least 11 others underground on Tuesday, the emergencies ministry said.\n"
            "The mine's operator, Steppe Coal, said that ventilation systems had been working normally before the "
            "blast. It added that rescue teams had reached a chamber where some of the trapped men were believed "
            "to be sheltering. Dozens of relatives gathered at the pit gate.\n"
            "The disaster will renew questions about safety in the country's ageing mines."
        ),
        "claims": [
            (
                "emergencies ministry",
                "the emergencies ministry",
                "said",
                "A gas explosion in a coal mine near the town of Karabulak in central Kazakhstan killed four miners "
                "and trapped at least 11 others underground on Tuesday",
                [(4, "killed", False), (11, "trapped", True)],
                ["Karabulak", "Kazakhstan"],
                None,
            ),
            (
                "Steppe Coal",
                "The mine's operator, Steppe Coal",
                "said",
                "ventilation systems had been working normally before the blast",
                [],
                [],
                None,
            ),
            (
                "Steppe Coal",
                "It",
                "added",
                "rescue teams had reached a chamber where some of the trapped men were believed to be sheltering",
                [],
                [],
                None,
            ),
            (
                "Central Asia Wire",
                None,
                None,
                "Dozens of relatives gathered at the pit gate",
                [(24, "relatives", True)],
                [],
                None,
            ),
        ],
    },
]


if __name__ == "__main__":
    out = Path(__file__).with_name("holdout2.jsonl")
    lines = [json.dumps(build(article), ensure_ascii=False) for article in ARTICLES]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} articles, {sum(len(a['claims']) for a in ARTICLES)} claims to {out}")
