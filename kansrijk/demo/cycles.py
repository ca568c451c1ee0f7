"""The demo coalition's monitor rounds (cycles): an invented history of learning.

"Monitor 2024" is finished: one interpretation session was held about the start of pregnancy
care and CenteringZwangerschap, with notes, two conclusions and three actions, and the round
was closed with a change to the plan. "Monitor 2025" is being prepared: its session is
planned a few weeks ahead and it carries over the unfinished actions. ``learning.create_cycles``
builds both through ``kansrijk.interpretation.cycles``; indicators, goals and activities are
named by indicator code (a goal by the code of an indicator linked to it, an activity by its
title) and stories by their key in ``stories.STORIES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kansrijk.interpretation.models import ActionStatus, NoteKind, ParticipantRole


@dataclass(frozen=True)
class Note:
    text: str
    kind: str = NoteKind.OBSERVATION
    indicator: str | None = None  # None: about the session as a whole
    question: str = ""


@dataclass(frozen=True)
class DemoConclusion:
    text: str
    indicator: str | None = None
    goal: str | None = None


@dataclass(frozen=True)
class DemoAction:
    what: str
    who: str
    due_on: date
    status: str
    goal: str | None = None  # by indicator code
    activity: str | None = None  # by title (content.PLAN)


CENTERING_ACTIVITY = "CenteringZwangerschap in Oosterpark en de Kanaalzone"
INFORMATION_ACTIVITY = (
    "Voorlichting over een vroege eerste afspraak via huisartsen, wijkteams en het taalhuis"
)

# --- Monitor 2024: finished -----------------------------------------------------------------

FIRST_TITLE = "Monitor 2024"
FIRST_STARTED = date(2025, 2, 3)
FIRST_DATA_NOTE = "Cijfers tot en met 2024 (fictief), bijgewerkt op 3 februari 2025."
FIRST_SESSION_TITLE = "Duidingssessie: een goede start van de zwangerschap"
FIRST_SESSION_HELD = date(2025, 3, 18)
FIRST_SESSION_PURPOSE = (
    "Samen begrijpen waarom zwangeren in Oosterpark en de Kanaalzone later bij de "
    "verloskundige komen, en wat CenteringZwangerschap daaraan doet."
)
FIRST_INDICATORS = (
    "late_start_prenatal_care",
    "big2",
    "voorbeeldstad_centering_reach",
    "smoking_women_19_45",
    "phb_jgz_reach",
)
FIRST_STORIES = ("taal", "centering", "roken")
FIRST_PARTICIPANTS = {
    ParticipantRole.PROFESSIONAL: (9, "verloskundigen, kraamzorg, JGZ, CJG, wijkteam"),
    ParticipantRole.RESIDENT: (3, "ouders uit Oosterpark en de Kanaalzone"),
    ParticipantRole.MANAGER: (2, ""),
    ParticipantRole.POLICY: (2, "gemeente Voorbeeldstad"),
}
FIRST_NOTES = (
    Note(
        "Het aandeel late starters daalt langzaam, maar in Oosterpark en de Kanaalzone blijft "
        "het hoger dan in de rest van de stad.",
        indicator="late_start_prenatal_care",
        question="Wat zien we?",
    ),
    Note(
        "Nieuwkomers weten vaak niet dat ze zelf de verloskundige moeten bellen; de brieven "
        "en folders zijn te moeilijk.",
        kind=NoteKind.EXPLANATION,
        indicator="late_start_prenatal_care",
        question="Wat herkennen we (niet) uit de praktijk?",
    ),
    Note(
        "Veel vrouwen beginnen aan CenteringZwangerschap, maar een deel stopt na twee of drie "
        "bijeenkomsten.",
        indicator="voorbeeldstad_centering_reach",
        question="Wat valt op?",
    ),
    Note(
        "Verklaring van de verloskundigen en ouders: het tempo van de groepen en de "
        "taalbarrière. Wie weinig Nederlands spreekt, kan het gesprek in de groep niet volgen.",
        kind=NoteKind.EXPLANATION,
        indicator="voorbeeldstad_centering_reach",
        question="Wat herkennen we (niet) uit de praktijk?",
    ),
    Note(
        "Sinds de verloskundige er standaard naar vraagt, worden meer vrouwen doorverwezen naar "
        "de stoppen-met-rokenbegeleiding.",
        kind=NoteKind.EXPLANATION,
        indicator="smoking_women_19_45",
    ),
    Note(
        "Ouders vertellen vaker dat ze na de kraamweek niet weten wie ze moeten bellen.",
        question="Wat betekent dit voor onze ambities?",
    ),
)
FIRST_CONCLUSIONS = (
    DemoConclusion(
        "De late start van de zwangerschapszorg hangt in Voorbeeldstad vooral samen met "
        "onbekendheid en taal, niet met de bereikbaarheid van de verloskundige.",
        indicator="late_start_prenatal_care",
        goal="late_start_prenatal_care",
    ),
    DemoConclusion(
        "CenteringZwangerschap bereikt de goede groep, maar houdt vrouwen met een taalbarrière "
        "niet goed vast.",
        indicator="voorbeeldstad_centering_reach",
        goal="big2",
    ),
)
FIRST_ACTIONS = (
    DemoAction(
        "Bij elke groep van CenteringZwangerschap een tolk (via de telefoon) inplannen en het "
        "tempo aanpassen.",
        "Verloskundigenpraktijk De Wieg",
        date(2025, 6, 1),
        ActionStatus.DONE,
        goal="big2",
        activity=CENTERING_ACTIVITY,
    ),
    DemoAction(
        "Uitleg over de eerste afspraak bij de verloskundige in vijf talen, via het taalhuis "
        "en de wijkteams.",
        "CJG Voorbeeldstad",
        date(2025, 12, 1),
        ActionStatus.BUSY,
        goal="late_start_prenatal_care",
        activity=INFORMATION_ACTIVITY,
    ),
    DemoAction(
        "Eén telefoonnummer voor vragen in de eerste weken na de kraamweek, samen met de "
        "kraamzorg en de JGZ.",
        "JGZ Voorbeeldstad",
        date(2026, 3, 1),
        ActionStatus.OPEN,
        goal="breastfeeding_3m",
    ),
)
FIRST_CLOSED = date(2025, 6, 30)
FIRST_PLAN_CHANGES = (
    "Nieuw doel: meer baby's krijgen tot hun derde maand borstvoeding. Bij "
    "CenteringZwangerschap is een tolk nu vast onderdeel van de groepen."
)

# --- Monitor 2025: in preparation -----------------------------------------------------------

SECOND_TITLE = "Monitor 2025"
SECOND_STARTED_DAYS_AGO = 14  # relative to the day the demo is built
SECOND_DATA_NOTE = "Cijfers tot en met 2024 (fictief); de cijfers over 2025 volgen."
SECOND_SESSION_TITLE = "Duidingssessie: de eerste weken na de geboorte"
SECOND_SESSION_IN_DAYS = 42  # the session is planned this many days after the demo is built
SECOND_SESSION_PURPOSE = (
    "Kijken wat de acties van vorig jaar hebben opgeleverd, en samen de periode na de "
    "geboorte bespreken: kraamzorg, borstvoeding en de eerste weken thuis."
)
SECOND_INDICATORS = (
    "no_maternity_care",
    "breastfeeding_3m",
    "late_start_prenatal_care",
    "problematic_debt_pregnant",
    "children_low_income",
)
SECOND_STORIES = ("borstvoeding", "kraamzorg", "somber", "vader")
SECOND_PARTICIPANTS = {
    ParticipantRole.PROFESSIONAL: (8, "kraamzorg, JGZ, verloskundigen, CJG"),
    ParticipantRole.RESIDENT: (4, "ouders met een baby tot 1 jaar"),
    ParticipantRole.POLICY: (1, "gemeente Voorbeeldstad"),
}
SECOND_EXTRA_QUESTION = "Wat hebben de acties van Monitor 2024 opgeleverd?"
