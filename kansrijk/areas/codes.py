"""Area codes and levels: which level a code is, what its parent's code is, what a level is called.

CBS codes are a two-letter prefix and digits: ``GM0361`` (gemeente), ``WK036101`` (wijk: the
municipality's four digits plus two), ``BU03610101`` (buurt: the wijk's code plus two).
Since 2023 Amsterdam's wijk and buurt codes contain letters (``WK0363AA``, ``BU0363AA01``).
CBS pads codes with spaces, so every code is stripped and upper-cased first.
"""

from __future__ import annotations

import re

from .models import Level


class AreaError(ValueError):
    """A problem with area input; the message is Dutch and meant for the user."""


CODE_PATTERNS = {
    Level.COUNTRY: re.compile(r"^NL\d{2}$"),
    Level.PROVINCE: re.compile(r"^PV\d{2}$"),
    Level.GGD: re.compile(r"^GG\d{4}$"),
    Level.REGION: re.compile(r"^RG[0-9A-Z]{1,14}$"),
    Level.MUNICIPALITY: re.compile(r"^GM\d{4}$"),
    Level.DISTRICT: re.compile(r"^WK\d{4}[0-9A-Z]{2}$"),
    Level.NEIGHBOURHOOD: re.compile(r"^BU\d{4}[0-9A-Z]{4}$"),
}
CODE_EXAMPLES = "NL01, PV27, GG3406, RG0001, GM0361, WK036101 of BU03610101"

# Names people use for a level on the command line, besides the level's own value.
LEVEL_ALIASES = {
    "land": Level.COUNTRY,
    "nederland": Level.COUNTRY,
    "provincie": Level.PROVINCE,
    "ggd-regio": Level.GGD,
    "regio": Level.REGION,
    "eigen-regio": Level.REGION,
    "gemeente": Level.MUNICIPALITY,
    "wijk": Level.DISTRICT,
    "buurt": Level.NEIGHBOURHOOD,
}


def normalize_code(text: str | None) -> str:
    """Strip CBS's space padding and upper-case: ``' gm0363  '`` → ``'GM0363'``."""
    return (text or "").strip().upper()


def is_valid_code(code: str) -> bool:
    return any(pattern.match(code) for pattern in CODE_PATTERNS.values())


def level_for_code(code: str) -> Level:
    """The level of a (normalized) code; AreaError when the code has no known format."""
    for level, pattern in CODE_PATTERNS.items():
        if pattern.match(code):
            return level
    raise AreaError(f"Onbekende gebiedscode '{code}'. Verwacht bijvoorbeeld {CODE_EXAMPLES}.")


def parent_code(code: str) -> str | None:
    """The code of the area a wijk or buurt lies in; None for other levels.

    ``WK036101`` → ``GM0361``, ``BU03610101`` → ``WK036101``, ``WK0363AA`` → ``GM0363``.
    """
    level = level_for_code(code)
    if level == Level.DISTRICT:
        return "GM" + code[2:6]
    if level == Level.NEIGHBOURHOOD:
        return "WK" + code[2:8]
    return None


def parse_level(text: str) -> Level:
    """A level from its value (``municipality``) or Dutch name (``gemeente``, ``wijk``)."""
    cleaned = (text or "").strip().lower()
    if cleaned in Level.values:
        return Level(cleaned)
    if cleaned in LEVEL_ALIASES:
        return LEVEL_ALIASES[cleaned]
    names = ", ".join(sorted(set(Level.values) | set(LEVEL_ALIASES)))
    raise AreaError(f"Onbekend niveau '{text}'. Kies uit: {names}.")
