"""The site in a real browser: log in, walk the main pages, and check them with axe-core.

Screenshots land in test-output/screenshots/ as test output.
"""

import os
from datetime import date

import pytest
from playwright.sync_api import sync_playwright

from kansrijk.catalog.loading import load_catalogue
from kansrijk.coalitions.models import Role
from kansrijk.testing.browser import (
    CHROMIUM_ARGS,
    blocking_violations,
    chromium_path,
    save_screenshot,
)
from kansrijk.testing.factories import (
    PASSWORD,
    AreaFactory,
    CoalitionFactory,
    GoalFactory,
    MembershipFactory,
    ObservationFactory,
    PlanIndicatorFactory,
    UserFactory,
)

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


@pytest.fixture
def site(transactional_db, live_server):
    load_catalogue()
    municipality = AreaFactory(code="GM9999", name="Voorbeeldstad")
    AreaFactory(code="WK999901", name="Centrum", level="district", parent=municipality)
    coalition = CoalitionFactory(
        name="Kansrijke Start Voorbeeldstad", slug="voorbeeldstad", is_fictitious=True
    )
    coalition.areas.add(municipality)
    goal = GoalFactory(ambition__coalition=coalition, ambition__title="Gezond zwanger")
    from kansrijk.catalog.models import Indicator

    big2 = Indicator.objects.get(code="big2")
    PlanIndicatorFactory(goal=goal, indicator=big2, direction="lower")
    for year, numerator in ((2021, 40), (2022, 36), (2023, 3)):
        ObservationFactory(
            indicator=big2,
            area=municipality,
            period=str(year),
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
            numerator=numerator,
            denominator=300,
            value=numerator / 3,
        )
    coordinator = UserFactory(username="coordinator@example.org")
    MembershipFactory(user=coordinator, coalition=coalition, role=Role.COORDINATOR)
    return live_server.url


def log_in(page, base_url, email="coordinator@example.org"):
    page.goto(f"{base_url}/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def test_a_coordinator_logs_in_and_finds_the_plan(page, site):
    log_in(page, site)
    page.goto(f"{site}/coalities/voorbeeldstad/")
    assert page.get_by_role("heading", level=1).inner_text() == "Kansrijke Start Voorbeeldstad"
    assert page.get_by_text("Gezond zwanger").first.is_visible()
    save_screenshot(page, "coalition-overview")


@pytest.mark.parametrize(
    ("name", "path", "logged_in"),
    [
        ("home", "/", False),
        ("login", "/inloggen/", False),
        ("catalogue", "/catalogus/", False),
        ("indicator", "/catalogus/big2/", True),
        ("coalition", "/coalities/voorbeeldstad/", True),
        ("ambition-form", "/coalities/voorbeeldstad/plan/ambities/nieuw/", True),
        ("figures", "/coalities/voorbeeldstad/cijfers/", True),
        ("indicator-figures", "/coalities/voorbeeldstad/cijfers/big2/", True),
        ("public-figures", "/coalities/voorbeeldstad/gegevens/openbaar/", True),
        ("own-figures", "/coalities/voorbeeldstad/gegevens/", True),
    ],
)
def test_the_page_has_no_serious_accessibility_violations(page, site, name, path, logged_in):
    if logged_in:
        log_in(page, site)
    response = page.goto(f"{site}{path}")
    assert response.status == 200
    save_screenshot(page, f"axe-{name}")
    assert blocking_violations(page) == []


def test_the_main_navigation_works_with_the_keyboard_alone(page, site):
    page.goto(f"{site}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
