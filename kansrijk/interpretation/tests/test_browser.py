"""The learning cycle's pages in a real browser (Debian's Chromium): axe-core finds no serious
or critical WCAG 2.1 A/AA violations, and an editor records a conclusion with the keyboard.
Screenshots land in test-output/screenshots/."""

import os
from datetime import date

import pytest
from playwright.sync_api import sync_playwright

from kansrijk.interpretation.models import Conclusion
from kansrijk.interpretation.recording import add_note, record_action, record_conclusion
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
def site(transactional_db, live_server, session, editor, goal, activity, write_figures):
    indicator = session.indicators.order_by("code").first()
    add_note(
        session,
        "Het tempo van de groepen en de taalbarrière.",
        kind="explanation",
        indicator=indicator,
        question="Wat valt op?",
    )
    record_conclusion(session, "De cursus bereikt te weinig zwangeren.", indicator=indicator)
    record_action(session, "Cursus in het Arabisch", who="GGD", due_on=date(2025, 6, 1))
    record_action(session, "Cijfers per wijk opvragen", status="busy", activity=activity)
    write_figures(indicator, {"2023": (300, 1000), "2024": (310, 1000)}, table="t2")
    return {"url": live_server.url, "session": session, "cycle": session.cycle}


def log_in(page, base_url):
    page.goto(f"{base_url}/inloggen/")
    page.get_by_label("E-mailadres").fill("erik@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


PAGES = [
    ("cycle-list", "/coalities/voorbeeldstad/monitorrondes/"),
    ("cycle-next", "/coalities/voorbeeldstad/monitorrondes/nieuw/"),
    ("cycle-detail", "/coalities/voorbeeldstad/monitorrondes/{cycle}/"),
    ("session-create", "/coalities/voorbeeldstad/monitorrondes/{cycle}/sessies/nieuw/"),
    ("session-detail", "/coalities/voorbeeldstad/monitorrondes/sessies/{session}/"),
    ("session-record", "/coalities/voorbeeldstad/monitorrondes/sessies/{session}/vastleggen/"),
    ("action-list", "/coalities/voorbeeldstad/monitorrondes/acties/"),
    ("coalition-open-actions", "/coalities/voorbeeldstad/"),
]


@pytest.mark.parametrize(("name", "path"), PAGES)
def test_the_page_has_no_serious_accessibility_violations(page, site, name, path):
    log_in(page, site["url"])
    path = path.format(cycle=site["cycle"].pk, session=site["session"].pk)
    response = page.goto(f"{site['url']}{path}")
    assert response.status == 200
    save_screenshot(page, f"axe-interpretation-{name}")
    assert blocking_violations(page) == []


def test_a_form_with_errors_has_no_serious_accessibility_violations(page, site):
    log_in(page, site["url"])
    page.goto(
        f"{site['url']}/coalities/voorbeeldstad/monitorrondes/{site['cycle'].pk}/sessies/nieuw/"
    )
    page.get_by_label("Titel van de sessie").fill("")
    page.get_by_role("button", name="Sessie voorbereiden").click()
    page.wait_for_load_state()
    assert page.get_by_text("Het formulier is nog niet goed ingevuld").is_visible()
    save_screenshot(page, "axe-interpretation-session-errors")
    assert blocking_violations(page) == []


def test_an_editor_records_a_conclusion_with_the_keyboard(page, site):
    log_in(page, site["url"])
    session = site["session"]
    page.goto(
        f"{site['url']}/coalities/voorbeeldstad/monitorrondes/sessies/{session.pk}/vastleggen/"
    )
    page.get_by_label("Conclusie", exact=True).focus()
    page.keyboard.type("Meer aandacht voor taal in de groepen.")
    page.keyboard.press("Tab")  # the indicator
    page.keyboard.press("Tab")  # the goal
    page.keyboard.press("Tab")  # the button
    assert page.evaluate("document.activeElement.textContent.trim()") == "Conclusie opslaan"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("De conclusie is opgeslagen.").is_visible()
    assert Conclusion.objects.filter(text="Meer aandacht voor taal in de groepen.").exists()
