"""quotes_by_indicator: the quotes of many indicators at once, for dashboard tiles, with the
same consent and review rules as quotes_for and a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kansrijk.stories.data import quotes_by_indicator
from kansrijk.stories.models import Consent, ReviewStatus
from kansrijk.testing.factories import (
    ActivityFactory,
    GoalFactory,
    IndicatorFactory,
    PlanIndicatorFactory,
)

from .factories import QuoteFactory, StoryFactory, StoryThemeFactory


@pytest.fixture
def plan(coalition):
    """Two goals: ``big2`` on the first goal, ``bereik`` on an activity of the second, and
    ``los`` in no goal at all."""
    first = GoalFactory(ambition__coalition=coalition, title="Gezond geboren")
    second = GoalFactory(ambition=first.ambition, title="Goede zorg")
    big2 = IndicatorFactory(code="big2")
    bereik = IndicatorFactory(code="bereik")
    los = IndicatorFactory(code="los")
    PlanIndicatorFactory(goal=first, indicator=big2)
    PlanIndicatorFactory(goal=None, activity=ActivityFactory(goal=second), indicator=bereik)
    return {"first": first, "second": second, "big2": big2, "bereik": bereik, "los": los}


def _story(coalition, consent=Consent.PUBLISH, **kwargs):
    return StoryFactory(coalition=coalition, consent=consent, **kwargs)


def _texts(found, indicator):
    return [quote.text for quote in found[indicator.pk]]


def test_it_links_quotes_directly_through_a_theme_and_through_a_goal(coalition, plan):
    direct = _story(coalition)
    direct.indicators.add(plan["big2"])
    QuoteFactory(story=direct, text="Direct bij BIG2")
    theme = StoryThemeFactory(coalition=coalition, name="Zorg")
    theme.indicators.add(plan["bereik"])
    by_theme = _story(coalition)
    by_theme.themes.add(theme)
    QuoteFactory(story=by_theme, text="Via het thema")
    by_goal = _story(coalition)
    by_goal.goals.add(plan["second"])  # the goal of bereik's activity
    QuoteFactory(story=by_goal, text="Via het doel")
    goal_theme = StoryThemeFactory(coalition=coalition, name="Gezondheid")
    goal_theme.goals.add(plan["first"])
    by_goal_theme = _story(coalition)
    by_goal_theme.themes.add(goal_theme)
    QuoteFactory(story=by_goal_theme, text="Via het thema van het doel")
    QuoteFactory(story=_story(coalition), text="Nergens bij")

    found = quotes_by_indicator(
        coalition, [plan["big2"], plan["bereik"], plan["los"]], audience="public"
    )

    assert sorted(_texts(found, plan["big2"])) == ["Direct bij BIG2", "Via het thema van het doel"]
    assert sorted(_texts(found, plan["bereik"])) == ["Via het doel", "Via het thema"]
    assert found[plan["los"].pk] == []


def test_the_public_gets_only_quotes_whose_parents_agreed_to_publication(coalition, plan):
    for consent, text in ((Consent.PUBLISH, "Mag openbaar"), (Consent.SESSIONS, "Alleen sessies")):
        story = _story(coalition, consent=consent)
        story.indicators.add(plan["big2"])
        QuoteFactory(story=story, text=text)

    public = quotes_by_indicator(coalition, [plan["big2"]], audience="public")
    members = quotes_by_indicator(coalition, [plan["big2"]], audience="members")

    assert _texts(public, plan["big2"]) == ["Mag openbaar"]
    assert sorted(_texts(members, plan["big2"])) == ["Alleen sessies", "Mag openbaar"]


def test_it_leaves_out_stories_that_are_not_approved_or_of_another_coalition(
    coalition, other_coalition, plan
):
    pending = _story(coalition, review_status=ReviewStatus.PENDING)
    pending.indicators.add(plan["big2"])
    QuoteFactory(story=pending, text="Nog niet gecontroleerd")
    elsewhere = _story(other_coalition)
    elsewhere.indicators.add(plan["big2"])
    QuoteFactory(story=elsewhere, text="Van een andere coalitie")
    # A goal of another coalition's plan does not link a story to this coalition's indicator.
    foreign_goal = GoalFactory(ambition__coalition=other_coalition)
    PlanIndicatorFactory(goal=foreign_goal, indicator=plan["los"])
    foreign = _story(coalition)
    foreign.goals.add(foreign_goal)
    QuoteFactory(story=foreign, text="Via een vreemd doel")

    found = quotes_by_indicator(coalition, [plan["big2"], plan["los"]], audience="members")

    assert found == {plan["big2"].pk: [], plan["los"].pk: []}


def test_it_gives_the_newest_quotes_up_to_the_limit_per_indicator(coalition, plan):
    story = _story(coalition)
    story.indicators.add(plan["big2"], plan["bereik"])
    for n in range(4):
        QuoteFactory(story=story, text=f"Citaat {n}")

    found = quotes_by_indicator(coalition, [plan["big2"], plan["bereik"]], limit=2)

    assert _texts(found, plan["big2"]) == ["Citaat 3", "Citaat 2"]
    assert _texts(found, plan["bereik"]) == ["Citaat 3", "Citaat 2"]
    assert found[plan["big2"].pk][0].themes == []


def test_it_refuses_an_unknown_audience(coalition, plan):
    with pytest.raises(ValueError):
        quotes_by_indicator(coalition, [plan["big2"]], audience="everyone")


def test_it_runs_the_same_number_of_queries_for_two_indicators_as_for_twenty(coalition, plan):
    goal = plan["first"]
    theme = StoryThemeFactory(coalition=coalition, name="Zorg")
    theme.goals.add(goal)
    many = [IndicatorFactory(code=f"extra_{n}") for n in range(20)]
    for indicator in many:
        PlanIndicatorFactory(goal=goal, indicator=indicator)
        story = _story(coalition)
        story.indicators.add(indicator)
        story.themes.add(theme)
        QuoteFactory(story=story)

    counts = []
    for chosen in (many[:2], many):
        with CaptureQueriesContext(connection) as queries:
            found = quotes_by_indicator(coalition, chosen)
        assert all(found[indicator.pk] for indicator in chosen)
        counts.append(len(queries))

    assert counts[0] == counts[1] <= 8
