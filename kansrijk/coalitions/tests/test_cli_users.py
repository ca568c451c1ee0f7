from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from kansrijk.coalitions.models import Membership, Role

pytestmark = pytest.mark.django_db
User = get_user_model()
GOOD_PASSWORD = "blauwe-fiets-onder-de-brug"


class Terminal(StringIO):
    def isatty(self):
        return True


def _run(*args, stdin=None):
    out, err = StringIO(), StringIO()
    call_command("users", *args, stdout=out, stderr=err, stdin=stdin or StringIO())
    return out.getvalue()


def _answers(monkeypatch, *answers):
    replies = iter(answers)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(replies))


def test_it_creates_a_user_with_a_membership(coalition):
    out = _run(
        "add",
        "dana@example.org",
        "--coalition",
        "voorbeeldstad",
        "--role",
        "editor",
        "--password",
        GOOD_PASSWORD,
    )
    user = User.objects.get(username="dana@example.org")
    assert user.email == "dana@example.org"
    assert user.check_password(GOOD_PASSWORD)
    assert Membership.objects.get(user=user, coalition=coalition).role == Role.EDITOR
    assert out == "Nieuwe gebruiker dana@example.org: lid van voorbeeldstad als redacteur.\n"


def test_an_existing_user_joins_another_coalition_without_a_password(outsider, coalition):
    _run("add", "charlie@example.org", "--coalition", "voorbeeldstad", "--role", "viewer")
    assert Membership.objects.get(user=outsider, coalition=coalition).role == Role.VIEWER
    assert User.objects.filter(username="charlie@example.org").count() == 1


def test_an_existing_member_gets_the_new_role(member, coalition):
    out = _run("add", "Bob@Example.org", "--coalition", "voorbeeldstad", "--role", "editor")
    assert Membership.objects.get(user=member, coalition=coalition).role == Role.EDITOR
    assert "rol bijgewerkt in voorbeeldstad als redacteur" in out


def test_a_password_given_for_an_existing_user_replaces_the_old_one(member):
    _run(
        "add",
        "bob@example.org",
        "--coalition",
        "voorbeeldstad",
        "--role",
        "viewer",
        "--password",
        GOOD_PASSWORD,
    )
    member.refresh_from_db()
    assert member.check_password(GOOD_PASSWORD)


def test_the_only_coordinator_keeps_the_role(owner, coalition):
    with pytest.raises(CommandError, match="enige coördinator van voorbeeldstad"):
        _run("add", "alice@example.org", "--coalition", "voorbeeldstad", "--role", "viewer")
    assert Membership.objects.get(user=owner).role == Role.COORDINATOR


def test_it_asks_twice_for_the_password_on_a_terminal(coalition, monkeypatch):
    _answers(monkeypatch, GOOD_PASSWORD, GOOD_PASSWORD)
    _run(
        "add",
        "dana@example.org",
        "--coalition",
        "voorbeeldstad",
        "--role",
        "viewer",
        stdin=Terminal(),
    )
    assert User.objects.get(username="dana@example.org").check_password(GOOD_PASSWORD)


def test_different_answers_at_the_prompt_create_nothing(coalition, monkeypatch):
    _answers(monkeypatch, GOOD_PASSWORD, GOOD_PASSWORD + "!")
    with pytest.raises(CommandError, match="wachtwoorden zijn niet gelijk"):
        _run(
            "add",
            "dana@example.org",
            "--coalition",
            "voorbeeldstad",
            "--role",
            "viewer",
            stdin=Terminal(),
        )
    assert not User.objects.filter(username="dana@example.org").exists()


def test_without_terminal_and_password_a_new_user_is_refused(coalition):
    with pytest.raises(CommandError, match="heeft een wachtwoord nodig; geef --password op"):
        _run("add", "dana@example.org", "--coalition", "voorbeeldstad", "--role", "viewer")
    assert not User.objects.filter(username="dana@example.org").exists()
    assert list(Membership.objects.filter(coalition=coalition)) == []


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("kort", "te kort \\(minstens 10 tekens\\)"),
        ("12345678901", "alleen uit cijfers"),
        ("password123", "te vaak voor"),
        ("dana@example.org", "lijkt te veel op"),
    ],
)
def test_it_validates_the_password_in_dutch(coalition, password, message):
    with pytest.raises(CommandError, match=f"Wachtwoord afgewezen: .*{message}"):
        _run(
            "add",
            "dana@example.org",
            "--coalition",
            "voorbeeldstad",
            "--role",
            "viewer",
            "--password",
            password,
        )
    assert not User.objects.filter(username="dana@example.org").exists()


def test_it_refuses_an_invalid_email_address(coalition):
    with pytest.raises(CommandError, match="'dana@' is geen geldig e-mailadres"):
        _run(
            "add",
            "dana@",
            "--coalition",
            "voorbeeldstad",
            "--role",
            "viewer",
            "--password",
            GOOD_PASSWORD,
        )


def test_it_refuses_an_unknown_coalition(db):
    with pytest.raises(CommandError, match="Coalitie 'nergens' bestaat niet"):
        _run(
            "add",
            "dana@example.org",
            "--coalition",
            "nergens",
            "--role",
            "viewer",
            "--password",
            GOOD_PASSWORD,
        )


def test_it_refuses_an_unknown_role(coalition):
    with pytest.raises(CommandError, match="Onbekende rol 'baas'"):
        _run(
            "add",
            "dana@example.org",
            "--coalition",
            "voorbeeldstad",
            "--role",
            "baas",
            "--password",
            GOOD_PASSWORD,
        )


def test_dutch_role_names_work_too(coalition):
    _run(
        "add",
        "dana@example.org",
        "--coalition",
        "voorbeeldstad",
        "--role",
        "lezer",
        "--password",
        GOOD_PASSWORD,
    )
    assert Membership.objects.get(user__username="dana@example.org").role == Role.VIEWER


def test_it_needs_coalition_and_role(db):
    with pytest.raises(CommandError, match="Geef --coalition en --role op"):
        _run("add", "dana@example.org")


def test_it_asks_for_an_action(db):
    with pytest.raises(CommandError, match="Kies een actie: add"):
        _run()
