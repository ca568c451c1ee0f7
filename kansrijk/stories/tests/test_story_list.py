"""The list of approved stories, with search and filters, and the CSV export."""

import csv
import io

from django.urls import reverse

from kansrijk.stories.models import StoryPhase

from .factories import StoryFactory


def _list(client, coalition, **params):
    return client.get(reverse("stories:story-list", kwargs={"slug": coalition.slug}), params)


def test_members_search_the_approved_stories(client, member, coalition):
    StoryFactory(coalition=coalition, anonymised_text="De tolk kwam niet op tijd.")
    StoryFactory(coalition=coalition, anonymised_text="Het huis is te klein.")
    client.force_login(member)
    content = _list(client, coalition, q="TOLK tijd").content.decode()
    assert "De tolk kwam niet op tijd." in content
    assert "Het huis is te klein." not in content


def test_members_filter_by_theme_and_phase(client, member, coalition, theme):
    coded = StoryFactory(coalition=coalition, anonymised_text="Schulden.", phase=StoryPhase.BIRTH)
    coded.themes.add(theme)
    StoryFactory(coalition=coalition, anonymised_text="Iets anders.", phase=StoryPhase.BIRTH)
    client.force_login(member)
    content = _list(client, coalition, theme=theme.pk, phase="birth").content.decode()
    assert "Schulden." in content
    assert "Iets anders." not in content


def test_a_bad_filter_shows_the_list_instead_of_an_error(client, member, coalition):
    client.force_login(member)
    assert _list(client, coalition, theme="abc", phase="nope", pagina="x").status_code == 200


def test_the_export_has_the_anonymised_text_and_escapes_formulas(client, member, coalition):
    StoryFactory(coalition=coalition, anonymised_text='=HYPERLINK("http://x")', consent="internal")
    client.force_login(member)
    response = client.get(reverse("stories:story-export", kwargs={"slug": coalition.slug}))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["nummer", "maand", "fase"]
    assert rows[1][8] == '\'=HYPERLINK("http://x")'
    assert "Jan de Vries" not in response.content.decode()


def test_a_search_with_a_nul_character_finds_nothing_instead_of_failing(client, member, coalition):
    StoryFactory(coalition=coalition, anonymised_text="De tolk kwam.")
    client.force_login(member)
    assert _list(client, coalition, q="tolk\x00").status_code == 200


def test_the_data_functions_ignore_a_nul_character_in_a_query(member, coalition):
    from kansrijk.stories.data import approved_stories_for

    StoryFactory(coalition=coalition, anonymised_text="De tolk kwam.")
    assert len(approved_stories_for(member, coalition, query="tolk\x00")) == 1
