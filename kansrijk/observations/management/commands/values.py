"""``kansrijk values --indicator CODE --area CODE``: the stored numbers, for administrators."""

import json

from django.core.management.base import BaseCommand, CommandError

from kansrijk.observations.listing import ListingError, list_values
from kansrijk.observations.models import Status

COLUMNS = (
    ("period", "periode"),
    ("coalition", "coalitie"),
    ("numerator", "teller"),
    ("denominator", "noemer"),
    ("value", "waarde"),
    ("status", "status"),
    ("source", "bron"),
)
NUMERIC = {"numerator", "denominator", "value"}
STATUS_LABELS = dict(Status.choices)


def _cell(key: str, value) -> str:
    if value is None:
        return "openbaar" if key == "coalition" else "-"
    if key in NUMERIC:
        return str(int(value)) if float(value).is_integer() else f"{value:.10g}"
    if key == "status":
        return str(STATUS_LABELS.get(value, value))
    return str(value)


def format_table(rows: list[dict]) -> str:
    """An aligned text table with Dutch headings; numbers right-aligned."""
    cells = [[_cell(key, row[key]) for key, _heading in COLUMNS] for row in rows]
    headings = [heading for _key, heading in COLUMNS]
    widths = [max(len(line[i]) for line in [headings, *cells]) for i in range(len(COLUMNS))]
    lines = []
    for line in [headings, *cells]:
        parts = [
            text.rjust(width) if key in NUMERIC else text.ljust(width)
            for (key, _heading), text, width in zip(COLUMNS, line, widths, strict=True)
        ]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Opgeslagen waarden van een indicator in een gebied (vóór onderdrukking; voor beheer)."

    def add_arguments(self, parser):
        parser.add_argument("--indicator", help="code van de indicator")
        parser.add_argument("--area", help="gebiedscode, bijv. GM0355")
        parser.add_argument("--period", help="periode: 2022, 2022-Q1, 2022-03 of 2018/2022")
        parser.add_argument("--json", action="store_true", help="als JSON-lijst")

    def handle(self, *args, **options):
        if not options["indicator"] or not options["area"]:
            raise CommandError("Geef --indicator en --area op.")
        try:
            rows = list_values(options["indicator"], options["area"], options["period"])
        except ListingError as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        elif rows:
            self.stdout.write(format_table(rows))
        else:
            self.stdout.write("Geen waarden opgeslagen voor deze indicator en dit gebied.")
