"""The dashboards run a fixed, small number of SQL queries: as many for a plan with three
indicators as for one with twelve, with an empty cache (cold) and a filled one (warm).

The numbers are recorded here; a change that adds queries per tile fails these tests.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kansrijk.dashboards.composing import choose_headline, open_public_page, publish
from kansrijk.stories.models import Consent
from kansrijk.stories.tests.factories import QuoteFactory, StoryFactory

# Recorded on SQLite and PostgreSQL (the same). Cold: session, user and membership (3), the
# settings with the versions, the plan (twice: the tiles' order and overview_data), the data
# version, quotes (seven), on the dashboard the map's indicator_data, and the engine's batch.
# Warm, the tiles come rendered from the cache (kansrijk/dashboards/caching.py): session, user,
# membership and the settings with both versions; the public page only its coalition.
DASHBOARD_COLD, DASHBOARD_WARM = 29, 4
COUNCIL_COLD, COUNCIL_WARM = 25, 4
PUBLIC_COLD, PUBLIC_WARM = 22, 1
# On the bench's national-like dataset, without stories (two quote queries fewer).
NATIONAL_COLD, NATIONAL_WARM = 27, 4


def _add(town, first, last):
    for n in range(first, last):
        indicator = town.add(f"ind_{n:02d}", name=f"Indicator {n}", wijken=n % 3 == 0)
        story = StoryFactory(coalition=town.coalition, consent=Consent.PUBLISH)
        story.indicators.add(indicator)
        QuoteFactory(story=story, text=f"Citaat bij indicator {n}")
        choose_headline(town.coalition, indicator)
        publish(town.coalition, indicator, show_wijken=True)


def _queries(client, url, *, warm) -> int:
    cache.clear()
    if warm:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("warm", "recorded"), [(False, DASHBOARD_COLD), (True, DASHBOARD_WARM)])
def test_the_dashboard_runs_as_many_queries_for_3_indicators_as_for_12(
    client, member, coalition, town, warm, recorded
):
    client.force_login(member)
    url = reverse("dashboards:dashboard", kwargs={"slug": coalition.slug})

    _add(town, 0, 3)
    small = _queries(client, url, warm=warm)
    _add(town, 3, 12)
    large = _queries(client, url, warm=warm)

    assert small == large == recorded


@pytest.mark.parametrize(("warm", "recorded"), [(False, COUNCIL_COLD), (True, COUNCIL_WARM)])
def test_the_council_page_runs_a_fixed_number_of_queries(
    client, member, coalition, town, warm, recorded
):
    client.force_login(member)
    url = reverse("dashboards:council", kwargs={"slug": coalition.slug})

    _add(town, 0, 3)
    small = _queries(client, url, warm=warm)
    _add(town, 3, 8)  # the council sees at most eight headlines
    large = _queries(client, url, warm=warm)

    assert small == large == recorded


@pytest.mark.parametrize(("warm", "recorded"), [(False, PUBLIC_COLD), (True, PUBLIC_WARM)])
def test_the_public_page_runs_a_fixed_number_of_queries(client, coalition, town, warm, recorded):
    open_public_page(coalition)
    url = reverse("public:dashboard", kwargs={"slug": coalition.slug})

    _add(town, 0, 3)
    small = _queries(client, url, warm=warm)
    _add(town, 3, 12)
    large = _queries(client, url, warm=warm)

    assert small == large == recorded


def _national_plan(coalition_size: int):
    """The bench's dataset at a small national-like size (real 2024 codes from ../shared/data
    when there, else generated ones), and a coalition of the municipality with the most wijken
    with the first ``coalition_size`` shared indicators in its plan."""
    from django.db.models import Count

    from kansrijk.areas.models import Area
    from kansrijk.catalog.models import Indicator
    from kansrijk.testing.factories import (
        AmbitionFactory,
        CoalitionFactory,
        GoalFactory,
        PlanIndicatorFactory,
    )

    municipality = (
        Area.objects.filter(level="municipality")
        .annotate(wijken=Count("children"))
        .order_by("-wijken", "code")
        .first()
    )
    coalition = CoalitionFactory(slug=f"landelijk-{coalition_size}")
    coalition.areas.add(municipality)
    goal = GoalFactory(ambition=AmbitionFactory(coalition=coalition))
    for indicator in Indicator.objects.shared().order_by("code")[:coalition_size]:
        PlanIndicatorFactory(goal=goal, indicator=indicator, direction=indicator.direction)
    return coalition


@pytest.mark.parametrize(("warm", "recorded"), [(False, NATIONAL_COLD), (True, NATIONAL_WARM)])
def test_on_a_national_dataset_the_dashboard_needs_no_query_per_indicator(
    client, db, warm, recorded
):
    from bench.dataset import Size, build_dataset
    from kansrijk.coalitions.models import Role
    from kansrijk.testing.factories import IndicatorFactory, MembershipFactory, UserFactory

    for n in range(12):
        unit = ("percentage", "per_1000", "count")[n % 3]
        IndicatorFactory(code=f"landelijk_{n:02d}", unit=unit, lowest_level="wijk")
    build_dataset(Size(municipalities=40, indicators=12, years=5))
    counts = []
    for size in (3, 12):
        coalition = _national_plan(size)
        user = UserFactory(username=f"lid-{size}@example.org")
        MembershipFactory(user=user, coalition=coalition, role=Role.VIEWER)
        client.force_login(user)
        url = reverse("dashboards:dashboard", kwargs={"slug": coalition.slug})
        counts.append(_queries(client, url, warm=warm))

    assert counts == [recorded, recorded]
