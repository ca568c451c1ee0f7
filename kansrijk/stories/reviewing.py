"""Reviewing the anonymised text: edit, approve or reject. Only an approved story is seen by
anyone other than its reviewers (see ``visibility``)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from .coding import drop_stale_quotes
from .collecting import MAX_STORY_CHARS, StoryError
from .models import ReviewStatus, Story


class ReviewError(ValueError):
    """Stories that cannot be approved as asked; the message is Dutch."""


def _reviewer(user):
    return user if user is not None and user.is_authenticated else None


def update_anonymised_text(story: Story, text: str) -> int:
    """Replace the anonymised text (a reviewer's edit); quotes that are no longer in it are
    removed. Answers how many quotes were removed."""
    text = (text or "").strip()
    if not text:
        raise StoryError("De geanonimiseerde tekst is leeg.")
    if len(text) > MAX_STORY_CHARS:
        raise StoryError(f"De tekst is langer dan {MAX_STORY_CHARS} tekens.")
    with transaction.atomic():
        story.anonymised_text = text
        story.save(update_fields=["anonymised_text"])
        return drop_stale_quotes(story)


def approve_story(story: Story, *, user=None) -> None:
    story.review_status = ReviewStatus.APPROVED
    story.reviewed_by = _reviewer(user)
    story.reviewed_at = timezone.now()
    story.save(update_fields=["review_status", "reviewed_by", "reviewed_at"])


def reject_story(story: Story, *, user=None) -> None:
    """A rejected story is seen by its reviewers only, and never used."""
    story.review_status = ReviewStatus.REJECTED
    story.reviewed_by = _reviewer(user)
    story.reviewed_at = timezone.now()
    story.save(update_fields=["review_status", "reviewed_by", "reviewed_at"])


def pending_stories(coalition):
    """The stories of a coalition waiting for review, oldest first."""
    return Story.objects.filter(coalition=coalition, review_status=ReviewStatus.PENDING).order_by(
        "created_at", "id"
    )


def approve_pending(coalition, ids: Iterable[int] | None = None, *, user=None) -> list[int]:
    """Approve the waiting stories with these ids (all of them when ``ids`` is None), as their
    anonymised text stands. Unknown ids, or ids of stories that are not waiting, approve
    nothing at all."""
    waiting = pending_stories(coalition)
    if ids is not None:
        wanted = sorted(set(ids))
        found = set(waiting.filter(pk__in=wanted).values_list("pk", flat=True))
        missing = [number for number in wanted if number not in found]
        if missing:
            listed = ", ".join(str(number) for number in missing)
            raise ReviewError(
                f"Geen verhaal dat wacht op controle in deze coalitie: {listed}. "
                "Er is niets goedgekeurd."
            )
        waiting = waiting.filter(pk__in=wanted)
    approved = []
    with transaction.atomic():
        for story in waiting.select_for_update():
            approve_story(story, user=user)
            approved.append(story.pk)
    return approved
