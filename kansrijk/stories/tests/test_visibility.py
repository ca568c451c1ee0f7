"""Until it is approved, a story is seen only by its reviewers: its collector and the
coordinators."""

import pytest
from django.urls import reverse

from kansrijk.coalitions.models import Membership, Role
from kansrijk.stories.models import ReviewStatus
from kansrijk.stories.visibility import can_see_original
from kansrijk.testing.factories import MembershipFactory, UserFactory

from .factories import StoryFactory


@pytest.fixture
def second_editor(coalition):
    user = UserFactory(username="eva@example.org")
    MembershipFactory(user=user, coalition=coalition, role=Role.EDITOR)
    return user


def _detail(story):
    return reverse(
        "stories:story-detail", kwargs={"slug": story.coalition.slug, "story_id": story.pk}
    )


def _list(coalition):
    return reverse("stories:story-list", kwargs={"slug": coalition.slug})


@pytest.mark.parametrize("status", [ReviewStatus.PENDING, ReviewStatus.REJECTED])
def test_a_story_that_is_not_approved_does_not_exist_for_other_members(
    client, pending_story, member, second_editor, status
):
    pending_story.review_status = status
    pending_story.save()
    for user in (member, second_editor):
        client.force_login(user)
        assert client.get(_detail(pending_story)).status_code == 404
        review = reverse(
            "stories:story-review",
            kwargs={"slug": pending_story.coalition.slug, "story_id": pending_story.pk},
        )
        assert client.get(review).status_code == 404


def test_the_collector_and_the_coordinators_see_a_waiting_story(
    client, pending_story, editor, owner
):
    for user in (editor, owner):
        client.force_login(user)
        assert client.get(_detail(pending_story)).status_code == 200


def test_waiting_stories_are_not_in_the_list(client, pending_story, owner, coalition):
    StoryFactory(coalition=coalition, anonymised_text="Een goedgekeurd verhaal.")
    client.force_login(owner)
    content = client.get(_list(coalition)).content.decode()
    assert "Een goedgekeurd verhaal." in content
    assert pending_story.anonymised_text not in content


def test_an_approved_story_can_be_read_but_not_reviewed_by_other_editors(
    client, story, second_editor
):
    client.force_login(second_editor)
    assert client.get(_detail(story)).status_code == 200
    review = reverse(
        "stories:story-review", kwargs={"slug": story.coalition.slug, "story_id": story.pk}
    )
    assert client.get(review).status_code == 403


def test_the_original_of_a_story_sent_by_a_parent_is_seen_by_the_coordinators(
    coalition, owner, editor
):
    story = StoryFactory(coalition=coalition, collected_by=None)
    coordinator = Membership.objects.get(user=owner, coalition=coalition)
    other = Membership.objects.get(user=editor, coalition=coalition)
    assert can_see_original(coordinator, story)
    assert not can_see_original(other, story)


def test_a_purged_original_is_seen_by_nobody(coalition, editor):
    story = StoryFactory(coalition=coalition, collected_by=editor, original_text="")
    membership = Membership.objects.get(user=editor, coalition=coalition)
    assert not can_see_original(membership, story)
