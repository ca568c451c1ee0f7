"""What every page shares: landmarks, skip link, navigation, footer with sources and language."""

from django.urls import reverse

from kansrijk.testing.factories import UserFactory


def page(client):
    return client.get(reverse("home")).content.decode()


def test_it_declares_the_language_of_the_page(client, db):
    assert '<html lang="nl">' in page(client)


def test_it_has_a_skip_link_to_the_main_content(client, db):
    content = page(client)
    assert '<a class="skip-link" href="#inhoud">Naar de inhoud</a>' in content
    assert '<main id="inhoud"' in content
    assert content.index("skip-link") < content.index("<header")


def test_it_has_header_navigation_and_footer_landmarks(client, db):
    content = page(client)
    assert '<header class="site-header">' in content
    assert '<nav class="site-nav" aria-label="Hoofdmenu">' in content
    assert '<footer class="site-footer">' in content
    assert content.count("<h1>") == 1


def test_it_links_the_catalogue_for_everyone(client, db):
    assert f'href="{reverse("catalog:indicator-list")}"' in page(client)


def test_it_shows_login_to_anonymous_users_and_no_coalitions(client, db):
    content = page(client)
    assert f'href="{reverse("login")}"' in content
    assert reverse("coalitions:coalition-list") not in content
    assert reverse("logout") not in content


def test_it_shows_my_coalitions_and_a_logout_button_to_a_user(client, owner):
    client.force_login(owner)
    content = page(client)
    assert f'href="{reverse("coalitions:coalition-list")}"' in content
    assert f'<form method="post" action="{reverse("logout")}"' in content
    assert reverse("admin:index") not in content


def test_it_shows_beheer_to_staff_only(client, db):
    client.force_login(UserFactory(is_staff=True))
    assert f'<a href="{reverse("admin:index")}">Beheer</a>' in page(client)


def test_it_marks_the_current_page_in_the_navigation(client, db):
    url = reverse("catalog:indicator-list")
    content = client.get(url).content.decode()
    assert f'<a href="{url}" aria-current="page">' in content


def test_it_credits_the_data_sources_in_the_footer(client, db):
    assert "© CBS / Kadaster, Wijken en Buurten, via PDOK (CC BY 4.0)" in page(client)


def test_it_offers_dutch_and_english_with_a_labelled_select(client, db):
    content = page(client)
    assert f'<form action="{reverse("set_language")}" method="post"' in content
    assert '<label for="language-select">Kies een taal</label>' in content
    assert '<option value="nl" lang="nl" selected>Nederlands</option>' in content
    assert '<option value="en" lang="en">English</option>' in content
