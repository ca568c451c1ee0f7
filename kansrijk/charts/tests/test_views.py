"""Chart downloads: /coalities/<slug>/cijfers/<code>/grafieken/<chart>.svg and .png."""

import pytest
from django.urls import reverse

from kansrijk.charts import urls as chart_urls
from kansrijk.coalitions.tests.checks import assert_hidden_from, assert_login_required
from kansrijk.testing.factories import IndicatorFactory

PAGES = sorted(pattern.name for pattern in chart_urls.urlpatterns)


def url(name, town, chart="trend", code=None):
    kwargs = {"slug": town.coalition.slug, "code": code or town.indicator.code, "chart": chart}
    return reverse(f"charts:{name}", kwargs=kwargs)


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_users_are_sent_to_the_login_page(client, town, name):
    assert_login_required(client, url(name, town))


@pytest.mark.parametrize("name", PAGES)
def test_outsiders_do_not_find_the_charts(client, town, outsider, name):
    assert_hidden_from(client, outsider, url(name, town))


@pytest.mark.parametrize("name", PAGES)
def test_every_member_may_download(client, town, member, name):
    client.force_login(member)
    assert client.get(url(name, town)).status_code == 200


def test_another_coalitions_own_indicator_is_not_found(client, town, member, other_coalition):
    theirs = IndicatorFactory(code="hun_indicator", coalition=other_coalition)
    client.force_login(member)
    assert client.get(url("chart-svg", town, code=theirs.code)).status_code == 404


@pytest.mark.parametrize("chart", ["onbekend", "sparkline"])
def test_an_unknown_chart_is_not_found(client, town, member, chart):
    client.force_login(member)
    assert client.get(url("chart-svg", town, chart=chart)).status_code == 404


@pytest.mark.parametrize("chart", ["trend", "funnel", "wijken", "wijk-multiples", "map"])
def test_every_chart_downloads_as_svg(client, town, member, chart):
    client.force_login(member)
    response = client.get(url("chart-svg", town, chart=chart))
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert (
        response["Content-Disposition"] == f'attachment; filename="voorbeeldstad-rookt-{chart}.svg"'
    )
    assert response.content.startswith(b'<svg role="img"') and b"<title>" in response.content


def test_the_map_downloads_as_png_with_its_filename(client, town, member):
    client.force_login(member)
    response = client.get(url("chart-png", town, chart="map"))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="voorbeeldstad-rookt-map.png"'
    assert response.content.startswith(b"\x89PNG")


def test_a_chart_that_does_not_apply_is_not_found(client, town, member, figures):
    """Without wijk figures there is no map and no bars."""
    indicator = IndicatorFactory(code="alleen_gemeente", unit="percentage", lowest_level="gemeente")
    figures.write(indicator, [(town.municipality, "2024", 50, 1000)])
    client.force_login(member)
    assert client.get(url("chart-svg", town, chart="map", code=indicator.code)).status_code == 404
    assert client.get(url("chart-svg", town, chart="trend", code=indicator.code)).status_code == 200
