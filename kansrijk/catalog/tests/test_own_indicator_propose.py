"""/coalities/<slug>/indicatoren/<code>/voorstellen/ (POST): propose for the shared catalogue."""

import pytest
from django.urls import reverse

from kansrijk.testing.factories import IndicatorFactory

URL = reverse(
    "own-indicators:indicator-propose", kwargs={"slug": "voorbeeldstad", "code": "bereik"}
)


@pytest.fixture
def own(coalition):
    return IndicatorFactory(code="bereik", name_nl="Bereik", coalition=coalition)


@pytest.mark.parametrize("person", ["owner", "editor"])
def test_coordinators_and_editors_propose_an_own_indicator(client, request, own, person):
    client.force_login(request.getfixturevalue(person))
    response = client.post(URL)
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.proposed_for_catalogue
    assert own.proposed_at is not None


def test_a_viewer_may_not_propose(client, member, own):
    client.force_login(member)
    assert client.post(URL).status_code == 403
    own.refresh_from_db()
    assert not own.proposed_for_catalogue


def test_it_hides_the_coalition_from_outsiders(client, outsider, own):
    client.force_login(outsider)
    assert client.post(URL).status_code == 404


def test_it_sends_anonymous_visitors_to_the_login_page(client, own):
    response = client.post(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_only_accepts_post(client, owner, own):
    client.force_login(owner)
    assert client.get(URL).status_code == 405


def test_the_list_then_shows_the_proposal(client, owner, own):
    client.force_login(owner)
    response = client.post(URL, follow=True)
    content = response.content.decode()
    assert "is voorgesteld voor de gedeelde catalogus" in content
    assert "Voorgesteld voor de gedeelde catalogus op" in content
