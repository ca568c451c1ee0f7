"""``{% export_links %}`` and ``{% export_all_links %}``, and the registered output paths."""

import pytest
from django.template import Context, Template

from kansrijk.exports import outputs, tables
from kansrijk.insight.outputs import registered_outputs


def _render(text, **context):
    return Template("{% load exports %}" + text).render(Context(context))


@pytest.mark.parametrize(
    ("table", "name"),
    [("values", "waarden"), ("details", "details"), ("comparisons", "vergelijking")],
)
def test_a_table_gets_a_csv_and_an_xlsx_link(coalition, share, table, name):
    html = _render(
        '{% export_links coalition indicator "' + table + '" %}',
        coalition=coalition,
        indicator=share,
    )
    assert f'href="/coalities/voorbeeldstad/export/preterm/{name}.csv"' in html
    assert f'href="/coalities/voorbeeldstad/export/preterm/{name}.xlsx"' in html
    assert html.count("download") == 2


def test_the_links_name_their_table_for_screen_readers(coalition, share):
    html = _render(
        '{% export_links coalition indicator "details" %}', coalition=coalition, indicator=share
    )
    assert '<span class="visually-hidden"> – teller en noemer</span>' in html


def test_everything_gets_its_own_links(coalition):
    html = _render("{% export_all_links coalition %}", coalition=coalition)
    assert 'href="/coalities/voorbeeldstad/export/alles.csv"' in html
    assert 'href="/coalities/voorbeeldstad/export/alles.xlsx"' in html


def test_an_unknown_table_is_an_error(coalition, share):
    with pytest.raises(ValueError, match="unknown table 'teller'"):
        _render(
            '{% export_links coalition indicator "teller" %}', coalition=coalition, indicator=share
        )


def test_every_export_is_a_registered_output():
    names = {output.name for output in registered_outputs()}
    assert {
        "exports:table-csv:waarden",
        "exports:table-csv:details",
        "exports:table-csv:vergelijking",
        "exports:all-csv",
        "exports.indicator_xlsx",
        "exports.coalition_xlsx",
        "exports.command_csv",
    } <= names


def test_the_registry_knows_every_table():
    assert outputs.INDICATOR_TABLES == tables.INDICATOR_TABLES
