"""Personal API tokens: making, finding, using and revoking them.

A token's secret is ``kr_`` plus 43 random URL-safe characters (32 bytes). Only its sha256
hash is stored, so a leaked database holds no usable keys; the secret is returned once by
``create_token`` and never again. The web page, the ``kansrijk tokens`` command and the API's
authentication all call these functions.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import timezone

from .models import ApiToken

SECRET_PREFIX = "kr_"
PREFIX_LENGTH = 10  # "kr_" and the first seven random characters, shown in lists
# Writing "last used" on every request would make every API call a database write.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class TokenError(ValueError):
    """A problem with token input; the message is Dutch and meant for the user."""


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once; not stored anywhere


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(user: AbstractBaseUser, name: str, expires_on: date | None = None) -> NewToken:
    """A new token for ``user``. Raises TokenError for an empty name or a date in the past."""
    name = (name or "").strip()
    if not name:
        raise TokenError("Geef de API-sleutel een naam, bijvoorbeeld waar u haar gebruikt.")
    if len(name) > ApiToken._meta.get_field("name").max_length:
        raise TokenError("De naam van de API-sleutel mag hoogstens 100 tekens lang zijn.")
    if expires_on is not None and expires_on < timezone.localdate():
        raise TokenError("De datum waarop de API-sleutel verloopt ligt in het verleden.")
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=secret[:PREFIX_LENGTH],
        key_hash=hash_secret(secret),
        expires_on=expires_on,
    )
    return NewToken(token=token, secret=secret)


def find_token(secret: str) -> ApiToken | None:
    """The token with this secret (expired or not), with its user; None if there is none."""
    if not secret.startswith(SECRET_PREFIX):
        return None
    return ApiToken.objects.select_related("user").filter(key_hash=hash_secret(secret)).first()


def record_use(token: ApiToken) -> None:
    """Remember when the token was last used (to the minute, so reads stay reads)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def tokens_of(user: AbstractBaseUser) -> QuerySet[ApiToken]:
    """The user's tokens, newest first."""
    return ApiToken.objects.filter(user=user)


def revoke_token(token: ApiToken) -> None:
    """The token stops working at once; it is deleted, as nothing can use it any more."""
    token.delete()


def find_user(email: str) -> AbstractBaseUser:
    """The user with this e-mail address (which is also the user name); TokenError if none."""
    User = get_user_model()
    email = (email or "").strip()
    user = User.objects.filter(username__iexact=email).first()
    if user is None:
        matches = list(User.objects.filter(email__iexact=email)[:2])
        if len(matches) == 1:
            user = matches[0]
    if user is None:
        raise TokenError(f"Er is geen gebruiker met e-mailadres '{email}'.")
    return user
