"""Export tables: the figures of the pages as plain rows for CSV and XLSX.

Every table here is built from the data functions of ``kansrijk/insight/tables.py``
(``indicator_data``, ``overview_data``, ``value_table``, ``detail_table``,
``comparison_table``), which hand out ``PublishedCell``s only: a cell that ``disclose`` hid
has no numbers, and its row says why (``status``) with ``None`` in every number column (the
writers show it as ``.``). Nothing here reads observations.

Row values are typed: ``str``, ``int`` (counts), ``float`` (rounded to the table's decimals),
``None`` (not shown: small numbers, or no figure) or ``""`` (not applicable, such as the
denominator of a count, or the interval of a wijk: the pages show none either).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kansrijk.catalog.models import Direction, Indicator, Unit
from kansrijk.insight.disclosure import SUPPRESSED_MARK, PublishedCell
from kansrijk.insight.engine import Comparison
from kansrijk.insight.results import coalition_insights
from kansrijk.insight.tables import (
    DetailTable,
    IndicatorSummary,
    ValueTable,
    comparison_table,
    detail_table,
    indicator_data,
    overview_data,
    value_table,
)
from kansrijk.insight.verdicts import HIGHER, LOWER, NO_DIFFERENCE

VALUES, DETAILS, COMPARISONS, OVERVIEW = "waarden", "details", "vergelijking", "overzicht"
INDICATOR_TABLES = (VALUES, DETAILS, COMPARISONS)
P_DECIMALS = 4
# Rows of the value table without an interval: the pages show none for wijken (and neither
# do the exports; a wijk's interval follows from its teller and noemer).
WITHOUT_INTERVAL = frozenset({"wijk"})


@dataclass
class ExportTable:
    name: str  # "waarden", "details", "vergelijking", "overzicht": sheet-safe, ≤ 31 chars
    title: str  # Dutch caption
    headers: list[str]
    rows: list[list]  # str | int | float | None (not shown) | "" (not applicable)
    notes: list[str] = field(default_factory=list)
    decimals: list[int | None] = field(default_factory=list)  # per column, for floats


# Cells ------------------------------------------------------------------------------------


def _value_decimals(unit: str) -> int | None:
    """Decimals of a value of ``unit`` (None: not a number, yes/no is written ja or nee)."""
    if unit == Unit.YES_NO:
        return None
    return 0 if unit == Unit.COUNT else 1


def _number(value: float | None, decimals: int | None):
    """A published number, typed: an int for counts and whole figures, else a rounded float."""
    if value is None:
        return ""
    if decimals == 0:
        return int(round(value))
    return round(float(value), decimals if decimals is not None else 10)


def _count(value: float | None):
    if value is None:
        return ""
    value = float(value)
    return int(value) if value.is_integer() else round(value, 2)


def _value(cell: PublishedCell, unit: str):
    if unit == Unit.YES_NO:
        return _("ja") if cell.value >= 0.5 else _("nee")
    if unit == Unit.COUNT or cell.rounded:
        return _number(cell.value, 0)
    return _number(cell.value, _value_decimals(unit))


def cell_status(cell: PublishedCell | None) -> str:
    """Why a cell has no numbers, or what to know about its numbers."""
    if cell is None or cell.missing:
        return _("geen gegevens")
    if cell.suppressed:
        return _("niet getoond (kleine aantallen)")
    return ", ".join(
        word
        for flag, word in ((cell.provisional, _("voorlopig")), (cell.rounded, _("afgerond")))
        if flag
    )


def cell_numbers(cell: PublishedCell | None, unit: str, interval: bool = True) -> list:
    """Value, lower and upper bound, numerator and denominator of a cell; None when hidden.

    ``interval=False`` leaves the bounds out (""), as the pages do for wijken."""
    if cell is None or not cell.is_published:
        return [None] * 5
    decimals = _value_decimals(unit)
    value = _value(cell, unit) if cell.value is not None else ""
    lower = upper = ""
    if interval and decimals is not None:
        lower, upper = _number(cell.lower, decimals), _number(cell.upper, decimals)
    return [value, lower, upper, _count(cell.numerator), _count(cell.denominator)]


def _role(role: str) -> str:
    return {
        "region": _("regio"),
        "municipality": _("gemeente"),
        "wijk": _("wijk"),
        "country": _("land"),
    }.get(role, role)


def _legend(min_count: int | None) -> str:
    """What ``.`` means; ``min_count`` None: the tables mix indicators with other thresholds."""
    if min_count is None:
        return _(
            "%(mark)s = niet getoond (kleine aantallen): te weinig personen in de teller, de "
            "noemer of het verschil daartussen, nodig om een ander klein getal te beschermen, "
            "of geen cijfer (geheim bij de bron of onbekend)."
        ) % {"mark": SUPPRESSED_MARK}
    if min_count:
        return _(
            "%(mark)s = niet getoond (kleine aantallen): minder dan %(k)s personen in de "
            "teller, de noemer of het verschil daartussen, nodig om een ander klein getal te "
            "beschermen, of geen cijfer (geheim bij de bron of onbekend)."
        ) % {"mark": SUPPRESSED_MARK, "k": min_count}
    return _("%(mark)s = geen cijfer: geheim bij de bron of onbekend.") % {"mark": SUPPRESSED_MARK}


def _notes(sources, min_count=0, provisional=False, rounded=False) -> list[str]:
    notes = [_legend(min_count)]
    if provisional:
        notes.append(_("Status 'voorlopig': een voorlopig cijfer, dat nog kan veranderen."))
    if rounded:
        notes.append(
            _(
                "Status 'afgerond': aantallen voor wijken zijn afgerond op vijftallen, "
                "percentages op hele procenten, zonder interval."
            )
        )
    notes += list(sources)  # provenance sentences: "Bron: CBS StatLine, tabel …, opgehaald op …"
    return notes


# Tables of one indicator ------------------------------------------------------------------


def value_export(table: ValueTable) -> ExportTable:
    """The value table in long format: one row per area and period."""
    headers = [
        _("gebied"),
        _("code"),
        _("rol"),
        _("periode"),
        _("waarde"),
        _("ondergrens"),
        _("bovengrens"),
        _("teller"),
        _("noemer"),
        _("status"),
    ]
    rows = [
        [
            row.label,
            row.code,
            _role(row.role),
            period,
            *cell_numbers(cell, table.unit, interval=row.role not in WITHOUT_INTERVAL),
            cell_status(cell),
        ]
        for row in table.rows
        for period, cell in zip(table.periods, row.cells, strict=False)
    ]
    decimals = _value_decimals(table.unit)
    return ExportTable(
        VALUES,
        table.caption,
        headers,
        rows,
        _notes(table.sources, table.min_count, table.has_provisional, table.has_rounded),
        [None, None, None, None, decimals, decimals, decimals, 0, 0, None],
    )


def detail_export(table: DetailTable, min_count: int = 0) -> ExportTable:
    """Numerator, denominator, value and interval per period for the main area (and NL)."""
    headers = [
        _("gebied"),
        _("periode"),
        _("teller"),
        _("noemer"),
        _("waarde"),
        _("ondergrens"),
        _("bovengrens"),
        _("status"),
    ]
    decimals = _value_decimals(table.unit)
    column_decimals = [None, None, 0, 0, decimals, decimals, decimals, None]
    if table.has_country:
        headers += [_("waarde Nederland"), _("status Nederland")]
        column_decimals += [decimals, None]
    rows = []
    for row in table.rows:
        value, lower, upper, numerator, denominator = cell_numbers(row.cell, table.unit)
        line = [table.area, row.period, numerator, denominator, value, lower, upper]
        line.append(cell_status(row.cell))
        if table.has_country:
            line += [cell_numbers(row.country, table.unit)[0], cell_status(row.country)]
        rows.append(line)
    return ExportTable(
        DETAILS,
        table.caption,
        headers,
        rows,
        _notes(table.sources, min_count, table.has_provisional),
        column_decimals,
    )


def _comparison_kind(kind: str) -> str:
    return {
        "country": _("Nederland"),
        "ggd": _("GGD-regio"),
        "size_class": _("vergelijkbare gemeenten"),
    }.get(kind, kind)


def _outcome(outcome: str) -> str:
    return {
        HIGHER: _("hoger"),
        LOWER: _("lager"),
        NO_DIFFERENCE: _("geen duidelijk verschil"),
    }.get(outcome, _("niet getoetst"))


def comparison_export(
    comparisons: list[Comparison], unit: str = "", title: str = ""
) -> ExportTable:
    """The main area beside NL, its GGD region and comparable municipalities."""
    headers = [
        _("vergeleken met"),
        _("soort"),
        _("gemeenten"),
        _("periode"),
        _("waarde"),
        _("p-waarde"),
        _("uitkomst"),
        _("toelichting"),
    ]
    decimals = _value_decimals(unit) if unit else 1
    rows = []
    for comparison in comparisons:
        if unit == Unit.YES_NO or comparison.reference is None:
            reference = "" if comparison.reference is None else comparison.reference
        else:
            reference = _number(comparison.reference, decimals)
        rows.append(
            [
                comparison.label,
                _comparison_kind(comparison.kind),
                comparison.members if comparison.members is not None else "",
                comparison.period,
                reference,
                _number(comparison.p_value, P_DECIMALS),
                _outcome(comparison.outcome),
                comparison.sentence,
            ]
        )
    notes = [
        _(
            "Groepen van gemeenten tellen alleen de gemeenten waarvan het cijfer gepubliceerd "
            "mag worden."
        )
    ]
    return ExportTable(
        COMPARISONS,
        title or _("Vergelijking met andere gebieden"),
        headers,
        rows,
        notes,
        [None, None, 0, None, decimals, P_DECIMALS, None, None],
    )


def indicator_exports(coalition, indicator) -> list[ExportTable]:
    """The three tables of an indicator's page: values, details and comparisons."""
    page = indicator_data(coalition, indicator)
    summary = page.summary
    comparisons_title = _("%(name)s: %(area)s vergeleken met andere gebieden, %(period)s") % {
        "name": summary.name,
        "area": summary.area,
        "period": summary.latest_period,
    }
    tables = [
        value_export(page.values),
        detail_export(page.detail, page.min_count),
        comparison_export(page.comparisons, summary.unit, comparisons_title),
    ]
    return _marked(tables, coalition)


