"""/coalities/<slug>/indicatoren/nieuw/: coordinators and editors add an own indicator."""

import pytest
from django.urls import reverse

from kansrijk.catalog.models import Indicator
from kansrijk.catalog.tests.factories import ThemeFactory

URL = reverse("own-indicators:indicator-create", kwargs={"slug": "voorbeeldstad"})
LIST_URL = reverse("own-indicators:indicator-list", kwargs={"slug": "voorbeeldstad"})


def _form(**changes):
    data = {
        "code": "bereik_voorzorg",
        "name_nl": "Bereik VoorZorg",
        "unit": "count",
        "direction": "higher",
        "phase": "programme",
        "lowest_level": "gemeente",
        "min_count": "10",
    }
    data.update(changes)
    return data


def test_the_form_labels_every_field(client, owner):
    client.force_login(owner)
    response = client.get(URL)
    content = response.content.decode()
    assert response.status_code == 200
    for name in ("code", "name_nl", "unit", "direction", "source_provider", "source_link"):
        assert f'<label for="id_{name}">' in content
    assert "<legend>Thema&#x27;s</legend>" in content


@pytest.mark.parametrize("person", ["owner", "editor"])
def test_coordinators_and_editors_add_an_own_indicator(client, request, coalition, person):
    user = request.getfixturevalue(person)
    ThemeFactory(code="programme", name_nl="Aanpak")
    client.force_login(user)
    response = client.post(URL, _form(themes=["programme"]))
    assert response.status_code == 302
    assert response.url == LIST_URL
    indicator = Indicator.objects.get(code="bereik_voorzorg")
    assert (indicator.coalition, indicator.created_by) == (coalition, user)
    assert list(indicator.themes.values_list("code", flat=True)) == ["programme"]


def test_a_viewer_may_not_add(client, member):
    client.force_login(member)
    assert client.get(URL).status_code == 403
    assert client.post(URL, _form()).status_code == 403
    assert not Indicator.objects.exists()


def test_it_hides_the_coalition_from_outsiders(client, outsider):
    client.force_login(outsider)
    assert client.post(URL, _form()).status_code == 404
    assert not Indicator.objects.exists()


def test_it_sends_anonymous_visitors_to_the_login_page(client, coalition):
    response = client.post(URL, _form())
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_names_the_field_when_the_code_exists(client, owner, indicator):
    client.force_login(owner)
    response = client.post(URL, _form(code="big2"))
    assert response.status_code == 200
    assert response.context["form"].errors["code"] == [
        "De code 'big2' bestaat al; kies een andere code."
    ]
    assert '<a href="#id_code">Code</a>' in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"code": "Bereik VoorZorg!"}, "code"),
        ({"unit": "procent"}, "unit"),
        ({"direction": ""}, "direction"),
        ({"min_count": "veel"}, "min_count"),
        ({"source_link": "niet een link"}, "source_link"),
        ({"name_nl": ""}, "name_nl"),
    ],
)
def test_it_rejects_bad_input_with_a_message_on_the_field(client, owner, changes, field):
    client.force_login(owner)
    response = client.post(URL, _form(**changes))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Indicator.objects.exists()


def test_it_reports_a_bad_code_together_with_the_other_problems(client, owner):
    client.force_login(owner)
    response = client.post(URL, _form(code="X Y", unit="procent"))
    assert sorted(response.context["form"].errors) == ["code", "unit"]
    assert "&#x27;X Y&#x27; is geen geldige code" in response.content.decode()
