"""/coalities/<slug>/indicatoren/<code>/bewerken/: coordinators and editors change one."""

import pytest
from django.urls import reverse

from kansrijk.catalog.own import add_own_indicator
from kansrijk.testing.factories import IndicatorFactory


def _url(code="bereik_voorzorg", slug="voorbeeldstad"):
    return reverse("own-indicators:indicator-edit", kwargs={"slug": slug, "code": code})


@pytest.fixture
def own(coalition):
    return add_own_indicator(
        coalition,
        code="bereik_voorzorg",
        name_nl="Bereik VoorZorg",
        unit="count",
        direction="higher",
        source={"provider": "JGZ Voorbeeldstad"},
    )


def _form(**changes):
    data = {
        "name_nl": "Bereik VoorZorg (gezinnen)",
        "unit": "count",
        "direction": "higher",
        "phase": "pregnancy",
        "lowest_level": "gemeente",
        "min_count": "10",
        "source_provider": "JGZ Voorbeeldstad",
    }
    data.update(changes)
    return data


def test_the_form_shows_the_current_values_without_the_code_field(client, owner, own):
    client.force_login(owner)
    response = client.get(_url())
    assert response.status_code == 200
    assert response.context["form"]["name_nl"].value() == "Bereik VoorZorg"
    assert response.context["form"]["source_provider"].value() == "JGZ Voorbeeldstad"
    assert 'name="code"' not in response.content.decode()


@pytest.mark.parametrize("person", ["owner", "editor"])
def test_coordinators_and_editors_save_changes(client, request, own, person):
    client.force_login(request.getfixturevalue(person))
    response = client.post(_url(), _form())
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.name_nl, own.phase) == ("Bereik VoorZorg (gezinnen)", "pregnancy")


def test_a_viewer_may_not_edit(client, member, own):
    client.force_login(member)
    assert client.post(_url(), _form()).status_code == 403
    own.refresh_from_db()
    assert own.name_nl == "Bereik VoorZorg"


def test_it_hides_the_coalition_from_outsiders(client, outsider, own):
    client.force_login(outsider)
    assert client.get(_url()).status_code == 404


def test_it_sends_anonymous_visitors_to_the_login_page(client, own):
    response = client.get(_url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_another_coalitions_indicator_is_not_found_under_this_coalition(
    client, owner, other_coalition
):
    IndicatorFactory(code="elders_eigen", coalition=other_coalition)
    client.force_login(owner)
    assert client.get(_url("elders_eigen")).status_code == 404


def test_a_shared_indicator_cannot_be_edited_here(client, owner, indicator):
    client.force_login(owner)
    assert client.get(_url("big2")).status_code == 404


def test_it_rejects_a_bad_unit_with_a_message_on_the_field(client, owner, own):
    client.force_login(owner)
    response = client.post(_url(), _form(unit="procent"))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["unit"]
