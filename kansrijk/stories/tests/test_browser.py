"""The public story form in a real browser (Debian's Chromium): axe-core finds no serious or
critical WCAG 2.1 A/AA violations, it fits a phone screen, and a parent can send a story with
the keyboard alone. Screenshots land in test-output/screenshots/."""

import os

import pytest
from playwright.sync_api import sync_playwright

from kansrijk.coalitions.models import Role
from kansrijk.stories.collecting import settings_for
from kansrijk.stories.models import Story
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
    MembershipFactory,
    UserFactory,
)

from .factories import StoryFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def browser():
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _page(browser, viewport):
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    return context, context.new_page()


@pytest.fixture
def page(browser):
    context, page = _page(browser, {"width": 1280, "height": 900})
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context, page = _page(browser, PHONE)
    yield page
    context.close()


@pytest.fixture
def site(transactional_db, live_server):
    municipality = AreaFactory(code="GM9999", name="Voorbeeldstad")
    AreaFactory(code="WK999901", name="Centrum", level="district", parent=municipality)
    coalition = CoalitionFactory(
        name="Kansrijke Start Voorbeeldstad", slug="voorbeeldstad", is_fictitious=True
    )
    coalition.areas.add(municipality)
    settings = settings_for(coalition)
    settings.public_form_open = True
    settings.save()
    coordinator = UserFactory(username="coordinator@example.org")
    MembershipFactory(user=coordinator, coalition=coalition, role=Role.COORDINATOR)
    StoryFactory(
        coalition=coalition,
        collected_by=coordinator,
        anonymised_text="De kraamzorg van [ZORGINSTELLING] was fijn.",
        original_text="De kraamzorg van Het Nest was fijn.",
    )
    return live_server.url


def _form(base):
    return f"{base}/vertel/voorbeeldstad/"


def test_the_public_form_has_no_serious_accessibility_violations(page, site):
    assert page.goto(_form(site)).status == 200
    save_screenshot(page, "axe-story-form")
    assert blocking_violations(page) == []


def test_the_public_form_with_errors_has_no_serious_accessibility_violations(page, site):
    page.goto(_form(site))
    page.get_by_role("button", name="Verhaal versturen").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").first.is_visible()
    assert "Zonder uw toestemming" in page.content()
    save_screenshot(page, "axe-story-form-errors")
    assert blocking_violations(page) == []


def test_the_public_form_fits_a_phone_screen(phone, site):
    phone.goto(_form(site))
    save_screenshot(phone, "story-form-phone")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert blocking_violations(phone) == []


def test_a_parent_sends_a_story_with_the_keyboard_alone(page, site):
    page.goto(_form(site))
    page.get_by_label("Uw verhaal").focus()
    page.keyboard.type("Ik kreeg veel steun van de buren.")
    page.get_by_label("De bevalling").focus()
    page.keyboard.press("Space")
    page.get_by_label("Alleen de mensen die in de coalitie werken mogen het lezen.").focus()
    page.keyboard.press("Space")
    page.get_by_label("Ik geef toestemming", exact=False).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Verhaal versturen").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/bedankt/")
    assert page.get_by_role("heading", level=1).inner_text() == "Bedankt voor uw verhaal"
    assert Story.objects.filter(method="online").count() == 1


@pytest.mark.parametrize(
    "path",
    ["", "overzicht/", "themas/", "nieuw/", "instellingen/", "{story}/", "{story}/controleren/",
     "{story}/coderen/"],
)  # fmt: skip
def test_the_stories_pages_have_no_serious_accessibility_violations(page, site, path):
    page.goto(f"{site}/inloggen/")
    page.get_by_label("E-mailadres").fill("coordinator@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    path = path.format(story=Story.objects.get().pk)
    assert page.goto(f"{site}/coalities/voorbeeldstad/verhalen/{path}").status == 200
    name = path.strip("/").replace("/", "-").replace(str(Story.objects.get().pk), "story")
    save_screenshot(page, f"axe-stories-{name or 'list'}")
    assert blocking_violations(page) == []
