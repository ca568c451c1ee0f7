import pytest
from django.urls import reverse

from kansrijk.testing.factories import PartnerFactory

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition):
    return reverse("coalitions:partner-list", kwargs={"slug": coalition.slug})


def test_it_lists_the_coalitions_partners_by_domain(client, owner, coalition, partner, url):
    PartnerFactory(coalition=coalition, name="CJG Voorbeeldstad", domain="social")
    client.force_login(owner)
    response = client.get(url)
    assert [p.name for p in response.context["partners"]] == [
        "Verloskundigenpraktijk De Wieg",
        "CJG Voorbeeldstad",
    ]
    assert "Sociaal domein" in response.content.decode()


def test_it_leaves_out_partners_of_other_coalitions(client, owner, other_coalition, url):
    PartnerFactory(coalition=other_coalition, name="Kraamzorg Elders")
    client.force_login(owner)
    assert "Kraamzorg Elders" not in client.get(url).content.decode()


def test_it_forbids_editors(client, editor, url):
    assert_forbidden_for(client, editor, url)


def test_it_forbids_viewers(client, member, url):
    assert_forbidden_for(client, member, url)


def test_it_hides_the_page_from_outsiders(client, outsider, url):
    assert_hidden_from(client, outsider, url)


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
