"""The value of an observation from its numerator and denominator, per unit."""

from __future__ import annotations

SCALE = {"percentage": 100.0, "per_1000": 1000.0}


def compute_value(unit: str, numerator: float | None, denominator: float | None) -> float | None:
    """Percentage and per-1,000 units scale numerator/denominator; counts are the numerator.

    Scores and yes/no values have no numerator and denominator: their value is stored as is,
    so this returns None for them and the caller keeps the given value.
    """
    if unit in SCALE:
        if numerator is None or not denominator:
            return None
        return numerator / denominator * SCALE[unit]
    if unit == "count":
        return numerator
    return None
