"""The overview of a coalition's approved stories: themes by life phase, themes over time, and
the answers to the questions. Counts go through ``counts.display_count`` (small counts shown as
"<5"); the tables have no totals, which would give hidden counts back."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear

from .counts import display_count, display_mean
from .data import approved_stories
from .models import Answer, Question, StoryPhase, StoryTheme


@dataclass
class ThemeRow:
    theme: StoryTheme
    cells: list[str] = field(default_factory=list)  # shown counts, one per column
    goals: list = field(default_factory=list)
    indicators: list = field(default_factory=list)


@dataclass
class ThemeTable:
    columns: list[str]
    rows: list[ThemeRow]

    @property
    def is_empty(self) -> bool:
        return not self.rows


def _themes(coalition):
    return StoryTheme.objects.filter(coalition=coalition).prefetch_related("goals", "indicators")


def _table(coalition, columns: list, labels: list[str], counts: Counter) -> ThemeTable:
    rows = [
        ThemeRow(
            theme,
            [display_count(counts[(theme.pk, column)]) for column in columns],
            list(theme.goals.all()),
            list(theme.indicators.all()),
        )
        for theme in _themes(coalition)
    ]
    return ThemeTable(labels, rows)


def themes_by_phase(coalition) -> ThemeTable:
    """Approved stories per theme and life phase."""
    counts = Counter(
        {
            (row["themes"], row["phase"]): row["n"]
            for row in approved_stories(coalition)
            .order_by()
            .filter(themes__isnull=False)
            .values("themes", "phase")
            .annotate(n=Count("id", distinct=True))
        }
    )
    phases = list(StoryPhase)
    return _table(coalition, [p.value for p in phases], [str(p.label) for p in phases], counts)


def themes_by_year(coalition) -> ThemeTable:
    """Approved stories per theme and the year they were told."""
    rows = list(
        approved_stories(coalition)
        .order_by()
        .filter(themes__isnull=False, told_on__isnull=False)
        .annotate(year=ExtractYear("told_on"))
        .values("themes", "year")
        .annotate(n=Count("id", distinct=True))
    )
    years = sorted({row["year"] for row in rows})
    counts = Counter({(row["themes"], row["year"]): row["n"] for row in rows})
    return _table(coalition, years, [str(year) for year in years], counts)


@dataclass
class AnswerRow:
    question: Question
    count: str
    mean: str | None  # None when there are fewer than five answers


def answer_summary(coalition) -> list[AnswerRow]:
    """Per question: how many parents answered, and the average (from five answers)."""
    totals = defaultdict(lambda: (0, 0))
    for row in (
        Answer.objects.filter(story__in=approved_stories(coalition))
        .order_by()
        .values("question")
        .annotate(n=Count("id"), total=Sum("score"))
    ):
        totals[row["question"]] = (row["n"], row["total"] or 0)
    rows = []
    for question in Question.objects.filter(coalition=coalition):
        count, total = totals[question.pk]
        if count == 0 and not question.is_active:
            continue
        rows.append(AnswerRow(question, display_count(count), display_mean(total, count)))
    return rows


def phase_counts(coalition) -> list[tuple[str, str]]:
    """Approved stories per life phase: (label, shown count)."""
    counts = Counter(
        dict(
            approved_stories(coalition)
            .order_by()
            .values("phase")
            .annotate(n=Count("id"))
            .values_list("phase", "n")
        )
    )
    return [(str(phase.label), display_count(counts[phase.value])) for phase in StoryPhase]
