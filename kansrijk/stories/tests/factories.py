"""Factories for stories. A factory story is already de-identified and approved unless the
test says otherwise; tests of de-identification go through ``collecting.collect_story``."""

from datetime import date, timedelta

import factory

from kansrijk.stories.models import (
    Consent,
    Method,
    Question,
    Quote,
    ReviewStatus,
    Story,
    StoryPhase,
    StoryTheme,
)
from kansrijk.testing.factories import CoalitionFactory


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story

    coalition = factory.SubFactory(CoalitionFactory)
    original_text = factory.Sequence(lambda n: f"Oorspronkelijk verhaal {n} van Jan de Vries.")
    anonymised_text = factory.Sequence(lambda n: f"Oorspronkelijk verhaal {n} van [NAAM].")
    told_on = date(2024, 3, 14)
    phase = StoryPhase.PREGNANCY
    method = Method.INTERVIEW
    consent = Consent.SESSIONS
    retain_until = factory.LazyFunction(lambda: date.today() + timedelta(days=365))
    review_status = ReviewStatus.APPROVED


class StoryThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StoryTheme

    coalition = factory.SubFactory(CoalitionFactory)
    name = factory.Sequence(lambda n: f"Thema {n}")


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    story = factory.SubFactory(StoryFactory)
    text = factory.LazyAttribute(lambda quote: quote.story.anonymised_text[:30])


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    coalition = factory.SubFactory(CoalitionFactory)
    text = factory.Sequence(lambda n: f"Vraag {n}?")
