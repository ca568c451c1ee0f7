import pytest
from django.urls import reverse

from kansrijk.observations.importers.registrations import store_upload
from kansrijk.observations.models import Upload

from .access import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, setting_up):
    upload = store_upload(b"wijk;jaar;aantal\n", "x.csv", coalition=coalition)
    return reverse("observations:upload-discard", args=[coalition.slug, upload.pk])


def test_it_throws_the_upload_away(client, editor, url, coalition):
    client.force_login(editor)
    response = client.post(url)
    assert response.url == reverse("observations:batch-list", args=[coalition.slug])
    assert not Upload.objects.exists()


def test_it_only_accepts_a_post(client, editor, url):
    client.force_login(editor)
    assert client.get(url).status_code == 405
    assert Upload.objects.exists()


def test_members_may_not_throw_uploads_away(client, member, url):
    assert_forbidden_for(client, member, url, methods=("post",))
    assert Upload.objects.exists()


def test_outsiders_get_a_404(client, outsider, url):
    assert_hidden_from(client, outsider, url, methods=("post",))


def test_it_asks_anonymous_users_to_log_in(client, url):
    assert_login_required(client, url)
