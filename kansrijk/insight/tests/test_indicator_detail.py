"""The page of one indicator: /coalities/<slug>/cijfers/<code>/."""

import json

import pytest
from django.urls import reverse

from kansrijk.coalitions.tests.checks import assert_hidden_from, assert_login_required
from kansrijk.testing.factories import AreaFactory, IndicatorFactory
from kansrijk.web.tests.structure import structure_problems

YEARS = [str(y) for y in range(2015, 2025)]


@pytest.fixture
def share(db):
    return IndicatorFactory(
        code="preterm",
        name_nl="Vroeggeboorte",
        unit="percentage",
        direction="lower",
        definition="Geboren voor 37 weken.",
    )


@pytest.fixture
def url(coalition, share):
    return reverse("insight:indicator-detail", kwargs={"slug": coalition.slug, "code": share.code})


@pytest.fixture
def nation(figures, share, municipality, country):
    """The municipality, 30 others of about the same size and the country, ten years."""
    municipality.inhabitants = 60_000
    municipality.save()
    others = [
        AreaFactory(code=f"GM{100 + n:04d}", name=f"Stad {n}", inhabitants=55_000 + n)
        for n in range(30)
    ]
    rows = []
    for year in YEARS:
        rows.append((municipality, year, 70, 1000))
        for n, other in enumerate(others):
            rows.append((other, year, 50 + n % 7, 1000))
        rows.append((country, year, 5000, 100_000))
    figures.write(share, rows)
    return others


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)


def test_it_hides_the_page_from_outsiders(client, url, outsider):
    assert_hidden_from(client, outsider, url)


def test_it_hides_another_coalitions_own_indicator(client, member, coalition, other_coalition):
    theirs = IndicatorFactory(code="hun_indicator", coalition=other_coalition)
    client.force_login(member)
    url = reverse("insight:indicator-detail", kwargs={"slug": coalition.slug, "code": theirs.code})
    assert client.get(url).status_code == 404


def test_an_unknown_code_is_not_found(client, member, coalition):
    client.force_login(member)
    url = reverse("insight:indicator-detail", kwargs={"slug": coalition.slug, "code": "onbekend"})
    assert client.get(url).status_code == 404


def test_it_shows_every_period_with_numerator_and_denominator(client, url, member, nation):
    client.force_login(member)
    html = client.get(url).content.decode()
    assert all(f">{year}<" in html for year in YEARS)
    assert "Teller en noemer voor Voorbeeldstad" in html
    assert ">1.000<" in html and ">70<" in html and ">7,0<" in html


def test_it_compares_with_comparable_municipalities_and_the_country(client, url, member, nation):
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "gemeenten met 50.000 tot 100.000 inwoners" in html
    assert "ligt het cijfer hoger dan bij Nederland (5,0%)" in html


def test_it_embeds_the_funnel_plot_data(client, url, member, nation):
    client.force_login(member)
    response = client.get(url)
    funnel = response.context["page"].funnel
    assert funnel["reference"] == pytest.approx(5.0)
    assert len(funnel["points"]) == 31
    assert [p["name"] for p in funnel["points"] if p["is_own"]] == ["Voorbeeldstad"]
    assert set(funnel["limits"]) == {"95", "99.8"}
    assert '<script id="funnel-data" type="application/json">' in response.content.decode()
    json.dumps(funnel)


def test_the_page_is_well_formed(client, url, member, nation):
    client.force_login(member)
    assert structure_problems(client.get(url).content.decode()) == []
