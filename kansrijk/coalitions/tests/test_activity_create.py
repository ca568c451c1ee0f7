import pytest
from django.urls import reverse

from kansrijk.coalitions.models import Activity
from kansrijk.testing.factories import GoalFactory, PartnerFactory

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, goal):
    return reverse("coalitions:activity-create", args=[coalition.slug, goal.pk])


def test_it_offers_only_the_coalitions_partners(client, owner, partner, other_coalition, url):
    PartnerFactory(coalition=other_coalition, name="Kraamzorg Elders")
    client.force_login(owner)
    content = client.get(url).content.decode()
    assert "Verloskundigenpraktijk De Wieg" in content
    assert "Kraamzorg Elders" not in content
    assert "<legend>Uitgevoerd door" in content


def test_it_adds_an_activity_with_its_partners(client, owner, goal, partner, url):
    client.force_login(owner)
    response = client.post(url, {"title": "CenteringPregnancy", "partners": [partner.pk]})
    activity = Activity.objects.get(title="CenteringPregnancy")
    assert activity.goal == goal
    assert list(activity.partners.all()) == [partner]
    assert response.url.endswith(f"#activiteit-{activity.pk}")


def test_it_rejects_a_partner_of_another_coalition(client, owner, goal, other_coalition, url):
    foreign = PartnerFactory(coalition=other_coalition)
    client.force_login(owner)
    response = client.post(url, {"title": "Ingeslopen", "partners": [foreign.pk]})
    assert response.status_code == 200
    assert response.context["form"].errors["partners"] == [
        "Kies een van de mogelijkheden bij “Uitgevoerd door”."
    ]
    assert not goal.activities.exists()


def test_it_lets_an_editor_add_an_activity(client, editor, goal, url):
    client.force_login(editor)
    client.post(url, {"title": "Nu Niet Zwanger"})
    assert goal.activities.filter(title="Nu Niet Zwanger").exists()


def test_it_does_not_add_an_activity_to_a_goal_of_another_coalition(
    client, owner, coalition, other_coalition
):
    foreign = GoalFactory(ambition__coalition=other_coalition)
    client.force_login(owner)
    url = reverse("coalitions:activity-create", args=[coalition.slug, foreign.pk])
    assert client.post(url, {"title": "Ingeslopen"}).status_code == 404
    assert not foreign.activities.exists()


def test_it_forbids_viewers(client, member, goal, url):
    assert_forbidden_for(client, member, url)
    assert not goal.activities.exists()


def test_it_hides_the_page_from_outsiders(client, outsider, goal, url):
    assert_hidden_from(client, outsider, url)
    assert not goal.activities.exists()


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)


def test_it_explains_where_partners_come_from_when_there_are_none(client, owner, goal, coalition):
    client.force_login(owner)
    url = reverse("coalitions:activity-create", args=[coalition.slug, goal.pk])
    assert "Deze coalitie heeft nog geen partners." in client.get(url).content.decode()
