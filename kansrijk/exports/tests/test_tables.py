"""The export tables: built from the data functions, with every hidden cell left empty."""

import pytest

from kansrijk.exports.tables import (
    coalition_exports,
    comparison_export,
    indicator_exports,
    value_export,
)
from kansrijk.insight.disclosure import PublishedCell
from kansrijk.insight.engine import Comparison
from kansrijk.insight.tables import ValueRow, ValueTable, indicator_data
from kansrijk.testing.factories import IndicatorFactory

from .conftest import hidden_keys

SUPPRESSED = "niet getoond (kleine aantallen)"


def _by_name(tables):
    return {table.name: table for table in tables}


def _rows(table):
    return [dict(zip(table.headers, row, strict=True)) for row in table.rows]


def test_an_indicator_has_a_values_a_details_and_a_comparison_table(coalition, share, nation):
    tables = indicator_exports(coalition, share)
    assert [t.name for t in tables] == ["waarden", "details", "vergelijking"]
    assert all(len(row) == len(t.headers) for t in tables for row in t.rows)
    assert all(len(t.decimals) == len(t.headers) for t in tables)


def test_the_values_table_is_long_with_typed_numbers(coalition, share, nation):
    values = _by_name(indicator_exports(coalition, share))["waarden"]
    rows = _rows(values)
    own = [row for row in rows if row["code"] == "GM9999"]
    assert [row["periode"] for row in own] == ["2020", "2021", "2022", "2023", "2024"]
    first = own[0]
    assert first["gebied"] == "Voorbeeldstad" and first["rol"] == "gemeente"
    assert first["waarde"] == 7.0 and isinstance(first["waarde"], float)
    assert first["teller"] == 70 and isinstance(first["teller"], int)
    assert first["noemer"] == 1000
    assert first["ondergrens"] < 7.0 < first["bovengrens"]
    assert first["status"] == ""
    country = [row for row in rows if row["rol"] == "land"]
    assert len(country) == 5 and country[0]["waarde"] == 5.0


def test_the_details_table_has_the_main_area_beside_the_country(coalition, share, nation):
    details = _by_name(indicator_exports(coalition, share))["details"]
    rows = _rows(details)
    assert len(rows) == 5
    assert rows[-1]["gebied"] == "Voorbeeldstad"
    assert (rows[-1]["teller"], rows[-1]["noemer"], rows[-1]["waarde"]) == (70, 1000, 7.0)
    assert rows[-1]["waarde Nederland"] == 5.0


def test_the_comparison_table_names_each_reference(coalition, share, nation):
    comparisons = _by_name(indicator_exports(coalition, share))["vergelijking"]
    rows = _rows(comparisons)
    assert {row["soort"] for row in rows} >= {"Nederland", "vergelijkbare gemeenten"}
    country = next(row for row in rows if row["soort"] == "Nederland")
    assert country["waarde"] == 5.0 and country["periode"] == "2024"
    assert country["uitkomst"] == "hoger" and 0 <= country["p-waarde"] < 0.05
    assert country["toelichting"]


def test_the_tables_carry_the_pages_captions_and_sources(coalition, share, nation):
    page = indicator_data(coalition, share)
    values = _by_name(indicator_exports(coalition, share))["waarden"]
    assert values.title == page.values.caption
    assert page.values.sources and set(page.values.sources) <= set(values.notes)
    assert values.notes[0].startswith(".")


def test_a_hidden_cell_has_no_numbers_and_says_why():
    hidden = PublishedCell(("a", "2024"), suppressed=True, reason="numerator")
    missing = PublishedCell(("a", "2023"), missing=True)
    shown = PublishedCell(("a", "2022"), 12, 100, 12.0, 6.9, 20.0, provisional=True)
    table = ValueTable(
        "Titel",
        "percentage",
        ["2022", "2023", "2024"],
        [ValueRow("Oost", "WK000101", "wijk", [shown, missing, hidden])],
        ["Bron"],
    )
    rows = value_export(table).rows
    assert rows[0][4:] == [12.0, "", "", 12, 100, "voorlopig"]  # a wijk: no interval
    assert rows[1][4:] == [None, None, None, None, None, "geen gegevens"]
    assert rows[2][4:] == [None, None, None, None, None, SUPPRESSED]


