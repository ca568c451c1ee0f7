"""``Authorization: Bearer kr_…``: a personal API token instead of a session.

This authenticator comes first in ``REST_FRAMEWORK``, so that an API call without credentials
to an endpoint that needs them gets a 401 with ``WWW-Authenticate: Bearer`` (not a 403).
A wrong, expired or inactive user's token is always refused, also on public endpoints: a
caller who sends a key wants to know that it does not work.
"""

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from .tokens import find_token, record_use

KEYWORD = "bearer"


class BearerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.encode():
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(
                _("Geef na ‘Bearer’ precies één API-sleutel op, zonder spaties.")
            )
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(_("Deze API-sleutel bestaat niet.")) from None
        token = find_token(secret)
        if token is None or not token.user.is_active:
            raise AuthenticationFailed(_("Deze API-sleutel bestaat niet."))
        if token.is_expired:
            raise AuthenticationFailed(_("Deze API-sleutel is verlopen."))
        record_use(token)
        return token.user, token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = BearerTokenAuthentication
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Persoonlijke API-sleutel (kr_…), te maken op /account/api-sleutels/ "
            "of met `kansrijk tokens create EMAIL`.",
        }
