"""The tiles of the dashboards: every plan indicator, grouped by the plan or by life phase,
with published numbers, comparisons, verdict, source and quotes."""

import pytest

from kansrijk.dashboards.composing import choose_headline
from kansrijk.dashboards.models import Order
from kansrijk.dashboards.tiles import (
    council_dashboard,
    plan_places,
    professional_dashboard,
    wijk_map,
)
from kansrijk.stories.models import Consent
from kansrijk.stories.tests.factories import QuoteFactory, StoryFactory
from kansrijk.testing.factories import (
    ActivityFactory,
    AmbitionFactory,
    GoalFactory,
    IndicatorFactory,
    PlanIndicatorFactory,
)

from .conftest import write


@pytest.fixture
def plan(town):
    """Two ambitions: the first with two goals, the second with one."""
    second_goal = GoalFactory(
        ambition=town.ambition, title="Goede start na de geboorte", position=1
    )
    other = AmbitionFactory(coalition=town.coalition, title="Sterke gezinnen", position=1)
    third_goal = GoalFactory(ambition=other, title="Minder stress", position=0)
    town.add("big2", name="Te vroeg of te klein geboren", phase="birth")
    town.add(
        "borstvoeding", name="Borstvoeding", phase="post", direction="higher", goal=second_goal
    )
    town.add("roken", name="Roken in de zwangerschap", phase="pregnancy", goal=third_goal)
    town.add("armoede", name="Kinderen in armoede", phase="context", goal=second_goal)
    return town


def _codes(tiles):
    return [tile.code for tile in tiles]


def test_it_groups_tiles_by_ambition_and_goal_in_plan_order(coalition, plan):
    board = professional_dashboard(coalition, Order.PLAN, sparklines=False)

    assert [(s.kind, s.title) for s in board.sections] == [
        ("ambition", "Gezond opgroeien"),
        ("ambition", "Sterke gezinnen"),
    ]
    goals = board.sections[0].sections
    assert [(g.title, _codes(g.tiles)) for g in goals] == [
        ("Minder kinderen te vroeg geboren", ["big2"]),
        ("Goede start na de geboorte", ["borstvoeding", "armoede"]),
    ]
    assert _codes(board.tiles) == ["big2", "borstvoeding", "armoede", "roken"]


def test_it_groups_tiles_by_life_phase(coalition, plan):
    board = professional_dashboard(coalition, Order.PHASE, sparklines=False)

    assert [(s.title, _codes(s.tiles)) for s in board.sections] == [
        ("Tijdens de zwangerschap", ["roken"]),
        ("Rond de geboorte", ["big2"]),
        ("Na de geboorte (eerste 1000 dagen)", ["borstvoeding"]),
        ("Context", ["armoede"]),
    ]


def test_an_indicator_linked_twice_gets_one_tile_at_its_first_place(coalition, plan):
    later_goal = plan.ambition.goals.get(title="Goede start na de geboorte")
    activity = ActivityFactory(goal=later_goal)
    big2 = plan.indicators[0]
    PlanIndicatorFactory(goal=None, activity=activity, indicator=big2)

    board = professional_dashboard(coalition, sparklines=False)

    assert _codes(board.tiles).count("big2") == 1
    assert _codes(board.sections[0].sections[0].tiles) == ["big2"]


def test_own_indicators_with_figures_come_last_outside_the_plan(coalition, plan, municipality):
    own = IndicatorFactory(code="eigen_bereik", name_nl="Bereik VoorZorg", coalition=coalition)
    IndicatorFactory(code="eigen_leeg", name_nl="Zonder cijfers", coalition=coalition)
    batch = write(own, [(municipality, "2024", 40, 80)])
    batch.coalition = coalition
    batch.save()
    own.observations.update(coalition=coalition)

    places = plan_places(coalition)
    board = professional_dashboard(coalition, sparklines=False)

    assert [p.indicator.code for p in places][-1] == "eigen_bereik"
    assert board.sections[-1].kind == "own"
    assert _codes(board.sections[-1].tiles) == ["eigen_bereik"]


