"""quotes_for: quotes linked to a plan goal or indicator, directly or through a theme, and the
template fragment the dashboards include."""

import pytest
from django.template.loader import render_to_string

from kansrijk.stories.data import quotes_for
from kansrijk.stories.models import Consent
from kansrijk.testing.factories import IndicatorFactory

from .factories import QuoteFactory, StoryFactory, StoryThemeFactory


@pytest.fixture
def linked(coalition, goal):
    indicator = IndicatorFactory(code="laag_geboortegewicht")
    theme = StoryThemeFactory(coalition=coalition, name="Huisvesting")
    theme.goals.add(goal)
    theme.indicators.add(indicator)
    by_theme = StoryFactory(coalition=coalition, consent=Consent.PUBLISH)
    by_theme.themes.add(theme)
    direct = StoryFactory(coalition=coalition, consent=Consent.PUBLISH)
    direct.goals.add(goal)
    unlinked = StoryFactory(coalition=coalition, consent=Consent.PUBLISH)
    return {
        "indicator": indicator,
        "theme": QuoteFactory(story=by_theme, text="Via het thema"),
        "direct": QuoteFactory(story=direct, text="Direct bij het doel"),
        "unlinked": QuoteFactory(story=unlinked, text="Nergens bij"),
    }


def test_it_finds_quotes_linked_to_a_goal_directly_or_through_a_theme(coalition, goal, linked):
    texts = sorted(q.text for q in quotes_for(coalition, goal=goal, audience="public"))
    assert texts == ["Direct bij het doel", "Via het thema"]


def test_it_finds_quotes_linked_to_an_indicator_through_a_theme(coalition, linked):
    quotes = quotes_for(coalition, indicator=linked["indicator"], audience="public")
    assert [q.text for q in quotes] == ["Via het thema"]
    assert quotes[0].themes == ["Huisvesting"]


def test_it_limits_the_number_of_quotes(coalition, linked):
    assert len(quotes_for(coalition, limit=2)) == 2


def test_the_fragment_shows_each_quote_as_a_blockquote_with_its_phase(coalition, linked):
    html = render_to_string(
        "stories/_quotes.html", {"quotes": quotes_for(coalition, audience="public")}
    )
    assert html.count("<blockquote>") == 3
    assert "Via het thema" in html
    assert "Een ouder, tijdens de zwangerschap" not in html
    assert "Een ouder, zwangerschap" in html


def test_the_fragment_shows_nothing_without_quotes():
    assert render_to_string("stories/_quotes.html", {"quotes": []}).strip() == ""


def test_the_template_tag_renders_the_public_quotes_of_a_goal(coalition, goal, linked):
    from django.template import Context, Template

    html = Template(
        '{% load stories %}{% story_quotes coalition goal=goal audience="public" %}'
    ).render(Context({"coalition": coalition, "goal": goal}))
    assert "Via het thema" in html
    assert "Nergens bij" not in html
