"""What is public is decided in one place: an indicator chosen for the public, in the plan
(or the coalition's own), while the coalition's public page is on."""

import pytest
from django.http import Http404

from kansrijk.dashboards.composing import (
    choose_headline,
    close_public_page,
    open_public_page,
    publish,
)
from kansrijk.dashboards.models import DashboardItem
from kansrijk.dashboards.publication import (
    find_published_item,
    get_published_item,
    has_public_page,
    is_published,
    public_coalition,
    public_table,
    published_indicators,
    visible_roles,
)
from kansrijk.insight.tables import overview_data
from kansrijk.testing.factories import GoalFactory, IndicatorFactory, PlanIndicatorFactory


@pytest.fixture
def in_plan(coalition):
    goal = GoalFactory(ambition__coalition=coalition)
    first = IndicatorFactory(code="big2")
    second = IndicatorFactory(code="borstvoeding")
    PlanIndicatorFactory(goal=goal, indicator=first)
    PlanIndicatorFactory(goal=goal, indicator=second)
    return first, second


def test_nothing_is_published_while_the_public_page_is_off(coalition, in_plan):
    publish(coalition, in_plan[0])

    assert published_indicators(coalition) == []
    assert not is_published(coalition, in_plan[0])
    assert not has_public_page(coalition)


def test_a_chosen_indicator_is_published_once_the_page_is_on(coalition, in_plan):
    publish(coalition, in_plan[1])
    publish(coalition, in_plan[0])
    open_public_page(coalition, intro="Welkom")

    assert published_indicators(coalition) == [in_plan[1], in_plan[0]]
    assert is_published(coalition, in_plan[0])
    assert has_public_page(coalition)


def test_closing_the_page_unpublishes_everything(coalition, in_plan):
    publish(coalition, in_plan[0])
    open_public_page(coalition)
    close_public_page(coalition)

    assert published_indicators(coalition) == []


def test_a_headline_for_the_council_is_not_published(coalition, in_plan):
    choose_headline(coalition, in_plan[0])
    open_public_page(coalition)

    assert not is_published(coalition, in_plan[0])


def test_an_indicator_that_left_the_plan_is_no_longer_published(coalition, in_plan):
    outside = IndicatorFactory(code="los")
    publish(coalition, outside)
    open_public_page(coalition)

    assert not is_published(coalition, outside)
    assert find_published_item(coalition.slug, "los") is None


def test_an_own_indicator_can_be_published(coalition):
    own = IndicatorFactory(code="eigen", coalition=coalition)
    publish(coalition, own)
    open_public_page(coalition)

    assert is_published(coalition, own)


def test_publishing_twice_keeps_one_item_with_the_new_text(coalition, in_plan):
    publish(coalition, in_plan[0], plain_text="eerst")
    publish(coalition, in_plan[0], plain_text="later", show_wijken=True)

    item = DashboardItem.objects.get(coalition=coalition, audience="publiek")
    assert (item.plain_text, item.show_wijken, item.position) == ("later", True, 0)


def test_the_public_coalition_is_a_404_unless_its_page_is_on(coalition, other_coalition):
    open_public_page(coalition)

    assert public_coalition(coalition.slug) == coalition
    for slug in (other_coalition.slug, "bestaat-niet"):
        with pytest.raises(Http404):
            public_coalition(slug)


def test_an_unpublished_code_is_a_404_on_a_public_coalition(coalition, in_plan):
    publish(coalition, in_plan[0])
    open_public_page(coalition)

    assert get_published_item(coalition, "big2").indicator == in_plan[0]
    for code in ("borstvoeding", "bestaat-niet"):
        with pytest.raises(Http404):
            get_published_item(coalition, code)


def test_find_published_item_needs_the_right_coalition(coalition, other_coalition, in_plan):
    publish(coalition, in_plan[0])
    open_public_page(coalition)
    open_public_page(other_coalition)

    assert find_published_item(coalition.slug, "big2").coalition == coalition
    assert find_published_item(other_coalition.slug, "big2") is None
    assert find_published_item("bestaat-niet", "big2") is None


def test_wijken_are_public_only_when_the_coordinator_chose_so(coalition, town):
    indicator = town.add("wijkcijfer", wijken=True)
    hidden = publish(coalition, indicator)
    table = overview_data(coalition).indicators[0].table

    assert "wijk" not in visible_roles(hidden)
    assert {row.role for row in public_table(table, hidden).rows} == {"municipality", "country"}
    shown = publish(coalition, indicator, show_wijken=True)
    assert {row.role for row in public_table(table, shown).rows} == {
        "municipality",
        "wijk",
        "country",
    }
