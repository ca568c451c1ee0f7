"""What the demo coalition chose for its dashboards: the public page for parents and residents,
and the headline indicators for bestuur en raad. Every text is invented, like the figures it
explains; ``learning.compose_dashboard`` saves it through ``kansrijk.dashboards.composing``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    code: str  # an indicator of the plan (content.PLAN)
    plain_text: str  # in plain words (B1) for the audience
    show_wijken: bool = False  # public page only


PUBLIC_INTRO = (
    "Op deze pagina ziet u hoe het gaat met zwangeren, baby's en jonge gezinnen in "
    "Voorbeeldstad. Verloskundigen, kraamzorg, het consultatiebureau, het CJG en de gemeente "
    "werken samen aan een goede start voor elk kind. Let op: Voorbeeldstad bestaat niet. Alle "
    "cijfers en verhalen op deze pagina zijn verzonnen."
)

COUNCIL_INTRO = (
    "De belangrijkste cijfers van de coalitie Kansrijke Start Voorbeeldstad, met wat ze "
    "betekenen voor het beleid. De cijfers zijn fictief."
)

PUBLISHED = (
    Choice(
        "late_start_prenatal_care",
        "Hoeveel zwangeren pas na de 10e week voor het eerst bij de verloskundige komen. Hoe "
        "eerder de eerste afspraak, hoe meer tijd er is om hulp te regelen. Lager is beter.",
    ),
    Choice(
        "big2",
        "Hoeveel baby's te vroeg of te klein geboren worden. Lager is beter.",
    ),
    Choice(
        "breastfeeding_3m",
        "Hoeveel baby's met 3 maanden nog borstvoeding krijgen. Hoger is beter.",
    ),
    Choice(
        "smoking_women_19_45",
        "Hoeveel vrouwen van 19 tot 45 jaar roken. Wie rookt in de zwangerschap, geeft de baby "
        "minder kans op een gezonde start. Lager is beter. Dit cijfer is er ook per wijk.",
        show_wijken=True,  # one of the few plan indicators with figures per wijk
    ),
    Choice(
        "children_low_income",
        "Hoeveel kinderen opgroeien in een gezin met weinig geld. Lager is beter.",
    ),
)

HEADLINES = (
    Choice(
        "big2",
        "De uitkomst waar de coalitie uiteindelijk op stuurt: minder baby's te vroeg of te "
        "klein geboren.",
    ),
    Choice(
        "late_start_prenatal_care",
        "Een vroege start van de zwangerschapszorg is de eerste stap. Oosterpark en de "
        "Kanaalzone blijven achter.",
    ),
    Choice(
        "phb_jgz_reach",
        "Het prenataal huisbezoek is sinds 2022 een wettelijke taak. De coalitie wil in 2027 "
        "twee keer zoveel zwangeren bereiken als in 2022.",
    ),
    Choice(
        "problematic_debt_pregnant",
        "Schulden geven stress die het kind vanaf het begin raakt. Het spreekuur schuldhulp "
        "bij de verloskundige is bedoeld om dit cijfer omlaag te krijgen.",
    ),
    Choice(
        "children_low_income",
        "Armoede bij jonge kinderen: hier spelen toeslagen en regelingen een grote rol.",
    ),
)
