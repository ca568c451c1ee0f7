"""Stories from a spreadsheet (CSV or XLSX): ``kansrijk import stories FILE --coalition SLUG``.

The file is read by the same reader as partners' registration files (``kansrijk.lib.tabular``,
with the same size and content limits) and validated the same way: every problem names its
row as the user sees it (``rij N``) and its column, and one error rejects the whole file,
nothing written. Columns (Dutch or English headers, any order):

========== ========= ============================================================
column     required  values
========== ========= ============================================================
tekst      yes       the story (at most ``MAX_STORY_CHARS`` characters)
fase       yes       kinderwens, zwangerschap, bevalling, kraamtijd, eerste 1000 dagen
toestemming yes      intern, duidingssessies, publiceren
wijk       no        a wijk (or buurt) of the coalition, by name or CBS code
datum      no        the day it was told: 14-03-2024, 2024-03-14 or an Excel date
taal       no        nl, en, ar, tr, pl, uk, ti, pap or the language's name
methode    no        interview, formulier, groepsgesprek
========== ========= ============================================================

Messages never quote the story text itself, only the other cells (shortened).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from kansrijk.areas.models import Area
from kansrijk.lib.tabular import Limits, Table, TabularError, cell_text, normalize_text, read_table
from kansrijk.observations.importers.matching import AreaMatcher, AreaMatchError
from kansrijk.observations.importers.preview import ERROR, Problem
from kansrijk.observations.importers.registrations import upload_limits

from .collecting import MAX_STORY_CHARS, collect_story, organisation_names, settings_for
from .models import Consent, Language, Method, StoryPhase

TEXT, PHASE, CONSENT, WIJK, DATE, LANGUAGE, METHOD = (
    "tekst",
    "fase",
    "toestemming",
    "wijk",
    "datum",
    "taal",
    "methode",
)
REQUIRED = (TEXT, PHASE, CONSENT)
HEADER_NAMES = {
    TEXT: {"tekst", "verhaal", "text", "story", "ervaringsverhaal"},
    PHASE: {"fase", "levensfase", "phase"},
    CONSENT: {"toestemming", "consent"},
    WIJK: {"wijk", "buurt", "gebied", "wijknaam", "wijkcode", "area"},
    DATE: {"datum", "date", "verteld op"},
    LANGUAGE: {"taal", "language"},
    METHOD: {"methode", "hoe verzameld", "method", "werkwijze"},
}
PHASE_WORDS = {
    StoryPhase.WISH: {"kinderwens", "voor de zwangerschap", "kinderwens en voor de zwangerschap",
                      "pre", "wens"},
    StoryPhase.PREGNANCY: {"zwangerschap", "zwanger", "tijdens de zwangerschap", "pregnancy"},
    StoryPhase.BIRTH: {"bevalling", "geboorte", "rond de geboorte", "birth"},
    StoryPhase.MATERNITY: {"kraamtijd", "kraamweek", "kraamperiode", "kraam", "maternity"},
    StoryPhase.EARLY_YEARS: {"eerste 1000 dagen", "1000 dagen", "na de kraamtijd",
                             "eerste 1000 dagen na de kraamtijd", "na de geboorte", "post"},
}  # fmt: skip
CONSENT_WORDS = {
    Consent.INTERNAL: {"intern", "alleen intern", "alleen intern gebruik", "internal"},
    Consent.SESSIONS: {"duidingssessies", "duidingssessie", "sessies", "duiding",
                       "gebruik in duidingssessies", "sessions"},
    Consent.PUBLISH: {"publiceren", "publicatie", "citaat", "openbaar", "publish",
                      "publiceren als anoniem citaat", "anoniem citaat"},
}  # fmt: skip
METHOD_WORDS = {
    Method.INTERVIEW: {"interview", "gesprek", "gesprek interview"},
    Method.FORM: {"formulier", "form", "vragenlijst"},
    Method.GROUP: {"groepsgesprek", "groep", "group", "focusgroep"},
}
_DATE_TEXT = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$|^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _lookup(words: dict) -> dict[str, str]:
    return {normalize_text(word): value for value, names in words.items() for word in names}


_PHASES = _lookup(PHASE_WORDS) | {normalize_text(p.label): p.value for p in StoryPhase}
_CONSENTS = _lookup(CONSENT_WORDS)
_METHODS = _lookup(METHOD_WORDS)
_LANGUAGES = {normalize_text(lang.label): lang.value for lang in Language} | {
    lang.value: lang.value for lang in Language
}
_HEADERS = _lookup(HEADER_NAMES)


@dataclass
class StoryRow:
    row: int
    text: str
    phase: str
    consent: str
    area: object | None = None
    told_on: date | None = None
    language: str = Language.DUTCH
    method: str = ""


@dataclass
class StoryPreview:
    coalition: object
    file_name: str
    table: Table | None = None
    rows: list[StoryRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.errors

    def summary(self) -> str:
        if self.errors:
            return (
                f"Niets ingelezen: {len(self.errors)} fout(en) in {self.file_name}. "
                "Verbeter het bestand en probeer het opnieuw."
            )
        return f"{len(self.rows)} verhaal/verhalen, wachtend op controle."


class StoriesRejected(ValueError):
    def __init__(self, preview: StoryPreview):
        self.preview = preview
        super().__init__(preview.summary())


def _is_header(text: str) -> bool:
    return normalize_text(text) in _HEADERS


def read_stories(
    data: bytes,
    file_name: str,
    *,
    coalition,
    today: date | None = None,
    limits: Limits | None = None,
) -> StoryPreview:
    """Read and validate a spreadsheet of stories for ``coalition``; writes nothing."""
    preview = StoryPreview(coalition=coalition, file_name=file_name)
    try:
        table = read_table(data, file_name, limits=limits or upload_limits(), is_header=_is_header)
    except TabularError as exc:
        preview.problems.append(Problem(ERROR, "unreadable", str(exc)))
        return preview
    preview.table = table
    columns = _columns(table.headers, preview.problems)
    if preview.errors:
        return preview
    _Validator(preview, columns, today or timezone.localdate()).run()
    if not preview.rows and not preview.errors:
        preview.problems.append(
            Problem(ERROR, "no-rows", "Het bestand bevat geen verhalen om in te lezen.")
        )
    return preview


def _columns(headers: list[str], problems: list[Problem]) -> dict[str, tuple[int, str]]:
    """Role → (index, header as written) for the columns that are recognised."""
    found: dict[str, tuple[int, str]] = {}
    for index, header in enumerate(headers):
        role = _HEADERS.get(normalize_text(header))
        if role is None:
            continue
        if role in found:
            problems.append(
                Problem(
                    ERROR,
                    "double-column",
                    f"De kolommen '{found[role][1]}' en '{header}' betekenen allebei "
                    f"'{role}'; laat er één staan.",
                )
            )
            continue
        found[role] = (index, header)
    for role in REQUIRED:
        if role not in found:
            problems.append(
                Problem(
                    ERROR,
                    "missing-column",
                    f"De kolom '{role}' ontbreekt. Nodig zijn: tekst, fase en toestemming "
                    f"(en zo nodig wijk, datum, taal, methode). Kolommen: {', '.join(headers)}.",
                )
            )
    return found


def _short(text: str, length: int = 30) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class _Validator:
    def __init__(self, preview: StoryPreview, columns, today: date):
        self.preview, self.columns, self.today = preview, columns, today
        self.areas = AreaMatcher.for_coalition(preview.coalition) if WIJK in columns else None
        self.seen: dict[str, int] = {}

    def error(self, code: str, message: str, row: int, role: str) -> None:
        header = self.columns[role][1] if role in self.columns else role
        self.preview.problems.append(Problem(ERROR, code, message, row, header))

    def cell(self, cells, role):
        if role not in self.columns:
            return None
        return cells[self.columns[role][0]]

    def run(self) -> None:
        for row in self.preview.table.rows:
            if all(cell_text(cell) == "" for cell in row.cells):
                continue
            self.check(row.number, row.cells)

    def check(self, number: int, cells) -> None:
        before = len(self.preview.errors)
        raw = self.cell(cells, TEXT)
        text = raw.strip() if isinstance(raw, str) else cell_text(raw)
        if not text:
            self.error("missing-text", "de tekst van het verhaal ontbreekt.", number, TEXT)
        elif len(text) > MAX_STORY_CHARS:
            self.error(
                "text-too-long",
                f"het verhaal is {len(text)} tekens; hoogstens {MAX_STORY_CHARS}.",
                number,
                TEXT,
            )
        elif (key := " ".join(text.split()).lower()) in self.seen:
            self.error(
                "duplicate",
                f"hetzelfde verhaal staat ook in rij {self.seen[key]}.",
                number,
                TEXT,
            )
        else:
            self.seen[key] = number
        phase = self.choice(cells, PHASE, _PHASES, number, "kinderwens, zwangerschap, "
                            "bevalling, kraamtijd of eerste 1000 dagen")  # fmt: skip
        consent = self.consent(cells, number)
        area = self.area(cells, number)
        told_on = self.date(cells, number)
        language = Language.DUTCH
        if cell_text(self.cell(cells, LANGUAGE)):
            language = self.choice(cells, LANGUAGE, _LANGUAGES, number, "nl, en, ar, tr, pl, "
                                   "uk, ti, pap of other")  # fmt: skip
        method = ""
        if cell_text(self.cell(cells, METHOD)):
            method = self.choice(
                cells, METHOD, _METHODS, number, "interview, formulier of groepsgesprek"
            )
        if len(self.preview.errors) == before:
            self.preview.rows.append(
                StoryRow(number, text, phase, consent, area, told_on, language, method)
            )

    def choice(self, cells, role, choices, number, accepted) -> str | None:
        value = cell_text(self.cell(cells, role))
        if not value:
            self.error(f"missing-{role}", f"de {role} ontbreekt. Kies {accepted}.", number, role)
            return None
        found = choices.get(normalize_text(value))
        if found is None:
            self.error(
                f"unknown-{role}",
                f"onbekende {role} '{_short(value)}'. Kies {accepted}.",
                number,
                role,
            )
        return found

    def consent(self, cells, number) -> str | None:
        value = cell_text(self.cell(cells, CONSENT))
        if not value:
            self.error(
                "missing-consent",
                "de toestemming ontbreekt. Zonder toestemming wordt een verhaal niet bewaard; "
                "vul in: intern, duidingssessies of publiceren.",
                number,
                CONSENT,
            )
            return None
        return self.choice(cells, CONSENT, _CONSENTS, number, "intern, duidingssessies of "
                           "publiceren")  # fmt: skip

    def area(self, cells, number):
        if self.areas is None or not cell_text(self.cell(cells, WIJK)):
            return None
        try:
            return self.areas.match(self.cell(cells, WIJK))
        except AreaMatchError as exc:
            self.error(exc.code, str(exc), number, WIJK)
            return None

    def date(self, cells, number) -> date | None:
        cell = self.cell(cells, DATE)
        value = cell_text(cell)
        if not value:
            return None
        day = None
        if isinstance(cell, datetime):
            day = cell.date()
        elif isinstance(cell, date):
            day = cell
        elif match := _DATE_TEXT.match(value):
            parts = match.groups()
            try:
                if parts[0]:
                    day = date(int(parts[2]), int(parts[1]), int(parts[0]))
                else:
                    day = date(int(parts[3]), int(parts[4]), int(parts[5]))
            except ValueError:
                day = None
        if day is None:
            self.error(
                "bad-date",
                f"'{_short(value)}' is geen datum; schrijf bijvoorbeeld 14-03-2024.",
                number,
                DATE,
            )
            return None
        if day > self.today:
            self.error("future-date", f"de datum {day:%d-%m-%Y} ligt in de toekomst.", number, DATE)
            return None
        return day


def commit_stories(preview: StoryPreview, *, partner=None, method: str = "", user=None) -> list:
    """Save every story of a valid preview in one transaction, de-identified and waiting for
    review; StoriesRejected (nothing saved) when the preview has errors."""
    if not preview.is_valid:
        raise StoriesRejected(preview)
    coalition = preview.coalition
    settings_for(coalition)
    organisations = organisation_names(coalition)
    area_ids = {row.area.id for row in preview.rows if row.area is not None}
    areas = Area.objects.in_bulk(area_ids)
    with transaction.atomic():
        return [
            collect_story(
                coalition,
                row.text,
                phase=row.phase,
                consent=row.consent,
                method=row.method or method or Method.INTERVIEW,
                told_on=row.told_on,
                area=areas.get(row.area.id) if row.area is not None else None,
                partner=partner,
                collected_by=user,
                language=row.language,
                organisations=organisations,
            )
            for row in preview.rows
        ]


def import_stories(
    data: bytes, file_name: str, *, coalition, dry_run: bool = False, **options
) -> tuple[StoryPreview, list]:
    """Read, and save when the file has no errors (and it is not a dry run)."""
    preview = read_stories(data, file_name, coalition=coalition)
    if dry_run or not preview.is_valid:
        return preview, []
    return preview, commit_stories(preview, **options)
