"""Municipal boundary changes (gemeentelijke herindelingen) since 2015.

The history is a data file in the project, ``areas/data/municipal_changes.csv``, built from
CBS's published municipal boundary changes: one row per (predecessor, successor) with the
year the change took effect on 1 January and its kind — ``whole`` when the predecessor went
entirely into the successor, ``part`` when it was split over several successors.

Only ``whole`` changes let figures be added up onto the successor: a split municipality's
numbers cannot be divided without microdata.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .models import Area, Level, Succession

DATA_FILE = Path(__file__).resolve().parent / "data" / "municipal_changes.csv"
WHOLE = "whole"
PART = "part"


@dataclass(frozen=True)
class MunicipalChange:
    year: int
    predecessor_code: str
    predecessor_name: str
    successor_code: str
    successor_name: str
    kind: str

    @property
    def is_whole(self) -> bool:
        return self.kind == WHOLE


def read_municipal_changes(path: Path | None = None) -> list[MunicipalChange]:
    with open(path or DATA_FILE, encoding="utf-8", newline="") as handle:
        return [
            MunicipalChange(
                year=int(row["year"]),
                predecessor_code=row["predecessor_code"],
                predecessor_name=row["predecessor_name"],
                successor_code=row["successor_code"],
                successor_name=row["successor_name"],
                kind=row["kind"],
            )
            for row in csv.DictReader(handle)
        ]


def current_successors(changes: list[MunicipalChange]) -> dict[str, str]:
    """Map each wholly merged code to the code it lives on in today (following chains)."""
    direct = {c.predecessor_code: c.successor_code for c in changes if c.is_whole}
    resolved: dict[str, str] = {}
    for code in direct:
        target, seen = direct[code], {code}
        while target in direct and target not in seen:
            seen.add(target)
            target = direct[target]
        resolved[code] = target
    return resolved


@transaction.atomic
def record_municipal_changes(changes: list[MunicipalChange] | None = None) -> int:
    """Store the history as areas and Succession rows; returns the number of successions.

    Areas that are not known yet are created with the name from the file; a predecessor
    is valid up to the year before its change.
    """
    changes = read_municipal_changes() if changes is None else changes
    created = 0
    for change in changes:
        predecessor, _ = Area.objects.get_or_create(
            code=change.predecessor_code,
            defaults={"name": change.predecessor_name, "level": Level.MUNICIPALITY},
        )
        if predecessor.valid_to is None or predecessor.valid_to > change.year - 1:
            predecessor.valid_to = change.year - 1
            predecessor.save(update_fields=["valid_to"])
        successor, _ = Area.objects.get_or_create(
            code=change.successor_code,
            defaults={"name": change.successor_name, "level": Level.MUNICIPALITY},
        )
        _, was_created = Succession.objects.get_or_create(
            predecessor=predecessor, successor=successor, defaults={"year": change.year}
        )
        created += was_created
    return created
