"""The overview of a coalition's approved stories: themes by life phase, themes over time, and
the answers to the questions.

Every count goes through ``kansrijk.insight.disclosure.disclose`` (``counts.disclose_counts``,
a count rule with threshold 5): counts of 1 to 4 are not shown (``.``), zeros are. The two
theme tables are decided together, as one table: per theme, the phase cells and the year cells
(with the stories without a date as a cell of their own, which is not shown) both add up to the
theme's total. The totals are not shown, but are treated as if they were, so that neither a
total nor the other table gives a hidden count back.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear

from kansrijk.insight.disclosure import SUPPRESSED_MARK, Group

from .counts import disclose_counts, display_count, display_mean, shown
from .data import approved_stories
from .models import Answer, Question, StoryPhase, StoryTheme

UNDATED = None  # the year "column" of stories without a date: a cell, never shown


@dataclass
class ThemeRow:
    theme: StoryTheme
    cells: list[str] = field(default_factory=list)  # shown counts ("." if hidden), per column
    goals: list = field(default_factory=list)
    indicators: list = field(default_factory=list)


@dataclass
class ThemeTable:
    columns: list[str]
    rows: list[ThemeRow]

    @property
    def is_empty(self) -> bool:
        return not self.rows

    @property
    def has_suppressed(self) -> bool:
        return any(cell == SUPPRESSED_MARK for row in self.rows for cell in row.cells)


def _themes(coalition):
    return StoryTheme.objects.filter(coalition=coalition).prefetch_related("goals", "indicators")


def theme_counts(coalition) -> tuple[dict, list[Group], list, list]:
    """The counts behind both theme tables as one table for ``disclose``.

    Returns ``(counts, groups, phases, years)``: counts keyed ``("phase", theme, phase)``,
    ``("year", theme, year)`` (``UNDATED`` for stories without a date) and
    ``("total", theme)``; per theme a group of its phases and one of its years.
    """
    stories = approved_stories(coalition).order_by().filter(themes__isnull=False)
    by_phase = Counter(
        {
            (row["themes"], row["phase"]): row["n"]
            for row in stories.values("themes", "phase").annotate(n=Count("id", distinct=True))
        }
    )
    year_rows = list(
        stories.filter(told_on__isnull=False)
        .annotate(year=ExtractYear("told_on"))
        .values("themes", "year")
        .annotate(n=Count("id", distinct=True))
    )
    by_year = Counter({(row["themes"], row["year"]): row["n"] for row in year_rows})
    phases = [phase.value for phase in StoryPhase]
    years = sorted({row["year"] for row in year_rows})
    counts: dict = {}
    groups: list[Group] = []
    for theme_id in StoryTheme.objects.filter(coalition=coalition).values_list("pk", flat=True):
        total = sum(by_phase[(theme_id, phase)] for phase in phases)
        dated = sum(by_year[(theme_id, year)] for year in years)
        counts[("total", theme_id)] = total
        phase_keys = tuple(("phase", theme_id, phase) for phase in phases)
        year_keys = tuple(("year", theme_id, year) for year in [*years, UNDATED])
        for key in phase_keys:
            counts[key] = by_phase[(theme_id, key[2])]
        for key in year_keys[:-1]:
            counts[key] = by_year[(theme_id, key[2])]
        counts[year_keys[-1]] = total - dated
        groups += [Group(("total", theme_id), phase_keys), Group(("total", theme_id), year_keys)]
    return counts, groups, phases, years


def theme_tables(coalition) -> tuple[ThemeTable, ThemeTable]:
    """Both theme tables (by life phase, by year), protected together by ``disclose``."""
    counts, groups, phases, years = theme_counts(coalition)
    published = disclose_counts(counts, groups)
    themes = list(_themes(coalition))

    def table(kind: str, columns: list, labels: list[str]) -> ThemeTable:
        rows = [
            ThemeRow(
                theme,
                [shown(published[(kind, theme.pk, column)]) for column in columns],
                list(theme.goals.all()),
                list(theme.indicators.all()),
            )
            for theme in themes
        ]
        return ThemeTable(labels, rows)

    return (
        table("phase", phases, [str(phase.label) for phase in StoryPhase]),
        table("year", years, [str(year) for year in years]),
    )


def themes_by_phase(coalition) -> ThemeTable:
    """Approved stories per theme and life phase."""
    return theme_tables(coalition)[0]


def themes_by_year(coalition) -> ThemeTable:
    """Approved stories per theme and the year they were told."""
    return theme_tables(coalition)[1]


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
    """Approved stories per life phase: (label, shown count). The total of all approved
    stories is treated as published, so one hidden phase never stands alone."""
    counts = Counter(
        dict(
            approved_stories(coalition)
            .order_by()
            .values("phase")
            .annotate(n=Count("id"))
            .values_list("phase", "n")
        )
    )
    phases = [phase.value for phase in StoryPhase]
    cells = {("phase", phase): counts[phase] for phase in phases}
    cells["total"] = sum(cells.values())
    published = disclose_counts(cells, [Group("total", tuple(("phase", p) for p in phases))])
    return [(str(phase.label), shown(published[("phase", phase.value)])) for phase in StoryPhase]
