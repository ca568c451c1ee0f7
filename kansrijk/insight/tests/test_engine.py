"""The engine on the database: regions, pools, comparisons, the national summary, caching."""

import numpy as np
import pytest

from kansrijk.areas.models import RegionMember
from kansrijk.insight.engine import national_summary
from kansrijk.insight.results import coalition_insights, national_tables
from kansrijk.insight.versioning import bump_data_version, current_data_version
from kansrijk.testing.factories import AreaFactory, IndicatorFactory

YEARS = [str(y) for y in range(2015, 2025)]


@pytest.fixture
def share(db):
    return IndicatorFactory(code="aandeel", unit="percentage", direction="lower")


@pytest.fixture
def neighbour(coalition):
    other = AreaFactory(code="GM9998", name="Buurgemeente", inhabitants=20_000)
    coalition.areas.add(other)
    return other


def test_a_coalition_of_two_municipalities_gets_their_sum_as_its_region(
    coalition, municipality, neighbour, figures, share
):
    figures.write(share, [(municipality, "2024", 30, 300), (neighbour, "2024", 10, 200)])
    insight = coalition_insights(coalition, [share])[share.id]
    region = insight.main
    assert region.role == "region" and region.place.name == coalition.name
    assert (region.latest.numerator, region.latest.denominator) == (40, 500)
    assert region.latest.value == pytest.approx(8.0)
    assert [row.role for row in insight.rows] == ["region", "municipality", "municipality"]


def test_the_region_is_hidden_when_one_of_its_municipalities_is(
    coalition, municipality, neighbour, figures, share
):
    figures.write(share, [(municipality, "2024", 30, 300), (neighbour, "2024", 4, 200)])
    insight = coalition_insights(coalition, [share])[share.id]
    rows = {row.place.name: row for row in insight.rows}
    assert rows["Buurgemeente"].latest.suppressed and rows[coalition.name].latest.suppressed
    assert rows["Voorbeeldstad"].latest.is_published


def test_a_pooled_indicator_shows_non_overlapping_pools(coalition, municipality, figures):
    rare = IndicatorFactory(code="sterfte", unit="per_1000", pool_years=5)
    figures.write(rare, [(municipality, y, 4, 650) for y in YEARS])
    insight = coalition_insights(coalition, [rare])[rare.id]
    assert insight.periods == ["2015/2019", "2020/2024"]
    assert insight.main.latest.numerator == 20 and insight.main.latest.denominator == 3250
    assert insight.trend.pooled_years == 5 and insight.trend.p_value is None


def test_wijken_show_only_when_the_catalogue_says_the_indicator_exists_there(
    coalition, municipality, wijken, figures
):
    municipal = IndicatorFactory(code="alleen_gemeente", lowest_level="gemeente")
    local = IndicatorFactory(code="ook_wijk", lowest_level="wijk")
    for indicator in (municipal, local):
        figures.write(
            indicator,
            [(w, "2024", 20, 200) for w in wijken] + [(municipality, "2024", 80, 800)],
        )
    insights = coalition_insights(coalition, [municipal, local])
    assert [r.role for r in insights[municipal.id].rows] == ["municipality"]
    assert [r.role for r in insights[local.id].rows] == ["municipality"] + ["wijk"] * 4


def test_comparisons_use_only_published_municipalities(
    coalition, municipality, country, figures, share
):
    municipality.inhabitants = 30_000
    municipality.save()
    ggd = AreaFactory(code="GG0001", name="GGD Voorbeeld", level="ggd")
    others = [AreaFactory(code=f"GM{10 + n:04d}", inhabitants=30_000 + n) for n in range(4)]
    for area in [municipality, *others]:
        RegionMember.objects.create(region=ggd, member=area)
    rows = [(municipality, "2024", 50, 500), (country, "2024", 1000, 10_000)]
    rows += [(others[0], "2024", 3, 100)]  # small: hidden, also from the groups
    rows += [(other, "2024", 20, 100) for other in others[1:]]
    figures.write(share, rows)
    comparisons = coalition_insights(coalition, [share])[share.id].comparisons
    labels = {c.label: c for c in comparisons}
    assert set(labels) == {
        "Nederland",
        "overige gemeenten in GGD Voorbeeld",
        "gemeenten met 20.000 tot 50.000 inwoners",
    }
    ggd_group = labels["overige gemeenten in GGD Voorbeeld"]
    assert ggd_group.members == 2  # 3/100 hidden, and one more to protect it
    assert ggd_group.reference == pytest.approx(20.0)


def test_the_national_summary_has_a_value_trend_and_verdict_per_municipality(
    municipality, country, figures, share
):
    others = [AreaFactory(code=f"GM{10 + n:04d}") for n in range(3)]
    rows = []
    for i, year in enumerate(YEARS):
        rows += [(municipality, year, 200 - 10 * i, 1000), (country, year, 1000, 10_000)]
        rows += [(others[0], year, 3, 100), (others[1], year, 50, 500), (others[2], year, 60, 500)]
    figures.write(share, rows)
    table = national_tables([share])[share.id]
    summary = national_summary(share, table)
    index = summary.area_ids.index(municipality.id)
    assert summary.latest_period == "2024"
    assert summary.values[index] == pytest.approx(11.0)
    assert summary.changes[index] == "down" and summary.judgements[index] == "gunstig"
    assert "daalde" in summary.verdict_texts[index]
    small = summary.area_ids.index(others[0].id)
    assert np.isnan(summary.values[small]) and np.isnan(summary.lower[small])


def test_results_are_cached_until_the_data_version_changes(
    coalition, municipality, figures, share, django_assert_num_queries
):
    figures.write(share, [(municipality, "2024", 30, 300)])
    version = current_data_version()
    coalition_insights(coalition, [share], version)
    with django_assert_num_queries(0):
        coalition_insights(coalition, [share], version)
    assert bump_data_version() != version


def test_saving_figures_or_areas_bumps_the_data_version(municipality, figures, share):
    before = current_data_version()
    figures.write(share, [(municipality, "2024", 30, 300)])
    after_import = current_data_version()
    AreaFactory(code="GM0001")
    assert len({before, after_import, current_data_version()}) == 3
