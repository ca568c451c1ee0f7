"""``kansrijk tokens create|list|revoke``."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kansrijk.api.models import ApiToken
from kansrijk.api.tokens import create_token, hash_secret


def _run(*args):
    out, err = StringIO(), StringIO()
    call_command("tokens", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_create_prints_the_secret_alone_on_standard_output(member):
    out, err = _run("create", "bob@example.org", "--name", "Nachtelijk script")
    secret = out.strip()
    token = ApiToken.objects.get()
    assert token.key_hash == hash_secret(secret)
    assert (token.user, token.name) == (member, "Nachtelijk script")
    assert "Bewaar het geheim hierboven nu" in err


def test_create_names_the_token_after_the_command_line_by_default(member):
    _run("create", "bob@example.org")
    assert ApiToken.objects.get().name == "opdrachtregel"


def test_create_takes_an_expiry_date(member):
    _run("create", "bob@example.org", "--expires", "2099-12-31")
    assert str(ApiToken.objects.get().expires_on) == "2099-12-31"


@pytest.mark.parametrize(
    "args, message",
    [
        (["create", "niemand@example.org"], "Er is geen gebruiker met e-mailadres"),
        (["create", "bob@example.org", "--expires", "morgen"], "geen datum; schrijf JJJJ-MM-DD"),
        (["create", "bob@example.org", "--expires", "2001-01-01"], "in het verleden"),
        (["revoke", "999"], "Er is geen API-sleutel met nummer 999."),
        ([], "Kies een actie: create, list of revoke."),
    ],
)
def test_it_fails_with_a_dutch_message(member, args, message):
    with pytest.raises(CommandError, match=message):
        _run(*args)
    assert not ApiToken.objects.exists()


def test_list_shows_number_prefix_and_name_but_no_secret(member):
    new = create_token(member, "Dashboard")
    out, err = _run("list", "bob@example.org")
    assert out.startswith(f"{new.token.pk}\t{new.token.prefix}…\tDashboard\taangemaakt ")
    assert new.secret not in out
    assert err.strip() == "1 API-sleutel(s) van bob@example.org."


def test_revoke_removes_the_token(member):
    token = create_token(member, "Weg").token
    out, _err = _run("revoke", str(token.pk))
    assert out.strip() == f"API-sleutel {token.pk} (Weg) van bob@example.org ingetrokken."
    assert not ApiToken.objects.exists()
