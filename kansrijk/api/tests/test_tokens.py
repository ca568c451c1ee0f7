"""The token functions behind the page, the command and the API's authentication."""

import hashlib
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from kansrijk.api.models import ApiToken
from kansrijk.api.tokens import (
    TokenError,
    create_token,
    find_token,
    find_user,
    record_use,
    revoke_token,
    tokens_of,
)


def test_it_stores_only_the_sha256_of_the_secret(member):
    new = create_token(member, "dashboard")
    stored = ApiToken.objects.get()
    assert stored.key_hash == hashlib.sha256(new.secret.encode()).hexdigest()
    assert new.secret not in {value for value in vars(stored).values() if isinstance(value, str)}


def test_it_makes_long_random_secrets_with_a_recognisable_prefix(member):
    first, second = create_token(member, "a").secret, create_token(member, "b").secret
    assert first.startswith("kr_") and len(first) == 46
    assert first != second
    assert ApiToken.objects.get(name="a").prefix == first[:10]


def test_it_finds_a_token_by_its_secret_only(member):
    new = create_token(member, "dashboard")
    assert find_token(new.secret) == new.token
    assert find_token(new.secret[:-1]) is None
    assert find_token(new.token.key_hash) is None


@pytest.mark.parametrize("name", ["", "   "])
def test_it_wants_a_name(member, name):
    with pytest.raises(TokenError, match="Geef de API-sleutel een naam"):
        create_token(member, name)


def test_it_refuses_an_expiry_date_in_the_past(member):
    with pytest.raises(TokenError, match="in het verleden"):
        create_token(member, "oud", timezone.localdate() - timedelta(days=1))


def test_it_records_use_at_most_once_a_minute(member):
    token = create_token(member, "script").token
    record_use(token)
    first = ApiToken.objects.get().last_used_at
    record_use(ApiToken.objects.get())
    assert ApiToken.objects.get().last_used_at == first
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        record_use(ApiToken.objects.get())
    assert ApiToken.objects.get().last_used_at > first


def test_it_lists_a_users_tokens_newest_first_and_nobody_elses(member, outsider):
    create_token(member, "eerste")
    create_token(member, "tweede")
    create_token(outsider, "van een ander")
    assert [t.name for t in tokens_of(member)] == ["tweede", "eerste"]


def test_revoking_deletes_the_token(member):
    token = create_token(member, "script").token
    revoke_token(token)
    assert not ApiToken.objects.exists()


def test_it_finds_users_by_email_in_any_case(member):
    assert find_user("BOB@example.org") == member


def test_it_reports_an_unknown_email(db):
    with pytest.raises(TokenError, match="Er is geen gebruiker met e-mailadres 'x@example.org'"):
        find_user("x@example.org")
