import pytest
from django.urls import reverse

from kansrijk.coalitions.models import Partner

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition):
    return reverse("coalitions:partner-create", kwargs={"slug": coalition.slug})


def test_it_adds_a_partner(client, owner, coalition, url):
    client.force_login(owner)
    response = client.post(url, {"name": "GGD Voorbeeldregio", "domain": "social"})
    partner = Partner.objects.get(name="GGD Voorbeeldregio")
    assert (partner.coalition, partner.domain) == (coalition, "social")
    assert response.url == reverse("coalitions:partner-list", args=[coalition.slug])


def test_it_refuses_a_name_the_coalition_already_has(client, owner, partner, url):
    client.force_login(owner)
    response = client.post(url, {"name": "verloskundigenpraktijk de wieg", "domain": "medical"})
    assert response.context["form"].errors["name"] == [
        "Er is al een partner met de naam “verloskundigenpraktijk de wieg”."
    ]


def test_it_allows_a_name_another_coalition_has(client, owner, coalition, other_coalition, url):
    Partner.objects.create(coalition=other_coalition, name="Kraamzorg", domain="medical")
    client.force_login(owner)
    client.post(url, {"name": "Kraamzorg", "domain": "medical"})
    assert coalition.partners.filter(name="Kraamzorg").exists()


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"name": "", "domain": "medical"}, "name", "“Naam van de organisatie” is verplicht."),
        ({"name": "Huisarts", "domain": ""}, "domain", "“Domein” is verplicht."),
        (
            {"name": "Huisarts", "domain": "legal"},
            "domain",
            "Kies een van de mogelijkheden bij “Domein”.",
        ),
    ],
)
def test_it_rejects_bad_input_with_a_dutch_message(
    client, owner, coalition, url, data, field, message
):
    client.force_login(owner)
    response = client.post(url, data)
    assert response.context["form"].errors[field] == [message]
    assert not coalition.partners.exists()


def test_it_forbids_editors(client, editor, coalition, url):
    assert_forbidden_for(client, editor, url)
    assert not coalition.partners.exists()


def test_it_forbids_viewers(client, member, coalition, url):
    assert_forbidden_for(client, member, url)
    assert not coalition.partners.exists()


def test_it_hides_the_page_from_outsiders(client, outsider, coalition, url):
    assert_hidden_from(client, outsider, url)
    assert not coalition.partners.exists()


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
