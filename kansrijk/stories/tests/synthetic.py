"""A synthetic set of parent-style sentences with annotated identifiers, for the recall gate.

Names and streets come from deduce's own lookup lists (a seeded random choice, so the set is
the same on every run); numbers, e-mail addresses, postcodes and dates are generated in the
many forms people write them. Nothing here is a real person.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import deduce

from kansrijk.stories.deidentify import is_valid_bsn

LOOKUP = Path(deduce.__file__).parent / "data" / "lookup" / "src"
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]  # fmt: skip
STREET_ENDINGS = ("straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "hof")


@dataclass(frozen=True)
class Sample:
    text: str
    identifiers: dict[str, list[str]]  # kind → the strings that must disappear


def _items(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _lists():
    first = [n for n in _items(LOOKUP / "names/lst_first_name/items.txt") if n.isalpha()]
    last = [n for n in _items(LOOKUP / "names/lst_surname/items.txt") if n.isalpha()]
    streets = [
        s
        for s in _items(LOOKUP / "locations/lst_street/items.txt")
        if s.isalpha() and s[:1].isupper() and s.lower().endswith(STREET_ENDINGS)
    ]
    return sorted(first), sorted(last), sorted(streets)


def _phone(rng: random.Random) -> str:
    digits = "".join(str(rng.randint(0, 9)) for _ in range(8))
    return rng.choice(
        [
            f"06-{digits}",
            f"06 {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}",
            f"+31 6 {digits[:4]} {digits[4:]}",
            f"+316{digits}",
            f"010-{digits[:7]}",
            f"(020) {digits[:3]} {digits[3:5]} {digits[5:7]}",
        ]
    )


def _bsn(rng: random.Random) -> str:
    while True:
        number = f"{rng.randint(10_000_000, 999_999_999):09d}"
        if is_valid_bsn(number):
            break
    return rng.choice(
        [
            number,
            f"{number[:3]}.{number[3:6]}.{number[6:]}",
            f"{number[:4]}.{number[4:6]}.{number[6:]}",
            f"{number[:3]} {number[3:6]} {number[6:]}",
        ]
    )


def _postcode(rng: random.Random) -> str:
    letters = rng.choice(["AB", "CD", "EF", "GH", "KL", "MN", "PR", "TV", "WX", "ZZ"])
    number = rng.randint(1000, 9999)
    return rng.choice([f"{number} {letters}", f"{number}{letters}", f"{number} {letters.lower()}",
                       f"{number}{letters.lower()}"])  # fmt: skip


def _date(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2024)
    return rng.choice([f"{day} {MONTHS[month - 1]} {year}", f"{day:02d}-{month:02d}-{year}",
                       f"{day} {MONTHS[month - 1]}", f"{day}/{month}/{year}"])  # fmt: skip


TEMPLATES = [
    ("Mijn dochter {first} is geboren op {date}.", ["first", "date"]),
    ("Ik ben {first} {last} en woon op de {street} {number}, {postcode}.",
     ["first", "last", "street", "postcode"]),
    ("Bel mij gerust op {phone} of mail naar {email}.", ["phone", "email"]),
    ("{first} {last} vertelde dat de verloskundige niet goed luisterde.", ["first", "last"]),
    ("Bij de gemeente vroegen ze mijn BSN: {bsn}.", ["bsn"]),
    ("De kraamverzorgster {first} kwam elke ochtend om negen uur.", ["first"]),
    ("Mijn man {first} werkt veel, dus ik was vaak alleen.", ["first"]),
    ("Wij wonen sinds kort aan de {street} {number} en het huis is te klein.", ["street"]),
    ("Onze zoon is op {date} geboren, veel te vroeg.", ["date"]),
    ("Mijn adres is {street} {number}, {postcode}; mijn nummer {phone}.",
     ["street", "postcode", "phone"]),
]  # fmt: skip


def samples(count: int = 120, seed: int = 1000) -> list[Sample]:
    rng = random.Random(seed)
    first_names, surnames, streets = _lists()
    result = []
    for index in range(count):
        template, kinds = TEMPLATES[index % len(TEMPLATES)]
        first, last = rng.choice(first_names), rng.choice(surnames)
        street, number = rng.choice(streets), rng.randint(1, 250)
        email = f"{first.lower()}.{last.lower()}@example.org"
        values = {
            "first": first, "last": last, "street": f"{street} {number}", "postcode":
            _postcode(rng), "phone": _phone(rng), "email": email, "bsn": _bsn(rng),
            "date": _date(rng),
        }  # fmt: skip
        text = template.format(
            first=first,
            last=last,
            street=street,
            number=number,
            postcode=values["postcode"],
            phone=values["phone"],
            email=email,
            bsn=values["bsn"],
            date=values["date"],
        )
        kinds_map: dict[str, list[str]] = {}
        for kind in kinds:
            category = "name" if kind in ("first", "last") else kind
            kinds_map.setdefault(category, []).append(values[kind])
        result.append(Sample(text, kinds_map))
    return result
