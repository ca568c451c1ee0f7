"""The dashboards in a real browser: log in, open the dashboard, see tiles, a chart and a map;
axe-core on the dashboard, the page for bestuur en raad, an indicator page and the public
pages (no serious or critical violations). Screenshots land in test-output/screenshots/."""

import os

import pytest
from playwright.sync_api import sync_playwright

from kansrijk.areas.models import Geometry, Level, RegionMember
from kansrijk.coalitions.models import Role
from kansrijk.dashboards.composing import choose_headline, open_public_page, publish
from kansrijk.stories.models import Consent
from kansrijk.stories.tests.factories import QuoteFactory, StoryFactory
from kansrijk.testing.browser import (
    CHROMIUM_ARGS,
    blocking_violations,
    chromium_path,
    save_screenshot,
)
from kansrijk.testing.factories import (
    PASSWORD,
    AmbitionFactory,
    AreaFactory,
    CoalitionFactory,
    GoalFactory,
    IndicatorFactory,
    MembershipFactory,
    PlanIndicatorFactory,
    UserFactory,
)

from .conftest import YEARS, square, write

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still synchronous, so Django's async-safety check must be told so.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def _indicator(goal, places, code, name, *, wijken=False, base=150, step=-12, **kwargs):
    municipality, neighbour, country, districts = places
    indicator = IndicatorFactory(
        code=code, name_nl=name, lowest_level="wijk" if wijken else "gemeente", **kwargs
    )
    PlanIndicatorFactory(goal=goal, indicator=indicator, direction=indicator.direction)
    rows = []
    for shift, year in enumerate(YEARS):
        num = base + step * shift
        rows += [
            (municipality, year, num, 1200),
            (neighbour, year, 80 + shift, 1000),
            (country, year, 9000, 100_000),
        ]
        if wijken:
            rows += [(wijk, year, num // 3, 400) for wijk in districts]
    write(indicator, rows)
    return indicator


@pytest.fixture
def site(transactional_db, live_server):
    municipality = AreaFactory(code="GM9999", name="Voorbeeldstad", inhabitants=61_000)
    neighbour = AreaFactory(code="GM9998", name="Buurdorp", inhabitants=20_000)
    country = AreaFactory(code="NL01", name="Nederland", level=Level.COUNTRY)
    ggd = AreaFactory(code="GG9999", name="GGD Voorbeeldland", level=Level.GGD)
    for member in (municipality, neighbour):
        RegionMember.objects.create(region=ggd, member=member)
    districts = []
    for n, name in enumerate(["Centrum", "Noord", "Haven"], start=1):
        wijk = AreaFactory(
            code=f"WK9999{n:02d}", name=name, level=Level.DISTRICT, parent=municipality
        )
        Geometry.objects.create(area=wijk, year=2024, geojson=square(5.0 + 0.02 * n, 52.0))
        districts.append(wijk)
    coalition = CoalitionFactory(
        name="Kansrijke Start Voorbeeldstad", slug="voorbeeldstad", is_fictitious=True
    )
    coalition.areas.add(municipality)
    ambition = AmbitionFactory(coalition=coalition, title="Gezond opgroeien")
    goal = GoalFactory(ambition=ambition, title="Een goede start")
    places = (municipality, neighbour, country, districts)
    big2 = _indicator(goal, places, "big2", "Te vroeg of te klein geboren", wijken=True)
    smoking = _indicator(goal, places, "roken", "Roken in de zwangerschap", phase="pregnancy")
    _indicator(goal, places, "borstvoeding", "Borstvoeding", direction="higher", step=5)
    story = StoryFactory(coalition=coalition, consent=Consent.PUBLISH)
    story.indicators.add(big2)
    QuoteFactory(story=story, text="De verloskundige nam echt de tijd voor ons.")
    choose_headline(coalition, big2, plain_text="Minder baby's worden te vroeg geboren.")
    choose_headline(coalition, smoking)
    publish(coalition, big2, plain_text="Hoeveel baby's te vroeg komen.", show_wijken=True)
    open_public_page(coalition, intro="Hoe gaat het met de jongste kinderen in Voorbeeldstad?")
    coordinator = UserFactory(username="coordinator@example.org")
    MembershipFactory(user=coordinator, coalition=coalition, role=Role.COORDINATOR)
    return live_server.url


def log_in(page, base_url, email="coordinator@example.org"):
    page.goto(f"{base_url}/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def test_a_coordinator_opens_the_dashboard_and_sees_tiles_a_chart_and_a_map(page, site):
    log_in(page, site)
    page.goto(f"{site}/coalities/voorbeeldstad/")
    page.get_by_role("link", name="Dashboard", exact=True).click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", level=1).inner_text().startswith("Dashboard")
    tiles = page.locator("article.tile")
    assert tiles.count() == 3
    assert tiles.first.locator(".chart-sparkline svg").count() == 1
    assert tiles.first.get_by_text("95%-interval").first.is_visible()
    assert page.locator(".wijk-map .chart-map svg").is_visible()
    page.locator("#tile-big2").scroll_into_view_if_needed()
    page.get_by_text("Wat een ouder vertelt").click()
    assert page.get_by_text("De verloskundige nam echt de tijd voor ons.").is_visible()
    save_screenshot(page, "dashboard")


def test_the_public_page_opens_without_logging_in(page, site):
    page.goto(f"{site}/openbaar/voorbeeldstad/")
    assert page.get_by_text("Hoe gaat het met de jongste kinderen in Voorbeeldstad?").is_visible()
    assert page.locator("article.tile").count() == 1
    page.get_by_role("link", name="Te vroeg of te klein geboren", exact=True).click()
    page.wait_for_load_state()
    assert page.locator(".chart-trend svg").is_visible()
    assert page.locator(".chart-map svg").is_visible()
    save_screenshot(page, "public-indicator")


@pytest.mark.parametrize(
    ("name", "path", "logged_in"),
    [
        ("dashboard", "/coalities/voorbeeldstad/dashboard/", True),
        ("dashboard-phase", "/coalities/voorbeeldstad/dashboard/?volgorde=phase", True),
        ("dashboard-council", "/coalities/voorbeeldstad/dashboard/bestuur/", True),
        ("dashboard-compose", "/coalities/voorbeeldstad/dashboard/samenstellen/", True),
        ("indicator-page", "/coalities/voorbeeldstad/cijfers/big2/", True),
        ("public-dashboard", "/openbaar/voorbeeldstad/", False),
        ("public-indicator", "/openbaar/voorbeeldstad/big2/", False),
    ],
)
def test_the_page_has_no_serious_accessibility_violations(page, site, name, path, logged_in):
    if logged_in:
        log_in(page, site)
    response = page.goto(f"{site}{path}")
    assert response.status == 200
    save_screenshot(page, f"axe-{name}")
    assert blocking_violations(page) == []
