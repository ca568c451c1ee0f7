"""Parents' experience stories for the demo: invented, every one of them.

No parent told these stories. The names, streets, dates and phone numbers in them are made up
(and the phone number is not a real one); they are there so that the de-identification has
something to replace. ``building`` saves each story through the real collecting path
(``kansrijk.stories.collecting.collect_story``), so the demo shows the anonymised text the
platform itself produced, then approves, codes and quotes it as a coalition would.

Each story names the identifiers its original text holds; none of them may survive the
de-identification (the demo tests check that). Quotes are fragments of the anonymised text
without a placeholder in them. ``goals`` name plan goals by the indicator that measures them
(``content.PLAN``); ``themes`` are names from the codebook every coalition starts with
(``kansrijk.stories.coding.DEFAULT_THEMES``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kansrijk.stories.models import Consent, Language, Method, StoryPhase

# Codebook themes (kansrijk.stories.coding.DEFAULT_THEMES), by a short name.
FAMILY = "Steun van familie en vrienden"
AFTER_BIRTH = "De periode na de geboorte"
LANGUAGE = "Taalbarrière"
FINDING_HELP = "De juiste hulp vinden"
MONEY = "Geldzorgen"
HOUSING = "Huisvesting"
HEARD = "Gehoord worden door professionals"

COORDINATOR = "coordinator@voorbeeldstad.example"
EDITOR = "redacteur@voorbeeldstad.example"


@dataclass(frozen=True)
class DemoStory:
    key: str  # how the demo (and its tests) refer to the story
    phase: str
    wijk: str  # suffix of the wijk in content.WIJKEN
    consent: str
    told_on: date
    text: str
    identifiers: tuple[str, ...]  # made-up personal details in the text: all must go
    method: str = Method.INTERVIEW
    language: str = Language.DUTCH
    partner: str | None = None  # the partner that collected it (content.PARTNERS)
    collector: str | None = EDITOR  # e-mail of the demo user; None: sent in by the parent
    themes: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()  # codes of the indicators that measure the goals
    indicators: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    answers: tuple[int, ...] = ()  # scores for the default questions, in their order
    # The reviewer's corrections before approving: (anonymised fragment, corrected fragment),
    # e.g. a word the de-identifier took for a name. Skipped when the fragment is not there.
    review_edits: tuple[tuple[str, str], ...] = ()
    approve: bool = True


STORIES = (
    DemoStory(
        key="taal",
        phase=StoryPhase.PREGNANCY,
        wijk="02",
        consent=Consent.PUBLISH,
        told_on=date(2024, 3, 12),
        language=Language.ARABIC,
        partner="CJG Voorbeeldstad",
        text=(
            "Ik heet Samira Haddad en ik woon sinds twee jaar in Nederland. Toen ik zwanger "
            "was, wist ik niet dat je zelf de verloskundige moet bellen. In mijn land ga je naar "
            "de dokter en die regelt alles. Ik was al veertien weken zwanger toen de buurvrouw "
            "zei dat ik moest bellen. De brieven begreep ik niet. Mijn man Youssef vertaalde "
            "met zijn telefoon, maar dat ging niet goed. Bij de verloskundige was er een tolk "
            "via de telefoon. Dat hielp heel erg. Nu weet ik: je moet vroeg bellen. Ik vertel "
            "het aan alle vrouwen in de taalgroep."
        ),
        identifiers=("Samira", "Haddad", "Youssef"),
        themes=(LANGUAGE, FINDING_HELP),
        goals=("late_start_prenatal_care",),
        indicators=("late_start_prenatal_care",),
        quotes=(
            "Ik was al veertien weken zwanger toen de buurvrouw zei dat ik moest bellen.",
            "Bij de verloskundige was er een tolk via de telefoon. Dat hielp heel erg.",
        ),
        answers=(3, 2, 4),
    ),
    DemoStory(
        key="centering",
        phase=StoryPhase.PREGNANCY,
        wijk="08",
        consent=Consent.PUBLISH,
        told_on=date(2024, 4, 18),
        method=Method.GROUP,
        partner="Verloskundigenpraktijk De Wieg",
        text=(
            "Ik deed mee met CenteringZwangerschap bij Verloskundigenpraktijk De Wieg. We waren "
            "met tien vrouwen, allemaal uit de buurt. Eerst vond ik het spannend om in een groep "
            "over mijn buik te praten. Maar na twee keer was het gezellig. Je meet zelf je "
            "bloeddruk en je hoort wat de anderen meemaken. Ik was niet de enige die bang was "
            "voor de bevalling. Met een paar vrouwen hebben we nog steeds een appgroep. Mijn "
            "zoon Daan is nu vier maanden en we spreken nog elke week af. Wat ik wel lastig "
            "vond: het tempo van de groep was soms hoog, en niet iedereen kon alles volgen in "
            "het Nederlands."
        ),
        identifiers=("De Wieg", "Daan"),
        themes=(FAMILY, HEARD, LANGUAGE),
        goals=("big2",),
        indicators=("voorbeeldstad_centering_reach", "big2"),
        quotes=(
            "Ik was niet de enige die bang was voor de bevalling.",
            "het tempo van de groep was soms hoog, en niet iedereen kon alles volgen in het "
            "Nederlands.",
        ),
        answers=(5, 4, 5),
    ),
    DemoStory(
        key="roken",
        phase=StoryPhase.PREGNANCY,
        wijk="03",
        consent=Consent.SESSIONS,
        told_on=date(2024, 5, 7),
        partner="Verloskundigenpraktijk De Wieg",
        text=(
            "Ik rookte al sinds mijn vijftiende. Toen ik zwanger werd, schaamde ik me. Ik "
            "durfde het eerst niet te zeggen. Verloskundige Marieke vroeg er gewoon naar, "
            "zonder boos te worden. Ze vertelde over de gratis begeleiding om te stoppen. Ik "
            "kreeg een coach die me elke week belde. Het lukte niet meteen. Na een maand rookte "
            "ik nog drie sigaretten per dag, en na twee maanden niets meer. Mijn vriend Kevin "
            "rookt nog wel, buiten op het balkon. Dat vind ik moeilijk. De coach zei dat hij "
            "ook mag meedoen, maar hij wil nog niet."
        ),
        identifiers=("Marieke", "Kevin"),
        themes=(HEARD, FINDING_HELP),
        goals=("big2",),
        indicators=("smoking_women_19_45", "smoking_during_pregnancy"),
        quotes=(
            "Ik durfde het eerst niet te zeggen.",
            "Ze vertelde over de gratis begeleiding om te stoppen.",
        ),
        answers=(4, 4, 5),
    ),
    DemoStory(
        key="schulden",
        phase=StoryPhase.PREGNANCY,
        wijk="04",
        consent=Consent.INTERNAL,
        told_on=date(2024, 6, 3),
        partner="Schuldhulp Voorbeeldstad",
        collector=COORDINATOR,
        text=(
            "Toen ik zwanger was, hadden we veel schulden. Mijn vriend was zijn werk kwijt en "
            "de rekeningen bleven komen. Ik sliep slecht en was de hele dag gespannen. Bij de "
            "verloskundige zag ik een folder over het spreekuur van Schuldhulp Voorbeeldstad. "
            "Ik ben zonder afspraak binnengelopen. Een medewerker, mevrouw Jansen, heeft alles "
            "met mij doorgenomen. We hebben nu een betalingsregeling en we krijgen huurtoeslag. "
            "Dat wisten we niet eens. Ik woon nog steeds op de Havenweg 23, maar nu zonder de "
            "stress van elke dag post. Ik had dit veel eerder willen weten."
        ),
        identifiers=("Jansen", "Havenweg 23", "Schuldhulp Voorbeeldstad"),
        themes=(MONEY, FINDING_HELP),
        goals=("problematic_debt_pregnant",),
        indicators=("problematic_debt_pregnant",),
        quotes=("Ik had dit veel eerder willen weten.",),
        answers=(2, 3, 4),
    ),
    DemoStory(
        key="bevalling",
        phase=StoryPhase.BIRTH,
        wijk="05",
        consent=Consent.PUBLISH,
        told_on=date(2024, 7, 22),
        method=Method.ONLINE,
        collector=None,
        text=(
            "Onze dochter Lieke werd geboren op 2 februari, vijf weken te vroeg. Alles ging "
            "heel snel. In het ziekenhuis legde de kinderarts alles rustig uit, ook aan mijn "
            "partner. Ze mocht na tien dagen naar huis. Thuis was ik steeds bang dat er iets "
            "mis was. De kraamverzorgster Ingrid bleef een dag langer dan gepland. Dat was een "
            "groot cadeau. Wat ik miste: één persoon die je kunt bellen met al je vragen. Nu "
            "belde ik de ene keer het ziekenhuis en de andere keer het consultatiebureau."
        ),
        identifiers=("Lieke", "2 februari", "Ingrid"),
        themes=(AFTER_BIRTH, HEARD, FINDING_HELP),
        goals=("big2",),
        indicators=("big2",),
        quotes=("Wat ik miste: één persoon die je kunt bellen met al je vragen.",),
        answers=(4, 2, 5),
    ),
    DemoStory(
        key="kraamzorg",
        phase=StoryPhase.MATERNITY,
        wijk="02",
        consent=Consent.SESSIONS,
        told_on=date(2024, 5, 28),
        language=Language.TURKISH,
        partner="Kraamzorg Voorbeeldstad",
        text=(
            "Bij mijn eerste kind had ik geen kraamzorg. Ik dacht dat het te duur was, want we "
            "moesten een eigen bijdrage betalen. Ik was heel moe en wist niet hoe ik mijn baby "
            "moest wassen. Mijn familie woont ver weg. Bij mijn tweede kind vertelde de "
            "verloskundige dat de gemeente de eigen bijdrage kan betalen. Kraamzorg "
            "Voorbeeldstad heeft het formulier samen met mij ingevuld. Nu kwam er acht dagen een "
            "kraamverzorgster. Ze leerde me veel en ze keek ook naar mij, niet alleen naar de "
            "baby."
        ),
        identifiers=("Kraamzorg Voorbeeldstad",),
        themes=(MONEY, AFTER_BIRTH),
        goals=("no_maternity_care",),
        indicators=("no_maternity_care",),
        quotes=(
            "Ik dacht dat het te duur was, want we moesten een eigen bijdrage betalen.",
            "Ze leerde me veel en ze keek ook naar mij, niet alleen naar de baby.",
        ),
        answers=(3, 3, 4),
    ),
    DemoStory(
        key="borstvoeding",
        phase=StoryPhase.MATERNITY,
        wijk="06",
        consent=Consent.PUBLISH,
        told_on=date(2024, 8, 14),
        partner="JGZ Voorbeeldstad",
        text=(
            "Ik wilde heel graag borstvoeding geven. In de kraamweek ging het goed, de "
            "kraamverzorgster hielp me bij elke voeding. Maar toen ze weg was, had ik veel pijn. "
            "Mijn zoontje Finn dronk slecht en viel af. Ik voelde me een slechte moeder. Op het "
            "consultatiebureau zei de jeugdverpleegkundige dat ik niet alles alleen hoefde op "
            "te lossen. Ze gaf me het nummer van een lactatiekundige: 06-12345678. Die kwam "
            "twee keer bij ons thuis. Na drie maanden gaf ik nog steeds borstvoeding, met één "
            "fles per dag erbij. Ik ben trots, maar ik had die hulp eerder nodig gehad."
        ),
        identifiers=("Finn", "06-12345678"),
        themes=(AFTER_BIRTH, FINDING_HELP),
        goals=("breastfeeding_3m",),
        indicators=("breastfeeding_3m",),
        quotes=(
            "Maar toen ze weg was, had ik veel pijn.",
            "Ik ben trots, maar ik had die hulp eerder nodig gehad.",
        ),
        answers=(4, 3, 4),
    ),
    DemoStory(
        key="somber",
        phase=StoryPhase.EARLY_YEARS,
        wijk="01",
        consent=Consent.SESSIONS,
        told_on=date(2024, 9, 2),
        partner="CJG Voorbeeldstad",
        collector=COORDINATOR,
        text=(
            "Na de geboorte van mijn tweede kind voelde ik me maandenlang somber. Iedereen zei "
            "dat het normaal was, dat alle moeders moe zijn. Ik lag 's nachts wakker en durfde "
            "niet te zeggen hoe slecht het ging. Pas toen mijn baby zes maanden was, vroeg de "
            "jeugdarts hoe het met mij ging. Niet met de baby, met mij. Toen heb ik gehuild. Ze "
            "heeft me doorverwezen naar de huisarts en ik kreeg gesprekken bij een psycholoog. "
            "Er was wel een wachtlijst van acht weken. In die tijd belde het CJG elke week. Mijn "
            "buurvrouw Els heeft vaak op de kinderen gepast."
        ),
        identifiers=("Els",),
        themes=(AFTER_BIRTH, FINDING_HELP, FAMILY),
        indicators=("mental_health_problems_parents",),
        quotes=(
            "Pas toen mijn baby zes maanden was, vroeg de jeugdarts hoe het met mij ging. Niet "
            "met de baby, met mij.",
            "Er was wel een wachtlijst van acht weken.",
        ),
        answers=(2, 2, 3),
        review_edits=(("[NAAM] toen mijn baby", "Pas toen mijn baby"),),
    ),
    DemoStory(
        key="huisbezoek",
        phase=StoryPhase.PREGNANCY,
        wijk="08",
        consent=Consent.INTERNAL,
        told_on=date(2024, 4, 9),
        partner="JGZ Voorbeeldstad",
        text=(
            "Ik was negentien en zwanger, en ik woonde met mijn vriend in een kamer van twaalf "
            "vierkante meter. Er zat schimmel op de muur. De verloskundige vroeg of de JGZ langs "
            "mocht komen. Eerst wilde ik dat niet, ik dacht dat ze mijn kind zouden afpakken. "
            "Maar de verpleegkundige was heel aardig. Ze heeft geholpen met een urgentieaanvraag "
            "bij de woningcorporatie. Twee weken voor de bevalling kregen we een flat aan de "
            "Sluisstraat 4b. Ze kwam daarna nog een keer kijken of we alles hadden voor de baby."
        ),
        identifiers=("Sluisstraat 4b",),
        themes=(HOUSING, HEARD),
        goals=("phb_jgz_reach",),
        indicators=("phb_jgz_reach",),
        quotes=("Eerst wilde ik dat niet, ik dacht dat ze mijn kind zouden afpakken.",),
        answers=(4, 3, 4),
    ),
    DemoStory(
        key="toeslagen",
        phase=StoryPhase.EARLY_YEARS,
        wijk="03",
        consent=Consent.PUBLISH,
        told_on=date(2024, 6, 20),
        method=Method.GROUP,
        partner="CJG Voorbeeldstad",
        collector=COORDINATOR,
        text=(
            "Wij zijn een gezin met drie kinderen. Mijn man Mehmet werkt in de bouw, met een "
            "flexcontract. Soms is er werk, soms niet. Op het consultatiebureau deden ze een "
            "geldcheck met ons. We bleken recht te hebben op kindgebonden budget en op een "
            "bijdrage voor de kinderopvang. Samen was dat bijna 300 euro per maand. De "
            "formulieren zijn moeilijk, dus een vrijwilliger van het CJG heeft ons geholpen. Ik "
            "vind het goed dat ze er gewoon naar vragen. Zelf had ik me te veel geschaamd."
        ),
        identifiers=("Mehmet",),
        themes=(MONEY, FINDING_HELP),
        goals=("children_low_income",),
        indicators=("children_low_income",),
        quotes=(
            "Ik vind het goed dat ze er gewoon naar vragen. Zelf had ik me te veel geschaamd.",
        ),
        answers=(4, 4, 4),
    ),
    DemoStory(
        key="vader",
        phase=StoryPhase.BIRTH,
        wijk="07",
        consent=Consent.SESSIONS,
        told_on=date(2024, 8, 29),
        partner="Kraamzorg Voorbeeldstad",
        text=(
            "Als vader voelde ik me bij de bevalling vooral een toeschouwer. Iedereen praatte "
            "met mijn vrouw, en dat is ook logisch. Maar niemand vroeg hoe het met mij ging. Na "
            "de keizersnede moest ik thuis ineens alles regelen: de baby, onze oudste van drie, "
            "het eten. De kraamverzorger Thomas nam tien minuten om mij te laten zien hoe ik de "
            "baby in bad doe. Dat klinkt klein, maar daarna voelde ik me een echte vader. Ik zou "
            "willen dat vaders vaker worden uitgenodigd op het consultatiebureau."
        ),
        identifiers=("Thomas",),
        themes=(HEARD, AFTER_BIRTH),
        quotes=(
            "Maar niemand vroeg hoe het met mij ging.",
            "Ik zou willen dat vaders vaker worden uitgenodigd op het consultatiebureau.",
        ),
        answers=(2, 4, 3),
    ),
    DemoStory(
        key="buitengebied",
        phase=StoryPhase.PREGNANCY,
        wijk="09",
        consent=Consent.PUBLISH,
        told_on=date(2024, 9, 17),
        method=Method.FORM,
        partner="Verloskundigenpraktijk De Wieg",
        collector=COORDINATOR,
        text=(
            "Ik heet Anna de Boer en wij wonen buiten de stad, op een boerderij aan de Dijkweg "
            "8. De bus rijdt twee keer per dag. Voor elke controle moest mijn moeder mij "
            "brengen, want ik heb geen rijbewijs. Toen zij ziek werd, heb ik twee afspraken "
            "gemist. Ik schaamde me en belde niet terug. De verloskundige heeft toen zelf "
            "gebeld en kwam een keer bij ons thuis. Ze regelde ook dat ik de echo dichter bij "
            "huis kon laten maken."
        ),
        identifiers=("Anna", "de Boer", "Dijkweg 8"),
        themes=(FINDING_HELP, FAMILY),
        goals=("late_start_prenatal_care",),
        indicators=("late_start_prenatal_care",),
        quotes=(
            "Ik schaamde me en belde niet terug.",
            "De verloskundige heeft toen zelf gebeld en kwam een keer bij ons thuis.",
        ),
        answers=(4, 2, 5),
    ),
    # Sent in through the public form and not yet reviewed: the coordinator's review queue.
    DemoStory(
        key="opvang",
        phase=StoryPhase.EARLY_YEARS,
        wijk="05",
        consent=Consent.SESSIONS,
        told_on=date(2024, 10, 8),
        method=Method.ONLINE,
        collector=None,
        text=(
            "Mijn dochter Noor gaat sinds kort naar kinderdagverblijf De Zonnebloem. Ik werk "
            "weer drie dagen. Het wennen ging moeilijk, ze huilde elke ochtend. De leidsters "
            "namen er veel tijd voor. Wat ik lastig vind: op het consultatiebureau hoor ik iets "
            "anders dan op de opvang, bijvoorbeeld over slapen. Ik zou willen dat ze met elkaar "
            "praten."
        ),
        identifiers=("Noor", "De Zonnebloem"),
        approve=False,
    ),
)
