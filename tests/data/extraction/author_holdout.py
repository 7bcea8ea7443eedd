"""Held-out extraction set: written after the rules were frozen, scored once, never tuned on.

Run `uv run python tests/data/extraction/author_holdout.py` to regenerate `holdout.jsonl`. Same format
and tuple layout as author_dev.py.
"""

import json
from pathlib import Path

from author_dev import build

U, D, C = "unverified", "disputed", "confirmed"

ARTICLES = [
    {
        "id": "hold-01",
        "style": "agency",
        "source": "Baltic Wire",
        "published_at": "2024-11-20T10:00:00Z",
        "text": (
            "VILNIUS, Nov 20 (Baltic Wire) - Lithuania will close two of its six crossings on the border with "
            "Belarus from Friday, the interior ministry announced on Wednesday.\n"
            "Interior Minister Agne Bilotaite told parliament that smuggling attempts had tripled since August. "
            "Minsk called the decision a provocation."
        ),
        "claims": [
            (
                "interior ministry",
                "the interior ministry",
                "announced",
                "Lithuania will close two of its six crossings on the border with Belarus from Friday",
                [(2, "crossings", False), (6, "crossings", False)],
                ["Lithuania", "Belarus"],
                None,
            ),
            (
                "Agne Bilotaite",
                "Interior Minister Agne Bilotaite",
                "told",
                "smuggling attempts had tripled since August",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "hold-02",
        "style": "conflict",
        "source": "Frontline Live",
        "published_at": "2024-09-29T08:00:00Z",
        "text": (
            "Russian glide bombs hit a hospital in Sumy on Sunday morning, killing at least nine people, "
            "according to the regional prosecutor's office.\n"
            "Rescuers were still searching the ruins in the afternoon. Ukraine's foreign minister said the "
            "strike showed that Moscow deliberately targets civilian infrastructure. Russia's defence ministry "
            "said it had hit a command post, a claim Kyiv rejected."
        ),
        "claims": [
            (
                "regional prosecutor's office",
                "the regional prosecutor's office",
                "according to",
                "Russian glide bombs hit a hospital in Sumy on Sunday morning, killing at least nine people",
                [(9, "killed", True)],
                ["Sumy"],
                None,
            ),
            ("Frontline Live", None, None, "Rescuers were still searching the ruins in the afternoon", [], [], None),
            (
                "foreign minister",
                "Ukraine's foreign minister",
                "said",
                "the strike showed that Moscow deliberately targets civilian infrastructure",
                [],
                [],
                None,
            ),
            ("Russia's defence ministry", "Russia's defence ministry", "said", "it had hit a command post", [], [], D),
        ],
    },
    {
        "id": "hold-03",
        "style": "political",
        "source": "Capitol Ledger",
        "published_at": "2024-04-24T20:00:00Z",
        "text": (
            "The governor signed a law on Wednesday that bans the sale of flavoured vaping products across the "
            "state, her office said.\n"
            "The ban takes effect in January. Retailers who break it face fines of up to 5,000 dollars. A "
            "trade group for vape shops said it would challenge the law in court, arguing that it would push "
            "customers to the black market."
        ),
        "claims": [
            (
                "governor",
                "her office",
                "said",
                "The governor signed a law on Wednesday that bans the sale of flavoured vaping products across the "
                "state",
                [],
                [],
                None,
            ),
            ("Capitol Ledger", None, None, "The ban takes effect in January", [], [], None),
            (
                "Capitol Ledger",
                None,
                None,
                "Retailers who break it face fines of up to 5,000 dollars",
                [(5000, "dollars", False)],
                [],
                None,
            ),
            (
                "trade group for vape shops",
                "A trade group for vape shops",
                "said",
                "it would challenge the law in court",
                [],
                [],
                None,
            ),
            (
                "trade group for vape shops",
                None,
                "arguing",
                "it would push customers to the black market",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "hold-04",
        "style": "official",
        "source": "City of Halden",
        "published_at": "2024-01-09T09:00:00Z",
        "text": (
            "Heavy snowfall has closed 14 roads in the municipality. Crews are working around the clock to "
            "clear them.\n"
            'All primary schools will remain closed on Wednesday. "Please avoid unnecessary travel," said '
            "emergency coordinator Lena Moe."
        ),
        "claims": [
            (
                "City of Halden",
                None,
                None,
                "Heavy snowfall has closed 14 roads in the municipality",
                [(14, "roads", False)],
                [],
                None,
            ),
            ("City of Halden", None, None, "Crews are working around the clock to clear them", [], [], None),
            ("City of Halden", None, None, "All primary schools will remain closed on Wednesday", [], [], None),
            ("Lena Moe", "emergency coordinator Lena Moe", "said", "Please avoid unnecessary travel", [], [], None),
        ],
    },
    {
        "id": "hold-05",
        "style": "conflict",
        "source": "Sahel Monitor",
        "published_at": "2024-07-30T12:00:00Z",
        "text": (
            "Tuareg separatists said they had killed dozens of Wagner fighters and Malian soldiers in fighting "
            "near Tinzaouaten, close to the Algerian border, over several days.\n"
            "A Wagner-linked Telegram channel acknowledged heavy losses, including a commander. Mali's army "
            "said it had lost two soldiers and a helicopter. None of the accounts could be independently "
            "verified."
        ),
        "claims": [
            (
                "Tuareg separatists",
                "Tuareg separatists",
                "said",
                "they had killed dozens of Wagner fighters and Malian soldiers in fighting near Tinzaouaten, close to "
                "the Algerian border, over several days",
                [(24, "killed", True)],
                ["Tinzaouaten"],
                U,
            ),
            (
                "Wagner-linked Telegram channel",
                "A Wagner-linked Telegram channel",
                "acknowledged",
                "heavy losses, including a commander",
                [],
                [],
                U,
            ),
            (
                "Mali's army",
                "Mali's army",
                "said",
                "it had lost two soldiers and a helicopter",
                [(2, "soldiers", False), (1, "helicopters", False)],
                [],
                U,
            ),
        ],
    },
    {
        "id": "hold-06",
        "style": "agency",
        "source": "Meridian Press",
        "published_at": "2024-03-18T06:00:00Z",
        "text": (
            "DAKAR, March 18 (Meridian) - Senegal's opposition leader was freed from prison late on Thursday, "
            "his lawyers said, days before a presidential election.\n"
            "Thousands of supporters gathered outside his home in Dakar. The government said the release "
            "followed an amnesty law passed this month."
        ),
        "claims": [
            (
                "his lawyers",
                "his lawyers",
                "said",
                "Senegal's opposition leader was freed from prison late on Thursday",
                [],
                ["Senegal"],
                None,
            ),
            (
                "Meridian Press",
                None,
                None,
                "Thousands of supporters gathered outside his home in Dakar",
                [(2000, "supporters", True)],
                ["Dakar"],
                None,
            ),
            (
                "government",
                "The government",
                "said",
                "the release followed an amnesty law passed this month",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "hold-07",
        "style": "liveblog",
        "source": "World Desk Live",
        "published_at": "2024-04-14T02:00:00Z",
        "text": (
            "01:55 Jordan's armed forces say they intercepted a number of Iranian drones that entered the "
            "kingdom's airspace.\n"
            "01:30 An Israeli military spokesman says more than 300 drones and missiles were launched and 99 "
            'percent were intercepted. "This is a very significant strategic success," he said.'
        ),
        "claims": [
            (
                "Jordan's armed forces",
                "Jordan's armed forces",
                "say",
                "they intercepted a number of Iranian drones that entered the kingdom's airspace",
                [],
                [],
                None,
            ),
            (
                "Israeli military spokesman",
                "An Israeli military spokesman",
                "says",
                "more than 300 drones and missiles were launched and 99 percent were intercepted",
                [(300, "drones", True), (99, "percent", False)],
                [],
                None,
            ),
            ("Israeli military spokesman", "he", "said", "This is a very significant strategic success", [], [], None),
        ],
    },
    {
        "id": "hold-08",
        "style": "local",
        "source": "Valley Courier",
        "published_at": "2024-10-04T17:00:00Z",
        "text": (
            "A bus carrying 38 pupils on a school trip overturned on the A65 near Skipton on Friday, injuring "
            "six of them, North Yorkshire Police said.\n"
            "The driver was arrested on suspicion of dangerous driving. The school's head teacher said parents "
            "had been informed and that all the children were safe."
        ),
        "claims": [
            (
                "North Yorkshire Police",
                "North Yorkshire Police",
                "said",
                "A bus carrying 38 pupils on a school trip overturned on the A65 near Skipton on Friday, injuring six "
                "of them",
                [(38, "pupils", False), (6, "wounded", False)],
                ["Skipton"],
                None,
            ),
            (
                "North Yorkshire Police",
                None,
                None,
                "The driver was arrested on suspicion of dangerous driving",
                [],
                [],
                None,
            ),
            (
                "head teacher",
                "The school's head teacher",
                "said",
                "parents had been informed and that all the children were safe",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "hold-09",
        "style": "political",
        "source": "Rhine Observer",
        "published_at": "2024-11-07T09:00:00Z",
        "text": (
            "Germany's governing coalition collapsed on Wednesday after Chancellor Olaf Scholz dismissed his "
            "finance minister, Christian Lindner.\n"
            "Scholz said he would call a confidence vote in January, opening the way to an early election. "
            "Lindner accused the chancellor of provoking the break with an ultimatum."
        ),
        "claims": [
            (
                "Rhine Observer",
                None,
                None,
                "Germany's governing coalition collapsed on Wednesday after Chancellor Olaf Scholz dismissed his "
                "finance minister, Christian Lindner",
                [],
                ["Germany"],
                None,
            ),
            ("Olaf Scholz", "Scholz", "said", "he would call a confidence vote in January", [], [], None),
            (
                "Christian Lindner",
                "Lindner",
                "accused",
                "the chancellor of provoking the break with an ultimatum",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "hold-10",
        "style": "conflict",
        "source": "Levant Desk",
        "published_at": "2024-08-10T10:00:00Z",
        "text": (
            "An Israeli strike on a school housing displaced families in Gaza City killed more than 90 people, "
            "the Gaza civil defence agency said on Saturday.\n"
            "The Israeli military said it had struck a Hamas command centre inside the school and disputed the "
            "toll. It said at least 19 militants had been killed."
        ),
        "claims": [
            (
                "Gaza civil defence agency",
                "the Gaza civil defence agency",
                "said",
                "An Israeli strike on a school housing displaced families in Gaza City killed more than 90 people",
                [(90, "killed", True)],
                ["Gaza City"],
                D,
            ),
            (
                "Israeli military",
                "The Israeli military",
                "said",
                "it had struck a Hamas command centre inside the school",
                [],
                [],
                None,
            ),
            (
                "Israeli military",
                "It",
                "said",
                "at least 19 militants had been killed",
                [(19, "killed", True)],
                [],
                None,
            ),
        ],
    },
]


if __name__ == "__main__":
    out = Path(__file__).with_name("holdout.jsonl")
    lines = [json.dumps(build(article), ensure_ascii=False) for article in ARTICLES]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} articles, {sum(len(a['claims']) for a in ARTICLES)} claims to {out}")
