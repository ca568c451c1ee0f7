"""How a count of stories is shown: through the platform's one small-numbers function.

Every count of stories that is published (the overview's tables, and whatever the dashboards
add) goes through ``kansrijk.insight.disclosure.disclose`` with ``RULE``: a count rule with the
stories' threshold of 5. Counts of 1 to 4 are not shown; a zero is (it reveals nobody, as in
shared/domain/privacy-security.md). A hidden count shows as ``.`` (``SUPPRESSED_MARK``), with
the legend of ``templates/insight/_legend.html``.

``disclose_counts`` takes a whole set of counts with the sums that hold between them
(``Group``), so that secondary suppression keeps a hidden count from being derived from a
total minus the shown counts; ``display_count`` is the same for one count on its own.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

from kansrijk.insight.disclosure import (
    SUPPRESSED_MARK,
    Cell,
    Group,
    PublishedCell,
    Rule,
    Table,
    disclose,
)

SMALL_COUNT_LIMIT = 5
RULE = Rule("count", min_count=SMALL_COUNT_LIMIT)

__all__ = [
    "RULE",
    "SMALL_COUNT_LIMIT",
    "count_table",
    "disclose_counts",
    "display_count",
    "display_mean",
    "is_small",
    "shown",
]


def is_small(count: int) -> bool:
    """Whether the count is too small to show on its own (1 to 4)."""
    return 0 < count < SMALL_COUNT_LIMIT


def count_table(
    counts: Mapping[Hashable, int],
    groups: Iterable[Group] = (),
    hidden: Iterable[Hashable] = (),
) -> Table:
    """A ``Table`` of counts (key → count) with the sums that hold between them."""
    return Table(
        [Cell(key, numerator=count) for key, count in counts.items()],
        tuple(groups),
        hidden=frozenset(hidden),
    )


def disclose_counts(
    counts: Mapping[Hashable, int],
    groups: Iterable[Group] = (),
    hidden: Iterable[Hashable] = (),
) -> dict[Hashable, PublishedCell]:
    """``disclose`` for counts of stories: a ``PublishedCell`` per key."""
    return disclose(count_table(counts, groups, hidden), RULE)


def shown(cell: PublishedCell) -> str:
    """A published count as text: the number, or ``.`` when it is not published."""
    if not cell.is_published or cell.value is None:
        return SUPPRESSED_MARK
    return str(int(cell.value))


def display_count(count: int) -> str:
    """One count on its own, as shown: ``'.'`` for 1 to 4, the number otherwise.

    Only for a count that is not part of a sum shown elsewhere; counts in a table go through
    ``disclose_counts`` with their groups.
    """
    return shown(disclose_counts({"count": count})["count"])


def display_mean(total: float, count: int) -> str | None:
    """An average answer, only over 5 or more answers (fewer could point at one parent);
    None otherwise. Shown with a decimal comma: '3,4'."""
    if count < SMALL_COUNT_LIMIT:
        return None
    return f"{total / count:.1f}".replace(".", ",")
