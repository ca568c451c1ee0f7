"""The access checks every page of a coalition's data gets."""

from django.conf import settings
from django.urls import reverse


def assert_login_required(client, url):
    """Anonymous users are sent to the login page, on GET and on POST."""
    login = reverse(settings.LOGIN_URL)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302
        assert response.url.startswith(f"{login}?next=")


def assert_hidden_from(client, user, url, *, methods=("get", "post")):
    """The page does not exist for this user (an outsider): 404."""
    client.force_login(user)
    for method in methods:
        assert getattr(client, method)(url).status_code == 404


def assert_forbidden_for(client, user, url, *, methods=("get", "post")):
    """A member who may read the coalition may not change its data: 403."""
    client.force_login(user)
    for method in methods:
        assert getattr(client, method)(url).status_code == 403
