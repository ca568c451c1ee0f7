"""Bringing a story in: one function for the staff form, the public form and the spreadsheet
import. The text is de-identified before the story is saved, and the story waits for review.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .coding import seed_codebook
from .deidentify import deidentify
from .models import Answer, Language, Method, Question, ReviewStatus, Story, StorySettings

MAX_STORY_CHARS = 6000

DEFAULT_QUESTIONS = [
    ("Hoe gesteund voelde u zich?", "helemaal niet", "heel erg"),
    ("Hoe makkelijk vond u de hulp die u nodig had?", "heel moeilijk", "heel makkelijk"),
    ("Hoe goed luisterden zorgverleners naar u?", "helemaal niet", "heel goed"),
]


class StoryError(ValueError):
    """A story that cannot be saved; the message is Dutch and names no part of the text."""


def settings_for(coalition) -> StorySettings:
    """The coalition's story settings; made on first use, together with the codebook's common
    themes and the default questions."""
    found = StorySettings.objects.filter(coalition=coalition).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            created = StorySettings.objects.create(coalition=coalition)
            seed_codebook(coalition)
            _seed_questions(coalition)
            return created
    except IntegrityError:  # made at the same moment by another request
        return StorySettings.objects.get(coalition=coalition)


def _seed_questions(coalition) -> None:
    if Question.objects.filter(coalition=coalition).exists():
        return
    Question.objects.bulk_create(
        Question(coalition=coalition, text=text, low_label=low, high_label=high, position=i)
        for i, (text, low, high) in enumerate(DEFAULT_QUESTIONS, 1)
    )


def organisation_names(coalition) -> list[str]:
    """Names the de-identifier replaces wherever they occur: the coalition's partners."""
    return list(coalition.partners.values_list("name", flat=True))


def default_retention(coalition, today: date | None = None) -> date:
    today = today or timezone.localdate()
    return today + timedelta(days=settings_for(coalition).retention_days)


def collect_story(
    coalition,
    text: str,
    *,
    phase: str,
    consent: str,
    method: str = Method.INTERVIEW,
    told_on: date | None = None,
    area=None,
    partner=None,
    collected_by=None,
    language: str = Language.DUTCH,
    retain_until: date | None = None,
    answers: Mapping[Question, int] | None = None,
    organisations: list[str] | None = None,
) -> Story:
    """Save a new story: its original text, its de-identified text, waiting for review.

    ``organisations`` saves a lookup per story when many are saved at once (the import).
    """
    text = (text or "").replace("\x00", "").strip()  # PostgreSQL cannot store NUL
    if not text:
        raise StoryError("Het verhaal is leeg.")
    if len(text) > MAX_STORY_CHARS:
        raise StoryError(f"Het verhaal is langer dan {MAX_STORY_CHARS} tekens.")
    if not consent:
        raise StoryError("Zonder toestemming wordt een verhaal niet bewaard.")
    if organisations is None:
        organisations = organisation_names(coalition)
    if collected_by is not None and not collected_by.is_authenticated:
        collected_by = None
    with transaction.atomic():
        story = Story.objects.create(
            coalition=coalition,
            original_text=text,
            anonymised_text=deidentify(text, organisations=organisations),
            told_on=told_on or timezone.localdate(),
            phase=phase,
            area=area,
            partner=partner,
            collected_by=collected_by,
            method=method,
            language=language or Language.DUTCH,
            consent=consent,
            retain_until=retain_until or default_retention(coalition),
            review_status=ReviewStatus.PENDING,
        )
        Answer.objects.bulk_create(
            Answer(story=story, question=question, score=score)
            for question, score in (answers or {}).items()
            if score is not None and question.coalition_id == coalition.id
        )
    return story
