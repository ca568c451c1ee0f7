"""Who sees which story, and which text of it.

Coalition access itself goes through ``kansrijk.coalitions.access`` (outsiders 404, anonymous
users to the login page); this module adds the rules inside a coalition:

* an approved story is seen by every member, always in its anonymised form;
* a story waiting for review (or rejected) is seen only by its reviewers: its collector and
  the coordinators; for everyone else it does not exist (404);
* the original text is seen only by the collector, or, for a story nobody collected (sent in
  through the public form or imported), by the coordinators; and only until it is purged.

Stories are always looked up through their coalition, so an id of another coalition is a 404.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from kansrijk.coalitions.models import EDIT_ROLES, Membership, Role

from .models import ReviewStatus, Story


def _is_coordinator(membership: Membership) -> bool:
    return membership.role == Role.COORDINATOR


def can_collect(membership: Membership) -> bool:
    """Coordinators and editors enter and import stories and code them."""
    return membership.role in EDIT_ROLES


def can_review(membership: Membership, story: Story) -> bool:
    return story.collected_by_id == membership.user_id or _is_coordinator(membership)


def can_see_original(membership: Membership, story: Story) -> bool:
    if not story.original_text:
        return False
    if story.collected_by_id is None:
        return _is_coordinator(membership)
    return story.collected_by_id == membership.user_id


def reviewable_filter(membership: Membership) -> Q:
    """The stories this member may review (their own, or all for a coordinator)."""
    if _is_coordinator(membership):
        return Q()
    return Q(collected_by_id=membership.user_id)


def stories_for_member(membership: Membership) -> QuerySet[Story]:
    """Every story of the coalition this member may see: approved ones, and those waiting
    for them to review."""
    stories = Story.objects.filter(coalition_id=membership.coalition_id)
    if _is_coordinator(membership):
        return stories
    return stories.filter(Q(review_status=ReviewStatus.APPROVED) | reviewable_filter(membership))


def awaiting_review_by(membership: Membership) -> QuerySet[Story]:
    return Story.objects.filter(
        reviewable_filter(membership),
        coalition_id=membership.coalition_id,
        review_status=ReviewStatus.PENDING,
    )


def get_story(membership: Membership, story_id: int) -> Story:
    """A story the member may see; 404 otherwise."""
    story = (
        stories_for_member(membership)
        .select_related("area", "partner", "collected_by", "reviewed_by")
        .filter(pk=story_id)
        .first()
    )
    if story is None:
        raise Http404
    return story


def get_story_to_review(membership: Membership, story_id: int) -> Story:
    """A story the member may review: 404 when they cannot see it, 403 when they can see it
    (approved) but are not one of its reviewers."""
    story = get_story(membership, story_id)
    if not can_review(membership, story):
        raise PermissionDenied
    return story


def get_story_to_code(membership: Membership, story_id: int) -> Story:
    """An approved story, for coordinators and editors (403 for viewers)."""
    story = get_story(membership, story_id)
    if not can_collect(membership):
        raise PermissionDenied
    if not story.is_approved:
        raise Http404
    return story
