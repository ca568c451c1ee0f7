"""Plain words for bestuur en raad and for the public page (language level B1).

Each function turns one published result into a short sentence: a verdict, a value, a
comparison. Numbers in them are published values only (``format_value`` of a published
cell or a comparison's reference), never anything ``disclose`` hid.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from kansrijk.insight import verdicts
from kansrijk.insight.disclosure import PublishedCell
from kansrijk.insight.engine import Comparison
from kansrijk.insight.verdicts import Verdict, format_value


def plain_verdict(verdict: Verdict) -> str:
    """The verdict as one simple sentence."""
    return {
        verdicts.FAVOURABLE: _("Dit gaat de goede kant op."),
        verdicts.UNFAVOURABLE: _("Dit gaat de verkeerde kant op."),
        verdicts.NO_CLEAR_CHANGE: _("Hier is geen duidelijke verandering te zien."),
        verdicts.INSUFFICIENT: _("Er zijn nog te weinig cijfers om te zeggen hoe dit gaat."),
    }.get(
        verdict.judgement or "",
        _("Dit cijfer laat zien hoe het nu is. Hoger of lager is hier niet beter of slechter."),
    )


def plain_value(cell: PublishedCell | None, unit: str, period: str) -> str:
    """The latest value in a sentence, or why there is none."""
    if cell is None or cell.missing:
        return _("Er is nog geen cijfer.")
    if cell.suppressed:
        return _("Dit cijfer laten we niet zien, omdat het over heel weinig mensen gaat.")
    return _("In %(period)s: %(value)s.") % {
        "period": period,
        "value": format_value(unit, cell.value),
    }


def plain_comparison(comparison: Comparison, unit: str) -> str:
    """A comparison with the Netherlands or the region, in plain words."""
    values = {"label": comparison.label, "value": format_value(unit, comparison.reference)}
    if comparison.outcome == verdicts.HIGHER:
        return _("Dat is hoger dan in %(label)s (%(value)s).") % values
    if comparison.outcome == verdicts.LOWER:
        return _("Dat is lager dan in %(label)s (%(value)s).") % values
    if comparison.outcome == verdicts.NO_DIFFERENCE:
        return _("Dat is ongeveer even hoog als in %(label)s (%(value)s).") % values
    return _("In %(label)s: %(value)s.") % values
