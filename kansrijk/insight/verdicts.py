"""The verdict for a coalition: is an indicator moving in the desired direction?

A verdict is one of four judgements (``gunstig``, ``ongunstig``, ``geen duidelijke
verandering``, ``onvoldoende gegevens``), or none for context indicators (direction
``none``), with its basis in plain Dutch for a policy advisor.

The judgement follows the trend test (``trends.py``): only a change that is larger than
chance makes likely (p < ``ALPHA``) counts as a change, and only if the first and last
published values do not point the other way. Numbers in the sentences are always published
values (``disclosure.py``): a sentence never shows what the table may not.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

from kansrijk.catalog.models import Direction, Unit

from .trends import MIN_POINTS

ALPHA = 0.05

FAVOURABLE = "gunstig"
UNFAVOURABLE = "ongunstig"
NO_CLEAR_CHANGE = "geen duidelijke verandering"
INSUFFICIENT = "onvoldoende gegevens"
JUDGEMENTS = (FAVOURABLE, UNFAVOURABLE, NO_CLEAR_CHANGE, INSUFFICIENT)

UP, DOWN, NONE = "up", "down", "none"
HIGHER, LOWER, NO_DIFFERENCE = "higher", "lower", "no_difference"  # comparison outcomes


@dataclass(frozen=True)
class Point:
    """A period of the series as published: ``value`` is None when it may not be shown."""

    period: str
    value: float | None


@dataclass(frozen=True)
class Verdict:
    judgement: str | None  # one of JUDGEMENTS; None = no judgement (context indicator)
    change: str  # UP, DOWN, NONE or "" (not known)
    basis: str  # the reasons, in plain Dutch
    target: str = ""  # a sentence about the plan's target, if there is one
    target_reached: bool | None = None

    @property
    def label(self) -> str:
        return self.judgement or _("geen oordeel (context)")

    @property
    def css_class(self) -> str:
        return {
            FAVOURABLE: "favourable",
            UNFAVOURABLE: "unfavourable",
            NO_CLEAR_CHANGE: "no-change",
            INSUFFICIENT: "insufficient",
        }.get(self.judgement or "", "context")


def dutch_number(value: float, decimals: int) -> str:
    """``12345.6`` → ``12.345,6``: Dutch thousands and decimal marks."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def format_value(unit: str, value: float | None) -> str:
    """A value as it reads in a sentence: ``12,3%``, ``8,1 per 1.000``, ``55``, ``ja``."""
    if value is None or not np.isfinite(value):
        return "."
    if unit == Unit.YES_NO:
        return _("ja") if value >= 0.5 else _("nee")
    text = dutch_number(value, 0 if unit == Unit.COUNT else 1)
    if unit == Unit.PERCENTAGE:
        return f"{text}%"
    if unit == Unit.PER_1000:
        return _("%(number)s per 1.000") % {"number": text}
    return text


def _noun(unit: str) -> str:
    return {
        Unit.PERCENTAGE: _("Het aandeel"),
        Unit.PER_1000: _("Het cijfer per 1.000"),
        Unit.COUNT: _("Het aantal"),
    }.get(unit, _("De score"))


def classify_change(p_value: float, statistic: float, points: int) -> str:
    """UP, DOWN or NONE from a trend test; "" when the test could not be done."""
    if points < MIN_POINTS or not np.isfinite(p_value):
        return ""
    if p_value < ALPHA and statistic > 0:
        return UP
    if p_value < ALPHA and statistic < 0:
        return DOWN
    return NONE


def judge(change: str, direction: str) -> str | None:
    """The judgement of a change against the desired direction."""
    if not change:
        return INSUFFICIENT if direction != Direction.NONE else None
    if direction == Direction.NONE:
        return None
    if change == NONE:
        return NO_CLEAR_CHANGE
    wanted = UP if direction == Direction.HIGHER else DOWN
    return FAVOURABLE if change == wanted else UNFAVOURABLE


def classify_many(p_values, statistics, points) -> np.ndarray:
    """Vectorised ``classify_change``: an array of UP, DOWN, NONE or ""."""
    p, z, m = np.asarray(p_values), np.asarray(statistics), np.asarray(points)
    usable = (m >= MIN_POINTS) & np.isfinite(p)
    significant = usable & (p < ALPHA)
    out = np.full(p.shape, "", dtype=object)
    out[usable] = NONE
    out[significant & (z > 0)] = UP
    out[significant & (z < 0)] = DOWN
    return out


def judge_many(changes, direction: str) -> np.ndarray:
    """Vectorised ``judge`` for one direction."""
    return np.array([judge(c, direction) for c in np.ravel(changes)], dtype=object).reshape(
        np.shape(changes)
    )


def _contradicts(change: str, first: Point, last: Point) -> bool:
    """The published ends point the other way than the trend (or not at all)."""
    if first.value is None or last.value is None or change not in (UP, DOWN):
        return False
    return (last.value - first.value) * (1 if change == UP else -1) <= 0


