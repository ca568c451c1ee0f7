"""The overview's counts go through ``kansrijk.insight.disclosure.disclose``: counts of 1 to 4
never show, a hidden count cannot be derived from a total or from the other table, and the
platform's own audit finds nothing recoverable."""

import re
from datetime import date

import pytest
from django.urls import reverse

from kansrijk.insight.disclosure import Group, audit
from kansrijk.insight.outputs import registered_outputs
from kansrijk.stories.counts import RULE, count_table, disclose_counts, shown
from kansrijk.stories.models import StoryPhase
from kansrijk.stories.overview import theme_counts, theme_tables

from .factories import StoryFactory, StoryThemeFactory

PHASES = list(StoryPhase)
YEARS = [2022, 2023, 2024]
CELL = re.compile(r"<td[^>]*>\s*([^<]*?)\s*</td>")


@pytest.fixture
def zero_to_twelve(coalition):
    """Two themes whose phase counts run through 0 to 12, spread over three years (some
    stories without a date)."""
    themes = [StoryThemeFactory(coalition=coalition, name=n) for n in ("Geldzorgen", "Wonen")]
    for theme, row in zip(themes, ([0, 1, 2, 3, 4], [5, 12, 9, 6, 4]), strict=True):
        for p, (phase, n) in enumerate(zip(PHASES, row, strict=True)):
            for i in range(n):
                told_on = None if i == 0 and p % 3 == 0 else date(YEARS[(i + p) % 3], 6, 1)
                StoryFactory(coalition=coalition, phase=phase, told_on=told_on).themes.add(theme)
    return themes


def _cells(html: str) -> list[str]:
    main = html[html.index("<main") : html.index("</main>")]
    return CELL.findall(main)


def test_rule_is_a_count_rule_with_the_stories_threshold():
    assert (RULE.unit, RULE.min_count, RULE.k) == ("count", 5, 5)


def test_the_overview_never_shows_a_count_from_one_to_four(
    client, member, coalition, zero_to_twelve
):
    counts, _groups, _phases, _years = theme_counts(coalition)
    assert {n for key, n in counts.items() if key[0] == "phase"} >= {0, 1, 2, 3, 4, 5, 12}
    client.force_login(member)
    response = client.get(reverse("stories:overview", kwargs={"slug": coalition.slug}))
    assert response.status_code == 200
    cells = _cells(response.content.decode())
    assert cells
    assert not [cell for cell in cells if cell in {"1", "2", "3", "4"}]
    assert "." in cells and "0" in cells  # hidden counts marked, zeros published
    assert "Verklaring van de tekens" in response.content.decode()


def test_a_single_small_cell_next_to_a_published_total_takes_a_second_one_along():
    counts = {"total": 20, "a": 3, "b": 9, "c": 8, "d": 0}
    published = disclose_counts(counts, [Group("total", ("a", "b", "c", "d"))])
    assert published["total"].is_published
    hidden = {key for key, cell in published.items() if cell.suppressed}
    assert "a" in hidden and len(hidden) == 2
    assert shown(published["d"]) == "0"


def test_a_small_phase_cell_takes_a_second_cell_along_in_the_overview(coalition):
    theme = StoryThemeFactory(coalition=coalition)
    for phase, n in ((StoryPhase.BIRTH, 9), (StoryPhase.MATERNITY, 7), (StoryPhase.WISH, 2)):
        for _ in range(n):
            StoryFactory(coalition=coalition, phase=phase, told_on=date(2023, 1, 1)).themes.add(
                theme
            )
    by_phase, by_year = theme_tables(coalition)
    row = dict(zip(by_phase.columns, by_phase.rows[0].cells, strict=True))
    assert row[str(StoryPhase.WISH.label)] == "."
    assert [row[str(StoryPhase.BIRTH.label)], row[str(StoryPhase.MATERNITY.label)]].count(".") == 1
    assert by_year.rows[0].cells == ["18"]  # the year equals the total: published


def test_audit_finds_nothing_recoverable(coalition, zero_to_twelve):
    counts, groups, _phases, _years = theme_counts(coalition)
    table = count_table(counts, groups)
    published = disclose_counts(counts, groups)
    assert any(cell.suppressed for cell in published.values())
    assert audit(table, RULE, published) == []


def test_the_overview_is_a_registered_output():
    assert "stories:overview" in {output.name for output in registered_outputs()}
