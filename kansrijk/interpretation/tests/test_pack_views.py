"""The pack's pages (namespace ``pack``): the print-friendly page and the PDF, for members
only; anonymous users go to the login page, outsiders and other coalitions' sessions get a
404, and a server without WeasyPrint answers with a Dutch message instead of an error."""

import sys

import pytest
from django.urls import reverse

from kansrijk.coalitions.tests.checks import assert_hidden_from, assert_login_required
from kansrijk.interpretation import pack_urls
from kansrijk.interpretation.pack.rendering import pdf_text

from .pack_fixtures import *  # noqa: F403
from .pack_fixtures import INDICATOR_NAMES, QUOTES

PAGES = sorted(pattern.name for pattern in pack_urls.urlpatterns)


def url_for(name, coalition, session):
    return reverse(f"pack:{name}", kwargs={"slug": coalition.slug, "session_id": session.pk})


def test_the_namespace_has_the_page_and_the_pdf():
    assert PAGES == ["pack-html", "pack-pdf"]


def test_the_urls_sit_under_the_session():
    url = reverse("pack:pack-pdf", kwargs={"slug": "voorbeeldstad", "session_id": 7})
    assert url == "/coalities/voorbeeldstad/sessies/7/pakket/pakket.pdf"


@pytest.mark.parametrize("name", PAGES)
def test_it_sends_anonymous_users_to_the_login_page(client, coalition, bare_session, name):
    assert_login_required(client, url_for(name, coalition, bare_session))


@pytest.mark.parametrize("name", PAGES)
def test_it_hides_the_pack_from_outsiders(client, coalition, bare_session, outsider, name):
    assert_hidden_from(client, outsider, url_for(name, coalition, bare_session))


@pytest.mark.parametrize("name", PAGES)
def test_a_session_of_another_coalition_is_not_found(
    client, coalition, member, elsewhere_session, name
):
    client.force_login(member)
    assert client.get(url_for(name, coalition, elsewhere_session)).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_an_unknown_session_is_not_found(client, coalition, member, name):
    client.force_login(member)
    url = reverse(f"pack:{name}", kwargs={"slug": coalition.slug, "session_id": 999_999})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("person", ["member", "editor", "owner"])
def test_every_member_may_read_the_pack(client, coalition, bare_session, request, person, name):
    client.force_login(request.getfixturevalue(person))
    assert client.get(url_for(name, coalition, bare_session)).status_code == 200


@pytest.mark.parametrize("name", PAGES)
def test_the_pack_cannot_be_posted_to(client, coalition, bare_session, member, name):
    client.force_login(member)
    assert client.post(url_for(name, coalition, bare_session)).status_code == 405


def test_the_page_is_html_with_the_pack(client, coalition, pack_session, member):
    client.force_login(member)

    response = client.get(url_for("pack-html", coalition, pack_session))

    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "<h1>Duidingssessie voorjaar</h1>" in page
    for name in INDICATOR_NAMES:
        assert name in page
    for quote in QUOTES:
        assert quote in page
    assert url_for("pack-pdf", coalition, pack_session) in page


def test_the_pdf_is_a_download_with_the_pack(client, coalition, pack_session, member):
    client.force_login(member)

    response = client.get(url_for("pack-pdf", coalition, pack_session))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="sessiepakket-voorbeeldstad-{pack_session.pk}.pdf"'
    )
    text = pdf_text(response.content)
    assert INDICATOR_NAMES[0] in text and QUOTES[0] in text


def test_without_weasyprint_the_pdf_page_explains_in_dutch(
    client, coalition, bare_session, member, monkeypatch
):
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    client.force_login(member)

    response = client.get(url_for("pack-pdf", coalition, bare_session))

    assert response.status_code == 503
    page = response.content.decode()
    assert "De PDF kan nu niet gemaakt worden" in page
    assert "WeasyPrint of de systeembibliotheek Pango ontbreekt" in page
    assert url_for("pack-html", coalition, bare_session) in page
