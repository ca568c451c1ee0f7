"""The learning part of the demo: parents' stories, the dashboards' choices and the monitor
rounds, built through the same domain functions the pages use.

* Stories go the way a coalition's stories go: ``collect_story`` saves the original text and
  the de-identified one, the reviewer corrects what the de-identifier got wrong, the
  coordinator approves them, then they are coded (themes, goals, indicators) and quoted.
* The dashboards: the public page is opened, indicators are published and headline indicators
  chosen for bestuur en raad (``kansrijk.dashboards.composing``).
* Two monitor rounds (``kansrijk.interpretation.cycles``): one held and closed, the next one
  in preparation with the unfinished actions carried over.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from kansrijk.catalog.models import Indicator
from kansrijk.coalitions.models import Activity, PlanIndicator
from kansrijk.dashboards import composing
from kansrijk.interpretation import cycles as rounds
from kansrijk.interpretation.models import DEFAULT_QUESTIONS, Cycle
from kansrijk.interpretation.recording import add_note
from kansrijk.stories.coding import QuoteError, add_quote, code_story
from kansrijk.stories.collecting import collect_story, organisation_names, settings_for
from kansrijk.stories.models import Consent, Story
from kansrijk.stories.reviewing import approve_pending, update_anonymised_text

from . import cycles, dashboard
from .stories import STORIES, DemoStory


@dataclass
class StoriesBuilt:
    stories: dict[str, Story]  # DemoStory.key → story
    approved: int
    quotes: int
    public_quotes: int  # quotes from stories whose parents agreed to publication
    missing_codes: list[str]  # indicator codes the stories name that are not in the catalogue


def _indicators(coalition) -> dict[str, Indicator]:
    return {i.code: i for i in Indicator.objects.visible_to([coalition.id])}


def _goals_by_code(coalition) -> dict[str, object]:
    """Plan goals by the code of an indicator that measures them."""
    links = PlanIndicator.objects.filter(
        goal__ambition__coalition=coalition, goal__isnull=False
    ).select_related("goal", "indicator")
    return {link.indicator.code: link.goal for link in links}


def _collect(coalition, spec: DemoStory, *, areas, partners, users, questions, organisations):
    answers = dict(zip(questions, spec.answers, strict=False))
    story = collect_story(
        coalition,
        spec.text,
        phase=spec.phase,
        consent=spec.consent,
        method=spec.method,
        told_on=spec.told_on,
        area=areas.wijken[spec.wijk],
        partner=partners.get(spec.partner),
        collected_by=users.get(spec.collector),
        language=spec.language,
        answers=answers,
        organisations=organisations,
    )
    corrected = story.anonymised_text
    for found, replacement in spec.review_edits:
        corrected = corrected.replace(found, replacement)
    if corrected != story.anonymised_text:
        update_anonymised_text(story, corrected)
    return story


def create_stories(coalition, *, areas, partners, users, coordinator) -> StoriesBuilt:
    """Collect, review, approve, code and quote the demo's stories (``stories.STORIES``)."""
    settings_for(coalition)  # the codebook and the default questions
    questions = list(coalition.story_questions.order_by("position", "id"))
    themes = {theme.name: theme for theme in coalition.story_themes.all()}
    organisations = organisation_names(coalition)
    stories = {
        spec.key: _collect(
            coalition,
            spec,
            areas=areas,
            partners=partners,
            users=users,
            questions=questions,
            organisations=organisations,
        )
        for spec in STORIES
    }
    to_approve = [stories[spec.key].pk for spec in STORIES if spec.approve]
    approve_pending(coalition, to_approve, user=coordinator)

    goals = _goals_by_code(coalition)
    indicators = _indicators(coalition)
    missing: set[str] = set()
    quotes = public_quotes = 0
    for spec in STORIES:
        story = stories[spec.key]
        story.refresh_from_db()
        if not story.is_approved:  # only approved stories are coded and quoted
            continue
        missing |= {code for code in spec.goals if code not in goals}
        missing |= {code for code in spec.indicators if code not in indicators}
        code_story(
            story,
            themes=[themes[name] for name in spec.themes if name in themes],
            goals=[goals[code] for code in spec.goals if code in goals],
            indicators=[indicators[code] for code in spec.indicators if code in indicators],
        )
        quoter = users.get(spec.collector) or coordinator
        for fragment in spec.quotes:
            try:
                add_quote(story, fragment, user=quoter)
            except QuoteError:  # the de-identifier replaced part of it: no quote then
                continue
            quotes += 1
            public_quotes += spec.consent == Consent.PUBLISH
    return StoriesBuilt(stories, len(to_approve), quotes, public_quotes, sorted(missing))


# --- dashboards -----------------------------------------------------------------------------


@dataclass
class DashboardBuilt:
    published: int
    headlines: int


def _plan_indicators(coalition) -> dict[str, Indicator]:
    links = PlanIndicator.objects.filter(
        Q(goal__ambition__coalition=coalition) | Q(activity__goal__ambition__coalition=coalition)
    ).select_related("indicator")
    return {link.indicator.code: link.indicator for link in links}


