"""Matching what a partner typed to the coalition's areas and the indicators it may use.

Areas are matched by CBS code (``WK036101``, also ``036101`` or ``361`` as Excel leaves
them) or by name, ignoring case, accents and punctuation ("Súdwest-Fryslân" = "sudwest
fryslan"; "Wijk 01 Centrum" = "Centrum"), only within the coalition's own areas and the
wijken and buurten inside them. Two areas with the same name are never guessed between.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from kansrijk.areas.codes import normalize_code
from kansrijk.areas.models import Area, Level
from kansrijk.catalog.models import Indicator
from kansrijk.lib.tabular import cell_text, normalize_text

_PREFIX = re.compile(r"^(wijk|buurt|gemeente|stadsdeel|gebied)\s+(\d+\s+)?")
_MOJIBAKE = ("Ã", "â€", "Â")


@dataclass(frozen=True)
class AreaRef:
    id: int
    code: str
    name: str
    level: str
    parent_id: int | None

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class AreaMatchError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def coalition_areas(coalition) -> list[AreaRef]:
    """The coalition's areas, the municipalities of its regions, and their wijken and buurten."""
    fields = ("id", "code", "name", "level", "parent_id")
    roots = list(coalition.areas.values_list(*fields))
    root_ids = [row[0] for row in roots]
    members = list(Area.objects.filter(regions__region_id__in=root_ids).values_list(*fields))
    found = {row[0]: row for row in roots + members}
    parents = list(found)
    for _depth in range(2):  # wijken, then buurten
        children = list(Area.objects.filter(parent_id__in=parents).values_list(*fields))
        parents = [row[0] for row in children if row[0] not in found]
        found.update({row[0]: row for row in children})
    return sorted((AreaRef(*row) for row in found.values()), key=lambda a: a.code)


def name_keys(name: str) -> set[str]:
    """The forms of a name to look it up by: the plain name and the name without a
    'Wijk 01 ' prefix as CBS writes wijk names."""
    plain = normalize_text(name)
    return {plain, _PREFIX.sub("", plain)} - {""}


class AreaMatcher:
    def __init__(self, areas: list[AreaRef]):
        self.areas = areas
        self.by_code = {area.code: area for area in areas}
        self.by_name: dict[str, list[AreaRef]] = defaultdict(list)
        self.by_short_name: dict[str, list[AreaRef]] = defaultdict(list)
        for area in areas:
            plain = normalize_text(area.name)
            self.by_name[plain].append(area)
            for key in name_keys(area.name) - {plain}:
                self.by_short_name[key].append(area)
        self._cache: dict[object, AreaRef | AreaMatchError] = {}

    @classmethod
    def for_coalition(cls, coalition) -> AreaMatcher:
        return cls(coalition_areas(coalition))

    @classmethod
    def for_public_figures(cls) -> AreaMatcher:
        """Every area in the country, for public files (regiobeeld, waarstaatjegemeente)."""
        fields = ("id", "code", "name", "level", "parent_id")
        rows = Area.objects.exclude(level="region").order_by("code").values_list(*fields)
        return cls([AreaRef(*row) for row in rows])

    def match(self, cell) -> AreaRef:
        """The area a cell names; AreaMatchError (code, Dutch message) otherwise."""
        key = cell if isinstance(cell, str | int | float) else cell_text(cell)
        result = self._cache.get(key)
        if result is None:
            result = self._match(cell)
            self._cache[key] = result
        if isinstance(result, AreaMatchError):
            raise result
        return result

    def _match(self, cell) -> AreaRef | AreaMatchError:
        text = cell_text(cell)
        if not text:
            return AreaMatchError("missing-area", "het gebied ontbreekt.")
        code = normalize_code(text)
        if code in self.by_code:
            return self.by_code[code]
        for candidate in self._codes_from_digits(code):
            if candidate in self.by_code:
                return self.by_code[candidate]
        plain = normalize_text(text)
        found = self.by_name.get(plain) or []
        if not found:
            short = _PREFIX.sub("", plain)
            found = self.by_name.get(short) or self.by_short_name.get(short) or []
        if len({area.id for area in found}) == 1:
            return found[0]
        if found:
            codes = ", ".join(area.code for area in found)
            return AreaMatchError(
                "ambiguous-area",
                f"'{text}' past bij meer dan één gebied ({codes}); gebruik de gebiedscode.",
            )
        hint = ""
        if any(marker in text for marker in _MOJIBAKE):
            hint = " De tekens zijn mogelijk verkeerd gelezen: sla het bestand op als 'CSV UTF-8'."
        return AreaMatchError(
            "unknown-area",
            f"onbekend gebied '{text}': geen wijk of gemeente van deze coalitie.{hint}",
        )

    @staticmethod
    def _codes_from_digits(code: str) -> list[str]:
        """'0361' or '361' → GM0361; '036101' → WK036101; '03610101' → BU03610101."""
        digits = code[:-2] if code.endswith(".0") else code
        if not digits.isdigit():
            return []
        if len(digits) <= 4:
            return ["GM" + digits.zfill(4)]
        if len(digits) <= 6:
            return ["WK" + digits.zfill(6)]
        if len(digits) <= 8:
            return ["BU" + digits.zfill(8)]
        return []

    def wijken(self) -> list[AreaRef]:
        """The wijken, or when there are none the coalition's own areas (for manual entry)."""
        districts = [area for area in self.areas if area.level == Level.DISTRICT]
        if districts:
            return sorted(districts, key=lambda a: (a.name.lower(), a.code))
        return [a for a in self.areas if a.level != Level.NEIGHBOURHOOD]


@dataclass(frozen=True)
class IndicatorRef:
    id: int
    code: str
    name: str
    unit: str

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class IndicatorMatcher:
    """The indicators a coalition may import into: the shared catalogue and its own."""

    def __init__(self, indicators: list[IndicatorRef]):
        self.by_id = {indicator.id: indicator for indicator in indicators}
        self.by_key: dict[str, list[IndicatorRef]] = defaultdict(list)
        for indicator in indicators:
            for key in {indicator.code.lower(), normalize_text(indicator.code)}:
                self.by_key[key].append(indicator)
        self.by_name: dict[str, list[IndicatorRef]] = defaultdict(list)
        for indicator in indicators:
            self.by_name[normalize_text(indicator.name)].append(indicator)
        self._cache: dict[str, IndicatorRef | None] = {}

    @classmethod
    def shared(cls) -> IndicatorMatcher:
        """The shared catalogue only: public figures never belong to one coalition."""
        rows = (
            Indicator.objects.shared().order_by("code").values_list("id", "code", "name_nl", "unit")
        )
        return cls([IndicatorRef(*row) for row in rows])

    @classmethod
    def for_coalition(cls, coalition) -> IndicatorMatcher:
        rows = (
            Indicator.objects.visible_to([coalition.id])
            .order_by("code")
            .values_list("id", "code", "name_nl", "unit")
        )
        return cls([IndicatorRef(*row) for row in rows])

    def get(self, indicator_id: int) -> IndicatorRef | None:
        return self.by_id.get(indicator_id)

    def match(self, text) -> IndicatorRef | None:
        """The indicator a code or name stands for; None when unknown or ambiguous."""
        label = cell_text(text)
        if label in self._cache:
            return self._cache[label]
        found = self.by_key.get(label.lower()) or self.by_key.get(normalize_text(label))
        if not found:
            found = self.by_name.get(normalize_text(label)) or []
        result = found[0] if len({i.id for i in found}) == 1 else None
        self._cache[label] = result
        return result
