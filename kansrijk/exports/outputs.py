"""The exports' output paths, registered with ``kansrijk.insight.outputs`` so that
``kansrijk/insight/tests/test_output_paths.py`` checks each of them for hidden numbers.

CSV downloads are checked through their URLs (the bytes a member gets). A workbook is not
text, so the XLSX outputs render the workbook and read it back with openpyxl into text: every
cell of every sheet, as the spreadsheet holds it. The command's output is checked by running
the command.
"""

from __future__ import annotations

import io

from django.core.management import call_command
from django.urls import reverse

from kansrijk.insight.outputs import Output, register_output

INDICATOR_TABLES = ("waarden", "details", "vergelijking")  # as in tables.py (imported late)


def workbook_text(data: bytes) -> str:
    """Every cell of every sheet of a workbook, one line per row, cells separated by tabs."""
    from openpyxl import load_workbook  # imported late, like the exports themselves

    workbook = load_workbook(io.BytesIO(data))
    lines = []
    for sheet in workbook.worksheets:
        lines.append(f"[{sheet.title}]")
        for row in sheet.iter_rows(values_only=True):
            lines.append("\t".join("" if value is None else str(value) for value in row))
    return "\n".join(lines)


def _indicator_xlsx(coalition, indicator) -> str:
    from .tables import indicator_exports
    from .writers import xlsx_bytes

    return workbook_text(xlsx_bytes(indicator_exports(coalition, indicator)))


def _coalition_xlsx(coalition, indicator) -> str:
    from .tables import coalition_exports
    from .writers import xlsx_bytes

    return workbook_text(xlsx_bytes(coalition_exports(coalition)))


def _command_csv(coalition, indicator) -> str:
    out = io.StringIO()
    call_command("export", coalition=coalition.slug, format="csv", output="-", stdout=out)
    return out.getvalue()


def _table_url(table: str, fmt: str):
    def url(coalition, indicator) -> str:
        return reverse(
            f"exports:table-{fmt}",
            kwargs={"slug": coalition.slug, "code": indicator.code, "table": table},
        )

    return url


def register_outputs() -> None:
    for table in INDICATOR_TABLES:
        register_output(
            Output(
                f"exports:table-csv:{table}",
                "csv",
                url=_table_url(table, "csv"),
                description=f"CSV-download van de tabel '{table}' van een indicator",
            )
        )
    register_output(
        Output(
            "exports:all-csv",
            "csv",
            url=lambda c, i: reverse("exports:all-csv", kwargs={"slug": c.slug}),
            description="CSV-download van alle cijfers van een coalitie",
        )
    )
    register_output(
        Output(
            "exports.indicator_xlsx",
            "xlsx",
            render=_indicator_xlsx,
            description="XLSX van de tabellen van een indicator (als tekst gelezen)",
        )
    )
    register_output(
        Output(
            "exports.coalition_xlsx",
            "xlsx",
            render=_coalition_xlsx,
            description="XLSX van alle cijfers van een coalitie (als tekst gelezen)",
        )
    )
    register_output(
        Output(
            "exports.command_csv",
            "csv",
            render=_command_csv,
            description="kansrijk export --format csv --output -",
        )
    )
