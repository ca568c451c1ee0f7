"""How a count of stories is shown: the one place to change it.

Counts of 1 to 4 are shown as "<5"; 0 and counts of 5 or more as the number itself (a zero
reveals nobody, as in shared/domain/privacy-security.md). Every table of stories (the overview,
and whatever the dashboards add) goes through ``display_count``, so that this function can later
hand over to the platform's central small-numbers function (``kansrijk.insight.disclosure``)
without touching the callers.

Tables here show no totals next to hidden cells, because a total minus the shown cells would
give the hidden one back. Two tables of the same themes (by phase and by year) can still be
combined that way; routing through the central function with secondary suppression closes that.
"""

from __future__ import annotations

SMALL_COUNT_LIMIT = 5


def is_small(count: int) -> bool:
    """Whether the count is too small to show as it is (1 to 4)."""
    return 0 < count < SMALL_COUNT_LIMIT


def display_count(count: int) -> str:
    """The count as shown: ``'<5'`` for 1 to 4, the number otherwise."""
    return f"<{SMALL_COUNT_LIMIT}" if is_small(count) else str(count)


def display_mean(total: float, count: int) -> str | None:
    """An average answer, only over 5 or more answers (fewer could point at one parent);
    None otherwise. Shown with a decimal comma: '3,4'."""
    if count < SMALL_COUNT_LIMIT:
        return None
    return f"{total / count:.1f}".replace(".", ",")