def test_a_tile_has_the_latest_value_interval_comparisons_verdict_and_source(coalition, plan):
    board = professional_dashboard(coalition, sparklines=False)
    tile = board.tiles[0]

    assert tile.period == "2024"
    assert tile.latest.value == pytest.approx(7.2)  # 72 of 1000
    assert tile.latest.lower < 7.2 < tile.latest.upper
    assert [c.kind for c in tile.comparisons] == ["country", "ggd"]
    assert "Nederland" in tile.comparisons[0].sentence
    assert "GGD Voorbeeldland" in tile.comparisons[1].label
    assert tile.verdict.judgement == "gunstig"  # falling, and lower is better
    assert tile.sources and tile.sources[0].startswith("Bron: CBS StatLine")


def test_a_suppressed_latest_value_is_marked_and_has_no_number(coalition, town):
    town.add("klein", base=4, step=0, denominator=50)

    tile = professional_dashboard(coalition, sparklines=False).tiles[0]

    assert tile.is_suppressed and not tile.has_value
    assert tile.latest.value is None and tile.latest.numerator is None


def test_tiles_carry_the_quotes_of_their_indicator(coalition, plan):
    story = StoryFactory(coalition=coalition, consent=Consent.SESSIONS)
    story.indicators.add(plan.indicators[1])
    QuoteFactory(story=story, text="We kregen hulp bij het voeden.")

    board = professional_dashboard(coalition, sparklines=False)
    quotes = {tile.code: [q.text for q in tile.quotes] for tile in board.tiles}

    assert quotes["borstvoeding"] == ["We kregen hulp bij het voeden."]
    assert quotes["big2"] == []


def test_the_council_sees_only_the_headlines_in_their_order(coalition, plan):
    big2, borstvoeding = plan.indicators[0], plan.indicators[1]
    choose_headline(coalition, borstvoeding, plain_text="Meer moeders geven borstvoeding.")
    choose_headline(coalition, big2)

    board = council_dashboard(coalition, sparklines=False)

    assert _codes(board.tiles) == ["borstvoeding", "big2"]
    assert board.tiles[0].plain_text == "Meer moeders geven borstvoeding."


def test_a_headline_no_longer_in_the_plan_disappears(coalition, plan):
    outside = IndicatorFactory(code="los")
    choose_headline(coalition, outside)

    assert council_dashboard(coalition, sparklines=False).tiles == []


def test_the_map_shows_the_first_indicator_with_wijk_figures_or_the_chosen_one(coalition, town):
    town.add("gemeente_alleen")
    town.add("wijk_een", wijken=True)
    town.add("wijk_twee", wijken=True)
    board = professional_dashboard(coalition, sparklines=False)

    default = wijk_map(coalition, board, chart=False)
    chosen = wijk_map(coalition, board, "wijk_twee", chart=False)
    unknown = wijk_map(coalition, board, "gemeente_alleen", chart=False)

    assert [code for code, _name in default.choices] == ["wijk_een", "wijk_twee"]
    assert (default.code, chosen.code, unknown.code) == ("wijk_een", "wijk_twee", "wijk_een")
    assert [row.label for row in chosen.page.values.rows if row.role == "wijk"] == [
        "Centrum",
        "Noord",
        "Haven",
    ]


def test_the_map_has_nothing_to_show_without_wijk_figures(coalition, town):
    town.add("gemeente_alleen")

    found = wijk_map(coalition, professional_dashboard(coalition, sparklines=False))

    assert found.choices == [] and found.page is None


def test_the_default_map_is_the_indicator_with_the_most_wijken_shown(coalition, town):
    town.add("een_wijk_klein", wijken=True, base=30, step=0)  # Haven: 5, not shown
    town.add("alle_wijken", wijken=True)
    board = professional_dashboard(coalition, sparklines=False)

    found = wijk_map(coalition, board, chart=False)

    assert 0 < board.tiles[0].wijken_shown < board.tiles[1].wijken_shown == 3
    assert found.code == "alle_wijken"
