"""The downloads: /coalities/<slug>/export/<code>/<table>.csv|.xlsx and alles.csv|.xlsx."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kansrijk.coalitions.tests.checks import assert_hidden_from, assert_login_required
from kansrijk.exports import urls as export_urls
from kansrijk.exports.outputs import workbook_text
from kansrijk.insight.tests.test_output_paths import _hidden_cells, forbidden_patterns, leaks
from kansrijk.testing.factories import IndicatorFactory

from .conftest import hidden_keys

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SUPPRESSED = "niet getoond (kleine aantallen)"
PAGES = sorted(pattern.name for pattern in export_urls.urlpatterns)


def _url(name, coalition, code="preterm", table="waarden"):
    if name.startswith("all-"):
        return reverse(f"exports:{name}", kwargs={"slug": coalition.slug})
    kwargs = {"slug": coalition.slug, "code": code, "table": table}
    return reverse(f"exports:{name}", kwargs=kwargs)


def _csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


# Access -------------------------------------------------------------------------------------


def test_the_namespace_has_the_four_downloads():
    assert PAGES == ["all-csv", "all-xlsx", "table-csv", "table-xlsx"]


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_users_are_sent_to_the_login_page(client, coalition, share, name):
    assert_login_required(client, _url(name, coalition))


@pytest.mark.parametrize("name", PAGES)
def test_outsiders_get_a_404(client, coalition, share, outsider, name):
    assert_hidden_from(client, outsider, _url(name, coalition))


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("person", ["member", "editor", "owner"])
def test_every_member_may_download(client, coalition, share, nation, name, person, request):
    client.force_login(request.getfixturevalue(person))
    assert client.get(_url(name, coalition)).status_code == 200


@pytest.mark.parametrize("name", ["table-csv", "table-xlsx"])
def test_another_coalitions_own_indicator_is_not_found(
    client, coalition, other_coalition, member, name
):
    theirs = IndicatorFactory(code="hun_indicator", coalition=other_coalition)
    client.force_login(member)
    assert client.get(_url(name, coalition, code=theirs.code)).status_code == 404


@pytest.mark.parametrize("name", ["table-csv", "table-xlsx"])
def test_an_unknown_table_or_code_is_not_found(client, coalition, share, member, name):
    client.force_login(member)
    assert client.get(_url(name, coalition, table="teller")).status_code == 404
    assert client.get(_url(name, coalition, code="onbekend")).status_code == 404


def test_an_unknown_format_is_not_found(client, coalition, share, member):
    client.force_login(member)
    url = _url("table-csv", coalition).replace(".csv", ".pdf")
    assert client.get(url).status_code == 404
    assert client.get(f"/coalities/{coalition.slug}/export/alles.json").status_code == 404


# Content ------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", ["waarden", "details", "vergelijking"])
def test_a_table_downloads_as_csv(client, coalition, share, nation, member, table):
    client.force_login(member)
    response = client.get(_url("table-csv", coalition, table=table))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="voorbeeldstad-preterm-{table}.csv"'
    )
    rows = _csv_rows(response)
    assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)


def test_the_values_csv_has_dutch_numbers(client, coalition, share, nation, member):
    client.force_login(member)
    rows = _csv_rows(client.get(_url("table-csv", coalition)))
    header = rows[0]
    own = [dict(zip(header, row, strict=True)) for row in rows if row[1] == "GM9999"]
    assert own[0]["waarde"] == "7,0" and own[0]["teller"] == "70"
    assert own[0]["noemer"] == "1000"


def test_a_table_downloads_as_xlsx(client, coalition, share, nation, member):
    client.force_login(member)
    response = client.get(_url("table-xlsx", coalition, table="details"))
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == (
        'attachment; filename="voorbeeldstad-preterm-details.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content))["details"]
    assert sheet["C2"].value == 70 and sheet["E2"].value == 7.0


def test_everything_downloads_as_one_file(client, coalition, share, nation, member):
    client.force_login(member)
    csv_response = client.get(_url("all-csv", coalition))
    assert csv_response["Content-Disposition"] == 'attachment; filename="voorbeeldstad-alles.csv"'
    titles = [row[0] for row in _csv_rows(csv_response) if len(row) == 1]
    assert titles[0] == "Kansrijk Voorbeeldstad: laatste cijfer en oordeel per indicator"
    xlsx = client.get(_url("all-xlsx", coalition))
    assert xlsx["Content-Disposition"] == 'attachment; filename="voorbeeldstad-alles.xlsx"'
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert workbook.sheetnames == ["overzicht", "waarden", "details", "vergelijking"]


# Small numbers ------------------------------------------------------------------------------


def _hidden_rows_are_empty(header, rows, keys, code=None):
    """Every row of a hidden cell has the mark in each number column; returns how many."""
    found = 0
    for row in rows:
        line = dict(zip(header, row, strict=False))
        key = (line.get("indicatorcode", code), line.get("code"), line.get("periode"))
        if key in keys:
            found += 1
            numbers = [line[h] for h in ("waarde", "ondergrens", "bovengrens", "teller", "noemer")]
            assert numbers == ["."] * 5 and line["status"] == SUPPRESSED, line
    return found


def test_no_csv_download_shows_a_hidden_number(client, coalition, small_numbers, member):
    client.force_login(member)
    keys = hidden_keys(coalition, small_numbers)
    patterns = forbidden_patterns(_hidden_cells(coalition, small_numbers))
    found = 0
    for indicator in small_numbers:
        for table in ("waarden", "details", "vergelijking"):
            response = client.get(_url("table-csv", coalition, indicator.code, table))
            assert leaks(response.content.decode(), "csv", patterns) == []
            if table == "waarden":
                rows = _csv_rows(response)
                found += _hidden_rows_are_empty(rows[0], rows[1:], keys, indicator.code)
    assert found == len(keys)


def test_no_xlsx_download_shows_a_hidden_number(client, coalition, small_numbers, member):
    client.force_login(member)
    keys = hidden_keys(coalition, small_numbers)
    patterns = forbidden_patterns(_hidden_cells(coalition, small_numbers))
    response = client.get(_url("all-xlsx", coalition))
    assert leaks(workbook_text(response.content), "xlsx", patterns) == []
    sheet = load_workbook(io.BytesIO(response.content))["waarden"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    end = rows.index([None] * len(rows[0]))
    assert _hidden_rows_are_empty(rows[0], rows[1:end], keys) == len(keys)
    for indicator in small_numbers:
        response = client.get(_url("table-xlsx", coalition, indicator.code))
        assert leaks(workbook_text(response.content), "xlsx", patterns) == []