# Everything of a coalition ----------------------------------------------------------------


def _direction(direction: str) -> str:
    return {
        Direction.HIGHER: _("hoger is beter"),
        Direction.LOWER: _("lager is beter"),
    }.get(direction, _("geen richting (context)"))


def _overview_row(summary: IndicatorSummary) -> list:
    value, lower, upper, numerator, denominator = cell_numbers(summary.latest, summary.unit)
    country = summary.country.reference if summary.country is not None else None
    if country is not None and summary.unit != Unit.YES_NO:
        country = _number(country, _value_decimals(summary.unit))
    return [
        summary.code,
        summary.name,
        str(dict(Unit.choices).get(summary.unit, summary.unit)),
        _direction(summary.direction),
        summary.area,
        summary.latest_period,
        value,
        lower,
        upper,
        numerator,
        denominator,
        cell_status(summary.latest),
        "" if country is None else country,
        summary.verdict.label,
        summary.verdict.basis,
        summary.verdict.target,
        "; ".join(summary.table.sources),
    ]


def overview_export(overview) -> ExportTable:
    """One row per indicator of the plan: latest value, interval, verdict and its basis."""
    headers = [
        _("code"),
        _("indicator"),
        _("eenheid"),
        _("gewenste richting"),
        _("gebied"),
        _("periode"),
        _("waarde"),
        _("ondergrens"),
        _("bovengrens"),
        _("teller"),
        _("noemer"),
        _("status"),
        _("Nederland"),
        _("oordeel"),
        _("onderbouwing"),
        _("doel"),
        _("bronnen"),
    ]
    thresholds = {summary.table.min_count for summary in overview.indicators}
    min_count = thresholds.pop() if len(thresholds) == 1 else None
    return ExportTable(
        OVERVIEW,
        _("%(coalition)s: laatste cijfer en oordeel per indicator")
        % {"coalition": overview.coalition},
        headers,
        [_overview_row(summary) for summary in overview.indicators],
        [
            _legend(min_count),
            _(
                "Waarden van percentages en cijfers per 1.000 hebben één decimaal; het interval "
                "is het 95%-betrouwbaarheidsinterval."
            ),
        ],
        [None, None, None, None, None, None, 1, 1, 1, 0, 0, None, 1, None, None, None, None],
    )


