import pytest
from django.urls import reverse

from kansrijk.testing.factories import ActivityFactory, PartnerFactory

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, activity):
    return reverse("coalitions:activity-edit", args=[coalition.slug, activity.pk])


def test_it_shows_the_current_partners_checked(client, owner, partner, url):
    client.force_login(owner)
    content = client.get(url).content.decode()
    assert f'value="{partner.pk}" id="id_partners_0" checked' in content


def test_it_saves_title_and_partners(client, owner, coalition, activity, url):
    jgz = PartnerFactory(coalition=coalition, name="JGZ", domain="social")
    client.force_login(owner)
    client.post(url, {"title": "Huisbezoek door de JGZ", "partners": [jgz.pk], "position": "1"})
    activity.refresh_from_db()
    assert activity.title == "Huisbezoek door de JGZ"
    assert list(activity.partners.all()) == [jgz]


def test_it_lets_an_editor_edit(client, editor, activity, url):
    client.force_login(editor)
    client.post(url, {"title": "Door de redacteur"})
    activity.refresh_from_db()
    assert activity.title == "Door de redacteur"
    assert not activity.partners.exists()


def test_it_does_not_edit_an_activity_of_another_coalition(
    client, owner, coalition, other_coalition
):
    foreign = ActivityFactory(goal__ambition__coalition=other_coalition, title="Van elders")
    client.force_login(owner)
    url = reverse("coalitions:activity-edit", args=[coalition.slug, foreign.pk])
    assert client.post(url, {"title": "Gekaapt"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.title == "Van elders"


def test_it_forbids_viewers(client, member, url):
    assert_forbidden_for(client, member, url)


def test_it_hides_the_page_from_outsiders(client, outsider, url):
    assert_hidden_from(client, outsider, url)


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
