"""build_demo builds everything the demo promises, in the test database."""

import random
from collections import defaultdict

import pytest

from kansrijk.areas.models import Area, Geometry, Level
from kansrijk.catalog.loading import load_catalogue
from kansrijk.catalog.models import Indicator, IndicatorSet, Unit
from kansrijk.coalitions.models import Coalition, Domain, Membership, PlanIndicator, Role
from kansrijk.demo import DemoError, build_demo, content, describe_demo, shapes
from kansrijk.demo.figures import AreaIds, generate_public_rows
from kansrijk.observations.models import ImportBatch, Observation, SourceKind


@pytest.fixture
def demo(db):
    load_catalogue()
    return build_demo()


def _years(indicator, level):
    periods = Observation.objects.filter(
        indicator=indicator, area__level=level, area__is_fictitious=True, coalition=None
    ).values_list("area__code", "period")
    years = defaultdict(set)
    for code, period in periods:
        years[code].add(period)
    return years


def test_it_builds_wijken_with_shapes_and_inhabitants(demo):
    wijken = Area.objects.filter(level=Level.DISTRICT, parent__code="GM9999")
    assert wijken.count() >= 8
    assert {w.code for w in wijken} >= {f"WK9999{n:02d}" for n in range(1, 9)}
    assert all(w.inhabitants and w.is_fictitious for w in wijken)
    assert Geometry.objects.filter(area__in=wijken, year=2024).count() == wijken.count()
    municipality = Area.objects.get(code="GM9999")
    assert municipality.name == "Voorbeeldstad"
    assert municipality.inhabitants == sum(w.inhabitants for w in wijken)


def test_it_marks_areas_coalition_and_batches_fictitious(demo):
    assert not Area.objects.filter(is_fictitious=False).exists()
    coalition = Coalition.objects.get(slug="voorbeeldstad")
    assert coalition.is_fictitious
    assert "fictieve" in coalition.description
    batches = ImportBatch.objects.all()
    assert {b.kind for b in batches} == {SourceKind.DEMO}
    assert {b.source_name for b in batches} == {"Fictieve demogegevens"}


def test_it_builds_a_coalition_with_partners_of_both_domains(demo):
    coalition = Coalition.objects.get(slug="voorbeeldstad")
    assert coalition.name == "Kansrijke Start Voorbeeldstad"
    assert coalition.contact_email
    assert list(coalition.areas.values_list("code", flat=True)) == ["GM9999"]
    domains = set(coalition.partners.values_list("domain", flat=True))
    assert domains == {Domain.MEDICAL, Domain.SOCIAL}
    assert coalition.partners.count() == 6


def test_it_builds_a_plan_of_three_ambitions_linked_to_catalogue_indicators(demo):
    coalition = Coalition.objects.get(slug="voorbeeldstad")
    ambitions = list(coalition.ambitions.all())
    assert len(ambitions) == 3
    for ambition in ambitions:
        goals = list(ambition.goals.all())
        assert 1 <= len(goals) <= 3
        assert all(goal.activities.exists() for goal in goals)
        assert all(goal.indicator_links.exists() for goal in goals)
    links = PlanIndicator.objects.filter(goal__ambition__coalition=coalition)
    for link in links:
        assert link.indicator.coalition is None  # a shared catalogue indicator
        assert link.baseline_value is not None and link.target_value is not None
        assert link.baseline_year < link.target_year
        assert link.direction == link.indicator.direction
    assert demo.missing_codes == []


def test_it_sets_targets_in_the_desired_direction(demo):
    for link in PlanIndicator.objects.all():
        if link.direction == "lower":
            assert link.target_value < link.baseline_value
        else:
            assert link.target_value > link.baseline_value


def test_it_gives_every_basisset_indicator_six_years_for_gemeente_and_wijken(demo):
    basisset = Indicator.objects.filter(indicator_set=IndicatorSet.BASISSET)
    assert basisset.count() >= 10
    wijk_codes = set(
        Area.objects.filter(level=Level.DISTRICT, parent__code="GM9999").values_list(
            "code", flat=True
        )
    )
    for indicator in basisset:
        assert len(_years(indicator, Level.MUNICIPALITY)["GM9999"]) >= 6, indicator.code
        if indicator.unit in (Unit.PERCENTAGE, Unit.PER_1000, Unit.COUNT):
            per_wijk = _years(indicator, Level.DISTRICT)
            assert set(per_wijk) == wijk_codes, indicator.code
            assert all(len(years) >= 6 for years in per_wijk.values()), indicator.code
        assert _years(indicator, Level.COUNTRY)["NL01"], indicator.code


def test_it_gives_figures_to_keuzeset_and_context_indicators(demo):
    for code in ("live_births", "inhabitants", "birth_rate", "children_low_income"):
        assert len(_years(Indicator.objects.get(code=code), Level.DISTRICT)) >= 8, code
    keuzeset = Indicator.objects.filter(indicator_set=IndicatorSet.KEUZESET)
    assert sum(1 for i in keuzeset if _years(i, Level.MUNICIPALITY)) >= 3


