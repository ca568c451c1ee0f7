import pytest
from django.urls import reverse

from kansrijk.coalitions.models import Ambition

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition):
    return reverse("coalitions:ambition-create", kwargs={"slug": coalition.slug})


def test_it_has_a_dutch_path(url):
    assert url == "/coalities/voorbeeldstad/plan/ambities/nieuw/"


def test_it_shows_an_empty_form_to_the_coordinator(client, owner, url):
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200
    assert '<label for="id_title">Titel</label>' in response.content.decode()


def test_it_adds_an_ambition_at_the_end_of_the_plan(client, owner, coalition, ambition, url):
    client.force_login(owner)
    response = client.post(url, {"title": "Gezond opgroeien", "description": "Samen met ouders."})
    new = Ambition.objects.get(title="Gezond opgroeien")
    assert new.coalition == coalition
    assert new.position == ambition.position + 1
    assert response.url == f"/coalities/voorbeeldstad/#ambitie-{new.pk}"


def test_it_lets_an_editor_add_an_ambition(client, editor, coalition, url):
    client.force_login(editor)
    client.post(url, {"title": "Gezond opgroeien"})
    assert coalition.ambitions.filter(title="Gezond opgroeien").exists()


def test_it_requires_a_title_and_names_it_in_the_message(client, owner, coalition, url):
    client.force_login(owner)
    response = client.post(url, {"title": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors["title"] == ["“Titel” is verplicht."]
    assert not coalition.ambitions.exists()


def test_it_rejects_a_title_that_is_too_long(client, owner, url):
    client.force_login(owner)
    response = client.post(url, {"title": "x" * 301})
    assert response.context["form"].errors["title"] == [
        "“Titel” mag hoogstens 300 tekens lang zijn."
    ]


def test_it_rejects_a_null_character_without_crashing(client, owner, url):
    client.force_login(owner)
    response = client.post(url, {"title": "Kans\x00rijk"})
    assert response.status_code == 200
    assert response.context["form"].errors["title"] == ["“Titel” bevat een ongeldig teken."]


def test_it_forbids_viewers(client, member, coalition, url):
    assert_forbidden_for(client, member, url)
    assert not coalition.ambitions.exists()


def test_it_hides_the_page_from_outsiders(client, outsider, coalition, url):
    assert_hidden_from(client, outsider, url)
    assert not coalition.ambitions.exists()


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
