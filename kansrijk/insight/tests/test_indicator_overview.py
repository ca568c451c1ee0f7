"""The figures page of a coalition: /coalities/<slug>/cijfers/."""

import pytest
from django.urls import reverse

from kansrijk.coalitions.tests.checks import assert_hidden_from, assert_login_required
from kansrijk.observations.history import rollback_batch
from kansrijk.testing.factories import AreaFactory, CoalitionFactory, IndicatorFactory
from kansrijk.web.tests.structure import structure_problems

YEARS = ["2020", "2021", "2022", "2023", "2024"]


@pytest.fixture
def url(coalition):
    return reverse("insight:overview", kwargs={"slug": coalition.slug})


@pytest.fixture
def share(db):
    return IndicatorFactory(
        code="late_start", name_nl="Late start zorg", unit="percentage", direction="lower"
    )


@pytest.fixture
def falling(figures, share, municipality, country, in_plan):
    """A share that falls clearly from 20% to 10% in the municipality; NL stays at 15%."""
    in_plan(share, target_value=8.0, target_year=2027)
    rows = []
    for year, num in zip(YEARS, [200, 175, 150, 125, 100], strict=True):
        rows += [(municipality, year, num, 1000), (country, year, 15000, 100000)]
    return figures.write(share, rows)


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)


def test_it_hides_the_page_from_outsiders(client, url, outsider):
    assert_hidden_from(client, outsider, url)


def test_it_shows_a_member_the_latest_value_with_its_interval(client, url, member, falling):
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Late start zorg" in html
    assert "10,0%" in html and "95%-betrouwbaarheidsinterval 8,3–12,0" in html


def test_it_gives_the_verdict_in_plain_words(client, url, member, falling):
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "gunstig" in html
    assert (
        "Het aandeel daalde van 20,0% in 2020 naar 10,0% in 2024; dat verschil is groter dan "
        "toeval waarschijnlijk maakt." in html
    )
    assert "haalt de streefwaarde nog niet" in html


def test_it_compares_with_the_netherlands(client, url, member, falling):
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "ligt het cijfer lager dan bij Nederland (15,0%)" in html


def test_it_names_the_source_under_the_table(client, url, member, falling):
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "Bron: CBS StatLine t1, opgehaald op" in html


def test_it_shows_the_banner_for_a_fictitious_coalition(client, url, member, coalition):
    coalition.is_fictitious = True
    coalition.save()
    client.force_login(member)
    assert "Fictieve gegevens (demo)" in client.get(url).content.decode()


def test_the_page_is_well_formed(client, url, member, falling):
    client.force_login(member)
    assert structure_problems(client.get(url).content.decode()) == []


def test_it_runs_the_same_number_of_queries_for_one_indicator_as_for_six(
    client, url, member, figures, municipality, country, in_plan, django_assert_max_num_queries
):
    client.force_login(member)

    def add_indicator(n):
        indicator = IndicatorFactory(code=f"share_{n}", unit="percentage", direction="lower")
        in_plan(indicator)
        figures.write(indicator, [(municipality, y, 30 + n, 300) for y in YEARS])

    add_indicator(0)
    with django_assert_max_num_queries(20) as one:
        assert client.get(url).status_code == 200
    for n in range(1, 6):
        add_indicator(n)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(url).status_code == 200


def test_a_second_visit_is_served_from_the_cache(
    client, url, member, falling, django_assert_max_num_queries
):
    client.force_login(member)
    client.get(url)
    with django_assert_max_num_queries(7):
        assert client.get(url).status_code == 200


def test_new_figures_show_after_an_import_and_go_after_its_rollback(
    client, url, member, falling, figures, share, municipality
):
    client.force_login(member)
    assert "10,0%" in client.get(url).content.decode()
    batch = figures.write(share, [(municipality, "2024", 333, 1000)], table="correctie")
    assert "33,3%" in client.get(url).content.decode()
    rollback_batch(batch)
    html = client.get(url).content.decode()
    assert "33,3%" not in html and "10,0%" in html


def test_it_never_shows_another_coalitions_registrations(
    client, url, member, figures, share, municipality, in_plan
):
    in_plan(share)
    elsewhere = CoalitionFactory(slug="elders")
    elsewhere.areas.add(municipality)
    figures.write(
        share, [(municipality, y, 444, 1000) for y in YEARS], coalition=elsewhere, table="geheim"
    )
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "44,4" not in html and "geheim" not in html


def test_it_prefers_the_coalitions_own_registration_over_a_public_figure(
    client, url, member, coalition, figures, share, municipality, falling
):
    figures.write(share, [(municipality, "2024", 222, 1000)], coalition=coalition, table="eigen")
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "22,2%" in html and "eigen" in html


def test_it_lists_the_coalitions_own_indicators_with_data(
    client, url, member, coalition, figures, municipality
):
    own = IndicatorFactory(
        code="eigen_bereik",
        name_nl="Bereik eigen groep",
        unit="count",
        direction="higher",
        coalition=coalition,
    )
    IndicatorFactory(code="eigen_leeg", name_nl="Nog zonder cijfers", coalition=coalition)
    figures.write(
        own, [(municipality, y, 40 + i * 5) for i, y in enumerate(YEARS)], coalition=coalition
    )
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "Bereik eigen groep" in html and "Nog zonder cijfers" not in html


def test_it_explains_an_empty_plan(client, url, member):
    client.force_login(member)
    assert "nog geen indicatoren" in client.get(url).content.decode()


def test_small_wijk_figures_are_shown_as_a_dot(client, url, member, figures, municipality, in_plan):
    indicator = IndicatorFactory(code="wijkcijfer", unit="percentage", lowest_level="wijk")
    in_plan(indicator)
    small = AreaFactory(code="WK999901", name="Klein", level="district", parent=municipality)
    large = AreaFactory(code="WK999902", name="Groot", level="district", parent=municipality)
    rows = []
    for year in YEARS:
        rows += [(small, year, 3, 4817), (large, year, 400, 5000), (municipality, year, 403, 9817)]
    figures.write(indicator, rows)
    client.force_login(member)
    html = client.get(url).content.decode()
    assert '<td class="number suppressed"' in html
    assert "4817" not in html and "4.817" not in html
    assert "Klein" in html and "Verklaring van de tekens" in html
