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


class IsSignedInOrPublished(BasePermission):
    """The figures of one indicator: signed-in callers, and anonymous callers asking for an
    indicator that a coalition has published on its public page
    (``kansrijk.dashboards.publication``). Any other anonymous call is a 401, whether or not
    the coalition or the indicator exists, so nothing about them leaks."""

    def has_permission(self, request, view):
        if request.user and request.user.is_authenticated:
            return True
        from kansrijk.dashboards.publication import find_published_item

        kwargs = view.kwargs
        if find_published_item(kwargs.get("slug", ""), kwargs.get("code", "")) is not None:
            return True
        raise NotAuthenticated(
            _("Log in of stuur een API-sleutel mee (Authorization: Bearer …) om coalities te zien.")
        )
