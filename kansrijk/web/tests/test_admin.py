"""Every model of the apps whose admin we register has a working list, add and search page."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from kansrijk.stories.models import Story
from kansrijk.testing.factories import (
    ImportBatchFactory,
    ObservationFactory,
    PlanIndicatorFactory,
    UserFactory,
)

APPS = ["areas", "coalitions", "observations", "stories", "interpretation", "dashboards"]
# Written only by the importers; the admin shows them but cannot add or change them.
READ_ONLY = {
    ("observations", "observationversion"),
    ("observations", "upload"),
    ("observations", "dataupdate"),
}
REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label in APPS
)


@pytest.fixture
def staff_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_every_model_of_these_apps_is_registered():
    expected = sorted(
        (model._meta.app_label, model._meta.model_name)
        for app in APPS
        for model in apps.get_app_config(app).get_models()
    )
    assert expected == REGISTERED


@pytest.mark.parametrize("app_label, model_name", REGISTERED)
def test_the_list_add_and_search_pages_work(staff_client, app_label, model_name):
    ObservationFactory(batch=ImportBatchFactory())
    PlanIndicatorFactory()
    changelist = reverse(f"admin:{app_label}_{model_name}_changelist")
    assert staff_client.get(changelist).status_code == 200
    assert staff_client.get(changelist, {"q": "zoek"}).status_code == 200
    add = staff_client.get(reverse(f"admin:{app_label}_{model_name}_add"))
    assert add.status_code == (403 if (app_label, model_name) in READ_ONLY else 200)


def test_the_coalition_page_has_partners_members_and_ambitions_inline(staff_client, coalition):
    response = staff_client.get(reverse("admin:coalitions_coalition_change", args=[coalition.pk]))
    prefixes = [formset.formset.prefix for formset in response.context["inline_admin_formsets"]]
    assert prefixes == ["partners", "memberships", "ambitions"]


def test_the_story_page_never_shows_the_original_text(staff_client, coalition):
    story = Story.objects.create(
        coalition=coalition,
        original_text="Naam en adres van de moeder",
        consent="internal",
        phase="post",
    )
    response = staff_client.get(reverse("admin:stories_story_change", args=[story.pk]))
    assert "Naam en adres van de moeder" not in response.content.decode()
