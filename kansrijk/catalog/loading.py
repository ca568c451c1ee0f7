"""Loading the shared indicator catalogue from its YAML file, and writing it back out.

The file (``kansrijk/catalog/data/catalogue.yaml``) is a contract other code depends on::

    version: 1
    themes:
      - {code: vulnerability, name_nl: Kwetsbaarheid, name_en: Vulnerability}
    indicators:
      - code: big2
        name_nl: ...
        ...
        sources:
          - provider: Perined
            ...

``load_catalogue`` validates the whole file first (every problem in one Dutch message, naming
the indicator code and the field) and writes nothing when it is invalid. A valid file is
written in one transaction: themes and shared indicators are created or updated, the source
list of each indicator is replaced by the file's. Loading the same file again changes nothing.

``export_catalogue`` writes the shared indicators in the same format, so that
export → load → export gives the same text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import validation
from .models import CatalogueLoad, Indicator, Source, Theme

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "catalogue.yaml"

TOP_KEYS = ("version", "themes", "indicators")
THEME_KEYS = ("code", "name_nl", "name_en")
# The keys of an indicator, in the order of the file.
INDICATOR_KEYS = (
    "code",
    "name_nl",
    "name_en",
    "definition",
    "numerator",
    "denominator",
    "unit",
    "phase",
    "themes",
    "direction",
    "set",
    "min_count",
    "round_to",
    "pool_years",
    "lowest_level",
    "caveats",
    "confidence",
    "references",
    "sources",
)
SOURCE_KEYS = ("provider", "table", "link", "update_frequency", "how_to_obtain", "cbs_mapping")

# A key of the file → the model field, where they differ.
MODEL_FIELD = {"set": "indicator_set"}
TEXT_KEYS = ("name_nl", "name_en", "definition", "numerator", "denominator")
TEXT_KEYS_AFTER = ("caveats", "confidence", "references")
CHOICE_KEYS = ("unit", "phase", "direction", "set", "lowest_level")
OPTIONAL_CHOICES = {"set": "other", "lowest_level": "gemeente"}
COUNT_MINIMUM = {"min_count": 0, "round_to": 0, "pool_years": 1}
SOURCE_TEXT_KEYS = ("provider", "table", "link", "update_frequency", "how_to_obtain")


class CatalogueError(ValueError):
    """The catalogue file is invalid; ``errors`` holds one Dutch message per problem."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass(frozen=True)
class Catalogue:
    """A validated catalogue file: indicators as plain records in the file's own terms."""

    version: int
    themes: list[dict[str, str]]
    indicators: list[dict[str, Any]]


@dataclass(frozen=True)
class LoadResult:
    version: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    themes_created: int = 0
    themes_updated: int = 0
    codes_created: list[str] = field(default_factory=list)
    codes_updated: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.themes_created or self.themes_updated)

    def summary(self) -> str:
        return _(
            "Catalogus versie %(version)s geladen: %(created)s nieuw, %(updated)s bijgewerkt, "
            "%(unchanged)s ongewijzigd; %(themes)s."
        ) % {
            "version": self.version,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "themes": ngettext(
                "%(count)s thema nieuw of bijgewerkt",
                "%(count)s thema's nieuw of bijgewerkt",
                self.themes_created + self.themes_updated,
            )
            % {"count": self.themes_created + self.themes_updated},
        }


# Reading and validating ---------------------------------------------------------------------


