"""The overview of themes by life phase and over time; counts from 1 to 4 are not shown (".")."""

from datetime import date

import pytest
from django.urls import reverse

from kansrijk.stories.counts import display_count, display_mean
from kansrijk.stories.models import Answer, ReviewStatus, StoryPhase
from kansrijk.stories.overview import answer_summary, themes_by_phase, themes_by_year

from .factories import QuestionFactory, StoryFactory


@pytest.mark.parametrize(("count", "shown"), [(0, "0"), (1, "."), (4, "."), (5, "5"), (12, "12")])
def test_small_counts_are_not_shown(count, shown):
    assert display_count(count) == shown


@pytest.mark.parametrize(("total", "count", "shown"), [(12, 4, None), (17, 5, "3,4"), (0, 0, None)])
def test_an_average_needs_five_answers(total, count, shown):
    assert display_mean(total, count) == shown


@pytest.fixture
def coded(coalition, theme):
    for _ in range(6):
        StoryFactory(
            coalition=coalition, phase=StoryPhase.BIRTH, told_on=date(2023, 5, 1)
        ).themes.add(theme)
    for _ in range(2):
        StoryFactory(
            coalition=coalition, phase=StoryPhase.MATERNITY, told_on=date(2024, 5, 1)
        ).themes.add(theme)
    StoryFactory(
        coalition=coalition, phase=StoryPhase.WISH, review_status=ReviewStatus.PENDING
    ).themes.add(theme)


def _row(table, theme):
    return dict(
        zip(table.columns, next(r.cells for r in table.rows if r.theme == theme), strict=True)
    )


def test_it_counts_approved_stories_per_theme_and_phase(coalition, theme, coded):
    row = _row(themes_by_phase(coalition), theme)
    # 2 stories in Kraamtijd are hidden, and the 6 with them: the theme's total is 8
    assert row["Bevalling"] == "."
    assert row["Kraamtijd"] == "."
    assert row["Kinderwens en voor de zwangerschap"] == "0"


def test_it_counts_approved_stories_per_theme_and_year(coalition, theme, coded):
    assert _row(themes_by_year(coalition), theme) == {"2023": ".", "2024": "."}


def test_the_page_shows_the_tables_without_totals(client, member, coalition, coded):
    client.force_login(member)
    response = client.get(reverse("stories:overview", kwargs={"slug": coalition.slug}))
    content = response.content.decode()
    assert "&lt;5" not in content
    assert '<td class="number">.</td>' in content
    assert "Totaal" not in content


def test_answers_are_averaged_only_from_five_answers(coalition):
    question = QuestionFactory(coalition=coalition)
    for score in (4, 4, 3, 5):
        Answer.objects.create(
            story=StoryFactory(coalition=coalition), question=question, score=score
        )
    row = next(r for r in answer_summary(coalition) if r.question == question)
    assert (row.count, row.mean) == (".", None)
    Answer.objects.create(story=StoryFactory(coalition=coalition), question=question, score=1)
    row = next(r for r in answer_summary(coalition) if r.question == question)
    assert (row.count, row.mean) == ("5", "3,4")
