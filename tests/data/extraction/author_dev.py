"""Authoring source of the extraction dev set: articles written for claimwire, gold claims as substrings.

Run `uv run python tests/data/extraction/author_dev.py` to regenerate `dev.jsonl` (offsets are computed
from the substrings; the gold itself was decided by reading each article). Format: docs/extraction.md.

Each claim is a tuple: (claimant name, mention or None, cue or None, content, quantities, locations,
verification). Quantities are (value, unit, approximate); locations are place names as written.
"""

import json
from pathlib import Path

U, D, C = "unverified", "disputed", "confirmed"

ARTICLES = [
    {
        "id": "dev-01",
        "style": "agency",
        "source": "Northline Wire",
        "published_at": "2024-06-04T09:00:00Z",
        "text": (
            "KYIV, June 4 (Northline) - Ukraine's air force said on Tuesday that it shot down 22 of 27 drones "
            "launched overnight against the Odesa and Mykolaiv regions.\n"
            "Debris from one drone damaged a warehouse in Odesa, regional governor Oleh Kiper wrote on Telegram. "
            "No one was hurt, he added.\n"
            "Northline could not independently verify the figures."
        ),
        "claims": [
            (
                "air force",
                "Ukraine's air force",
                "said",
                "it shot down 22 of 27 drones launched overnight against the Odesa and Mykolaiv regions",
                [(22, "drones", False), (27, "drones", False)],
                ["Odesa", "Mykolaiv"],
                U,
            ),
            (
                "Oleh Kiper",
                "regional governor Oleh Kiper",
                "wrote on Telegram",
                "Debris from one drone damaged a warehouse in Odesa",
                [(1, "drone", False)],
                ["Odesa"],
                None,
            ),
            ("Oleh Kiper", "he", "added", "No one was hurt", [(0, "casualties", False)], [], None),
        ],
    },
    {
        "id": "dev-02",
        "style": "local",
        "source": "Valley Courier",
        "published_at": "2024-02-15T18:30:00Z",
        "text": (
            "A fire at a textile plant on the edge of Leeds forced the evacuation of about 300 workers on "
            "Thursday morning.\n"
            "Crews brought the blaze under control within two hours, according to West Yorkshire Fire and "
            'Rescue Service. "The building was cleared quickly and nobody needed hospital treatment," '
            "station manager Priya Shah said.\n"
            "The cause of the fire is being investigated."
        ),
        "claims": [
            (
                "Valley Courier",
                None,
                None,
                "A fire at a textile plant on the edge of Leeds forced the evacuation of about 300 workers on "
                "Thursday morning",
                [(300, "workers", True)],
                ["Leeds"],
                None,
            ),
            (
                "West Yorkshire Fire and Rescue Service",
                "West Yorkshire Fire and Rescue Service",
                "according to",
                "Crews brought the blaze under control within two hours",
                [],
                [],
                None,
            ),
            ("Valley Courier", None, None, "The cause of the fire is being investigated", [], [], None),
            (
                "Priya Shah",
                "station manager Priya Shah",
                "said",
                "The building was cleared quickly and nobody needed hospital treatment",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-03",
        "style": "political",
        "source": "Capitol Ledger",
        "published_at": "2024-03-21T22:00:00Z",
        "text": (
            "The Senate passed the stopgap spending bill by 68 votes to 31 late Thursday, sending it to the "
            "president's desk hours before a shutdown deadline.\n"
            "Majority Leader Dana Whitcombe said the measure would keep agencies funded until September. "
            "Republicans accused the administration of hiding the true cost of its border plan.\n"
            "The White House said the president would sign the bill on Friday."
        ),
        "claims": [
            (
                "Capitol Ledger",
                None,
                None,
                "The Senate passed the stopgap spending bill by 68 votes to 31 late Thursday, sending it to the "
                "president's desk hours before a shutdown deadline",
                [(68, "votes", False), (31, "votes", False)],
                [],
                None,
            ),
            (
                "Dana Whitcombe",
                "Majority Leader Dana Whitcombe",
                "said",
                "the measure would keep agencies funded until September",
                [],
                [],
                None,
            ),
            (
                "Republicans",
                "Republicans",
                "accused",
                "the administration of hiding the true cost of its border plan",
                [],
                [],
                None,
            ),
            ("White House", "The White House", "said", "the president would sign the bill on Friday", [], [], None),
        ],
    },
    {
        "id": "dev-04",
        "style": "official",
        "source": "Ministry of Health",
        "published_at": "2024-08-02T10:00:00Z",
        "text": (
            "The Ministry of Health confirms 14 new cases of cholera in Kisumu County since Monday, bringing "
            "the total this month to 61.\n"
            "Two patients have died. The Ministry has deployed rapid response teams and is distributing water "
            "purification tablets to affected households.\n"
            "Residents are urged to boil drinking water."
        ),
        "claims": [
            (
                "Ministry of Health",
                "The Ministry of Health",
                "confirms",
                "14 new cases of cholera in Kisumu County since Monday, bringing the total this month to 61",
                [(14, "cases", False), (61, "cases", False)],
                ["Kisumu County"],
                None,
            ),
            ("Ministry of Health", None, None, "Two patients have died", [(2, "killed", False)], [], None),
            (
                "Ministry of Health",
                None,
                None,
                "The Ministry has deployed rapid response teams and is distributing water purification tablets to "
                "affected households",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-05",
        "style": "liveblog",
        "source": "Frontline Live",
        "published_at": "2024-05-10T07:45:00Z",
        "text": (
            "07:40 Russian forces shelled the town of Vovchansk overnight, the Kharkiv regional administration "
            "said. Three civilians were wounded, it said.\n"
            "07:15 Moscow says its troops have taken control of the village of Strilecha. Ukraine's general "
            "staff denied the claim and said fighting was continuing."
        ),
        "claims": [
            (
                "Kharkiv regional administration",
                "the Kharkiv regional administration",
                "said",
                "Russian forces shelled the town of Vovchansk overnight",
                [],
                ["Vovchansk"],
                None,
            ),
            (
                "Kharkiv regional administration",
                "it",
                "said",
                "Three civilians were wounded",
                [(3, "wounded", False)],
                [],
                None,
            ),
            (
                "Moscow",
                "Moscow",
                "says",
                "its troops have taken control of the village of Strilecha",
                [],
                ["Strilecha"],
                D,
            ),
            ("general staff", "Ukraine's general staff", "said", "fighting was continuing", [], [], None),
        ],
    },
    {
        "id": "dev-06",
        "style": "agency",
        "source": "Meridian Press",
        "published_at": "2024-04-09T12:00:00Z",
        "text": (
            "GOMA, April 9 (Meridian) - Rebels of the M23 group seized the mining town of Rubaya in eastern "
            "Congo on Monday, two local officials told Meridian.\n"
            "The army did not respond to requests for comment. The group said in a statement that it had "
            "entered the town to protect civilians from militia attacks.\n"
            "More than 7,000 people have fled towards Goma since the weekend, the United Nations estimated."
        ),
        "claims": [
            (
                "two local officials",
                "two local officials",
                "told",
                "Rebels of the M23 group seized the mining town of Rubaya in eastern Congo on Monday",
                [],
                ["Rubaya", "Congo"],
                None,
            ),
            (
                "M23",
                "The group",
                "said in a statement that",
                "it had entered the town to protect civilians from militia attacks",
                [],
                [],
                None,
            ),
            (
                "United Nations",
                "the United Nations",
                "estimated",
                "More than 7,000 people have fled towards Goma since the weekend",
                [(7000, "people", True)],
                ["Goma"],
                None,
            ),
        ],
    },
    {
        "id": "dev-07",
        "style": "political",
        "source": "Rhine Observer",
        "published_at": "2024-01-17T16:00:00Z",
        "text": (
            "Chancellor Elke Brandt announced on Wednesday that the government would raise the minimum wage "
            "to 14 euros an hour from next year.\n"
            "The opposition Free Voters party called the move a pre-election gift. Its leader, Markus Vogel, "
            "claimed that the increase would cost 80,000 jobs in small businesses.\n"
            "Economists at the Kiel institute said the estimate was exaggerated."
        ),
        "claims": [
            (
                "Elke Brandt",
                "Chancellor Elke Brandt",
                "announced",
                "the government would raise the minimum wage to 14 euros an hour from next year",
                [(14, "euros", False)],
                [],
                None,
            ),
            (
                "Markus Vogel",
                "Its leader, Markus Vogel",
                "claimed",
                "the increase would cost 80,000 jobs in small businesses",
                [(80000, "jobs", False)],
                [],
                D,
            ),
            (
                "Economists at the Kiel institute",
                "Economists at the Kiel institute",
                "said",
                "the estimate was exaggerated",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-08",
        "style": "agency",
        "source": "Levant Desk",
        "published_at": "2024-07-23T08:00:00Z",
        "text": (
            "BEIRUT, July 23 (Levant Desk) - An Israeli strike on a car in southern Lebanon killed two men "
            "late Monday, the Lebanese health ministry said.\n"
            "The Israeli military said it had targeted a Hezbollah commander responsible for rocket launches "
            "toward the Galilee. Hezbollah has not commented.\n"
            "The claims could not be independently verified."
        ),
        "claims": [
            (
                "Lebanese health ministry",
                "the Lebanese health ministry",
                "said",
                "An Israeli strike on a car in southern Lebanon killed two men late Monday",
                [(2, "killed", False)],
                ["Lebanon"],
                U,
            ),
            (
                "Israeli military",
                "The Israeli military",
                "said",
                "it had targeted a Hezbollah commander responsible for rocket launches toward the Galilee",
                [],
                ["Galilee"],
                U,
            ),
        ],
    },
    {
        "id": "dev-09",
        "style": "local",
        "source": "Harbour Times",
        "published_at": "2024-09-12T14:00:00Z",
        "text": (
            "Police arrested three men after a break-in at a pharmacy on Dock Street in Cork early on Thursday.\n"
            "A spokeswoman for the Garda said the suspects, aged between 19 and 24, were being held at Bridewell "
            "station. Officers recovered a quantity of prescription medicines, she said.\n"
            "The pharmacy will reopen on Monday, its owner told the Harbour Times."
        ),
        "claims": [
            (
                "Harbour Times",
                None,
                None,
                "Police arrested three men after a break-in at a pharmacy on Dock Street in Cork early on Thursday",
                [(3, "men", False)],
                ["Cork"],
                None,
            ),
            (
                "Garda",
                "A spokeswoman for the Garda",
                "said",
                "the suspects, aged between 19 and 24, were being held at Bridewell station",
                [],
                [],
                None,
            ),
            ("Garda", "she", "said", "Officers recovered a quantity of prescription medicines", [], [], None),
            ("owner", "its owner", "told", "The pharmacy will reopen on Monday", [], [], None),
        ],
    },
    {
        "id": "dev-10",
        "style": "conflict",
        "source": "Sahel Monitor",
        "published_at": "2024-03-05T11:00:00Z",
        "text": (
            "Gunmen attacked a military post near Djibo in northern Burkina Faso on Sunday, according to "
            "security sources. At least 15 soldiers were killed, the sources said.\n"
            "An al-Qaeda affiliate, JNIM, claimed responsibility for the attack in a message on its "
            "propaganda channel. The army said it had repelled the assault and killed dozens of attackers, a "
            "figure that could not be checked."
        ),
        "claims": [
            (
                "security sources",
                "security sources",
                "according to",
                "Gunmen attacked a military post near Djibo in northern Burkina Faso on Sunday",
                [],
                ["Djibo", "Burkina Faso"],
                None,
            ),
            (
                "security sources",
                "the sources",
                "said",
                "At least 15 soldiers were killed",
                [(15, "killed", True)],
                [],
                None,
            ),
            ("JNIM", "An al-Qaeda affiliate, JNIM", "claimed responsibility for", "the attack", [], [], None),
            (
                "army",
                "The army",
                "said",
                "it had repelled the assault and killed dozens of attackers",
                [(24, "killed", True)],
                [],
                U,
            ),
        ],
    },
    {
        "id": "dev-11",
        "style": "political",
        "source": "Andes Report",
        "published_at": "2024-10-28T03:00:00Z",
        "text": (
            "Opposition candidate Lucia Ferreyra won Sunday's presidential run-off with 52.4 percent of the "
            "vote, the electoral council said after counting 98 percent of ballots.\n"
            "Her rival, Tomas Ibarra, refused to concede and alleged irregularities in three provinces. "
            "International observers said the vote had been orderly."
        ),
        "claims": [
            (
                "electoral council",
                "the electoral council",
                "said",
                "Opposition candidate Lucia Ferreyra won Sunday's presidential run-off with 52.4 percent of the vote",
                [(52.4, "percent", False)],
                [],
                None,
            ),
            (
                "Tomas Ibarra",
                "Her rival, Tomas Ibarra",
                "alleged",
                "irregularities in three provinces",
                [(3, "provinces", False)],
                [],
                None,
            ),
            ("International observers", "International observers", "said", "the vote had been orderly", [], [], None),
        ],
    },
    {
        "id": "dev-12",
        "style": "official",
        "source": "State Emergency Service",
        "published_at": "2024-04-20T06:00:00Z",
        "text": (
            "Rescuers have pulled 11 people from the rubble of a five-storey residential building in Dnipro "
            "after a missile strike overnight.\n"
            "The bodies of four residents were recovered. Search operations are continuing at the site.\n"
            "The regional military administration said the missile was launched from the Black Sea."
        ),
        "claims": [
            (
                "State Emergency Service",
                None,
                None,
                "Rescuers have pulled 11 people from the rubble of a five-storey residential building in Dnipro "
                "after a missile strike overnight",
                [(11, "people", False)],
                ["Dnipro"],
                None,
            ),
            (
                "State Emergency Service",
                None,
                None,
                "The bodies of four residents were recovered",
                [(4, "killed", False)],
                [],
                None,
            ),
            ("State Emergency Service", None, None, "Search operations are continuing at the site", [], [], None),
            (
                "regional military administration",
                "The regional military administration",
                "said",
                "the missile was launched from the Black Sea",
                [],
                ["Black Sea"],
                None,
            ),
        ],
    },
    {
        "id": "dev-13",
        "style": "agency",
        "source": "Pacific Wire",
        "published_at": "2024-11-06T05:00:00Z",
        "text": (
            "MANILA, Nov 6 (Pacific Wire) - Typhoon Yinxing killed at least nine people and displaced more "
            "than 40,000 in northern Luzon, disaster officials said on Wednesday.\n"
            "The storm destroyed some 1,200 homes, the national disaster agency reported. Flights at two "
            "regional airports were suspended."
        ),
        "claims": [
            (
                "disaster officials",
                "disaster officials",
                "said",
                "Typhoon Yinxing killed at least nine people and displaced more than 40,000 in northern Luzon",
                [(9, "killed", True), (40000, "displaced", True)],
                ["Luzon"],
                None,
            ),
            (
                "national disaster agency",
                "the national disaster agency",
                "reported",
                "The storm destroyed some 1,200 homes",
                [(1200, "homes", True)],
                [],
                None,
            ),
            (
                "Pacific Wire",
                None,
                None,
                "Flights at two regional airports were suspended",
                [(2, "airports", False)],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-14",
        "style": "conflict",
        "source": "Gulf Dispatch",
        "published_at": "2024-01-13T09:00:00Z",
        "text": (
            "The Houthi movement said on Saturday it had fired anti-ship missiles at a cargo vessel in the Red "
            "Sea. A spokesman for the group, Yahya Saree, said the ship was hit directly.\n"
            "The US military's Central Command said the missiles missed and no damage was reported. Shipping "
            "firms said they would keep diverting vessels around Africa."
        ),
        "claims": [
            (
                "Houthi movement",
                "The Houthi movement",
                "said",
                "it had fired anti-ship missiles at a cargo vessel in the Red Sea",
                [],
                ["Red Sea"],
                None,
            ),
            (
                "Yahya Saree",
                "A spokesman for the group, Yahya Saree",
                "said",
                "the ship was hit directly",
                [],
                [],
                None,
            ),
            (
                "Central Command",
                "The US military's Central Command",
                "said",
                "the missiles missed and no damage was reported",
                [],
                [],
                None,
            ),
            (
                "Shipping firms",
                "Shipping firms",
                "said",
                "they would keep diverting vessels around Africa",
                [],
                ["Africa"],
                None,
            ),
        ],
    },
    {
        "id": "dev-15",
        "style": "local",
        "source": "Prairie Daily",
        "published_at": "2024-05-22T20:00:00Z",
        "text": (
            "The city council voted 7-2 on Tuesday to close two branch libraries in Regina to save money.\n"
            "Councillor Amy Cho said the closures would save about 900,000 dollars a year. Library workers "
            "protested outside city hall before the vote, saying the cuts would hurt low-income families.\n"
            "The libraries will shut in September."
        ),
        "claims": [
            (
                "Prairie Daily",
                None,
                None,
                "The city council voted 7-2 on Tuesday to close two branch libraries in Regina to save money",
                [(2, "libraries", False)],
                ["Regina"],
                None,
            ),
            (
                "Amy Cho",
                "Councillor Amy Cho",
                "said",
                "the closures would save about 900,000 dollars a year",
                [(900000, "dollars", True)],
                [],
                None,
            ),
            ("Library workers", "Library workers", "saying", "the cuts would hurt low-income families", [], [], None),
            ("Prairie Daily", None, None, "The libraries will shut in September", [], [], None),
        ],
    },
    {
        "id": "dev-16",
        "style": "conflict",
        "source": "Eastern Front Review",
        "published_at": "2024-02-18T10:00:00Z",
        "text": (
            "Russia's defence ministry said its forces had taken full control of Avdiivka, a town in Ukraine's "
            "Donetsk region, after months of fighting.\n"
            "Ukraine's top commander, Oleksandr Syrskyi, said on Saturday he had ordered troops to withdraw to "
            "avoid encirclement. He said the decision had saved soldiers' lives.\n"
            "Independent analysts said Russia had paid a heavy price for the gain."
        ),
        "claims": [
            (
                "Russia's defence ministry",
                "Russia's defence ministry",
                "said",
                "its forces had taken full control of Avdiivka, a town in Ukraine's Donetsk region, after months of "
                "fighting",
                [],
                ["Avdiivka", "Ukraine", "Donetsk region"],
                None,
            ),
            (
                "Oleksandr Syrskyi",
                "Ukraine's top commander, Oleksandr Syrskyi",
                "said",
                "he had ordered troops to withdraw to avoid encirclement",
                [],
                [],
                None,
            ),
            ("Oleksandr Syrskyi", "He", "said", "the decision had saved soldiers' lives", [], [], None),
            (
                "Independent analysts",
                "Independent analysts",
                "said",
                "Russia had paid a heavy price for the gain",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-17",
        "style": "official",
        "source": "Office of the Prime Minister",
        "published_at": "2024-06-28T12:00:00Z",
        "text": (
            "The Prime Minister today met the President of Kenya in Nairobi to discuss trade and security.\n"
            "The two leaders agreed to open a joint investment fund worth 500 million dollars. The Prime "
            "Minister said the fund would create jobs in both countries.\n"
            "A joint statement will be published on Monday."
        ),
        "claims": [
            (
                "Office of the Prime Minister",
                None,
                None,
                "The Prime Minister today met the President of Kenya in Nairobi to discuss trade and security",
                [],
                ["Kenya", "Nairobi"],
                None,
            ),
            (
                "Office of the Prime Minister",
                None,
                None,
                "The two leaders agreed to open a joint investment fund worth 500 million dollars",
                [(2, "leaders", False), (500000000, "dollars", False)],
                [],
                None,
            ),
            ("Office of the Prime Minister", None, None, "A joint statement will be published on Monday", [], [], None),
            (
                "Prime Minister",
                "The Prime Minister",
                "said",
                "the fund would create jobs in both countries",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-18",
        "style": "agency",
        "source": "Caucasus Wire",
        "published_at": "2024-05-14T17:00:00Z",
        "text": (
            "TBILISI, May 14 (Caucasus Wire) - Georgia's parliament approved the contested foreign agents law "
            "on Tuesday by 84 votes to 30, despite weeks of street protests.\n"
            "Tens of thousands of people rallied outside the building, police said. The European Union said "
            "the law was incompatible with the country's membership bid."
        ),
        "claims": [
            (
                "Caucasus Wire",
                None,
                None,
                "Georgia's parliament approved the contested foreign agents law on Tuesday by 84 votes to 30, "
                "despite weeks of street protests",
                [(84, "votes", False), (30, "votes", False)],
                ["Georgia"],
                None,
            ),
            (
                "police",
                "police",
                "said",
                "Tens of thousands of people rallied outside the building",
                [(20000, "people", True)],
                [],
                None,
            ),
            (
                "European Union",
                "The European Union",
                "said",
                "the law was incompatible with the country's membership bid",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-19",
        "style": "liveblog",
        "source": "World Desk Live",
        "published_at": "2024-10-01T21:00:00Z",
        "text": (
            "21:05 Iran's Revolutionary Guards say they have fired a wave of ballistic missiles at Israel.\n"
            "20:50 Air raid sirens are sounding across central Israel, the Israeli military says. It urged "
            "residents to stay near shelters.\n"
            "20:30 A US official told reporters that Washington had warned Israel of an imminent attack."
        ),
        "claims": [
            (
                "Revolutionary Guards",
                "Iran's Revolutionary Guards",
                "say",
                "they have fired a wave of ballistic missiles at Israel",
                [],
                ["Israel"],
                None,
            ),
            (
                "Israeli military",
                "the Israeli military",
                "says",
                "Air raid sirens are sounding across central Israel",
                [],
                ["Israel"],
                None,
            ),
            ("Israeli military", "It", "urged", "residents to stay near shelters", [], [], None),
            (
                "A US official",
                "A US official",
                "told",
                "Washington had warned Israel of an imminent attack",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-20",
        "style": "local",
        "source": "Lakeside Gazette",
        "published_at": "2024-03-08T15:00:00Z",
        "text": (
            "Two schools in Duluth will stay closed on Friday after a water main burst under a nearby street, "
            "the school district announced.\n"
            "About 1,100 pupils are affected. District spokesman Ray Olsen said lessons would move online until "
            "repairs were finished, probably by Tuesday."
        ),
        "claims": [
            (
                "school district",
                "the school district",
                "announced",
                "Two schools in Duluth will stay closed on Friday after a water main burst under a nearby street",
                [(2, "schools", False)],
                ["Duluth"],
                None,
            ),
            ("Lakeside Gazette", None, None, "About 1,100 pupils are affected", [(1100, "pupils", True)], [], None),
            (
                "Ray Olsen",
                "District spokesman Ray Olsen",
                "said",
                "lessons would move online until repairs were finished, probably by Tuesday",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-21",
        "style": "conflict",
        "source": "Horn Bulletin",
        "published_at": "2024-06-16T09:00:00Z",
        "text": (
            "Fighting between the army and the Rapid Support Forces killed at least 40 civilians in El Fasher "
            "over the weekend, a local resistance committee said.\n"
            "The RSF denied targeting civilians and accused the army of shelling residential areas. Medecins "
            "Sans Frontieres said its hospital in the city had received 120 wounded patients since Friday."
        ),
        "claims": [
            (
                "local resistance committee",
                "a local resistance committee",
                "said",
                "Fighting between the army and the Rapid Support Forces killed at least 40 civilians in El Fasher "
                "over the weekend",
                [(40, "killed", True)],
                ["El Fasher"],
                D,
            ),
            ("Rapid Support Forces", "The RSF", "denied", "targeting civilians", [], [], None),
            ("Rapid Support Forces", "The RSF", "accused", "the army of shelling residential areas", [], [], None),
            (
                "Medecins Sans Frontieres",
                "Medecins Sans Frontieres",
                "said",
                "its hospital in the city had received 120 wounded patients since Friday",
                [(120, "wounded", False)],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-22",
        "style": "political",
        "source": "Westminster Brief",
        "published_at": "2024-07-05T08:00:00Z",
        "text": (
            "Labour won 412 of the 650 seats in Thursday's general election, ending 14 years of Conservative "
            "government.\n"
            'The outgoing prime minister conceded defeat in a speech in Richmond. "The British people have '
            'delivered a sobering verdict," he said.\n'
            "Turnout was about 60 percent, the lowest in two decades, the Electoral Commission said."
        ),
        "claims": [
            (
                "Westminster Brief",
                None,
                None,
                "Labour won 412 of the 650 seats in Thursday's general election, ending 14 years of Conservative "
                "government",
                [(412, "seats", False), (650, "seats", False)],
                [],
                None,
            ),
            (
                "outgoing prime minister",
                "he",
                "said",
                "The British people have delivered a sobering verdict",
                [],
                [],
                None,
            ),
            (
                "Electoral Commission",
                "the Electoral Commission",
                "said",
                "Turnout was about 60 percent, the lowest in two decades",
                [(60, "percent", True)],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-23",
        "style": "agency",
        "source": "Northline Wire",
        "published_at": "2024-09-03T13:00:00Z",
        "text": (
            "POLTAVA, Sept 3 (Northline) - Two Russian ballistic missiles struck a military training institute "
            "in Poltava on Tuesday, killing at least 41 people and wounding more than 180, President Volodymyr "
            "Zelenskiy said.\n"
            "According to the defence ministry, the missiles hit shortly after an air raid alert sounded. Moscow "
            "has not commented on the strike."
        ),
        "claims": [
            (
                "Volodymyr Zelenskiy",
                "President Volodymyr Zelenskiy",
                "said",
                "Two Russian ballistic missiles struck a military training institute in Poltava on Tuesday, killing "
                "at least 41 people and wounding more than 180",
                [(2, "missiles", False), (41, "killed", True), (180, "wounded", True)],
                ["Poltava"],
                None,
            ),
            (
                "defence ministry",
                "the defence ministry",
                "According to",
                "the missiles hit shortly after an air raid alert sounded",
                [],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-24",
        "style": "local",
        "source": "Coastal Herald",
        "published_at": "2024-08-19T11:00:00Z",
        "text": (
            "A 62-year-old swimmer died after getting into difficulty off the beach at Brighton on Sunday "
            "afternoon, Sussex Police said.\n"
            "Lifeguards brought the man ashore but he could not be revived. Police said the death was not being "
            "treated as suspicious. The beach reopened later in the day."
        ),
        "claims": [
            (
                "Sussex Police",
                "Sussex Police",
                "said",
                "A 62-year-old swimmer died after getting into difficulty off the beach at Brighton on Sunday "
                "afternoon",
                [],
                ["Brighton"],
                None,
            ),
            (
                "Coastal Herald",
                None,
                None,
                "Lifeguards brought the man ashore but he could not be revived",
                [],
                [],
                None,
            ),
            ("Sussex Police", "Police", "said", "the death was not being treated as suspicious", [], [], None),
            ("Coastal Herald", None, None, "The beach reopened later in the day", [], [], None),
        ],
    },
    {
        "id": "dev-25",
        "style": "official",
        "source": "Ministry of Defence",
        "published_at": "2024-04-25T09:00:00Z",
        "text": (
            "The Ministry of Defence announces the purchase of six additional HIMARS launchers from the United "
            "States. The contract is worth about 200 million euros.\n"
            'Minister Hanno Pevkur said the systems would be delivered by 2026. "This strengthens our deterrence '
            "on NATO's eastern flank,\" he said."
        ),
        "claims": [
            (
                "Ministry of Defence",
                "The Ministry of Defence",
                "announces",
                "the purchase of six additional HIMARS launchers from the United States",
                [(6, "launchers", False)],
                ["United States"],
                None,
            ),
            (
                "Ministry of Defence",
                None,
                None,
                "The contract is worth about 200 million euros",
                [(200000000, "euros", True)],
                [],
                None,
            ),
            ("Hanno Pevkur", "Minister Hanno Pevkur", "said", "the systems would be delivered by 2026", [], [], None),
            ("Hanno Pevkur", "he", "said", "This strengthens our deterrence on NATO's eastern flank", [], [], None),
        ],
    },
    {
        "id": "dev-26",
        "style": "conflict",
        "source": "Levant Desk",
        "published_at": "2024-11-30T10:00:00Z",
        "text": (
            "Syrian rebels led by Hayat Tahrir al-Sham said they had entered the city of Aleppo, the first time "
            "opposition forces have reached it since 2016.\n"
            "The Syrian army said it was redeploying troops to protect civilians and acknowledged that dozens of "
            "its soldiers had been killed. Russia said its air force had struck rebel positions in Idlib "
            "province, a claim that could not be verified."
        ),
        "claims": [
            (
                "Hayat Tahrir al-Sham",
                "Syrian rebels led by Hayat Tahrir al-Sham",
                "said",
                "they had entered the city of Aleppo, the first time opposition forces have reached it since 2016",
                [],
                ["Aleppo"],
                None,
            ),
            ("Syrian army", "The Syrian army", "said", "it was redeploying troops to protect civilians", [], [], None),
            (
                "Syrian army",
                "The Syrian army",
                "acknowledged",
                "dozens of its soldiers had been killed",
                [(24, "killed", True)],
                [],
                None,
            ),
            (
                "Russia",
                "Russia",
                "said",
                "its air force had struck rebel positions in Idlib province",
                [],
                ["Idlib province"],
                U,
            ),
        ],
    },
    {
        "id": "dev-27",
        "style": "political",
        "source": "Delhi Post",
        "published_at": "2024-06-04T19:00:00Z",
        "text": (
            "The ruling alliance won 293 seats in the general election, short of the landslide it had predicted, "
            "results from the Election Commission showed on Tuesday.\n"
            "The opposition INDIA bloc took 234 seats. Its leader, Arjun Rao, said the result was a rejection of the "
            "government's politics of division.\n"
            "Markets fell nearly 6 percent on the news."
        ),
        "claims": [
            (
                "Election Commission",
                "the Election Commission",
                "showed",
                "The ruling alliance won 293 seats in the general election, short of the landslide it had predicted",
                [(293, "seats", False)],
                [],
                None,
            ),
            ("Delhi Post", None, None, "The opposition INDIA bloc took 234 seats", [(234, "seats", False)], [], None),
            (
                "Arjun Rao",
                "Its leader, Arjun Rao",
                "said",
                "the result was a rejection of the government's politics of division",
                [],
                [],
                None,
            ),
            ("Delhi Post", None, None, "Markets fell nearly 6 percent on the news", [(6, "percent", True)], [], None),
        ],
    },
    {
        "id": "dev-28",
        "style": "agency",
        "source": "Meridian Press",
        "published_at": "2024-07-19T15:00:00Z",
        "text": (
            "A freight train derailed near the town of Lviv early on Friday, spilling fuel from four tanker "
            "cars, Ukraine's railway operator said.\n"
            "No injuries were reported. The operator said it was investigating whether sabotage was involved. "
            "Traffic on the line was suspended for several hours."
        ),
        "claims": [
            (
                "railway operator",
                "Ukraine's railway operator",
                "said",
                "A freight train derailed near the town of Lviv early on Friday, spilling fuel from four tanker cars",
                [(4, "cars", False)],
                ["Lviv"],
                None,
            ),
            ("railway operator", None, None, "No injuries were reported", [(0, "casualties", False)], [], None),
            (
                "railway operator",
                "The operator",
                "said",
                "it was investigating whether sabotage was involved",
                [],
                [],
                None,
            ),
            ("Meridian Press", None, None, "Traffic on the line was suspended for several hours", [], [], None),
        ],
    },
    {
        "id": "dev-29",
        "style": "conflict",
        "source": "Kyiv Ledger",
        "published_at": "2024-08-13T09:00:00Z",
        "text": (
            "Ukrainian troops have advanced up to 35 kilometres into Russia's Kursk region and control 74 "
            "settlements, Ukraine's commander-in-chief said on Tuesday.\n"
            "The acting governor of Kursk, Alexei Smirnov, said 121,000 people had been evacuated from border "
            "districts. The figures have not been independently confirmed."
        ),
        "claims": [
            (
                "commander-in-chief",
                "Ukraine's commander-in-chief",
                "said",
                "Ukrainian troops have advanced up to 35 kilometres into Russia's Kursk region and control 74 "
                "settlements",
                [(35, "kilometres", False), (74, "settlements", False)],
                ["Russia", "Kursk region"],
                U,
            ),
            (
                "Alexei Smirnov",
                "The acting governor of Kursk, Alexei Smirnov",
                "said",
                "121,000 people had been evacuated from border districts",
                [(121000, "people", False)],
                [],
                U,
            ),
        ],
    },
    {
        "id": "dev-30",
        "style": "local",
        "source": "Riverside Echo",
        "published_at": "2024-12-10T18:00:00Z",
        "text": (
            "Nurses at Riverside General Hospital will strike for 48 hours from Thursday over pay, their union "
            "said on Tuesday.\n"
            "The hospital trust said planned operations would be postponed but emergency care would continue. "
            "About 600 nurses are expected to take part."
        ),
        "claims": [
            (
                "union",
                "their union",
                "said",
                "Nurses at Riverside General Hospital will strike for 48 hours from Thursday over pay",
                [],
                [],
                None,
            ),
            (
                "hospital trust",
                "The hospital trust",
                "said",
                "planned operations would be postponed but emergency care would continue",
                [],
                [],
                None,
            ),
            (
                "Riverside Echo",
                None,
                None,
                "About 600 nurses are expected to take part",
                [(600, "nurses", True)],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-31",
        "style": "conflict",
        "source": "Gulf Dispatch",
        "published_at": "2024-10-26T07:00:00Z",
        "text": (
            "Israel carried out strikes on military targets in Iran early on Saturday, the Israeli military said, "
            "in response to Iranian missile attacks this month.\n"
            "Iranian state media reported explosions near Tehran but said air defences had intercepted most of the "
            "projectiles. Two Iranian soldiers were killed, the army said in a statement."
        ),
        "claims": [
            (
                "Israeli military",
                "the Israeli military",
                "said",
                "Israel carried out strikes on military targets in Iran early on Saturday",
                [],
                ["Iran"],
                None,
            ),
            ("Iranian state media", "Iranian state media", "reported", "explosions near Tehran", [], ["Tehran"], None),
            (
                "Iranian state media",
                "Iranian state media",
                "said",
                "air defences had intercepted most of the projectiles",
                [],
                [],
                None,
            ),
            (
                "army",
                "the army",
                "said in a statement",
                "Two Iranian soldiers were killed",
                [(2, "killed", False)],
                [],
                None,
            ),
        ],
    },
    {
        "id": "dev-32",
        "style": "political",
        "source": "Capitol Ledger",
        "published_at": "2024-02-06T21:00:00Z",
        "text": (
            "A federal appeals court ruled on Tuesday that the former president is not immune from prosecution "
            "over his efforts to overturn the 2020 election.\n"
            "His lawyers said they would appeal to the Supreme Court. The special counsel's office declined to "
            "comment."
        ),
        "claims": [
            (
                "federal appeals court",
                "A federal appeals court",
                "ruled",
                "the former president is not immune from prosecution over his efforts to overturn the 2020 election",
                [],
                [],
                None,
            ),
            ("His lawyers", "His lawyers", "said", "they would appeal to the Supreme Court", [], [], None),
        ],
    },
]


def _find_near(text: str, needle: str, anchor: tuple[int, int]) -> int:
    """Offset of the occurrence of `needle` nearest to the content span (mentions and cues repeat)."""
    hits = []
    at = text.find(needle)
    while at != -1:
        hits.append(at)
        at = text.find(needle, at + 1)
    if not hits:
        raise ValueError(f"{needle!r} not in text")
    start, end = anchor
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    sentence_end = min(stops) if stops else len(text)
    inside = [h for h in hits if sentence_start <= h < sentence_end] or hits
    return min(inside, key=lambda h: min(abs(h - start), abs(h + len(needle) - start), abs(h - end)))


def _span(text: str, needle: str | None, anchor: tuple[int, int]) -> dict | None:
    if needle is None:
        return None
    start = _find_near(text, needle, anchor)
    return {"text": needle, "start": start, "end": start + len(needle)}


def build(article: dict) -> dict:
    """One dev-set line: the article and its gold claims with offsets."""
    text = article["text"]
    claims = []
    for name, mention, cue, content, quantities, locations, verification in article["claims"]:
        if text.count(content) != 1:
            raise ValueError(f"{article['id']}: content not unique: {content!r}")
        start = text.index(content)
        anchor = (start, start + len(content))
        claims.append(
            {
                "claimant": {"name": name, "mention": _span(text, mention, anchor)},
                "cue": _span(text, cue, anchor),
                "content": {"text": content, "start": start, "end": start + len(content)},
                "quantities": [{"value": v, "unit": u, "approximate": a} for v, u, a in quantities],
                "locations": [{"name": n} for n in locations],
                "verification": verification or "unknown",
            }
        )
    return {key: article[key] for key in ("id", "style", "source", "published_at", "text")} | {"claims": claims}


if __name__ == "__main__":
    out = Path(__file__).with_name("dev.jsonl")
    lines = [json.dumps(build(article), ensure_ascii=False) for article in ARTICLES]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} articles, {sum(len(a['claims']) for a in ARTICLES)} claims to {out}")
