"""The session pack's print-friendly page in a real browser (Debian's Chromium): axe-core
finds no serious or critical WCAG 2.1 A/AA violations on screen or in print, and the links
at the top are not printed. Screenshots land in test-output/screenshots/."""

import os

import pytest
from playwright.sync_api import sync_playwright

from kansrijk.testing.browser import (
    CHROMIUM_ARGS,
    blocking_violations,
    chromium_path,
    save_screenshot,
)
from kansrijk.testing.factories import PASSWORD

from .pack_fixtures import *  # noqa: F403
from .pack_fixtures import INDICATOR_NAMES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
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
def pack_url(transactional_db, live_server, pack_session, member, page):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("E-mailadres").fill("bob@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    return f"{live_server.url}/coalities/voorbeeldstad/sessies/{pack_session.pk}/pakket/"


def test_the_print_page_has_no_serious_accessibility_violations(page, pack_url):
    response = page.goto(pack_url)

    assert response.status == 200
    assert page.get_by_role("heading", level=2, name=f"1. {INDICATOR_NAMES[0]}").is_visible()
    assert page.get_by_role("link", name="Download als PDF").is_visible()
    save_screenshot(page, "axe-pack-print-page")
    assert blocking_violations(page) == []


def test_printed_the_page_leaves_out_its_links_and_stays_accessible(page, pack_url):
    page.goto(pack_url)
    page.emulate_media(media="print")

    assert not page.get_by_role("link", name="Download als PDF").is_visible()
    assert page.get_by_role("heading", level=1).is_visible()
    save_screenshot(page, "axe-pack-print-media")
    assert blocking_violations(page) == []
