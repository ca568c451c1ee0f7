"""Finding and replacing what identifies a person in a Dutch story.

``deidentify(text)`` answers the text with every identifier replaced by a neutral placeholder
([NAAM], [ADRES], [POSTCODE], [PLAATS], [TELEFOON], [E-MAIL], [BSN], [NUMMER], [DATUM],
[ZORGINSTELLING], [ORGANISATIE], [WEBADRES]); ``find_identifiers(text)`` answers where they are.

Two recognisers work together:

* ``deduce`` (rule-based de-identification of Dutch clinical text, with lookup lists of first
  names, surnames, streets, places, hospitals and care institutions). It loads those lists at
  start-up (seconds; a minute or two the very first time after install, when it builds its
  cache), so it is built once per process, lazily, under a file lock that keeps two processes
  from building the cache at the same time.
* Patterns of our own for what deduce misses or labels too roughly: postcodes written
  ``1234 ab``, dates without a year ("op 10 oktober"), BSNs with or without dots, +31 and 06
  phone numbers, e-mail addresses, lower-case street names with a house number, names after
  "mijn dochter", "ik heet" or "verloskundige", names of practices, hospitals, daycares and
  schools ("praktijk De Wieg"), and the coalition's own partner organisations.

No recogniser is perfect (deduce's authors report a recall of about two in three on text unlike
its own): the collector or a coordinator reads and approves every text before anyone else sees
it. Ages ("ze is nu 2 jaar") are kept on purpose: they matter for the first 1000 days.

Nothing here logs: story text must never reach a log.
"""

from __future__ import annotations

import logging
import re
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

NAME = "name"
ADDRESS = "address"
POSTCODE = "postcode"
PLACE = "place"
PHONE = "phone"
EMAIL = "email"
BSN = "bsn"
NUMBER = "number"
DATE = "date"
CARE = "care"
ORGANISATION = "organisation"
URL = "url"

PLACEHOLDERS = {
    NAME: "[NAAM]",
    ADDRESS: "[ADRES]",
    POSTCODE: "[POSTCODE]",
    PLACE: "[PLAATS]",
    PHONE: "[TELEFOON]",
    EMAIL: "[E-MAIL]",
    BSN: "[BSN]",
    NUMBER: "[NUMMER]",
    DATE: "[DATUM]",
    CARE: "[ZORGINSTELLING]",
    ORGANISATION: "[ORGANISATIE]",
    URL: "[WEBADRES]",
}

# When two findings overlap, they become one, of the kind that is most specific.
_PRIORITY = {
    EMAIL: 10,
    URL: 10,
    PHONE: 9,
    BSN: 9,
    POSTCODE: 8,
    DATE: 7,
    ADDRESS: 6,
    CARE: 5,
    ORGANISATION: 5,
    NAME: 4,
    NUMBER: 3,
    PLACE: 2,
}

_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))


@dataclass(frozen=True, order=True)
class Finding:
    start: int
    end: int
    kind: str

    @property
    def placeholder(self) -> str:
        return PLACEHOLDERS[self.kind]


# --- deduce ---------------------------------------------------------------------------------

_deduce = None
_deduce_lock = threading.Lock()
_LOCK_FILE = Path(tempfile.gettempdir()) / "kansrijk-deduce.lock"


def _load_deduce():
    """The Deduce instance of this process (built on first use)."""
    global _deduce
    if _deduce is not None:
        return _deduce
    with _deduce_lock:
        if _deduce is None:
            _deduce = _build_deduce()
    return _deduce


def _build_deduce():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        with _process_lock():
            # deduce calls logging.basicConfig(level=DEBUG) when imported and logs while it
            # builds its cache; the root logger is put back as it was.
            from deduce import Deduce

            return Deduce()
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