@pytest.mark.parametrize(
    ("unit", "value", "expected"),
    [("count", 55.0, 55), ("yes_no", 1.0, "ja"), ("yes_no", 0.0, "nee"), ("per_1000", 8.14, 8.1)],
)
def test_values_keep_their_unit(unit, value, expected):
    cell = PublishedCell(("a", "2024"), 55, 1000 if unit == "per_1000" else None, value)
    table = ValueTable("T", unit, ["2024"], [ValueRow("X", "GM1", "municipality", [cell])], [])
    assert value_export(table).rows[0][4] == expected


def test_a_comparison_without_a_test_says_so():
    comparison = Comparison("country", "Nederland", 5.04, "2024")
    row = comparison_export([comparison], "percentage").rows[0]
    assert row[4] == 5.0 and row[5] == "" and row[6] == "niet getoetst"


def test_every_hidden_cell_is_empty_in_the_values_table(coalition, small_numbers):
    keys = hidden_keys(coalition, small_numbers)
    assert len(keys) > 20
    seen = set()
    for indicator in small_numbers:
        values = _by_name(indicator_exports(coalition, indicator))["waarden"]
        for row in _rows(values):
            key = (indicator.code, row["code"], row["periode"])
            numbers = [row[h] for h in ("waarde", "ondergrens", "bovengrens", "teller", "noemer")]
            if key in keys:
                seen.add(key)
                assert numbers == [None] * 5 and row["status"] == SUPPRESSED, key
            else:
                assert None not in numbers or row["status"] == "geen gegevens", key
    assert seen == keys


def test_no_published_count_in_any_table_is_below_the_threshold(coalition, small_numbers):
    for table in coalition_exports(coalition):
        for row in _rows(table):
            for header in ("teller", "noemer"):
                count = row.get(header)
                if isinstance(count, int):
                    assert count == 0 or count >= 10, (table.name, row)


def test_everything_of_a_coalition_is_four_tables(coalition, small_numbers):
    tables = coalition_exports(coalition)
    assert [t.name for t in tables] == ["overzicht", "waarden", "details", "vergelijking"]
    overview = _rows(tables[0])
    assert [row["code"] for row in overview] == [i.code for i in small_numbers]
    values = _rows(tables[1])
    assert {row["indicatorcode"] for row in values} == {i.code for i in small_numbers}
    keys = hidden_keys(coalition, small_numbers)
    for row in values:
        if (row["indicatorcode"], row["code"], row["periode"]) in keys:
            assert row["waarde"] is None and row["teller"] is None and row["noemer"] is None


def test_the_overview_has_the_latest_value_and_the_verdict(coalition, share, nation):
    overview = _rows(coalition_exports(coalition)[0])
    assert len(overview) == 1
    row = overview[0]
    assert (row["code"], row["periode"], row["waarde"], row["teller"]) == (
        "preterm",
        "2024",
        7.0,
        70,
    )
    assert row["Nederland"] == 5.0 and row["oordeel"] and row["onderbouwing"]
    assert row["gewenste richting"] == "lager is beter" and "CBS StatLine" in row["bronnen"]


def test_an_own_indicator_of_another_coalition_is_left_out(
    coalition, other_coalition, share, nation, figures, municipality
):
    theirs = IndicatorFactory(code="hun_eigen", coalition=other_coalition)
    figures.write(theirs, [(municipality, "2024", 500, 1000)], coalition=other_coalition)
    codes = {row[0] for row in coalition_exports(coalition)[1].rows}
    assert codes == {"preterm"}


def test_fictitious_figures_say_so(coalition, share, nation):
    coalition.is_fictitious = True
    coalition.save()
    for table in coalition_exports(coalition) + indicator_exports(coalition, share):
        assert table.notes[0].startswith("Fictieve gegevens")


def test_everything_runs_the_same_queries_for_one_indicator_as_for_five(
    coalition, figures, municipality, in_plan, django_assert_max_num_queries
):
    def add_indicator(n):
        indicator = IndicatorFactory(code=f"share_{n}", unit="percentage")
        in_plan(indicator)
        figures.write(indicator, [(municipality, y, 30 + n, 300) for y in ("2023", "2024")])

    add_indicator(0)
    with django_assert_max_num_queries(25) as one:
        coalition_exports(coalition)
    for n in range(1, 5):
        add_indicator(n)
    with django_assert_max_num_queries(len(one.captured_queries)):
        tables = coalition_exports(coalition)
    assert len(tables[0].rows) == 5
