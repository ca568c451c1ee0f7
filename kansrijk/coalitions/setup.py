"""Setting up coalitions and their people outside the web interface (scripts, the command line).

``create_coalition`` makes a coalition for existing areas; ``add_user`` creates an account
(username = email address) or gives an existing one a membership or another role.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import transaction

from kansrijk.areas.models import Area

from .members import LastCoordinatorError, change_role
from .models import Coalition, Membership, Role

# Django 5.2's Dutch catalogue lacks some password messages; ours, by validator error code.
PASSWORD_MESSAGES = {
    "password_too_short": "het is te kort (minstens {min_length} tekens).",
    "password_too_common": "het komt te vaak voor.",
    "password_entirely_numeric": "het bestaat alleen uit cijfers.",
    "password_too_similar": "het lijkt te veel op een gegeven van de gebruiker ({verbose_name}).",
}
# Dutch names accepted besides the role values.
ROLE_ALIASES = {"coördinator": Role.COORDINATOR, "redacteur": Role.EDITOR, "lezer": Role.VIEWER}


class SetupError(ValueError):
    """Bad input for a coalition or user; the message is Dutch and meant for the user."""


@dataclass(frozen=True)
class UserResult:
    user: AbstractBaseUser
    membership: Membership
    user_created: bool
    membership_created: bool
    password_changed: bool

    @property
    def summary(self) -> str:
        who = "Nieuwe gebruiker" if self.user_created else "Gebruiker"
        coalition = self.membership.coalition.slug
        role = self.membership.get_role_display().lower()
        what = "lid van" if self.membership_created else "rol bijgewerkt in"
        extra = "; wachtwoord gewijzigd" if self.password_changed and not self.user_created else ""
        return f"{who} {self.user.get_username()}: {what} {coalition} als {role}{extra}."


def create_coalition(name: str, slug: str, area_codes: list[str]) -> Coalition:
    """Create a coalition for the given (existing) areas; SetupError and nothing saved otherwise."""
    name = (name or "").strip()
    slug = (slug or "").strip()
    if not name:
        raise SetupError("Geef de coalitie een naam.")
    if len(name) > Coalition._meta.get_field("name").max_length:
        raise SetupError("De naam van de coalitie is te lang (hoogstens 200 tekens).")
    if not slug:
        raise SetupError("Geef de coalitie een korte naam (voor in de URL).")
    try:
        validate_slug(slug)
    except ValidationError:
        raise SetupError(
            f"Korte naam '{slug}' mag alleen letters, cijfers, '-' en '_' bevatten."
        ) from None
    if len(slug) > Coalition._meta.get_field("slug").max_length:
        raise SetupError("De korte naam is te lang (hoogstens 80 tekens).")
    codes = sorted({code.strip().upper() for code in area_codes if code.strip()})
    if not codes:
        raise SetupError("Geef minstens één gebied van de coalitie op.")
    areas = list(Area.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {area.code for area in areas})
    if unknown:
        raise SetupError(f"Onbekende gebieden: {', '.join(unknown)}.")
    with transaction.atomic():
        if Coalition.objects.filter(slug=slug).exists():
            raise SetupError(f"Er is al een coalitie met korte naam '{slug}'.")
        coalition = Coalition.objects.create(name=name, slug=slug)
        coalition.areas.set(areas)
    return coalition


def _password_problems(error: ValidationError) -> str:
    problems = []
    for item in error.error_list:
        template = PASSWORD_MESSAGES.get(item.code)
        try:
            problems.append(
                template.format(**(item.params or {})) if template else item.messages[0]
            )
        except (KeyError, IndexError):
            problems.append(" ".join(item.messages))
    return " ".join(problems)


def parse_role(text: str) -> Role:
    cleaned = (text or "").strip().lower()
    if cleaned in Role.values:
        return Role(cleaned)
    if cleaned in ROLE_ALIASES:
        return ROLE_ALIASES[cleaned]
    raise SetupError(f"Onbekende rol '{text}'. Kies coordinator, editor of viewer.")


def add_user(
    email: str,
    coalition_slug: str,
    role: str,
    password: str | None = None,
    *,
    ask_password: Callable[[], str] | None = None,
) -> UserResult:
    """Create the user or add the membership; an existing member gets the new role.

    A new user needs a password: ``password``, or else what ``ask_password()`` returns
    (asked only after everything else has been checked). For an existing user a given
    password replaces the old one. Raises SetupError and saves nothing on bad input.
    """
    User = get_user_model()
    email = User.objects.normalize_email((email or "").strip())
    try:
        validate_email(email)
    except ValidationError:
        raise SetupError(f"'{email}' is geen geldig e-mailadres.") from None
    role = parse_role(role)
    coalition = Coalition.objects.filter(slug=(coalition_slug or "").strip()).first()
    if coalition is None:
        raise SetupError(f"Coalitie '{coalition_slug}' bestaat niet.")
    user = User.objects.filter(username__iexact=email).first()
    if password is None and user is None:
        if ask_password is None:
            raise SetupError(
                f"Gebruiker {email} is nieuw en heeft een wachtwoord nodig; geef --password op."
            )
        password = ask_password()
    if password is not None:
        candidate = user or User(username=email, email=email)
        try:
            validate_password(password, user=candidate)
        except ValidationError as exc:
            raise SetupError("Wachtwoord afgewezen: " + _password_problems(exc)) from None

    with transaction.atomic():
        user_created = user is None
        if user_created:
            user = User.objects.create_user(username=email, email=email, password=password)
        elif password is not None:
            user.set_password(password)
            user.save(update_fields=["password"])
        membership = (
            Membership.objects.select_for_update().filter(user=user, coalition=coalition).first()
        )
        membership_created = membership is None
        if membership_created:
            membership = Membership.objects.create(user=user, coalition=coalition, role=role)
        elif membership.role != role:
            try:
                change_role(membership, role=role, partner=membership.partner)
            except LastCoordinatorError:
                raise SetupError(
                    f"{user.get_username()} is de enige coördinator van {coalition.slug}; "
                    "maak eerst iemand anders coördinator."
                ) from None
    return UserResult(user, membership, user_created, membership_created, password is not None)
