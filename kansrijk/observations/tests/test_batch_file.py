import pytest
from django.urls import reverse

from kansrijk.observations.importers.registrations import commit_registrations, read_registrations
from kansrijk.testing.factories import ImportBatchFactory

from .access import assert_forbidden_for, assert_hidden_from, assert_login_required
from .conftest import TODAY
from .files import read_data


@pytest.fixture
def batch(coalition, setting_up, centering):
    preview = read_registrations(
        read_data("centering_cp1252.csv"),
        "centering juni.csv",
        coalition=coalition,
        partner=setting_up["partner"],
        indicator=centering,
        today=TODAY,
    )
    return commit_registrations(preview)


@pytest.fixture
def url(batch):
    return reverse("observations:batch-file", args=[batch.coalition.slug, batch.pk])


def test_it_downloads_the_original_file(client, editor, url):
    client.force_login(editor)
    response = client.get(url)
    assert response.content == read_data("centering_cp1252.csv")
    assert response["Content-Disposition"] == 'attachment; filename="centering juni.csv"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_batch_without_a_file_has_nothing_to_download(client, owner, coalition):
    batch = ImportBatchFactory(kind="demo", coalition=coalition)
    client.force_login(owner)
    url = reverse("observations:batch-file", args=[coalition.slug, batch.pk])
    assert client.get(url).status_code == 404


def test_members_may_not_download_originals(client, member, url):
    assert_forbidden_for(client, member, url, methods=("get",))


def test_outsiders_get_a_404(client, outsider, url):
    assert_hidden_from(client, outsider, url, methods=("get",))


def test_it_asks_anonymous_users_to_log_in(client, url):
    assert_login_required(client, url)
