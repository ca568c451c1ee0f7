"""The admin: indicators with their sources, and accepting proposals."""

import pytest
from django.urls import reverse

from kansrijk.catalog.tests.factories import SourceFactory
from kansrijk.testing.factories import IndicatorFactory, UserFactory


@pytest.fixture
def staff(db):
    return UserFactory(username="beheer@example.org", is_staff=True, is_superuser=True)


def test_the_indicator_pages_show_sources_inline(admin_client, indicator):
    SourceFactory(indicator=indicator, provider="Perined")
    assert admin_client.get(reverse("admin:catalog_indicator_changelist")).status_code == 200
    response = admin_client.get(reverse("admin:catalog_indicator_change", args=[indicator.pk]))
    assert response.status_code == 200
    assert "Perined" in response.content.decode()


def test_staff_accept_a_proposal_into_the_shared_catalogue(client, staff, coalition):
    proposed = IndicatorFactory(code="bereik", coalition=coalition, proposed_for_catalogue=True)
    not_proposed = IndicatorFactory(code="prive", coalition=coalition)
    client.force_login(staff)
    response = client.post(
        reverse("admin:catalog_indicator_changelist"),
        {"action": "accept_proposals", "_selected_action": [proposed.pk, not_proposed.pk]},
        follow=True,
    )
    content = response.content.decode()
    proposed.refresh_from_db()
    not_proposed.refresh_from_db()
    assert (proposed.coalition, proposed.origin_coalition) == (None, coalition)
    assert not_proposed.coalition == coalition
    assert "1 indicator opgenomen in de gedeelde catalogus." in content
    assert "niet door de coalitie voorgesteld" in content


@pytest.mark.parametrize("model_name", ["indicator", "theme", "catalogueload"])
def test_the_list_and_search_pages_work(admin_client, catalogue, model_name):
    url = reverse(f"admin:catalog_{model_name}_changelist")
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "geboorte"}).status_code == 200
