from django.conf import settings
from django.urls import reverse


def test_choosing_english_switches_the_page_language(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/catalogus/"})
    assert response.status_code == 302
    assert response.url == "/catalogus/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in client.get(reverse("home")).content.decode()


def test_it_does_not_redirect_to_another_site(client, db):
    response = client.post(
        reverse("set_language"), {"language": "nl", "next": "https://example.com/"}
    )
    assert response.url == "/"
