from django.utils.translation import gettext as _
from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import BasePermission


class IsSignedIn(BasePermission):
    """Coalition endpoints: a session or an API token is needed (401 otherwise).

    Which coalition a signed-in caller may see is decided by ``kansrijk.coalitions.access``.
    """

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            raise NotAuthenticated(
                _(
                    "Log in of stuur een API-sleutel mee (Authorization: Bearer …) "
                    "om coalities te zien."
                )
            )
        return True