def describe_change(
    unit: str,
    change: str,
    first: Point | None,
    last: Point | None,
    points: int,
    pooled_years: int = 1,
) -> str:
    """The basis of a verdict in words, using only published values.

    For pooled indicators (``pooled_years`` > 1) the test runs on the yearly figures, which
    are not shown: the sentence says so instead of calling them too small.
    """
    if not change:
        if points == 0 or first is None:
            return _("Er zijn nog geen cijfers.")
        return _(
            "Er zijn cijfers over %(points)s periode(n); voor een uitspraak over de "
            "ontwikkeling zijn er minstens %(needed)s nodig."
        ) % {"points": points, "needed": MIN_POINTS}
    assert first is not None and last is not None
    shown = first.value is not None and last.value is not None
    values = {
        "noun": _noun(unit),
        "first": format_value(unit, first.value),
        "last": format_value(unit, last.value),
        "start": first.period,
        "end": last.period,
        "years": pooled_years,
    }
    hidden_note = (
        _(
            "Per jaar worden de cijfers niet getoond: ze worden steeds over %(years)s jaar "
            "samengenomen."
        )
        % values
        if pooled_years > 1
        else _("De aantallen per periode zijn te klein om te tonen.")
    )
    if change in (UP, DOWN):
        values["verb"] = _("steeg") if change == UP else _("daalde")
        if shown:
            return (
                _(
                    "%(noun)s %(verb)s van %(first)s in %(start)s naar %(last)s in %(end)s; "
                    "dat verschil is groter dan toeval waarschijnlijk maakt."
                )
                % values
            )
        sentence = _(
            "%(noun)s %(verb)s tussen %(start)s en %(end)s; die verandering is groter dan "
            "toeval waarschijnlijk maakt."
        )
        return f"{sentence % values} {hidden_note}"
    if shown:
        return (
            _(
                "%(noun)s ging van %(first)s in %(start)s naar %(last)s in %(end)s; dat verschil "
                "kan goed toeval zijn."
            )
            % values
        )
    sentence = _(
        "Tussen %(start)s en %(end)s is er geen verandering die groter is dan toeval "
        "waarschijnlijk maakt."
    )
    return f"{sentence % values} {hidden_note}"


def _direction_sentence(judgement: str | None) -> str:
    return {
        FAVOURABLE: _("Dat is de gewenste richting."),
        UNFAVOURABLE: _("Dat is niet de gewenste richting."),
        None: _("Dit is een contextindicator: het platform geeft er geen oordeel over."),
    }.get(judgement, "")


def describe_target(
    unit: str,
    direction: str,
    latest: Point | None,
    target_value: float | None,
    target_year: int | None,
) -> tuple[str, bool | None]:
    """A sentence about the plan's target and whether the latest published value meets it."""
    if target_value is None or direction == Direction.NONE:
        return "", None
    values = {
        "target": format_value(unit, target_value),
        "year": target_year or "",
    }
    if latest is None or latest.value is None:
        return (
            _(
                "Of de streefwaarde (%(target)s in %(year)s) gehaald wordt, is niet te zeggen: "
                "er is geen laatste cijfer dat getoond mag worden."
            )
            % values,
            None,
        )
    values.update(latest=format_value(unit, latest.value), period=latest.period)
    reached = (
        latest.value >= target_value
        if direction == Direction.HIGHER
        else latest.value <= target_value
    )
    if reached:
        text = _("Het laatste cijfer (%(latest)s in %(period)s) haalt de streefwaarde al.")
    else:
        text = _("Het laatste cijfer (%(latest)s in %(period)s) haalt de streefwaarde nog niet.")
    prefix = (
        _("Streefwaarde: %(target)s in %(year)s.")
        if target_year
        else _("Streefwaarde: %(target)s.")
    )
    return f"{prefix % values} {text % values}", reached


def yes_no_change(first: Point | None, last: Point | None) -> str:
    """For yes/no indicators: a switch from no to yes is UP, the reverse DOWN."""
    if first is None or last is None or first.value is None or last.value is None:
        return ""
    if first.period == last.period:
        return ""
    return UP if last.value > first.value else DOWN if last.value < first.value else NONE


def describe_yes_no(change: str, first: Point | None, last: Point | None) -> str:
    if not change or first is None or last is None:
        return _("Er zijn te weinig cijfers voor een uitspraak over de ontwikkeling.")
    values = {
        "first": format_value(Unit.YES_NO, first.value),
        "last": format_value(Unit.YES_NO, last.value),
        "start": first.period,
        "end": last.period,
    }
    if change == NONE:
        return _("Het antwoord bleef %(last)s van %(start)s tot en met %(end)s.") % values
    return _("Het antwoord was %(first)s in %(start)s en %(last)s in %(end)s.") % values


def build_verdict(
    *,
    unit: str,
    direction: str,
    change: str,
    first: Point | None,
    last: Point | None,
    points: int,
    target_value: float | None = None,
    target_year: int | None = None,
    pooled_years: int = 1,
) -> Verdict:
    """The verdict from a classified change and the published ends of the series."""
    if unit == Unit.YES_NO:
        basis = describe_yes_no(change, first, last)
    else:
        if first is not None and last is not None and _contradicts(change, first, last):
            change = NONE
        basis = describe_change(unit, change, first, last, points, pooled_years)
    judgement = judge(change, direction)
    extra = _direction_sentence(judgement)
    target, reached = describe_target(unit, direction, last, target_value, target_year)
    return Verdict(judgement, change, f"{basis} {extra}".strip(), target, reached)


def comparison_sentence(outcome: str, own: str, label: str, reference: str) -> str:
    """One sentence comparing the area's value with a reference, in plain Dutch."""
    values = {"own": own, "label": label, "reference": reference}
    if outcome == HIGHER:
        text = _(
            "Met %(own)s ligt het cijfer hoger dan bij %(label)s (%(reference)s); dat verschil "
            "is groter dan toeval waarschijnlijk maakt."
        )
    elif outcome == LOWER:
        text = _(
            "Met %(own)s ligt het cijfer lager dan bij %(label)s (%(reference)s); dat verschil "
            "is groter dan toeval waarschijnlijk maakt."
        )
    else:
        text = _("Met %(own)s verschilt het cijfer niet duidelijk van %(label)s (%(reference)s).")
    return text % values
