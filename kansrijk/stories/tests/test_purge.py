"""``kansrijk stories purge``: originals past their retention date are emptied, nothing else."""

import io
import logging
from datetime import date

import pytest
import time_machine
from django.core.management import call_command

from kansrijk.stories.models import Quote, Story
from kansrijk.stories.retention import purge_expired_originals

from .factories import QuoteFactory, StoryFactory

TODAY = date(2025, 6, 1)


@pytest.fixture
def stories(coalition, other_coalition):
    return {
        "expired": StoryFactory(coalition=coalition, retain_until=date(2025, 5, 31)),
        "expired_elsewhere": StoryFactory(coalition=other_coalition, retain_until=date(2024, 1, 1)),
        "today": StoryFactory(coalition=coalition, retain_until=TODAY),
        "later": StoryFactory(coalition=coalition, retain_until=date(2026, 1, 1)),
        "no_date": StoryFactory(coalition=coalition, retain_until=None),
    }


def _purge():
    out = io.StringIO()
    with time_machine.travel(TODAY, tick=False):
        call_command("stories", "purge", stdout=out)
    return out.getvalue()


def test_it_empties_the_originals_past_their_retention_date(stories):
    _purge()
    for name in ("expired", "expired_elsewhere"):
        assert Story.objects.get(pk=stories[name].pk).original_text == ""


def test_it_keeps_everything_else(stories):
    before = {s.pk: (s.original_text, s.anonymised_text) for s in Story.objects.all()}
    QuoteFactory(story=stories["expired"])
    _purge()
    after = {s.pk: (s.original_text, s.anonymised_text) for s in Story.objects.all()}
    for name in ("today", "later", "no_date"):
        assert after[stories[name].pk] == before[stories[name].pk]
    for name in ("expired", "expired_elsewhere"):
        assert after[stories[name].pk][1] == before[stories[name].pk][1]
    assert Story.objects.count() == 5
    assert Quote.objects.count() == 1


def test_it_prints_and_logs_the_ids_and_the_count_but_no_text(stories, caplog):
    caplog.set_level(logging.DEBUG)
    out = _purge()
    ids = sorted([stories["expired"].pk, stories["expired_elsewhere"].pk])
    listed = ", ".join(str(i) for i in ids)
    assert out.strip() == f"Oorspronkelijke tekst verwijderd van 2 verhaal/verhalen: {listed}."
    messages = [record.getMessage() for record in caplog.records]
    assert any(listed in message and "2 verhaal" in message for message in messages)
    for story in stories.values():
        assert all(story.original_text not in message for message in messages)
        assert all(story.anonymised_text not in message for message in messages)


def test_a_second_purge_finds_nothing_more(stories):
    _purge()
    assert "0 verhaal/verhalen: geen" in _purge()


def test_the_function_answers_the_ids_it_purged(stories):
    assert purge_expired_originals(TODAY) == sorted(
        [stories["expired"].pk, stories["expired_elsewhere"].pk]
    )