def parse_catalogue(text: str) -> Catalogue:
    """Validate the text of a catalogue file; raises ``CatalogueError`` listing every problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = _(" (regel %(line)s)") % {"line": mark.line + 1} if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise CatalogueError(
            [
                _("Het bestand is geen geldige YAML%(where)s: %(problem)s")
                % {"where": where, "problem": problem}
            ]
        ) from exc
    if not isinstance(data, dict):
        raise CatalogueError(
            [_("Het bestand moet de sleutels version, themes en indicators bevatten.")]
        )
    errors: list[str] = []
    for key in data:
        if key not in TOP_KEYS:
            errors.append(
                _("Onbekende sleutel '%(key)s' in het bestand; toegestaan: %(allowed)s.")
                % {"key": key, "allowed": ", ".join(TOP_KEYS)}
            )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        errors.append(_("Veld 'version' moet een geheel getal van minstens 1 zijn."))
    themes = _parse_themes(data.get("themes"), errors)
    indicators = _parse_indicators(data.get("indicators"), {t["code"] for t in themes}, errors)
    if errors:
        raise CatalogueError(errors)
    return Catalogue(version=version, themes=themes, indicators=indicators)


def _parse_themes(items: Any, errors: list[str]) -> list[dict[str, str]]:
    if not isinstance(items, list):
        errors.append(_("Veld 'themes' ontbreekt of is geen lijst."))
        return []
    themes: list[dict[str, str]] = []
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            errors.append(_("Thema nummer %(n)s is geen mapping met code en naam.") % {"n": number})
            continue
        code = item.get("code")
        where = _where_theme(code, number)
        problem = validation.check_code(code)
        if problem:
            errors.append(_field_error(where, "code", problem))
        elif code in seen:
            errors.append(_("Thema '%(code)s' komt meer dan één keer voor.") % {"code": code})
        seen.add(code)
        theme = {"code": code}
        for key in ("name_nl", "name_en"):
            theme[key], problem = validation.clean_text(
                item.get(key),
                limit=validation.max_length(Theme, key),
                required=key == "name_nl",
            )
            if problem:
                errors.append(_field_error(where, key, problem))
        errors.extend(_unknown_keys(where, item, THEME_KEYS))
        themes.append(theme)
    return themes


def _parse_indicators(items: Any, theme_codes: set[str], errors: list[str]) -> list[dict]:
    if not isinstance(items, list):
        errors.append(_("Veld 'indicators' ontbreekt of is geen lijst."))
        return []
    records: list[dict] = []
    first_seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            errors.append(_("Indicator nummer %(n)s is geen mapping met velden.") % {"n": number})
            continue
        code = item.get("code")
        where = _where_indicator(code, number)
        problem = validation.check_code(code)
        if problem:
            errors.append(_field_error(where, "code", problem))
        elif code in first_seen:
            errors.append(
                _("Indicator '%(code)s' komt meer dan één keer voor (nummer %(a)s en %(b)s).")
                % {"code": code, "a": first_seen[code], "b": number}
            )
        else:
            first_seen[code] = number
        records.append(_parse_indicator(item, where, theme_codes, errors))
    return records


def _parse_indicator(item: dict, where: str, theme_codes: set[str], errors: list[str]) -> dict:
    record: dict[str, Any] = {"code": item.get("code")}

    def add(key: str, problem: str | None) -> None:
        if problem:
            errors.append(_field_error(where, key, problem))

    for key in TEXT_KEYS + TEXT_KEYS_AFTER:
        record[key], problem = validation.clean_text(
            item.get(key),
            limit=validation.max_length(Indicator, key),
            required=key == "name_nl",
        )
        add(key, problem)
    for key in CHOICE_KEYS:
        value = item.get(key, OPTIONAL_CHOICES.get(key))
        record[key] = value
        add(key, validation.check_choice(MODEL_FIELD.get(key, key), value))
    for key, minimum in COUNT_MINIMUM.items():
        default = Indicator._meta.get_field(key).default
        record[key], problem = validation.clean_count(item.get(key, default), minimum=minimum)
        add(key, problem)
    record["themes"] = _parse_theme_codes(item.get("themes"), theme_codes, add)
    record["sources"] = _parse_sources(item.get("sources"), where, errors)
    errors.extend(_unknown_keys(where, item, INDICATOR_KEYS))
    return {key: record[key] for key in INDICATOR_KEYS}


def _parse_theme_codes(value: Any, theme_codes: set[str], add) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        add("themes", _("moet een lijst van themacodes zijn, bijv. [birth_outcomes]"))
        return []
    for code in value:
        if code not in theme_codes:
            add("themes", _("onbekend thema '%(code)s' (niet in de lijst themes)") % {"code": code})
    return sorted(set(value))


def _parse_sources(items: Any, where: str, errors: list[str]) -> list[dict]:
    if not isinstance(items, list) or not items:
        errors.append(
            _field_error(where, "sources", _("minstens één bron is verplicht (een lijst)"))
        )
        return []
    sources = []
    for number, item in enumerate(items, start=1):
        source_where = _("%(where)s, bron %(n)s") % {"where": where, "n": number}
        if not isinstance(item, dict):
            errors.append(_("%(where)s is geen mapping met velden.") % {"where": source_where})
            continue
        source: dict[str, Any] = {}
        for key in SOURCE_TEXT_KEYS:
            source[key], problem = validation.clean_text(
                item.get(key),
                limit=validation.max_length(Source, key),
                required=key == "provider",
            )
            if not problem and key == "link":
                problem = validation.check_link(source[key])
            if problem:
                errors.append(_field_error(source_where, key, problem))
        mapping = item.get("cbs_mapping")
        if mapping is not None and not isinstance(mapping, dict):
            errors.append(
                _field_error(source_where, "cbs_mapping", _("moet leeg (null) of een mapping zijn"))
            )
        source["cbs_mapping"] = mapping
        errors.extend(_unknown_keys(source_where, item, SOURCE_KEYS))
        sources.append(source)
    return sources


def _field_error(where: str, key: str, problem: str) -> str:
    return _("%(where)s, veld '%(key)s': %(problem)s.") % {
        "where": where,
        "key": key,
        "problem": problem,
    }


def _unknown_keys(where: str, item: dict, allowed: tuple[str, ...]) -> list[str]:
    return [
        _("%(where)s: onbekend veld '%(key)s'; toegestaan: %(allowed)s.")
        % {"where": where, "key": key, "allowed": ", ".join(allowed)}
        for key in item
        if key not in allowed
    ]


def _where_indicator(code: Any, number: int) -> str:
    if isinstance(code, str) and code:
        return _("Indicator '%(code)s'") % {"code": code}
    return _("Indicator nummer %(n)s") % {"n": number}


def _where_theme(code: Any, number: int) -> str:
    if isinstance(code, str) and code:
        return _("Thema '%(code)s'") % {"code": code}
    return _("Thema nummer %(n)s") % {"n": number}


# Writing ------------------------------------------------------------------------------------


def load_catalogue(path: str | Path | None = None) -> LoadResult:
    """Create or update the shared catalogue from ``path`` (default: the bundled file)."""
    path = Path(path) if path is not None else DEFAULT_PATH
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogueError(
            [
                _("Het bestand %(path)s kan niet worden gelezen: %(reason)s")
                % {
                    "path": path,
                    "reason": exc.strerror or exc,
                }
            ]
        ) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogueError(
            [_("Het bestand %(path)s is geen UTF-8-tekst.") % {"path": path}]
        ) from exc
    catalogue = parse_catalogue(text)
    with transaction.atomic():
        result = _write(catalogue)
        if result.changed or _latest_version() != catalogue.version:
            CatalogueLoad.objects.create(
                version=catalogue.version,
                file_name=path.name,
                checksum=hashlib.sha256(raw).hexdigest(),
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
            )
    return result


def _write(catalogue: Catalogue) -> LoadResult:
    codes = [record["code"] for record in catalogue.indicators]
    existing = {
        indicator.code: indicator
        for indicator in Indicator.objects.filter(code__in=codes)
        .select_related("coalition")
        .prefetch_related("themes", "sources")
    }
    _refuse_own_codes(existing.values())
    themes, themes_created, themes_updated = _write_themes(catalogue.themes)
    created, updated, unchanged = [], [], []
    for record in catalogue.indicators:
        indicator = existing.get(record["code"])
        if indicator is None:
            indicator = Indicator(code=record["code"])
            created.append(record["code"])
        elif indicator_record(indicator) == record:
            unchanged.append(record["code"])
            continue
        else:
            updated.append(record["code"])
        _save_indicator(indicator, record, themes)
    return LoadResult(
        version=catalogue.version,
        created=len(created),
        updated=len(updated),
        unchanged=len(unchanged),
        themes_created=themes_created,
        themes_updated=themes_updated,
        codes_created=created,
        codes_updated=updated,
    )


def _refuse_own_codes(indicators) -> None:
    errors = [
        _(
            "Indicator '%(code)s': de code is al in gebruik als eigen indicator van coalitie "
            "'%(coalition)s'. Kies een andere code, of neem het voorstel van de coalitie eerst "
            "op in de gedeelde catalogus."
        )
        % {"code": indicator.code, "coalition": indicator.coalition.name}
        for indicator in indicators
        if indicator.coalition_id is not None
    ]
    if errors:
        raise CatalogueError(errors)


def _write_themes(records: list[dict[str, str]]) -> tuple[dict[str, Theme], int, int]:
    existing = {theme.code: theme for theme in Theme.objects.all()}
    created = updated = 0
    for record in records:
        theme = existing.get(record["code"])
        if theme is None:
            existing[record["code"]] = Theme.objects.create(**record)
            created += 1
        elif (theme.name_nl, theme.name_en) != (record["name_nl"], record["name_en"]):
            theme.name_nl, theme.name_en = record["name_nl"], record["name_en"]
            theme.save(update_fields=["name_nl", "name_en"])
            updated += 1
    return existing, created, updated


def _save_indicator(indicator: Indicator, record: dict, themes: dict[str, Theme]) -> None:
    for key in INDICATOR_KEYS:
        if key not in ("code", "themes", "sources"):
            setattr(indicator, MODEL_FIELD.get(key, key), record[key])
    indicator.save()
    indicator.themes.set([themes[code] for code in record["themes"]])
    Source.objects.filter(indicator=indicator).delete()
    Source.objects.bulk_create(
        Source(indicator=indicator, position=position, **source)
        for position, source in enumerate(record["sources"])
    )


def _latest_version() -> int | None:
    latest = CatalogueLoad.objects.order_by("-loaded_at", "-id").first()
    return latest.version if latest else None


# Exporting ----------------------------------------------------------------------------------


def indicator_record(indicator: Indicator) -> dict[str, Any]:
    """An indicator as it appears in the file (uses prefetched themes and sources)."""
    record: dict[str, Any] = {}
    for key in INDICATOR_KEYS:
        if key == "themes":
            record[key] = sorted(theme.code for theme in indicator.themes.all())
        elif key == "sources":
            record[key] = [
                {key: getattr(source, key) for key in SOURCE_KEYS}
                for source in indicator.sources.all()
            ]
        else:
            record[key] = getattr(indicator, MODEL_FIELD.get(key, key))
    return record


class _FlowList(list):
    pass


class _FlowDict(dict):
    pass


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):
        # Indent lists under their key, as in the hand-written file.
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(
    _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)
_Dumper.add_representer(
    _FlowDict, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True)
)
_Dumper.add_representer(str, _represent_str)

EXPORT_HEADER = (
    "# The shared indicator catalogue of kansrijk (exported from the database).\n"
    "# Load it with: kansrijk catalog load FILE. Bump 'version' when the content changes.\n"
)


def export_catalogue() -> str:
    """The shared catalogue (themes and shared indicators) in the format of the data file."""
    themes = [
        _FlowDict(code=theme.code, name_nl=theme.name_nl, name_en=theme.name_en)
        for theme in Theme.objects.order_by("code")
    ]
    indicators = []
    for indicator in Indicator.objects.shared().prefetch_related("themes", "sources"):
        record = indicator_record(indicator)
        record["themes"] = _FlowList(record["themes"])
        indicators.append(record)
    document = {"version": _latest_version() or 1, "themes": themes, "indicators": indicators}
    body = yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,  # one line per field: readable diffs, no wrapped flow mappings
        default_flow_style=False,
    )
    return EXPORT_HEADER + body
