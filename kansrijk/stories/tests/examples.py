"""Parents' stories written for the tests (fictitious people, addresses and numbers), each with
the identifiers it contains: a name, a street with house number, a postcode, a phone number,
an e-mail address, a BSN and a date of birth, written in the many ways people write them.

``IDENTIFIERS[i]`` lists, per kind, the exact strings that must never be shown once the story
is approved.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    text: str
    names: tuple[str, ...]
    street: str
    postcode: str
    phone: str
    email: str
    bsn: str
    birth_date: str

    @property
    def identifiers(self) -> dict[str, tuple[str, ...]]:
        return {
            "name": self.names,
            "street": (self.street,),
            "postcode": (self.postcode,),
            "phone": (self.phone,),
            "email": (self.email,),
            "bsn": (self.bsn,),
            "birth_date": (self.birth_date,),
        }


EXAMPLES = [
    Example(
        text=(
            "Ik ben Fatima el Amrani en woon op de Kerkstraat 12, 3512 ab Utrecht. Mijn zoon "
            "Daan is geboren op 3 maart 2023. De verloskundige vroeg steeds naar mijn BSN "
            "(171973069) en belde me op 06-12345678. Later kreeg ik alles per mail op "
            "fatima.elamrani@example.org. Ik voelde me goed geholpen."
        ),
        names=("Fatima el Amrani", "Fatima", "Amrani", "Daan"),
        street="Kerkstraat 12",
        postcode="3512 ab",
        phone="06-12345678",
        email="fatima.elamrani@example.org",
        bsn="171973069",
        birth_date="3 maart 2023",
    ),
    Example(
        text=(
            "Mijn naam is Sanne de Vries. Wij wonen aan de Lindelaan 4b in 1012 AB Amsterdam. "
            "Onze dochter Noor kwam op 12-05-2022 ter wereld, veel te vroeg. In de kraamweek "
            "was ik heel moe en niemand vroeg hoe het met mij ging. Mijn BSN is 050.260.662, "
            "bel gerust: +31 6 2345 6789 of mail sanne.devries@voorbeeld.nl."
        ),
        names=("Sanne de Vries", "Sanne", "Noor"),
        street="Lindelaan 4b",
        postcode="1012 AB",
        phone="+31 6 2345 6789",
        email="sanne.devries@voorbeeld.nl",
        bsn="050.260.662",
        birth_date="12-05-2022",
    ),
    Example(
        text=(
            "ik heet Mohammed Yilmaz en mijn vrouw was zwanger van ons derde kind. we wonen op "
            "de hoofdweg 101, postcode 2511cv. De brieven van de gemeente begreep ik niet, "
            "mijn Nederlands is niet goed. Onze zoon is geboren op 1 januari 2021. Mijn "
            "telefoon: 010-1234567, mail m.yilmaz@mail.com, burgerservicenummer 617151283."
        ),
        names=("Mohammed Yilmaz", "Mohammed", "Yilmaz"),
        street="hoofdweg 101",
        postcode="2511cv",
        phone="010-1234567",
        email="m.yilmaz@mail.com",
        bsn="617151283",
        birth_date="1 januari 2021",
    ),
    Example(
        text=(
            "Na de bevalling van Julia (geboren 15/08/2023) kreeg ik een depressie. Ik ben "
            "Anouk van den Berg, Burgemeester de Vlugtlaan 125, 1063 BS Amsterdam. Het duurde "
            "maanden voor ik de juiste hulp vond. Mijn huisarts had mijn nummer (020) 612 34 56 "
            "en mijn e-mail a.vandenberg@mailbox.nl al, en mijn BSN 4359.32.421."
        ),
        names=("Anouk van den Berg", "Anouk", "Julia"),
        street="Burgemeester de Vlugtlaan 125",
        postcode="1063 BS",
        phone="(020) 612 34 56",
        email="a.vandenberg@mailbox.nl",
        bsn="4359.32.421",
        birth_date="15/08/2023",
    ),
    Example(
        text=(
            "Mijn man Youssef en ik wonen met vier kinderen in twee kamers aan de Molenweg 7a, "
            "6511 AB Nijmegen. Onze jongste is op 29 februari 2024 geboren. We wachten al drie "
            "jaar op een groter huis. Bel 0031 6 34567890 of mail youssef1985@gmail.com. "
            "BSN 063 246 119."
        ),
        names=("Youssef",),
        street="Molenweg 7a",
        postcode="6511 AB",
        phone="0031 6 34567890",
        email="youssef1985@gmail.com",
        bsn="063 246 119",
        birth_date="29 februari 2024",
    ),
    Example(
        text=(
            "Mijn dochtertje Lotte is geboren op 10 oktober, thuis in de Zonnebloemstraat 3, "
            "9712 kh Groningen. De kraamverzorgster was geweldig. Voor vragen: 06 12 34 56 78 "
            "of lotte.mama@hotmail.nl. Mijn BSN staat op het formulier: 931773490."
        ),
        names=("Lotte",),
        street="Zonnebloemstraat 3",
        postcode="9712 kh",
        phone="06 12 34 56 78",
        email="lotte.mama@hotmail.nl",
        bsn="931773490",
        birth_date="10 oktober",
    ),
    Example(
        text=(
            "Ayşe Demir, Tulpenhof 22, 3011 ZZ Rotterdam. Ik spreek weinig Nederlands en mijn "
            "schoonmoeder vertaalde alles. Mijn zoon Emre is geboren op 21-11-2021 in het "
            "Maasstad Ziekenhuis. Telefoon 06-98765432, e-mail ayse.demir@outlook.com, "
            "BSN 590557051."
        ),
        names=("Ayşe Demir", "Ayşe", "Demir", "Emre"),
        street="Tulpenhof 22",
        postcode="3011 ZZ",
        phone="06-98765432",
        email="ayse.demir@outlook.com",
        bsn="590557051",
        birth_date="21-11-2021",
    ),
    Example(
        text=(
            "Ik heet Kees Bakker en ben vader geworden. Wij wonen in de Dorpsstraat 1, 1234AB "
            "Ons Dorp. Onze zoon Bram is geboren op 2022-07-04. De geldzorgen waren groot na "
            "mijn ontslag. U kunt mij bellen op +31612345678 of mailen naar "
            "kees.bakker@ziggo.nl. Mijn burgerservicenummer is 742294821."
        ),
        names=("Kees Bakker", "Kees", "Bakker", "Bram"),
        street="Dorpsstraat 1",
        postcode="1234AB",
        phone="+31612345678",
        email="kees.bakker@ziggo.nl",
        bsn="742294821",
        birth_date="2022-07-04",
    ),
    Example(
        text=(
            "In de groep vertelde Marieke Jansen dat zij op de Stationsstraat 45 in 5038 EA "
            "Tilburg woont, alleen met haar baby Sem, geboren op 7 april 2023. Haar moeder "
            "woont ver weg. Ze gaf haar nummer 06-11223344, haar mail marieke.j@example.com en "
            "per ongeluk ook haar BSN 073996269."
        ),
        names=("Marieke Jansen", "Marieke", "Sem"),
        street="Stationsstraat 45",
        postcode="5038 EA",
        phone="06-11223344",
        email="marieke.j@example.com",
        bsn="073996269",
        birth_date="7 april 2023",
    ),
    Example(
        text=(
            "Mijn vriendin Priya Sharma woont naast mij op de Vondelstraat 88 (2513 EX Den "
            "Haag). Haar tweeling is geboren op 5 juni 2020 en zij kreeg geen kraamzorg omdat "
            "ze de eigen bijdrage niet kon betalen. Haar BSN is 609229278, haar telefoon "
            "0612345670 en haar mail priya.sharma@gmail.com."
        ),
        names=("Priya Sharma", "Priya", "Sharma"),
        street="Vondelstraat 88",
        postcode="2513 EX",
        phone="0612345670",
        email="priya.sharma@gmail.com",
        bsn="609229278",
        birth_date="5 juni 2020",
    ),
    Example(
        text=(
            "De JGZ-verpleegkundige Ingrid luisterde echt naar mij. Ik ben Wendy Smit, "
            "geboren 02-02-1995, en woon op het Marktplein 9, 8011 CW Zwolle. Mijn zoontje "
            "Finn huilde de hele dag. Bereikbaar op 038-4567890 of wendy.smit@kpnmail.nl. "
            "BSN 888700210."
        ),
        names=("Ingrid", "Wendy Smit", "Wendy", "Finn"),
        street="Marktplein 9",
        postcode="8011 CW",
        phone="038-4567890",
        email="wendy.smit@kpnmail.nl",
        bsn="888700210",
        birth_date="02-02-1995",
    ),
    Example(
        text=(
            "Wij (Tom en Lisa Visser) zijn verhuisd naar de Parkweg 14 in 7511 jk Enschede, "
            "net voor de geboorte van onze dochter Eva op 18 december 2022. De huur is te hoog "
            "en we hebben schulden. Contact: tom.visser@example.net, 053 123 45 67. "
            "BSN van Lisa: 386.001.182."
        ),
        names=("Tom", "Lisa Visser", "Lisa", "Visser", "Eva"),
        street="Parkweg 14",
        postcode="7511 jk",
        phone="053 123 45 67",
        email="tom.visser@example.net",
        bsn="386.001.182",
        birth_date="18 december 2022",
    ),
]
