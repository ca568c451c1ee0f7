"""The access checks every coalition page gets, in one place."""

from django.conf import settings
from django.urls import reverse


def assert_login_required(client, url):
    """Anonymous users are sent to the login page, on GET and on POST."""
    login = reverse(settings.LOGIN_URL)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302
        assert response.url.startswith(f"{login}?next=")


def assert_hidden_from(client, user, url):
    """The page does not exist for this user: 404 on GET and on POST."""
    client.force_login(user)
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "x", "name": "x", "role": "coordinator"}).status_code == 404


def assert_forbidden_for(client, user, url):
    """The user may see the coalition but not this page: 403 on GET and on POST."""
    client.force_login(user)
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "x", "name": "x", "role": "coordinator"}).status_code == 403