class _process_lock:
    """An exclusive lock between processes (web workers, test workers) while deduce loads."""

    def __enter__(self):
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock, deduce still works
            self._file = None
            return self
        self._file = open(_LOCK_FILE, "a")  # noqa: SIM115 - closed in __exit__
        fcntl.flock(self._file, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        if self._file is not None:
            import fcntl

            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
        return False


_DEDUCE_KINDS = {
    "persoon": NAME,
    "patient": NAME,
    "straat": ADDRESS,
    "ziekenhuis": CARE,
    "zorginstelling": CARE,
    "instelling": CARE,
    "datum": DATE,
    "bsn": BSN,
    "id": NUMBER,
    "telefoonnummer": PHONE,
    "emailadres": EMAIL,
    "url": URL,
}
_DEDUCE_IGNORED = {"leeftijd"}  # ages are context, not identifiers
_STREET_WORD = re.compile(
    r"(straat|str\.|laan|weg|plein|gracht|kade|singel|dijk|hof|park|pad|dreef|steeg|"
    r"plantsoen|markt|erf|ring|baan|wal|veld|burg|haven|dam|postbus)",
    re.IGNORECASE,
)


def _deduce_findings(text: str) -> list[Finding]:
    document = _load_deduce().deidentify(text)
    findings = []
    for annotation in document.annotations:
        tag = annotation.tag.lower()
        if tag in _DEDUCE_IGNORED:
            continue
        if tag == "locatie":
            kind = _location_kind(annotation.text)
        else:
            kind = _DEDUCE_KINDS.get(tag)
            if kind is None:  # a tag of a later deduce version: better safe than shown
                kind = NAME if "persoon" in tag or "naam" in tag else NUMBER
        findings.append(Finding(annotation.start_char, annotation.end_char, kind))
    return findings


def _location_kind(text: str) -> str:
    if _POSTCODE.fullmatch(text.strip()):
        return POSTCODE
    if any(ch.isdigit() for ch in text) or _STREET_WORD.search(text):
        return ADDRESS
    return PLACE


# --- patterns of our own --------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_NAME_WORD = rf"[{_UPPER}][{_LOWER}'’-]+"
_INTERFIX = r"(?:van|de|der|den|el|al|ben|bin|ter|ten|te|het|la|le|du|da|dos|von|op|in)"
_FULL_NAME = rf"{_NAME_WORD}(?:\s+(?:{_INTERFIX}\s+)*{_NAME_WORD})?"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:(?:\+|00)31[\s.-]*(?:\(0\)[\s.-]*)?|\(?0)"  # +31, 0031, +31 (0), 0 or (0
    r"[1-9](?:[\s.)/-]{0,2}\d){8}(?!\d)"
    r"|(?<![\w+])\+(?!31)\d{1,3}(?:[\s.-]?\d){7,12}(?!\d)"  # other countries
)
_POSTCODE = re.compile(r"\b([1-9]\d{3})(\s?)([A-Za-z]{2})\b")
# Two-letter Dutch (and English) words that follow a four-digit number in ordinary text
# ("in 2023 en", "1000 of meer"); as lower-case letters after a space they are not a postcode.
_SHORT_WORDS = frozenset(
    re.findall(
        r"\w+",
        "aa af al am an as at be bv by da de do eh en er ex ga ge he ie ik in is it ja je la ma "
        "me mn na no nu of oh ok om on op pa so te to uw up we ze zo",
    )
)
_NUMBER_RUN = re.compile(r"(?<![\d+])\d{2,4}(?:[.\s-]?\d{2,4}){1,3}(?![\d])")
_BSN_CONTEXT = re.compile(r"(?:bsn|burgerservice|sofi)\w*\b[^.!?\n]{0,25}$", re.IGNORECASE)
_MONTHS = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_DATE_WITH_MONTH = re.compile(
    rf"\b(?:[1-9]|[12]\d|3[01])(?:e|ste|de)?\s+(?:{_MONTHS})\b\.?"
    r"(?:\s+(?:19|20)\d{2}|\s+'\d{2})?",
    re.IGNORECASE,
)
_DATE_NUMERIC = re.compile(
    r"(?<![\d/.-])(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)?\d{2}(?![\d/.-])"
)
_DATE_ISO = re.compile(
    r"(?<![\d/.-])(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?![\d/.-])"
)
_DATE_NUMERIC_NO_YEAR = re.compile(
    r"(?i:\b(?:op|sinds|vanaf|geboren|datum|per|rond)\s+)"
    r"(?P<date>(?:0?[1-9]|[12]\d|3[01])[-/](?:0?[1-9]|1[0-2]))(?![\d/.-])"
)
_STREET_SUFFIX = (
    r"straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park|pad|dreef|steeg|plantsoen|markt"
    r"|erf|ring|baan|wal|veld|burg|haven|dam|oord|zoom|rade|lei|horst|akker|weide|straatje"
)
_ADDRESS = re.compile(
    rf"(?:(?:{_NAME_WORD}|[{_UPPER}]\.)\s+(?:{_INTERFIX}\s+)*)*"  # Burgemeester de Vlugt…
    rf"\b[{_UPPER}{_LOWER}'-]{{2,}}(?:{_STREET_SUFFIX})\s+\d{{1,4}}"
    r"(?:\s?[a-zA-Z]\b|\s?-\s?\d{1,3}\b|\s?(?:hs|bis|zw|rd|bg)\b)?",
)
_KIN = (
    r"zoon|zoontje|dochter|dochtertje|man|vrouw|partner|vriend|vriendin|moeder|vader|mama|papa"
    r"|schoonmoeder|schoonvader|zus|zusje|broer|broertje|baby|kind|kindje|oudste|jongste"
    r"|tweeling|buurvrouw|buurman|tante|oom|oma|opa|neef|nicht|ex|vriendje|meisje|jongen"
)
_TITLE = (
    r"verloskundige|kraamverzorgster|kraamverzorger|kraamhulp|huisarts|dokter|arts|gynaecoloog"
    r"|kinderarts|verpleegkundige|jeugdverpleegkundige|consulente|lactatiekundige|zuster|juf"
    r"|meester|mevrouw|meneer|mevr\.|dhr\.|mw\.|mr\.|dr\.|coach|maatschappelijk werker"
    r"|wijkverpleegkundige|doula"
)
# Trigger words ignore case; the name after them must be capitalised.
_NAME_AFTER_WORD = re.compile(
    rf"(?i:\b(?:mijn|onze|ons|haar|zijn|hun|de|het|een)\s+(?:{_KIN}),?\s+(?:die\s+heet\s+|heet\s+)?"
    rf"|\b(?:{_TITLE})\s+(?:die\s+heet\s+|heet\s+)?"
    rf"|\b(?:ik\s+heet|heet|heten|mijn\s+naam\s+is|noemen\s+we\s+(?:hem|haar)|genaamd)\s+)"
    rf"(?P<name>{_FULL_NAME})"
)
_CARE_WORD = (
    r"verloskundigenpraktijk|verloskundigepraktijk|verloskundige\s+praktijk|huisartsenpraktijk"
    r"|huisartspraktijk|praktijk|gezondheidscentrum|kraamzorg|kraamzorgorganisatie|kraambureau"
    r"|kraamcentrum|ziekenhuis|kliniek|consultatiebureau|jgz|cjg|apotheek|geboortecentrum"
    r"|geboortehuis|verloskundigen|echocentrum|fysiotherapie|ggz"
)
_ORGANISATION_WORD = (
    r"kinderdagverblijf|kdv|kinderopvang|peuterspeelzaal|peuteropvang|crèche|creche|basisschool"
    r"|school|bso|gastouderbureau|moskee|kerk|buurthuis|wijkcentrum"
)
_ORG_NAME = rf"(?:(?i:de|het|'t)\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
_CARE_BEFORE_NAME = re.compile(rf"(?i:\b(?:{_CARE_WORD}))\s+{_ORG_NAME}")
_ORGANISATION_BEFORE_NAME = re.compile(rf"(?i:\b(?:{_ORGANISATION_WORD}))\s+{_ORG_NAME}")
_NAME_BEFORE_CARE = re.compile(
    rf"\b{_NAME_WORD}(?:\s+{_NAME_WORD})?\s+(?:Ziekenhuis|Gasthuis|Kliniek|Verloskundigen"
    r"|Kraamzorg|Medisch\s+Centrum|MC|UMC|Zorggroep)\b"
)


