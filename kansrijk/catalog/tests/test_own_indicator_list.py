"""/coalities/<slug>/indicatoren/: a coalition's own indicators, for its members."""

import pytest
from django.urls import reverse

from kansrijk.testing.factories import IndicatorFactory

URL = reverse("own-indicators:indicator-list", kwargs={"slug": "voorbeeldstad"})


@pytest.fixture
def own(coalition):
    return IndicatorFactory(code="bereik_voorzorg", name_nl="Bereik VoorZorg", coalition=coalition)


def test_the_owner_sees_own_indicators_with_edit_and_propose(client, owner, own):
    client.force_login(owner)
    response = client.get(URL)
    assert response.status_code == 200
    assert list(response.context["indicators"]) == [own]
    assert b"Nieuwe eigen indicator" in response.content
    assert b"Voorstellen voor de gedeelde catalogus" in response.content


def test_a_viewer_sees_the_list_without_edit_actions(client, member, own):
    client.force_login(member)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Bereik VoorZorg" in response.content.decode()
    assert b"Nieuwe eigen indicator" not in response.content
    assert b"bewerken" not in response.content


def test_it_hides_the_coalition_from_outsiders(client, outsider, own):
    client.force_login(outsider)
    assert client.get(URL).status_code == 404


def test_it_sends_anonymous_visitors_to_the_login_page(client, coalition):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_never_lists_another_coalitions_own_indicators(client, owner, other_coalition):
    IndicatorFactory(code="elders_eigen", coalition=other_coalition)
    client.force_login(owner)
    assert list(client.get(URL).context["indicators"]) == []


def test_it_lists_accepted_indicators_the_coalition_contributed(client, member, coalition):
    IndicatorFactory(code="bereik_phb", name_nl="Bereik PHB", origin_coalition=coalition)
    client.force_login(member)
    response = client.get(URL)
    assert "Opgenomen in de gedeelde catalogus" in response.content.decode()
    assert [i.code for i in response.context["contributed"]] == ["bereik_phb"]
