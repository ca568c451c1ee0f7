"""The demo's learning part: parents' stories, the dashboard's choices and the monitor rounds.

``build_demo`` saves the stories through the real path (de-identification, review, approval),
so these tests check what a visitor of the demo would see.
"""

import pytest
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from kansrijk.catalog.loading import load_catalogue
from kansrijk.coalitions.models import Coalition, PlanIndicator
from kansrijk.dashboards.models import Audience, DashboardItem
from kansrijk.dashboards.publication import published_items
from kansrijk.demo import build_demo, describe_demo
from kansrijk.demo import dashboard as demo_dashboard
from kansrijk.demo.stories import STORIES
from kansrijk.interpretation.models import (
    DEFAULT_QUESTIONS,
    ActionStatus,
    Cycle,
    CycleStatus,
    ParticipantRole,
)
from kansrijk.stories.data import quotes_for
from kansrijk.stories.deidentify import PLACEHOLDERS
from kansrijk.stories.models import Consent, Quote, ReviewStatus, Story

READER = "lezer@voorbeeldstad.example"
COORDINATOR = "coordinator@voorbeeldstad.example"


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The demo, built once for this module inside a transaction that is rolled back after
    its last test (as Django's ``TestCase.setUpTestData`` does); every test runs in a
    savepoint inside it, so what a test changes is undone before the next one."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_catalogue()
        summary = build_demo()
        yield summary
        transaction.set_rollback(True)


@pytest.fixture
def demo(built, db):
    return built


@pytest.fixture
def coalition(demo):
    return Coalition.objects.get(slug="voorbeeldstad")


def _stories_by_text(coalition):
    return {story.original_text: story for story in Story.objects.filter(coalition=coalition)}


def test_it_approves_the_stories_after_de_identifying_them(coalition, demo):
    stories = _stories_by_text(coalition)
    assert len(stories) == len(STORIES) == demo.stories
    for spec in STORIES:
        story = stories[spec.text]
        expected = ReviewStatus.APPROVED if spec.approve else ReviewStatus.PENDING
        assert story.review_status == expected, spec.key
        assert story.anonymised_text != story.original_text, spec.key
        assert any(p in story.anonymised_text for p in PLACEHOLDERS.values()), spec.key
    approved = Story.objects.filter(coalition=coalition, review_status=ReviewStatus.APPROVED)
    assert approved.count() == demo.approved_stories >= 10
    assert all(story.reviewed_by and story.reviewed_at for story in approved)


def test_no_made_up_name_or_address_survives_in_the_anonymised_text_or_quotes(coalition):
    stories = _stories_by_text(coalition)
    for spec in STORIES:
        story = stories[spec.text]
        shown = " ".join([story.anonymised_text, *story.quotes.values_list("text", flat=True)])
        for identifier in spec.identifiers:
            assert identifier in story.original_text, (spec.key, identifier)
            assert identifier not in shown, (spec.key, identifier)


def test_the_reviewer_puts_back_a_word_the_de_identifier_took_for_a_name(coalition):
    spec = next(spec for spec in STORIES if spec.review_edits)
    story = _stories_by_text(coalition)[spec.text]
    for _found, corrected in spec.review_edits:
        assert corrected in story.anonymised_text


def test_the_stories_span_phases_wijken_and_consents(coalition):
    stories = Story.objects.filter(coalition=coalition, review_status=ReviewStatus.APPROVED)
    assert len({story.phase for story in stories}) >= 4
    assert len({story.area_id for story in stories}) >= 6
    assert {story.consent for story in stories} == set(Consent.values)
    assert all(story.themes.exists() for story in stories)
    assert all(story.answers.count() == 3 for story in stories)


def test_every_quote_is_a_fragment_of_its_approved_anonymised_text(coalition, demo):
    quotes = Quote.objects.filter(story__coalition=coalition).select_related("story")
    assert quotes.count() == demo.quotes == sum(len(s.quotes) for s in STORIES if s.approve)
    for quote in quotes:
        assert quote.story.is_approved
        assert quote.text in " ".join(quote.story.anonymised_text.split())


def test_public_quotes_come_only_from_stories_whose_parents_agreed_to_publication(coalition, demo):
    public = quotes_for(coalition, audience="public")
    members = quotes_for(coalition, audience="members")
    assert len(public) == demo.public_quotes >= 4
    consents = dict(Story.objects.values_list("pk", "consent"))
    assert {consents[quote.story_id] for quote in public} == {Consent.PUBLISH}
    assert {consents[quote.story_id] for quote in members} == set(Consent.values)


@pytest.mark.parametrize(
    "code",
    ["late_start_prenatal_care", "breastfeeding_3m", "smoking_women_19_45", "no_maternity_care"],
)
def test_plan_indicators_have_quotes_beside_them(coalition, code):
    link = PlanIndicator.objects.get(
        Q(goal__ambition__coalition=coalition) | Q(activity__goal__ambition__coalition=coalition),
        indicator__code=code,
    )
    assert quotes_for(coalition, indicator=link.indicator)
    if link.goal_id:
        assert quotes_for(coalition, goal=link.goal)


def test_the_indicator_page_shows_what_parents_tell(client, coalition):
    client.login(username=READER, password="kansrijk-demo")
    url = reverse(
        "insight:indicator-detail",
        kwargs={"slug": coalition.slug, "code": "late_start_prenatal_care"},
    )
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Wat ouders vertellen" in page
    quoted = [spec.quotes for spec in STORIES if "late_start_prenatal_care" in spec.indicators]
    assert any(quote in page for quotes in quoted for quote in quotes)


def test_it_tells_what_the_stories_are(demo):
    text = describe_demo(demo)
    assert "Ervaringsverhalen (fictief)" in text
    assert f"{demo.approved_stories} goedgekeurd" in text
    assert "1 wachtend op controle" in text


def test_it_opens_a_public_page_with_published_indicators(coalition, demo):
    items = published_items(coalition)
    assert 4 <= len(items) == demo.published <= 5
    assert coalition.dashboard_settings.public_enabled
    assert "verzonnen" in coalition.dashboard_settings.public_intro
    assert all(item.plain_text for item in items)
    assert [item.show_wijken for item in items].count(True) == 1


def test_the_public_shows_wijken_only_where_the_coordinator_published_them(client, coalition):
    for item in published_items(coalition):
        url = reverse(
            "public:indicator", kwargs={"slug": coalition.slug, "code": item.indicator.code}
        )
        response = client.get(url)
        assert response.status_code == 200
        assert ("Oosterpark" in response.content.decode()) == item.show_wijken, item.indicator.code


def test_the_public_page_shows_the_published_indicators_without_login(client, coalition):
    response = client.get(reverse("public:dashboard", kwargs={"slug": coalition.slug}))
    assert response.status_code == 200
    page = response.content.decode()
    for item in published_items(coalition):
        assert item.indicator.name_nl in page
    unpublished = PlanIndicator.objects.get(indicator__code="phb_jgz_reach").indicator
    assert unpublished.name_nl not in page


def test_a_published_indicator_page_shows_only_public_quotes(client, coalition):
    url = reverse(
        "public:indicator", kwargs={"slug": coalition.slug, "code": "late_start_prenatal_care"}
    )
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    public = [s for s in STORIES if "late_start_prenatal_care" in s.indicators]
    assert all(spec.consent == Consent.PUBLISH for spec in public)
    assert any(quote in page for spec in public for quote in spec.quotes)
    for spec in STORIES:
        if spec.consent != Consent.PUBLISH:
            assert not any(quote in page for quote in spec.quotes), spec.key


def test_it_chooses_headline_indicators_for_bestuur_with_plain_words(client, coalition, demo):
    headlines = DashboardItem.objects.filter(coalition=coalition, audience=Audience.BESTUUR)
    assert 4 <= headlines.count() == demo.headlines <= 6
    assert all(item.plain_text for item in headlines)
    client.login(username=COORDINATOR, password="kansrijk-demo")
    response = client.get(reverse("dashboards:council", kwargs={"slug": coalition.slug}))
    assert response.status_code == 200
    assert escape(demo_dashboard.HEADLINES[0].plain_text) in response.content.decode()


def _cycles(coalition):
    return {
        cycle.title: cycle
        for cycle in Cycle.objects.filter(coalition=coalition).prefetch_related("sessions")
    }


def test_monitor_2024_is_held_and_closed(coalition):
    cycle = _cycles(coalition)["Monitor 2024"]
    assert cycle.status == CycleStatus.CLOSED and cycle.plan_changes
    session = cycle.sessions.get()
    assert session.held_on < timezone.localdate()
    assert session.indicators.count() == 5
    assert session.snapshot["indicators"]
    stories = list(session.stories.all())
    assert len(stories) == 3
    assert all(s.is_approved and s.consent != Consent.INTERNAL for s in stories)
    assert set(session.participants.values_list("role", flat=True)) == set(ParticipantRole.values)
    assert session.questions == DEFAULT_QUESTIONS
    notes = " ".join(session.notes.values_list("text", flat=True))
    assert "het tempo van de groepen en de taalbarrière" in notes
    assert session.conclusions.count() == 2
    actions = session.actions.all()
    assert {a.status for a in actions} == {ActionStatus.OPEN, ActionStatus.BUSY, ActionStatus.DONE}
    assert all(a.goal_id for a in actions)
    assert any(a.activity_id for a in actions)


def test_monitor_2025_is_prepared_with_the_unfinished_actions_carried_over(coalition):
    found = _cycles(coalition)
    cycle, previous = found["Monitor 2025"], found["Monitor 2024"]
    assert cycle.status == CycleStatus.PREPARING
    assert cycle.previous == previous
    session = cycle.sessions.get()
    assert session.held_on > timezone.localdate()
    assert session.indicators.count() == 5
    assert session.stories.exists()
    carried = cycle.actions.filter(carried_over_from__isnull=False)
    assert {a.carried_over_from.status for a in carried} == {ActionStatus.OPEN, ActionStatus.BUSY}
    assert carried.count() == previous.actions.exclude(status=ActionStatus.DONE).count()


def test_the_rounds_page_lists_both_rounds(client, coalition):
    client.login(username=READER, password="kansrijk-demo")
    response = client.get(reverse("interpretation:cycle-list", kwargs={"slug": coalition.slug}))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Monitor 2024" in page and "Monitor 2025" in page


def test_it_tells_what_the_dashboards_and_rounds_are(demo):
    text = describe_demo(demo)
    assert f"openbare pagina met {demo.published} indicatoren" in text
    assert "Monitor 2024 (afgerond)" in text
    assert "Monitor 2025 (in voorbereiding)" in text
