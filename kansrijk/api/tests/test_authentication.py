"""``Authorization: Bearer …`` with a personal token, next to the site's session."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from kansrijk.api.models import ApiToken
from kansrijk.api.tokens import create_token

URL = "/api/v1/coalitions"


def test_a_valid_token_signs_the_caller_in(client, member):
    secret = create_token(member, "script").secret
    response = client.get(URL, headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_the_keyword_bearer_is_case_insensitive(client, member):
    secret = create_token(member, "script").secret
    assert client.get(URL, headers={"Authorization": f"bearer {secret}"}).status_code == 200


@pytest.mark.parametrize(
    "header, message",
    [
        ("Bearer kr_onzin", "Deze API-sleutel bestaat niet."),
        ("Bearer geen-sleutel", "Deze API-sleutel bestaat niet."),
        ("Bearer", "Geef na ‘Bearer’ precies één API-sleutel op, zonder spaties."),
        ("Bearer kr_a kr_b", "Geef na ‘Bearer’ precies één API-sleutel op, zonder spaties."),
    ],
)
def test_a_wrong_token_is_a_401_even_on_public_endpoints(client, db, header, message):
    response = client.get("/api/v1/indicators", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json() == {"detail": message}


def test_an_expired_token_is_refused(client, member):
    secret = create_token(member, "oud", timezone.localdate()).secret
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        response = client.get(URL, headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 401
    assert response.json() == {"detail": "Deze API-sleutel is verlopen."}


def test_a_token_works_through_its_last_day(client, member):
    secret = create_token(member, "vandaag", timezone.localdate()).secret
    assert client.get(URL, headers={"Authorization": f"Bearer {secret}"}).status_code == 200


def test_the_token_of_a_deactivated_user_is_refused(client, member):
    secret = create_token(member, "script").secret
    member.is_active = False
    member.save()
    assert client.get(URL, headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_a_revoked_token_stops_working_at_once(client, member):
    new = create_token(member, "script")
    new.token.delete()
    assert client.get(URL, headers={"Authorization": f"Bearer {new.secret}"}).status_code == 401


def test_using_a_token_records_when_it_was_last_used(client, member):
    new = create_token(member, "script")
    client.get(URL, headers={"Authorization": f"Bearer {new.secret}"})
    assert ApiToken.objects.get().last_used_at is not None


def test_other_authorization_schemes_are_left_to_the_session(client, member):
    client.force_login(member)
    response = client.get(URL, headers={"Authorization": "Basic Ym9iOnBhc3M="})
    assert response.status_code == 200
