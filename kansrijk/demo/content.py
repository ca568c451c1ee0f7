"""The fixed, hand-written part of the demo: places, partners, people and the monitoring plan.

Everything here is invented. The numbers that go with it are generated in ``figures.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kansrijk.coalitions.models import Domain, Role

SOURCE_NAME = "Fictieve demogegevens"
GEOMETRY_SOURCE = "Fictief: gegenereerd voor de demo"
GEOMETRY_YEAR = 2024

COUNTRY_CODE = "NL01"
COUNTRY_NAME = "Nederland"
MUNICIPALITY_CODE = "GM9999"
MUNICIPALITY_NAME = "Voorbeeldstad"

COALITION_NAME = "Kansrijke Start Voorbeeldstad"
COALITION_SLUG = "voorbeeldstad"
COALITION_EMAIL = "kansrijkestart@voorbeeldstad.example"
COALITION_DESCRIPTION = (
    "Dit is een fictieve coalitie om de Lerende Lokale Monitor Kansrijke Start uit te "
    "proberen. Voorbeeldstad, haar wijken, partners, mensen en alle cijfers zijn verzonnen; "
    "ze lijken op echte cijfers, maar zeggen niets over een echte gemeente."
)

FIRST_YEAR = 2018
LAST_YEAR = 2024
BASELINE_YEAR = 2019
TARGET_YEAR = 2027

DEMO_PASSWORD = "kansrijk-demo"


@dataclass(frozen=True)
class Wijk:
    suffix: str  # the last two digits of the wijk code
    name: str
    inhabitants: int  # in LAST_YEAR
    birth_rate: float  # live births per 1,000 inhabitants
    deprivation: float  # 1 = average; rates of "social" indicators follow it
    row: int  # position in the 3 × 3 map grid, row 0 = north
    col: int  # column 0 = west


# Small wijken (Kanaalzone, Buitengebied) have about a dozen births a year, so many of their
# counts fall below 10 and give small-number suppression something to do.
WIJKEN = (
    Wijk("01", "Centrum", 9_800, 8.5, 1.0, 1, 1),
    Wijk("02", "Oosterpark", 11_600, 13.5, 1.7, 1, 2),
    Wijk("03", "Westwijk", 8_300, 10.5, 1.1, 1, 0),
    Wijk("04", "Noorderhaven", 6_200, 11.0, 1.3, 0, 0),
    Wijk("05", "Zuiderveld", 12_900, 11.5, 0.7, 2, 1),
    Wijk("06", "De Akkers", 7_400, 12.0, 0.8, 2, 2),
    Wijk("07", "Bloemenwijk", 4_300, 9.0, 0.6, 2, 0),
    Wijk("08", "Kanaalzone", 1_050, 9.5, 1.9, 0, 1),
    Wijk("09", "Buitengebied", 1_350, 8.0, 0.8, 0, 2),
)

# The wijk split into buurten (suffix, name, share of the wijk's inhabitants), listed as
# quadrants north-west, north-east, south-east, south-west.
BUURTEN_WIJK = "01"
BUURTEN = (
    ("00", "Binnenstad", 0.30),
    ("01", "Havenkwartier", 0.20),
    ("02", "Stationskwartier", 0.28),
    ("03", "Vestingwal", 0.22),
)

PARTNERS = (
    ("Verloskundigenpraktijk De Wieg", Domain.MEDICAL),
    ("Kraamzorg Voorbeeldstad", Domain.MEDICAL),
    ("JGZ Voorbeeldstad", Domain.SOCIAL),
    ("CJG Voorbeeldstad", Domain.SOCIAL),
    ("Gemeente Voorbeeldstad", Domain.SOCIAL),
    ("Schuldhulp Voorbeeldstad", Domain.SOCIAL),
)


@dataclass(frozen=True)
class DemoUser:
    email: str
    first_name: str
    last_name: str
    role: str | None  # coalition role; None for the staff superuser
    partner: str | None = None
    label: str = ""  # how the printed login list names this person

    @property
    def is_staff(self) -> bool:
        return self.role is None


USERS = (
    DemoUser(
        "coordinator@voorbeeldstad.example",
        "Carla",
        "de Vries",
        Role.COORDINATOR,
        "Gemeente Voorbeeldstad",
        "coördinator",
    ),
    DemoUser(
        "redacteur@voorbeeldstad.example",
        "Ruben",
        "Jansen",
        Role.EDITOR,
        "JGZ Voorbeeldstad",
        "redacteur",
    ),
    DemoUser(
        "lezer@voorbeeldstad.example",
        "Lotte",
        "Bakker",
        Role.VIEWER,
        "Verloskundigenpraktijk De Wieg",
        "lezer",
    ),
    DemoUser("beheer@voorbeeldstad.example", "Bram", "Beheer", None, None, "beheerder"),
)

# The coalition's own indicator, with quarterly registration figures per wijk.
OWN_INDICATOR = {
    "code": "voorbeeldstad_centering_reach",
    "name_nl": "Deelnemers CenteringZwangerschap (eigen registratie)",
    "name_en": "Participants in CenteringPregnancy (own registration)",
    "definition": (
        "Aantal zwangeren dat in het kwartaal aan een eerste groepsbijeenkomst van "
        "CenteringZwangerschap deelnam, naar woonwijk. Fictieve registratie van "
        "Verloskundigenpraktijk De Wieg."
    ),
    "numerator": "Zwangeren met een eerste groepsbijeenkomst in het kwartaal.",
    "unit": "count",
    "phase": "pregnancy",
    "direction": "higher",
    "indicator_set": "other",
    "lowest_level": "wijk",
}
OWN_INDICATOR_PARTNER = "Verloskundigenpraktijk De Wieg"
OWN_FIRST_YEAR = 2022


@dataclass(frozen=True)
class Link:
    """An indicator in the plan; the baseline comes from the generated figures."""

    code: str
    improvement: float = 0.2  # the target is this much better than the baseline
    baseline_year: int = BASELINE_YEAR


@dataclass(frozen=True)
class PlanActivity:
    title: str
    description: str
    partners: tuple[str, ...]
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class PlanGoal:
    title: str
    description: str
    links: tuple[Link, ...]
    activities: tuple[PlanActivity, ...]


@dataclass(frozen=True)
class PlanAmbition:
    title: str
    description: str
    goals: tuple[PlanGoal, ...]


PLAN = (
    PlanAmbition(
        "Elk kind in Voorbeeldstad krijgt een gezonde start",
        "Minder kinderen worden te vroeg of te klein geboren, vooral in Oosterpark en de "
        "Kanaalzone.",
        (
            PlanGoal(
                "Zwangeren beginnen vóór de 10e week met zwangerschapsbegeleiding",
                "Een vroege start geeft tijd om risico's te zien en hulp te regelen.",
                (Link("late_start_prenatal_care", 0.25),),
                (
                    PlanActivity(
                        "Voorlichting over een vroege eerste afspraak via huisartsen, wijkteams "
                        "en het taalhuis",
                        "Folders in eenvoudige taal en een korte uitleg in vijf talen.",
                        ("CJG Voorbeeldstad", "Verloskundigenpraktijk De Wieg"),
                    ),
                ),
            ),
            PlanGoal(
                "Minder kinderen worden te vroeg of te klein geboren (BIG2)",
                "Samen werken aan leefstijl en zorg tijdens de zwangerschap.",
                (Link("big2", 0.15),),
                (
                    PlanActivity(
                        "CenteringZwangerschap in Oosterpark en de Kanaalzone",
                        "Zwangerschapszorg in groepen van 8 tot 12 zwangeren.",
                        ("Verloskundigenpraktijk De Wieg", "JGZ Voorbeeldstad"),
                        (Link(OWN_INDICATOR["code"], 2.5, OWN_FIRST_YEAR),),
                    ),
                    PlanActivity(
                        "Stoppen-met-rokenbegeleiding voor (aanstaande) ouders",
                        "De verloskundige verwijst door; de begeleiding is gratis.",
                        ("Verloskundigenpraktijk De Wieg", "Gemeente Voorbeeldstad"),
                        (Link("smoking_women_19_45", 0.2),),
                    ),
                ),
            ),
            PlanGoal(
                "Meer baby's krijgen tot hun derde maand borstvoeding",
                "Moeders krijgen ook na de kraamweek hulp als de borstvoeding niet lukt.",
                (Link("breastfeeding_3m", 0.1),),
                (
                    PlanActivity(
                        "Borstvoedingssteun thuis na de kraamweek",
                        "De kraamzorg draagt over aan de JGZ; een lactatiekundige komt langs "
                        "als het nodig is.",
                        ("Kraamzorg Voorbeeldstad", "JGZ Voorbeeldstad"),
                    ),
                ),
            ),
        ),
    ),
    PlanAmbition(
        "Gezinnen in een kwetsbare situatie worden eerder gezien en geholpen",
        "Medisch en sociaal domein signaleren samen en verwijzen warm door.",
        (
            PlanGoal(
                "Meer zwangeren in een kwetsbare situatie krijgen een prenataal huisbezoek",
                "De verloskundige meldt, de JGZ gaat op bezoek.",
                (Link("phb_jgz_reach", 1.0, 2022),),  # a legal duty since 2022
                (
                    PlanActivity(
                        "Werkafspraken verloskundigen en JGZ over het prenataal huisbezoek",
                        "Eén aanmeldformulier en een vast overleg per kwartaal.",
                        ("Verloskundigenpraktijk De Wieg", "JGZ Voorbeeldstad"),
                    ),
                ),
            ),
            PlanGoal(
                "Iedere moeder krijgt kraamzorg",
                "Geld of onbekendheid mag geen reden zijn om af te zien van kraamzorg.",
                (Link("no_maternity_care", 0.3),),
                (
                    PlanActivity(
                        "Eigen bijdrage kraamzorg vergoeden via de bijzondere bijstand",
                        "De kraamzorgorganisatie wijst op de regeling bij de intake.",
                        ("Kraamzorg Voorbeeldstad", "Gemeente Voorbeeldstad"),
                    ),
                ),
            ),
        ),
    ),
    PlanAmbition(
        "Minder geldzorgen rond zwangerschap en geboorte",
        "Schulden en armoede geven stress die een kind vanaf het begin raakt.",
        (
            PlanGoal(
                "Minder zwangeren met problematische schulden",
                "Schulden vroeg zien en snel hulp bieden.",
                (Link("problematic_debt_pregnant", 0.2),),
                (
                    PlanActivity(
                        "Spreekuur schuldhulp op het consultatiebureau en bij de verloskundige",
                        "Elke week een inloopspreekuur, zonder afspraak.",
                        (
                            "Schuldhulp Voorbeeldstad",
                            "JGZ Voorbeeldstad",
                            "Verloskundigenpraktijk De Wieg",
                        ),
                    ),
                ),
            ),
            PlanGoal(
                "Minder jonge kinderen groeien op in een gezin met een laag inkomen",
                "Gezinnen krijgen de toeslagen en regelingen waar ze recht op hebben.",
                (Link("children_low_income", 0.15),),
                (
                    PlanActivity(
                        "Toeslagen en regelingen bespreken bij het eerste JGZ-bezoek",
                        "Met de geldcheck van het CJG.",
                        ("CJG Voorbeeldstad", "Gemeente Voorbeeldstad"),
                    ),
                ),
            ),
        ),
    ),
)