def _pattern_findings(text: str, organisations: Iterable[str] = ()) -> list[Finding]:
    found: list[Finding] = []

    def add(start: int, end: int, kind: str) -> None:
        found.append(Finding(start, end, kind))

    for match in _EMAIL.finditer(text):
        add(match.start(), match.end(), EMAIL)
    for match in _URL.finditer(text):
        add(match.start(), match.end(), URL)
    for match in _PHONE.finditer(text):
        add(match.start(), match.end(), PHONE)
    for match in _POSTCODE.finditer(text):
        letters, space = match.group(3), match.group(2)
        if letters.lower() in {"sa", "sd", "ss"}:
            continue
        is_word = space and letters.islower() and letters in _SHORT_WORDS
        if is_word and not _looks_like_postcode_here(text, match):
            continue
        add(match.start(), match.end(), POSTCODE)
    for match in _NUMBER_RUN.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) not in (8, 9) or _is_date(match.group()):
            continue
        context = bool(_BSN_CONTEXT.search(text[max(0, match.start() - 40) : match.start()]))
        if is_valid_bsn(digits) or context:
            add(match.start(), match.end(), BSN)
        elif len(digits) == 9 and not match.group().startswith("0"):
            add(match.start(), match.end(), NUMBER)
    for pattern in (_DATE_WITH_MONTH, _DATE_NUMERIC, _DATE_ISO):
        for match in pattern.finditer(text):
            add(match.start(), match.end(), DATE)
    for match in _DATE_NUMERIC_NO_YEAR.finditer(text):
        add(match.start("date"), match.end("date"), DATE)
    for match in _ADDRESS.finditer(text):
        add(match.start(), match.end(), ADDRESS)
    for match in _NAME_AFTER_WORD.finditer(text):
        add(match.start("name"), match.end("name"), NAME)
    for pattern, kind in ((_CARE_BEFORE_NAME, CARE), (_ORGANISATION_BEFORE_NAME, ORGANISATION)):
        for match in pattern.finditer(text):
            add(match.start(), match.end(), kind)
    for match in _NAME_BEFORE_CARE.finditer(text):
        add(match.start(), match.end(), CARE)
    for name in organisations:
        name = (name or "").strip()
        if len(name) < 4:
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
            add(match.start(), match.end(), CARE)
    return found