def compose_dashboard(coalition) -> DashboardBuilt:
    """Open the public page, publish indicators for parents and residents and choose the
    headline indicators for bestuur en raad (``dashboard``). Indicators not in the plan (the
    catalogue changed) are left out."""
    in_plan = _plan_indicators(coalition)
    settings = composing.open_public_page(coalition, intro=dashboard.PUBLIC_INTRO)
    settings.council_intro = dashboard.COUNCIL_INTRO
    settings.save(update_fields=["council_intro"])
    published = [choice for choice in dashboard.PUBLISHED if choice.code in in_plan]
    for position, choice in enumerate(published):
        composing.publish(
            coalition,
            in_plan[choice.code],
            plain_text=choice.plain_text,
            show_wijken=choice.show_wijken,
            position=position,
        )
    headlines = [choice for choice in dashboard.HEADLINES if choice.code in in_plan]
    for position, choice in enumerate(headlines):
        composing.choose_headline(
            coalition, in_plan[choice.code], plain_text=choice.plain_text, position=position
        )
    return DashboardBuilt(len(published), len(headlines))


# --- monitor rounds -------------------------------------------------------------------------


@dataclass
class CyclesBuilt:
    closed: Cycle
    preparing: Cycle


class _Plan:
    """Indicators, goals and activities of the plan by the names ``cycles`` uses."""

    def __init__(self, coalition):
        self.indicators = _indicators(coalition)
        self.goals = _goals_by_code(coalition)
        self.activities = {
            activity.title: activity
            for activity in Activity.objects.filter(goal__ambition__coalition=coalition)
        }

    def indicator_list(self, codes) -> list[Indicator]:
        return [self.indicators[code] for code in codes if code in self.indicators]


def _story_ids(stories: dict[str, Story], keys) -> list[int]:
    return [stories[key].pk for key in keys if key in stories and stories[key].is_approved]


def _hold_first_session(cycle, plan: _Plan, stories, author) -> None:
    session = rounds.prepare_session(
        cycle,
        cycles.FIRST_SESSION_TITLE,
        cycles.FIRST_SESSION_HELD,
        plan.indicator_list(cycles.FIRST_INDICATORS),
        _story_ids(stories, cycles.FIRST_STORIES),
        participants=cycles.FIRST_PARTICIPANTS,
        questions=None,  # the four default questions
        goal=plan.goals.get("late_start_prenatal_care"),
        purpose=cycles.FIRST_SESSION_PURPOSE,
    )
    for note in cycles.FIRST_NOTES:
        add_note(
            session,
            note.text,
            kind=note.kind,
            indicator=plan.indicators.get(note.indicator) if note.indicator else None,
            question=note.question,
            author=author,
        )
    for conclusion in cycles.FIRST_CONCLUSIONS:
        rounds.record_conclusion(
            session,
            conclusion.text,
            indicator=plan.indicators.get(conclusion.indicator),
            goal=plan.goals.get(conclusion.goal),
        )
    for action in cycles.FIRST_ACTIONS:
        rounds.record_action(
            session,
            action.what,
            who=action.who,
            due_on=action.due_on,
            goal=plan.goals.get(action.goal),
            activity=plan.activities.get(action.activity),
            status=action.status,
        )


def create_cycles(coalition, stories: dict[str, Story], *, author, today=None) -> CyclesBuilt:
    """ "Monitor 2024", held and closed, and "Monitor 2025", whose session is planned a few
    weeks after ``today`` and which carries over the unfinished actions."""
    today = today or timezone.localdate()
    plan = _Plan(coalition)
    first = rounds.start_cycle(
        coalition, cycles.FIRST_TITLE, cycles.FIRST_STARTED, data_note=cycles.FIRST_DATA_NOTE
    )
    _hold_first_session(first, plan, stories, author)
    rounds.close_cycle(first, cycles.FIRST_CLOSED, plan_changes=cycles.FIRST_PLAN_CHANGES)

    started = max(today - timedelta(days=cycles.SECOND_STARTED_DAYS_AGO), cycles.FIRST_CLOSED)
    unfinished = [action for action in first.actions.order_by("id") if action.is_unfinished]
    second = rounds.start_cycle(
        coalition,
        cycles.SECOND_TITLE,
        started,
        previous=first,
        data_note=cycles.SECOND_DATA_NOTE,
        carry_over=unfinished,
    )
    rounds.prepare_session(
        second,
        cycles.SECOND_SESSION_TITLE,
        max(today, started) + timedelta(days=cycles.SECOND_SESSION_IN_DAYS),
        plan.indicator_list(cycles.SECOND_INDICATORS),
        _story_ids(stories, cycles.SECOND_STORIES),
        participants=cycles.SECOND_PARTICIPANTS,
        questions=[*DEFAULT_QUESTIONS, cycles.SECOND_EXTRA_QUESTION],
        goal=plan.goals.get("breastfeeding_3m"),
        purpose=cycles.SECOND_SESSION_PURPOSE,
    )
    return CyclesBuilt(first, second)
