"""Numbers as they appear in Dutch files: decimal commas, thousands separators, CBS markers.

``parse_number`` answers a ``ParsedNumber``: a float, or "unknown/secret" for the markers
CBS and regiobeeld use (``.``, ``x``, ``-``, ``?`` and empty cells) — never zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "." unknown / secret, "x" secret (older CBS tables), "-" nil or not applicable,
# "?" unknown; empty means no value. None of these is ever read as zero.
UNKNOWN_MARKERS = frozenset({"", ".", "x", "X", "-", "–", "?", "n.v.t.", "nvt", "onbekend"})

_PLAIN = re.compile(r"^[+-]?\d+(\.\d+)?$")
_DUTCH = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$|^[+-]?\d+,\d+$")  # 1.234,5 or 12,5
_ENGLISH = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234.5
_SPACED = re.compile(r"^[+-]?\d{1,3}([  ]\d{3})+([,.]\d+)?$")  # 1 234,5


class NumberError(ValueError):
    """Text that is neither a number nor an unknown-marker; the message is Dutch."""


@dataclass(frozen=True)
class ParsedNumber:
    value: float | None
    is_unknown: bool

    @property
    def is_number(self) -> bool:
        return self.value is not None


def parse_number(text: object, *, decimal_comma: bool | None = None) -> ParsedNumber:
    """Parse a cell. ``decimal_comma`` forces the reading of an ambiguous ``1,234``.

    Without it, ``1,234`` is read as 1.234 (Dutch decimal comma), since Dutch files are the
    norm here; ``1.234`` is read as one thousand two hundred thirty-four only when the file
    is known to use decimal commas.
    """
    if text is None:
        return ParsedNumber(None, True)
    if isinstance(text, bool):
        raise NumberError(f"'{text}' is geen getal.")
    if isinstance(text, int | float):
        return ParsedNumber(float(text), False)
    cleaned = str(text).strip().replace("\u00a0", " ").rstrip("%").strip()
    if cleaned in UNKNOWN_MARKERS:
        return ParsedNumber(None, True)
    if _SPACED.match(cleaned):
        cleaned = re.sub(r"[  ]", "", cleaned)
    if decimal_comma is True:
        if _PLAIN.match(cleaned) and "." in cleaned and re.search(r"\.\d{3}$", cleaned):
            cleaned = cleaned.replace(".", "")
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif decimal_comma is False:
        cleaned = cleaned.replace(",", "")
    elif _DUTCH.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _ENGLISH.match(cleaned):
        cleaned = cleaned.replace(",", "")
    if not _PLAIN.match(cleaned):
        raise NumberError(f"'{str(text).strip()}' is geen getal.")
    return ParsedNumber(float(cleaned), False)
