import pytest
from django.urls import reverse

from kansrijk.observations.importers.registrations import store_upload
from kansrijk.observations.models import ImportBatch, Observation
from kansrijk.testing.factories import PartnerFactory

from .access import assert_forbidden_for, assert_hidden_from, assert_login_required
from .files import long_csv, random_bytes, read_data, wide_two_header_xlsx


@pytest.fixture
def upload(coalition, setting_up, centering, owner):
    return store_upload(
        read_data("centering_cp1252.csv"),
        "centering.csv",
        coalition=coalition,
        partner=setting_up["partner"],
        indicator=centering,
        user=owner,
    )


@pytest.fixture
def url(upload):
    return reverse("observations:upload-preview", args=[upload.coalition.slug, upload.pk])


def _upload(coalition, partner, data, name="cijfers.csv", indicator=None):
    return store_upload(data, name, coalition=coalition, partner=partner, indicator=indicator)


def test_it_shows_what_would_be_imported_and_writes_nothing(client, editor, url):
    client.force_login(editor)
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "CSV, puntkomma, Windows-1252, kopregel 3" in html
    assert "Importeren</button>" in html
    assert "totaalrij" in html
    assert not Observation.objects.exists()


def test_importing_writes_the_batch_with_its_original_file(client, editor, url, upload, coalition):
    client.force_login(editor)
    response = client.post(url, {"import": "1"})
    batch = ImportBatch.objects.get()
    assert response.url == reverse("observations:batch-list", args=[coalition.slug])
    assert (batch.created_by, batch.row_count) == (editor, 5)
    upload.refresh_from_db()
    assert upload.batch == batch
    assert Observation.objects.filter(coalition=coalition).count() == 5


def test_it_shows_each_problem_by_row_and_column_and_offers_no_import(
    client, owner, coalition, setting_up, nu_niet_zwanger
):
    upload = _upload(
        coalition, setting_up["partner"], read_data("three_bad_rows.csv"), indicator=nu_niet_zwanger
    )
    client.force_login(owner)
    response = client.get(reverse("observations:upload-preview", args=[coalition.slug, upload.pk]))
    html = response.content.decode()
    assert "3 fouten: er wordt niets ingelezen" in html
    assert 'href="#fout-1"' in html and 'id="fout-1"' in html
    assert "Nergenshuizen" in html
    assert "Importeren</button>" not in html


def test_importing_a_file_with_errors_writes_nothing(
    client, owner, coalition, setting_up, nu_niet_zwanger
):
    upload = _upload(
        coalition, setting_up["partner"], read_data("three_bad_rows.csv"), indicator=nu_niet_zwanger
    )
    client.force_login(owner)
    url = reverse("observations:upload-preview", args=[coalition.slug, upload.pk])
    response = client.post(url, {"import": "1"})
    assert response.status_code == 200
    assert not ImportBatch.objects.exists()
    assert not Observation.objects.exists()


def test_the_user_maps_columns_it_did_not_recognise(client, owner, coalition, setting_up, voorzorg):
    data = long_csv([("Noord", "2023", "3")], header=("Locatie", "Tijdvak", "Gezinnen"))
    upload = _upload(coalition, setting_up["partner"], data, indicator=voorzorg)
    url = reverse("observations:upload-preview", args=[coalition.slug, upload.pk])
    client.force_login(owner)
    assert "Importeren</button>" not in client.get(url).content.decode()

    response = client.post(
        url, {"mapping": "1", "col_0": "area", "col_1": "period", "col_2": "numerator"}
    )

    assert response.url == url
    upload.refresh_from_db()
    assert upload.columns == {"Locatie": "area", "Tijdvak": "period", "Gezinnen": "numerator"}
    assert "Importeren</button>" in client.get(url).content.decode()


def test_the_mapping_form_has_a_label_per_column(client, owner, coalition, setting_up, voorzorg):
    upload = _upload(coalition, setting_up["partner"], wide_two_header_xlsx(), "w.xlsx", voorzorg)
    client.force_login(owner)
    html = client.get(
        reverse("observations:upload-preview", args=[coalition.slug, upload.pk])
    ).content.decode()
    assert '<label for="id_col_1">2023 K1</label>' in html
    assert "2023-Q1" in html


def test_random_bytes_get_a_message_not_an_error_page(client, owner, coalition, setting_up):
    upload = _upload(coalition, setting_up["partner"], random_bytes(), "cijfers.xlsx")
    client.force_login(owner)
    response = client.get(reverse("observations:upload-preview", args=[coalition.slug, upload.pk]))
    assert response.status_code == 200
    assert "geen geldig Excel-bestand" in response.content.decode()
    assert client.post(response.request["PATH_INFO"], {"import": "1"}).status_code == 200
    assert not ImportBatch.objects.exists()


def test_an_imported_upload_cannot_be_imported_again(client, owner, url):
    client.force_login(owner)
    client.post(url, {"import": "1"})
    assert client.get(url).status_code == 404


def test_another_coalitions_upload_is_not_found(client, owner, other_coalition):
    stranger = _upload(other_coalition, PartnerFactory(coalition=other_coalition), b"wijk;jaar\n")
    client.force_login(owner)
    url = reverse("observations:upload-preview", args=["voorbeeldstad", stranger.pk])
    assert client.get(url).status_code == 404


def test_members_may_not_preview_or_import(client, member, url):
    assert_forbidden_for(client, member, url)


def test_outsiders_get_a_404(client, outsider, url):
    assert_hidden_from(client, outsider, url)


def test_it_asks_anonymous_users_to_log_in(client, url):
    assert_login_required(client, url)


def test_the_user_picks_another_sheet_of_a_workbook(client, owner, coalition, setting_up, voorzorg):
    from .files import xlsx_bytes

    data = xlsx_bytes(
        [("wijk", "jaar", "aantal"), ("Noord", 2022, 1)],
        sheets={"2023": [("wijk", "jaar", "aantal"), ("Noord", 2023, 3)]},
    )
    upload = _upload(coalition, setting_up["partner"], data, "twee.xlsx", voorzorg)
    url = reverse("observations:upload-preview", args=[coalition.slug, upload.pk])
    client.force_login(owner)
    assert 'name="sheet"' in client.get(url).content.decode()

    client.post(
        url,
        {"mapping": "1", "sheet": "2023", "col_0": "area", "col_1": "year", "col_2": "numerator"},
    )

    upload.refresh_from_db()
    assert (upload.sheet, upload.columns) == ("2023", {})
    response = client.get(url)
    assert [row.period.label for row in response.context["preview"].rows] == ["2023"]


def test_a_saved_sheet_the_next_file_lacks_falls_back_to_the_first_sheet(
    coalition, setting_up, voorzorg
):
    from kansrijk.observations.importers.registrations import read_registrations
    from kansrijk.observations.models import ColumnMapping

    from .conftest import TODAY
    from .files import xlsx_bytes

    ColumnMapping.objects.create(partner=setting_up["partner"], sheet="Vorig jaar")
    data = xlsx_bytes([("wijk", "jaar", "aantal"), ("Noord", 2023, 3)])
    preview = read_registrations(
        data, "x.xlsx", coalition=coalition, partner=setting_up["partner"], indicator=voorzorg,
        today=TODAY,
    )  # fmt: skip
    assert preview.errors == []
