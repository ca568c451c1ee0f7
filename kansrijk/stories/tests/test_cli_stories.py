"""``kansrijk stories review`` and ``kansrijk stories approve``."""

import io

import pytest
from django.core.management import CommandError, call_command

from kansrijk.stories.models import ReviewStatus, Story

from .factories import StoryFactory


def run(*args):
    out = io.StringIO()
    call_command("stories", *args, stdout=out)
    return out.getvalue()


def run_failing(*args):
    with pytest.raises(CommandError) as error:
        call_command("stories", *args, stdout=io.StringIO())
    return error.value


@pytest.fixture
def waiting(coalition):
    return [
        StoryFactory(
            coalition=coalition,
            review_status=ReviewStatus.PENDING,
            original_text=f"Origineel {n} van Fenna Hoekstra",
            anonymised_text=f"Geanonimiseerd {n} van [NAAM]",
        )
        for n in range(3)
    ]


def _status(story):
    return Story.objects.get(pk=story.pk).review_status


def test_review_prints_the_anonymised_texts_awaiting_approval_with_their_ids(coalition, waiting):
    StoryFactory(coalition=coalition, anonymised_text="Al goedgekeurd")
    out = run("review", "--coalition", coalition.slug)
    for story in waiting:
        assert f"--- verhaal {story.pk} (" in out
        assert story.anonymised_text in out
    assert "Fenna" not in out
    assert "Al goedgekeurd" not in out
    assert out.strip().endswith("3 verhaal/verhalen wachten op goedkeuring.")


def test_review_shows_nothing_of_another_coalition(coalition, other_coalition, waiting):
    assert "0 verhaal/verhalen wachten" in run("review", "--coalition", other_coalition.slug)


def test_approve_approves_the_stories_given_by_id(coalition, waiting):
    out = run("approve", "--coalition", coalition.slug, str(waiting[0].pk), str(waiting[2].pk))
    assert out.startswith("2 verhaal/verhalen goedgekeurd")
    assert [_status(s) for s in waiting] == ["approved", "pending", "approved"]


def test_approve_all_approves_every_waiting_story(coalition, waiting):
    run("approve", "--coalition", coalition.slug, "--all")
    assert {_status(s) for s in waiting} == {"approved"}


def test_an_unknown_id_approves_nothing_and_exits_with_status_1(coalition, waiting):
    error = run_failing("approve", "--coalition", coalition.slug, str(waiting[0].pk), "99999")
    assert error.returncode == 1
    assert "99999" in str(error)
    assert {_status(s) for s in waiting} == {"pending"}


def test_a_story_of_another_coalition_cannot_be_approved(coalition, other_coalition, waiting):
    run_failing("approve", "--coalition", other_coalition.slug, str(waiting[0].pk))
    assert _status(waiting[0]) == "pending"


def test_approve_needs_ids_or_all_but_not_both(coalition, waiting):
    assert "--all" in str(run_failing("approve", "--coalition", coalition.slug))
    run_failing("approve", "--coalition", coalition.slug, "--all", str(waiting[0].pk))
    assert {_status(s) for s in waiting} == {"pending"}


def test_an_unknown_coalition_is_an_error(db):
    assert "Onbekende coalitie" in str(run_failing("review", "--coalition", "nergens"))