def _with_indicator(table: ExportTable, code: str, name: str) -> ExportTable:
    """The same table with the indicator's code and name in front of every row."""
    return ExportTable(
        table.name,
        table.title,
        [_("indicatorcode"), _("indicator"), *table.headers],
        [[code, name, *row] for row in table.rows],
        table.notes,
        [None, None, *table.decimals],
    )


def _combined(name: str, title: str, parts: list[ExportTable]) -> ExportTable:
    """One table from the same table of several indicators (the longest header wins: the
    others only lack columns at the end); a column's decimals are the most any part uses."""
    headers = max((part.headers for part in parts), key=len, default=[])
    decimals: list[int | None] = [None] * len(headers)
    for part in parts:
        for i, places in enumerate(part.decimals):
            if places is not None:
                decimals[i] = max(places, decimals[i] or 0)
    legends = {part.notes[0] for part in parts if part.notes}
    notes = list(dict.fromkeys(note for part in parts for note in part.notes))
    if len(legends) > 1:  # indicators with different thresholds: one general legend
        notes = [_legend(None)] + [note for note in notes if note not in legends]
    rows = [row + [""] * (len(headers) - len(row)) for part in parts for row in part.rows]
    return ExportTable(name, title, headers, rows, notes, decimals)


def coalition_exports(coalition) -> list[ExportTable]:
    """Everything a member of the coalition may see, as four tables: the overview, then the
    values, details and comparisons of every indicator (with its code in each row)."""
    overview = overview_data(coalition)
    codes = [summary.code for summary in overview.indicators]
    indicators = {
        i.code: i
        for i in Indicator.objects.filter(code__in=codes)
        if i.coalition_id in (None, coalition.pk)
    }
    wanted = [indicators[code] for code in codes if code in indicators]
    insights = coalition_insights(coalition, wanted)
    values, details, comparisons = [], [], []
    for summary in overview.indicators:
        indicator = indicators.get(summary.code)
        if indicator is None:
            continue
        insight = insights[indicator.id]
        parts = (
            value_export(value_table(insight)),
            detail_export(detail_table(insight), insight.min_count),
            comparison_export(comparison_table(insight), insight.unit),
        )
        for found, part in zip((values, details, comparisons), parts, strict=True):
            found.append(_with_indicator(part, summary.code, summary.name))
    name = coalition.name
    tables = [
        overview_export(overview),
        _combined(
            VALUES,
            _("%(coalition)s: alle cijfers per gebied en periode") % {"coalition": name},
            values,
        ),
        _combined(
            DETAILS,
            _("%(coalition)s: teller, noemer en waarde per periode") % {"coalition": name},
            details,
        ),
        _combined(
            COMPARISONS,
            _("%(coalition)s: vergelijking met andere gebieden") % {"coalition": name},
            comparisons,
        ),
    ]
    return _marked(tables, coalition)


def _marked(tables: list[ExportTable], coalition) -> list[ExportTable]:
    """Fictitious (demo) figures say so in every table."""
    if coalition.is_fictitious:
        for table in tables:
            table.notes.insert(0, _("Fictieve gegevens (demo): deze cijfers zijn verzonnen."))
    return tables
