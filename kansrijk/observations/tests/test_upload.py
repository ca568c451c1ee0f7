import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kansrijk.coalitions.models import Membership
from kansrijk.observations.models import Upload
from kansrijk.testing.factories import PartnerFactory

from .access import assert_forbidden_for, assert_hidden_from, assert_login_required
from .files import read_data


@pytest.fixture
def url(coalition):
    return reverse("observations:upload", kwargs={"slug": coalition.slug})


def _post(client, url, partner, *, name="centering.csv", data=None, **extra):
    data = read_data("centering_cp1252.csv") if data is None else data
    return client.post(
        url, {"file": SimpleUploadedFile(name, data), "partner": partner.pk, **extra}
    )


def test_it_keeps_the_file_and_shows_the_preview(client, editor, setting_up, url, coalition):
    client.force_login(editor)
    response = _post(client, url, setting_up["partner"])
    upload = Upload.objects.get()
    assert response.url == reverse("observations:upload-preview", args=[coalition.slug, upload.pk])
    assert bytes(upload.content) == read_data("centering_cp1252.csv")
    assert (upload.partner, upload.created_by, upload.batch) == (
        setting_up["partner"],
        editor,
        None,
    )


def test_it_refuses_a_file_over_the_size_limit(client, owner, setting_up, url, settings):
    settings.KANSRIJK_UPLOAD_MAX_BYTES = 100
    client.force_login(owner)
    response = _post(client, url, setting_up["partner"])
    assert response.status_code == 200
    assert "te groot" in response.context["form"].errors["file"][0]
    assert not Upload.objects.exists()


def test_it_refuses_a_file_of_another_kind(client, owner, setting_up, url):
    client.force_login(owner)
    response = _post(client, url, setting_up["partner"], name="macro.xlsm")
    assert response.context["form"].errors["file"] == ["Kies een .csv-, .txt- of .xlsx-bestand."]


def test_it_offers_only_the_coalitions_own_partners(
    client, owner, setting_up, url, other_coalition
):
    stranger = PartnerFactory(coalition=other_coalition)
    client.force_login(owner)
    response = _post(client, url, stranger)
    assert "partner" in response.context["form"].errors
    assert not Upload.objects.exists()


def test_it_chooses_the_users_own_organisation_first(client, owner, setting_up, url, coalition):
    Membership.objects.filter(user=owner).update(partner=setting_up["partner"])
    client.force_login(owner)
    form = client.get(url).context["form"]
    assert form.fields["partner"].initial == setting_up["partner"].pk


def test_it_shows_errors_in_a_summary_linked_to_the_fields(client, owner, setting_up, url):
    client.force_login(owner)
    html = client.post(url, {}).content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_file"' in html and 'href="#id_partner"' in html


def test_members_may_not_upload(client, member, url):
    assert_forbidden_for(client, member, url)


def test_outsiders_get_a_404(client, outsider, url):
    assert_hidden_from(client, outsider, url)


def test_it_asks_anonymous_users_to_log_in(client, url):
    assert_login_required(client, url)
