"""The dashboards' rendered tiles are cached (``kansrijk/dashboards/caching.py``), and every
change they show makes the next request render them anew: an import, a rollback, the plan,
the composition, stories and quotes, the indicator itself."""

import pytest
from django.urls import reverse
from django.utils import translation

from kansrijk.coalitions.models import Goal, PlanIndicator
from kansrijk.dashboards.caching import versioned_settings
from kansrijk.dashboards.composing import (
    choose_headline,
    open_public_page,
    publish,
    settings_for,
    unpublish,
)
from kansrijk.dashboards.models import DashboardSettings
from kansrijk.observations.history import rollback_batch
from kansrijk.stories.models import Consent, ReviewStatus
from kansrijk.stories.tests.factories import QuoteFactory, StoryFactory, StoryThemeFactory
from kansrijk.testing.factories import GoalFactory

from .conftest import write


@pytest.fixture
def plan(town):
    town.add("big2", name="Te vroeg of te klein geboren", wijken=True)
    town.add("roken", name="Roken in de zwangerschap")
    return town


def _page(client, name, coalition) -> str:
    response = client.get(reverse(name, kwargs={"slug": coalition.slug}))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def dashboard(client, member, plan):
    """The professionals' dashboard, requested once so that its tiles are in the cache."""
    client.force_login(member)

    def get() -> str:
        return _page(client, "dashboards:dashboard", plan.coalition)

    get()
    return get


def test_a_warm_dashboard_comes_from_the_cache(dashboard, plan):
    Goal.objects.filter(pk=plan.goal.pk).update(title="Stil gewijzigd")  # no signal

    # a bulk update without signals is not seen: proof that the tiles were not rendered anew
    assert "Stil gewijzigd" not in dashboard()


def test_an_import_shows_its_figures(dashboard, plan):
    assert "7,2%" in dashboard()

    write(plan.indicators[0], [(plan.municipality, "2024", 95, 1000)], table="t2")

    assert "9,5%" in dashboard()


def test_a_rollback_brings_back_the_figures_it_replaced(dashboard, plan):
    batch = write(plan.indicators[0], [(plan.municipality, "2024", 95, 1000)], table="t2")
    assert "9,5%" in dashboard()

    rollback_batch(batch)

    html = dashboard()
    assert "7,2%" in html and "9,5%" not in html


def test_a_new_goal_in_the_plan_shows_its_heading(dashboard, plan):
    goal = GoalFactory(ambition=plan.ambition, title="Meer kinderen gezond op gewicht")
    PlanIndicator.objects.filter(indicator=plan.indicators[1]).update(goal=goal)  # no signal
    PlanIndicator.objects.get(indicator=plan.indicators[1]).save()

    assert "Meer kinderen gezond op gewicht" in dashboard()


def test_an_indicator_that_leaves_the_plan_loses_its_tile(dashboard, plan):
    assert 'id="tile-roken"' in dashboard()

    PlanIndicator.objects.get(indicator=plan.indicators[1]).delete()

    assert 'id="tile-roken"' not in dashboard()


def test_a_renamed_goal_shows_its_new_title(dashboard, plan):
    plan.goal.title = "Gezonde start voor iedereen"
    plan.goal.save()

    assert "Gezonde start voor iedereen" in dashboard()


def test_a_renamed_indicator_shows_its_new_name(dashboard, plan):
    indicator = plan.indicators[1]
    indicator.name_nl = "Roken tijdens de zwangerschap (nieuw)"
    indicator.save()

    assert "Roken tijdens de zwangerschap (nieuw)" in dashboard()


def test_a_newly_approved_story_shows_its_quote(dashboard, plan):
    story = StoryFactory(coalition=plan.coalition, review_status=ReviewStatus.PENDING)
    story.indicators.add(plan.indicators[0])
    QuoteFactory(story=story, text="Ik wist niet waar ik heen moest")
    assert "Ik wist niet waar ik heen moest" not in dashboard()

    story.review_status = ReviewStatus.APPROVED
    story.save()

    assert "Ik wist niet waar ik heen moest" in dashboard()


def test_a_new_quote_and_a_new_link_show_on_the_tile(dashboard, plan):
    story = StoryFactory(coalition=plan.coalition)
    QuoteFactory(story=story, text="De verloskundige belde elke week")
    assert "De verloskundige belde elke week" not in dashboard()  # not linked yet

    theme = StoryThemeFactory(coalition=plan.coalition)
    theme.indicators.add(plan.indicators[0])
    story.themes.add(theme)

    assert "De verloskundige belde elke week" in dashboard()


def test_a_deleted_quote_leaves_the_tile(dashboard, plan):
    story = StoryFactory(coalition=plan.coalition)
    plan.indicators[0].stories.add(story)
    quote = QuoteFactory(story=story, text="Het consultatiebureau hielp ons")
    assert "Het consultatiebureau hielp ons" in dashboard()

    quote.delete()

    assert "Het consultatiebureau hielp ons" not in dashboard()


def test_the_chosen_order_shows_at_once(dashboard, plan):
    settings = settings_for(plan.coalition)
    settings.order = "phase"
    settings.save()

    assert "Ambitie" not in dashboard()


def test_each_language_gets_its_own_tiles(client, member, plan):
    client.force_login(member)
    dutch = _page(client, "dashboards:dashboard", plan.coalition)
    with translation.override("en"):
        client.cookies["django_language"] = "en"
        english = _page(client, "dashboards:dashboard", plan.coalition)

    assert "Alle cijfers en grafieken" in dutch
    assert "Alle cijfers en grafieken" not in english


def test_a_new_headline_shows_on_the_council_page(client, member, plan):
    client.force_login(member)
    choose_headline(plan.coalition, plan.indicators[0])
    assert 'id="tile-roken"' not in _page(client, "dashboards:council", plan.coalition)

    choose_headline(plan.coalition, plan.indicators[1])

    assert 'id="tile-roken"' in _page(client, "dashboards:council", plan.coalition)


def test_publishing_and_unpublishing_show_on_the_public_page(client, plan):
    open_public_page(plan.coalition)
    publish(plan.coalition, plan.indicators[0])
    assert "Roken in de zwangerschap" not in _page(client, "public:dashboard", plan.coalition)

    publish(plan.coalition, plan.indicators[1])
    assert "Roken in de zwangerschap" in _page(client, "public:dashboard", plan.coalition)

    unpublish(plan.coalition, plan.indicators[1])
    assert "Roken in de zwangerschap" not in _page(client, "public:dashboard", plan.coalition)


def test_a_public_quote_needs_consent_for_publication(client, plan):
    open_public_page(plan.coalition)
    publish(plan.coalition, plan.indicators[0])
    story = StoryFactory(coalition=plan.coalition, consent=Consent.INTERNAL)
    story.indicators.add(plan.indicators[0])
    QuoteFactory(story=story, text="We kregen hulp van de buren")
    assert "We kregen hulp van de buren" not in _page(client, "public:dashboard", plan.coalition)

    story.consent = Consent.PUBLISH
    story.save()

    assert "We kregen hulp van de buren" in _page(client, "public:dashboard", plan.coalition)


def test_saving_old_settings_does_not_turn_back_the_version(plan):
    old = settings_for(plan.coalition)
    before = versioned_settings(plan.coalition).version
    StoryFactory(coalition=plan.coalition)  # raises the version

    old.public_intro = "Welkom"
    old.save()

    assert DashboardSettings.objects.get(coalition=plan.coalition).version > before + 1


def test_every_new_coalition_has_its_dashboard_settings(coalition):
    assert DashboardSettings.objects.filter(coalition=coalition).exists()
