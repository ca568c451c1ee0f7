"""The charts in a real browser: visible, with a tooltip on keyboard focus, and accessible.

The screenshot lands in test-output/screenshots/charts-indicator-page.png.
"""

import os
import re

import pytest
from playwright.sync_api import expect, sync_playwright

from kansrijk.testing.browser import (
    CHROMIUM_ARGS,
    blocking_violations,
    chromium_path,
    save_screenshot,
)
from kansrijk.testing.factories import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls stay synchronous.
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
def indicator_page(transactional_db, live_server, town, member, page):
    """The indicator page of the town, opened by a logged-in member."""
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("E-mailadres").fill(member.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    response = page.goto(
        f"{live_server.url}/coalities/voorbeeldstad/cijfers/{town.indicator.code}/"
    )
    assert response.status == 200
    return page


def test_the_charts_and_the_map_are_visible(indicator_page):
    for chart in ("trend", "funnel", "wijken", "wijk-multiples", "map"):
        expect(indicator_page.locator(f"figure.chart-{chart} svg")).to_be_visible()
    map_box = indicator_page.locator("figure.chart-map svg").bounding_box()
    assert map_box["width"] > 300 and map_box["height"] > 250
    save_screenshot(indicator_page, "charts-indicator-page")


def test_a_mark_shows_its_tooltip_on_focus_and_the_arrows_move_on(indicator_page):
    first = indicator_page.locator('figure.chart-trend [role="graphics-symbol"][tabindex="0"]')
    first.focus()
    tooltip = indicator_page.locator("#chart-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(re.compile(r"Voorbeeldstad, 2020: \d+,\d% \(95%-interval .*\)"))
    indicator_page.keyboard.press("ArrowRight")
    expect(tooltip).to_contain_text("Voorbeeldstad, 2021: ")
    indicator_page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()


def test_hovering_a_wijk_on_the_map_names_it(indicator_page):
    indicator_page.locator('figure.chart-map [role="graphics-symbol"]').first.hover()
    expect(indicator_page.locator("#chart-tooltip")).to_contain_text("Centrum: ")


def test_the_page_with_charts_has_no_serious_accessibility_violations(indicator_page):
    indicator_page.locator("figure.chart-trend details summary").click()
    assert blocking_violations(indicator_page) == []
