import pytest
from django.urls import reverse

from kansrijk.coalitions.models import Activity, Partner, PlanIndicator

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, activity):
    return reverse("coalitions:activity-delete", args=[coalition.slug, activity.pk])


def test_it_asks_for_confirmation_first(client, owner, activity, url):
    client.force_login(owner)
    assert "Wilt u de activiteit “Prenataal huisbezoek” verwijderen?" in (
        client.get(url).content.decode()
    )
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_it_deletes_the_activity_and_its_links_but_not_the_partners(
    client, owner, goal, activity, activity_link, partner, url
):
    client.force_login(owner)
    response = client.post(url)
    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert not PlanIndicator.objects.filter(pk=activity_link.pk).exists()
    assert Partner.objects.filter(pk=partner.pk).exists()
    assert response.url.endswith(f"#doel-{goal.pk}")


def test_it_lets_an_editor_delete(client, editor, activity, url):
    client.force_login(editor)
    client.post(url)
    assert not Activity.objects.filter(pk=activity.pk).exists()


def test_it_forbids_viewers(client, member, activity, url):
    assert_forbidden_for(client, member, url)
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_it_hides_the_page_from_outsiders(client, outsider, activity, url):
    assert_hidden_from(client, outsider, url)
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
