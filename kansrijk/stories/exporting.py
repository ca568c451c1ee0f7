"""The export of a coalition's approved stories as CSV (for its members): the anonymised text
and the coding, never the original. Cells that a spreadsheet would read as a formula get a
leading apostrophe (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

from .data import StoryRecord

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")

HEADER = [
    "nummer",
    "maand",
    "fase",
    "wijk",
    "hoe verzameld",
    "taal",
    "toestemming",
    "thema's",
    "tekst",
    "citaten",
]


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def stories_csv(records: list[StoryRecord]) -> str:
    """The records as CSV: semicolons (Dutch Excel), every field quoted when needed."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for record in records:
        writer.writerow(
            safe_cell(value)
            for value in (
                record.id,
                record.month,
                record.phase_label,
                record.wijk,
                record.method,
                record.language,
                record.consent,
                ", ".join(record.themes),
                record.text,
                " | ".join(record.quotes),
            )
        )
    return out.getvalue()