_AFTER_HOUSE_NUMBER = re.compile(r"\d[a-zA-Z]?,?\s*$")
_PLACE_AFTER = re.compile(rf"\s+[{_UPPER}][{_LOWER}]")


def _looks_like_postcode_here(text: str, match: re.Match) -> bool:
    """ "4316 mn" is a postcode after the word postcode, after a house number, or before a
    place name (unless the number is a year: "in 2023 en Jan")."""
    before = text[max(0, match.start() - 20) : match.start()]
    if "postcode" in before.lower() or _AFTER_HOUSE_NUMBER.search(before):
        return True
    is_year = 1900 <= int(match.group(1)) <= 2099
    return not is_year and bool(_PLACE_AFTER.match(text, match.end()))


def _is_date(text: str) -> bool:
    return bool(_DATE_NUMERIC.fullmatch(text) or _DATE_ISO.fullmatch(text))


def is_valid_bsn(digits: str) -> bool:
    """The "elfproef" of a Dutch citizen service number (8 or 9 digits)."""
    if not digits.isdigit() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    if digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    total -= int(digits[8])
    return total % 11 == 0


# --- putting it together --------------------------------------------------------------------


def find_identifiers(text: str, *, organisations: Iterable[str] = ()) -> list[Finding]:
    """Every identifier in ``text``, merged where findings overlap, in order.

    ``organisations`` are names to treat as care institutions wherever they occur (the
    coalition's partners). Placeholders already in the text are left alone.
    """
    if not text or not text.strip():
        return []
    findings = _deduce_findings(text) + _pattern_findings(text, organisations)
    kept = [placeholder.span() for placeholder in _PLACEHOLDER.finditer(text)]
    findings = [f for f in findings if not _overlaps_any(f, kept) and f.end > f.start]
    return _merge(findings, text)


def _overlaps_any(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(finding.start < end and start < finding.end for start, end in spans)


def _merge(findings: list[Finding], text: str) -> list[Finding]:
    merged: list[Finding] = []
    for finding in sorted(findings):
        start, end = _trim(text, finding.start, finding.end)
        if start >= end:
            continue
        finding = Finding(start, end, finding.kind)
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            kind = max((last.kind, finding.kind), key=lambda k: _PRIORITY[k])
            merged[-1] = Finding(last.start, max(last.end, finding.end), kind)
        else:
            merged.append(finding)
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without surrounding spaces and a sentence's closing punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:!?"):
        end -= 1
    return start, end


def deidentify(text: str, *, organisations: Iterable[str] = ()) -> str:
    """``text`` with every identifier replaced by its placeholder."""
    findings = find_identifiers(text, organisations=organisations)
    return replace_findings(text, findings)


def replace_findings(text: str, findings: list[Finding]) -> str:
    parts, position = [], 0
    for finding in findings:
        parts.append(text[position : finding.start])
        parts.append(finding.placeholder)
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)


def remaining_kinds(text: str, *, organisations: Iterable[str] = ()) -> list[str]:
    """The kinds of identifier still found in an (edited) anonymised text, by placeholder:
    ``['[NAAM]', '[TELEFOON]']``. Empty when nothing is found."""
    kinds = {f.kind for f in find_identifiers(text, organisations=organisations)}
    return [PLACEHOLDERS[kind] for kind in sorted(kinds, key=lambda k: -_PRIORITY[k])]
