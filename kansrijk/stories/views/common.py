"""What the story views share: the member lookup and the protection of story text in error
reports (no POST data and no local variables of these views ever reach an error report)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from kansrijk.coalitions.access import get_membership_for_member

from ..visibility import can_collect


def private(view):
    """Neither the POST data nor the view's local variables reach an error report."""
    return sensitive_post_parameters()(sensitive_variables()(view))


def story_view(view):
    """A members' view: login required, and nothing of the request in error reports."""
    return login_required(private(view))


def member(request, slug):
    """The membership of the user in the coalition: 404 for outsiders."""
    return get_membership_for_member(request.user, slug)


def collector(request, slug):
    """A coordinator's or editor's membership: 404 for outsiders, 403 for viewers."""
    membership = member(request, slug)
    if not can_collect(membership):
        raise PermissionDenied
    return membership


def form_data(request):
    return request.POST if request.method == "POST" else None


def list_url(coalition) -> str:
    return reverse("stories:story-list", kwargs={"slug": coalition.slug})


def story_url(story) -> str:
    return reverse(
        "stories:story-detail", kwargs={"slug": story.coalition.slug, "story_id": story.pk}
    )
