"""The page “API-sleutels” under the user's account."""

from datetime import timedelta

from django.utils import timezone

from kansrijk.api.models import ApiToken
from kansrijk.api.tokens import create_token, hash_secret
from kansrijk.web.tests.structure import structure_problems

URL = "/account/api-sleutels/"


def test_it_sends_anonymous_users_to_the_login_page(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith("/inloggen/?next=")


def test_it_lists_the_users_tokens_without_their_secrets(client, member, outsider):
    new = create_token(member, "Dashboard gemeente")
    create_token(outsider, "Van een ander")
    client.force_login(member)
    content = client.get(URL).content.decode()
    assert "Dashboard gemeente" in content
    assert new.token.prefix in content
    assert new.secret not in content
    assert "Van een ander" not in content


def test_it_shows_a_new_secret_exactly_once(client, member):
    client.force_login(member)
    response = client.post(URL, {"name": "Script Jan", "expires_on": ""})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get(user=member)
    secret = response.context["new_token"].secret
    assert token.key_hash == hash_secret(secret)
    assert response.content.decode().count(secret) == 2  # the field and the example header
    assert secret not in client.get(URL).content.decode()


def test_it_stores_an_expiry_date(client, member):
    client.force_login(member)
    day = timezone.localdate() + timedelta(days=30)
    client.post(URL, {"name": "Tijdelijk", "expires_on": day.isoformat()})
    assert ApiToken.objects.get().expires_on == day


def test_it_refuses_a_token_without_a_name_or_with_a_past_date(client, member):
    client.force_login(member)
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(URL, {"name": "", "expires_on": past})
    content = response.content.decode()
    assert "“Naam” is verplicht." in content
    assert "Kies een datum vanaf vandaag." in content
    assert not ApiToken.objects.exists()


def test_it_revokes_the_users_own_token(client, member):
    token = create_token(member, "Weg ermee").token
    client.force_login(member)
    response = client.post(f"{URL}{token.pk}/intrekken/", follow=True)
    assert not ApiToken.objects.exists()
    assert "De API-sleutel ‘Weg ermee’ is ingetrokken." in response.content.decode()


def test_it_cannot_revoke_someone_elses_token(client, member, outsider):
    token = create_token(outsider, "Van een ander").token
    client.force_login(member)
    assert client.post(f"{URL}{token.pk}/intrekken/").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_revoking_needs_a_post(client, member):
    token = create_token(member, "Blijft").token
    client.force_login(member)
    assert client.get(f"{URL}{token.pk}/intrekken/").status_code == 405
    assert ApiToken.objects.exists()


def test_the_page_is_well_structured_with_and_without_a_new_token(client, member):
    create_token(member, "Bestaand")
    client.force_login(member)
    assert structure_problems(client.get(URL).content.decode()) == []
    response = client.post(URL, {"name": "Nieuw"})
    assert structure_problems(response.content.decode()) == []
    response = client.post(URL, {"name": ""})
    assert structure_problems(response.content.decode()) == []