def test_wijk_numerators_and_denominators_add_up_to_the_municipality(demo):
    sums = defaultdict(lambda: [0.0, 0.0])
    municipal = {}
    for obs in Observation.objects.filter(coalition=None).select_related("area"):
        key = (obs.indicator_id, obs.period)
        if obs.area.level == Level.DISTRICT:
            sums[key][0] += obs.numerator or 0
            sums[key][1] += obs.denominator or 0
        elif obs.area.level == Level.MUNICIPALITY and obs.numerator is not None:
            municipal[key] = (obs.numerator, obs.denominator or 0)
    assert len(municipal) > 100
    for key, (numerator, denominator) in municipal.items():
        assert tuple(sums[key]) == (numerator, denominator), key


@pytest.mark.parametrize(
    ("code", "low", "high"), [("big2", 10, 15), ("late_start_prenatal_care", 13, 22)]
)
def test_percentages_are_realistic(demo, code, low, high):
    values = Observation.objects.filter(indicator__code=code, area__code="GM9999").values_list(
        "value", flat=True
    )
    assert all(low <= value <= high for value in values), list(values)


def test_some_wijk_counts_fall_below_ten(demo):
    small = Observation.objects.filter(
        indicator__code="big2", area__level=Level.DISTRICT, numerator__lt=10
    )
    assert small.exists()


def test_it_builds_an_own_indicator_with_quarterly_coalition_figures(demo):
    coalition = Coalition.objects.get(slug="voorbeeldstad")
    indicator = Indicator.objects.get(code="voorbeeldstad_centering_reach")
    assert indicator.coalition == coalition
    assert indicator.unit == Unit.COUNT
    observations = Observation.objects.filter(indicator=indicator, area__code="GM9999")
    assert observations.count() >= 8
    assert all(o.coalition_id == coalition.id and o.period_kind == "quarter" for o in observations)
    assert "2023-Q1" in {o.period for o in observations}
    assert not Observation.objects.filter(indicator=indicator, coalition=None).exists()


def test_it_creates_the_users_with_their_roles(demo):
    roles = dict(
        Membership.objects.filter(coalition__slug="voorbeeldstad").values_list(
            "user__email", "role"
        )
    )
    assert roles == {
        "coordinator@voorbeeldstad.example": Role.COORDINATOR,
        "redacteur@voorbeeldstad.example": Role.EDITOR,
        "lezer@voorbeeldstad.example": Role.VIEWER,
    }
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(email="beheer@voorbeeldstad.example")
    assert admin.is_staff and admin.is_superuser
    assert admin.check_password(content.DEMO_PASSWORD)


def test_the_same_seed_gives_the_same_figures(db):
    load_catalogue()
    indicators = list(Indicator.objects.shared())
    ids = AreaIds(1, 2, {w.suffix: 10 + n for n, w in enumerate(content.WIJKEN)})
    years = range(content.FIRST_YEAR, content.LAST_YEAR + 1)
    first = generate_public_rows(indicators, ids, random.Random(7), years)
    second = generate_public_rows(indicators, ids, random.Random(7), years)
    other = generate_public_rows(indicators, ids, random.Random(8), years)
    assert first == second
    assert first != other


def test_it_refuses_a_database_that_has_the_demo_already(demo):
    with pytest.raises(DemoError):
        build_demo()


def test_it_describes_the_logins_in_dutch(demo):
    text = describe_demo(demo, "http://127.0.0.1:8000/inloggen/")
    for email in (
        "coordinator@voorbeeldstad.example",
        "redacteur@voorbeeldstad.example",
        "lezer@voorbeeldstad.example",
        "beheer@voorbeeldstad.example",
    ):
        assert email in text
    assert "wachtwoord" in text and content.DEMO_PASSWORD in text
    assert "http://127.0.0.1:8000/inloggen/" in text


def _inside(point, ring):
    x, y = point
    crossings = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            crossings = not crossings
    return crossings


@pytest.mark.parametrize("seed", [1, 2, 20241000])
def test_wijk_shapes_tile_the_square_without_overlaps(seed):
    grid = shapes.build_grid(3, 3, random.Random(seed))
    (west, north), (east, _), (_, south), _ = shapes.outline()
    for i in range(40):
        for j in range(40):
            point = (
                west + (east - west) * (i + 0.5) / 40,
                south + (north - south) * (j + 0.5) / 40,
            )
            assert sum(_inside(point, cell.ring()) for cell in grid.values()) == 1, point
    total = sum(abs(shapes.signed_area(cell.ring())) for cell in grid.values())
    assert total == pytest.approx(abs(shapes.signed_area(shapes.outline())))


def test_buurten_tile_their_wijk():
    cell = shapes.build_grid(3, 3, random.Random(5))[(1, 1)]
    pieces = sum(abs(shapes.signed_area(ring)) for ring in cell.quadrants())
    assert pieces == pytest.approx(abs(shapes.signed_area(cell.ring())))


def test_geojson_rings_are_closed_and_counter_clockwise():
    geojson = shapes.to_geojson(shapes.outline())  # the outline is listed clockwise
    ring = geojson["coordinates"][0]
    assert geojson["type"] == "Polygon"
    assert ring[0] == ring[-1]
    assert shapes.signed_area([tuple(p) for p in ring[:-1]]) > 0
