"""Loading areas (and their boundaries) from a CSV or GeoJSON file.

The file names each area by its code; the level follows from the code's prefix and the
parent (a wijk's municipality, a buurt's wijk) from the code itself. Column and property
names are matched case-insensitively, with CBS's numeric suffix ignored (``AantalInwoners_5``):

- code: ``code``, ``gebiedscode``, ``WijkenEnBuurten`` (CBS), ``buurtcode``, ``wijkcode`` or
  ``gemeentecode`` (the first one present; a PDOK buurten file also holds the wijk and
  gemeente codes of each buurt, so the most specific wins);
- name: the name that goes with that code (``buurtnaam``, ``wijknaam``, ``gemeentenaam``) or
  ``naam``/``name``. Without a name column, known areas keep their name and new ones are
  named after their code until a file with names is loaded;
- ``jaar``: the boundary year (``--year`` overrides it);
- ``aantalInwoners``: inhabitants (negative CBS secrecy codes count as unknown).

Loading is all or nothing: every record is checked first, and any error means nothing is
written. Loading the same file again updates names, inhabitants and boundaries.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .codes import AreaError, level_for_code, normalize_code, parent_code, parse_level
from .geometry import DEFAULT_TOLERANCE, GeometryError, clean_geometry
from .models import Area, Geometry, Level
from .signals import areas_changed

CODE_KEYS = ("code", "gebiedscode", "wijkenenbuurten", "buurtcode", "wijkcode", "gemeentecode")
NAME_KEYS = {"buurtcode": "buurtnaam", "wijkcode": "wijknaam", "gemeentecode": "gemeentenaam"}
GENERIC_NAME_KEYS = ("naam", "name", "gebiedsnaam")
YEAR_KEYS = ("jaar", "year")
INHABITANTS_KEYS = ("aantalinwoners", "inwoners", "inhabitants")
# Pseudo-areas in CBS/PDOK files that are not places in the Netherlands.
SKIPPED_CODES = {"GM0998": "Buitenland"}
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_ERRORS_SHOWN = 20
BATCH_SIZE = 500
_CBS_SUFFIX = re.compile(r"_\d+$")


class AreaLoadError(AreaError):
    """The file cannot be loaded; ``errors`` lists every problem found (Dutch)."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        shown = errors[:MAX_ERRORS_SHOWN]
        lines = ["Het bestand is niet geladen; er is niets opgeslagen.", *shown]
        if len(errors) > len(shown):
            rest = len(errors) - len(shown)
            lines.append(f"… en nog {rest} {'fout' if rest == 1 else 'fouten'}.")
        super().__init__("\n".join(lines))


@dataclass
class AreaRecord:
    """One checked row or feature: everything needed to write it."""

    location: str
    code: str
    level: Level
    name: str | None = None
    year: int | None = None
    inhabitants: int | None = None
    geometry: dict | None = None


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    geometries: int = 0
    years: set[int] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)
    other_level: int = 0
    unnamed: int = 0
    missing_parents: set[str] = field(default_factory=set)
    orphans: int = 0
    linked_children: int = 0

    @property
    def summary(self) -> str:
        """One Dutch line for the command line and the log."""
        parts = [
            f"{self.created + self.updated} gebieden geladen ({self.created} nieuw, "
            f"{self.updated} bijgewerkt)"
        ]
        if self.geometries:
            years = ", ".join(str(y) for y in sorted(self.years))
            parts.append(f"{self.geometries} grenzen ({years})")
        if self.unnamed:
            parts.append(f"{self.unnamed} zonder naam (code als naam gebruikt)")
        if self.linked_children:
            parts.append(f"{self.linked_children} eerder geladen onderliggende gebieden gekoppeld")
        if self.orphans:
            missing = ", ".join(sorted(self.missing_parents)[:5])
            more = " …" if len(self.missing_parents) > 5 else ""
            parts.append(f"{self.orphans} zonder bovenliggend gebied (ontbreekt: {missing}{more})")
        if self.other_level:
            parts.append(f"{self.other_level} van een ander niveau overgeslagen")
        if self.skipped:
            parts.append(f"overgeslagen: {', '.join(self.skipped)}")
        return "; ".join(parts) + "."


def load_areas(
    path: str | Path,
    *,
    year: int | None = None,
    level: Level | str | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> LoadResult:
    """Load the areas in a CSV or GeoJSON file; raises AreaLoadError and writes nothing on error.

    ``year`` is the boundary year (it overrides a ``jaar`` column) and becomes ``valid_from``
    of areas that are new. With ``level`` only the records of that level are loaded.
    """
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        raise AreaLoadError([f"Jaar {year} ligt buiten {MIN_YEAR}–{MAX_YEAR}."])
    if isinstance(level, str) and not isinstance(level, Level):
        level = parse_level(level)
    result = LoadResult()
    records = _check_records(_read_file(Path(path)), year, level, tolerance, result)
    with transaction.atomic():
        _write(records, year, Path(path).name, result)
    areas_changed.send(sender=Area)
    return result


# Reading ------------------------------------------------------------------------------------


def _read_file(path: Path) -> Iterator[tuple[str, dict, object, bool]]:
    """Yield (location, properties, geometry, has_geometry) for each row or feature."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise AreaLoadError([f"Bestand niet gevonden: {path}"]) from None
    except OSError as exc:
        raise AreaLoadError([f"Bestand {path} kan niet worden gelezen: {exc.strerror}"]) from None
    text = _decode(data)
    if not text.strip():
        raise AreaLoadError([f"Bestand {path.name} is leeg."])
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json") or (suffix != ".csv" and text.lstrip().startswith("{")):
        return _read_geojson(text)
    return _read_csv(text)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # a CSV saved by Excel


def _read_csv(text: str) -> Iterator[tuple[str, dict, object, bool]]:
    header = text.lstrip().splitlines()[0]
    delimiter = max((",", ";", "\t"), key=header.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    for row in reader:
        values = {k: v for k, v in row.items() if k is not None}
        if not any((v or "").strip() for v in values.values()):
            continue
        # The line number, as a spreadsheet numbers rows: the header is row 1.
        yield f"rij {reader.line_num}", values, None, False


def _read_geojson(text: str) -> Iterator[tuple[str, dict, object, bool]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AreaLoadError(
            [f"Ongeldige JSON op regel {exc.lineno}, kolom {exc.colno}: {exc.msg}."]
        ) from None
    if isinstance(data, dict) and data.get("type") == "Feature":
        features = [data]
    elif isinstance(data, dict) and isinstance(data.get("features"), list):
        features = data["features"]
    else:
        raise AreaLoadError(
            ["Het bestand is geen GeoJSON FeatureCollection (een lijst 'features' ontbreekt)."]
        )
    for number, feature in enumerate(features, start=1):
        location = f"feature {number}"
        if not isinstance(feature, dict):
            raise AreaLoadError([f"{location}: is geen GeoJSON-feature."])
        properties = feature.get("properties") or {}
        if not isinstance(properties, dict):
            raise AreaLoadError([f"{location}: 'properties' is geen object."])
        geometry = feature.get("geometry")
        yield location, properties, geometry, geometry is not None


# Checking -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Fields:
    code: str | None
    name: str | None
    year: str | None
    inhabitants: str | None


def _normalize_key(key: str) -> str:
    return _CBS_SUFFIX.sub("", key.strip().lower())


def _find_fields(keys: tuple[str, ...]) -> _Fields:
    by_normal: dict[str, str] = {}
    for key in keys:
        by_normal.setdefault(_normalize_key(key), key)

    def first(candidates) -> str | None:
        return next((by_normal[c] for c in candidates if c in by_normal), None)

    code_key = next((c for c in CODE_KEYS if c in by_normal), None)
    name_candidates = (NAME_KEYS[code_key],) if code_key in NAME_KEYS else ()
    return _Fields(
        code=by_normal.get(code_key) if code_key else None,
        name=first(name_candidates + GENERIC_NAME_KEYS),
        year=first(YEAR_KEYS),
        inhabitants=first(INHABITANTS_KEYS),
    )


def _check_records(
    items: Iterator[tuple[str, dict, object, bool]],
    year: int | None,
    level: Level | str | None,
    tolerance: float,
    result: LoadResult,
) -> list[AreaRecord]:
    records: list[AreaRecord] = []
    errors: list[str] = []
    seen: dict[str, str] = {}
    without_year: list[str] = []
    fields_cache: dict[tuple[str, ...], _Fields] = {}
    for location, properties, geometry, has_geometry in items:
        keys = tuple(properties)
        fields = fields_cache.get(keys) or fields_cache.setdefault(keys, _find_fields(keys))
        try:
            record = _check_record(location, properties, fields, year)
        except AreaError as exc:
            errors.append(f"{location}: {exc}")
            continue
        if record.code in SKIPPED_CODES:
            result.skipped.append(f"{record.code} {SKIPPED_CODES[record.code]}")
            continue
        if level and record.level != level:
            result.other_level += 1
            continue
        if record.code in seen:
            errors.append(f"{location}: code {record.code} komt al voor in {seen[record.code]}.")
            continue
        seen[record.code] = location
        if has_geometry:
            try:
                record.geometry = clean_geometry(geometry, tolerance)
            except GeometryError as exc:
                errors.append(f"{location} ({record.code}): {exc}.")
                continue
            if record.year is None:
                without_year.append(location)
        records.append(record)
    if without_year:
        shown = ", ".join(without_year[:3]) + (" …" if len(without_year) > 3 else "")
        errors.append(
            f"Het jaar van de grenzen ontbreekt ({len(without_year)}×: {shown}); "
            "geef --year op of een eigenschap 'jaar'."
        )
    if errors:
        raise AreaLoadError(errors)
    return records


def _check_record(location: str, properties: dict, fields: _Fields, year: int | None) -> AreaRecord:
    if fields.code is None:
        expected = ", ".join(CODE_KEYS)
        raise AreaError(f"geen gebiedscode gevonden; verwacht een kolom {expected}.")
    code = normalize_code(_text(properties.get(fields.code)))
    if not code:
        raise AreaError(f"de gebiedscode ontbreekt (kolom {fields.code}).")
    try:
        level = level_for_code(code)
    except AreaError as exc:
        raise AreaError(f"{exc} (kolom {fields.code})") from None
    name = None
    if fields.name is not None:
        name = _text(properties.get(fields.name)).strip()
        if not name:
            raise AreaError(f"de naam van {code} ontbreekt (kolom {fields.name}).")
        if len(name) > 200:
            raise AreaError(f"de naam van {code} is langer dan 200 tekens (kolom {fields.name}).")
    record_year = year
    if record_year is None and fields.year is not None:
        record_year = _parse_year(properties.get(fields.year), fields.year)
    inhabitants = None
    if fields.inhabitants is not None:
        inhabitants = _parse_count(properties.get(fields.inhabitants), fields.inhabitants)
    return AreaRecord(location, code, level, name, record_year, inhabitants)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _parse_year(value: object, key: str) -> int | None:
    number = _parse_int(value, key, "jaar")
    if number is not None and not MIN_YEAR <= number <= MAX_YEAR:
        raise AreaError(f"jaar {number} ligt buiten {MIN_YEAR}–{MAX_YEAR} (kolom {key}).")
    return number


def _parse_count(value: object, key: str) -> int | None:
    number = _parse_int(value, key, "aantal inwoners")
    return number if number is not None and number >= 0 else None


def _parse_int(value: object, key: str, what: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise AreaError(f"{what} '{value}' is geen geheel getal (kolom {key}).")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    raise AreaError(f"{what} '{text}' is geen geheel getal (kolom {key}).")


# Writing ------------------------------------------------------------------------------------


def _write(records: list[AreaRecord], year: int | None, source: str, result: LoadResult) -> None:
    codes = [r.code for r in records]
    existing = set(Area.objects.filter(code__in=codes).values_list("code", flat=True))
    new = [
        Area(
            code=r.code,
            name=r.name or r.code,
            level=r.level,
            valid_from=year,
            inhabitants=r.inhabitants,
        )
        for r in records
        if r.code not in existing
    ]
    Area.objects.bulk_create(new, batch_size=BATCH_SIZE)
    result.created = len(new)
    result.updated = len(records) - len(new)
    result.unnamed = sum(1 for r in records if r.name is None and r.code not in existing)

    areas = {a.code: a for a in Area.objects.filter(code__in=codes)}
    wanted_parents = {r.code: parent_code(r.code) for r in records}
    parent_ids = dict(
        Area.objects.filter(code__in={c for c in wanted_parents.values() if c}).values_list(
            "code", "id"
        )
    )
    changed = []
    for record in records:
        area = areas[record.code]
        before = (area.name, area.inhabitants, area.parent_id)
        if record.name:
            area.name = record.name
        if record.inhabitants is not None:
            area.inhabitants = record.inhabitants
        wanted = wanted_parents[record.code]
        if wanted in parent_ids:
            area.parent_id = parent_ids[wanted]
        elif wanted and area.parent_id is None:
            result.orphans += 1
            result.missing_parents.add(wanted)
        if (area.name, area.inhabitants, area.parent_id) != before:
            changed.append(area)
    Area.objects.bulk_update(changed, ["name", "inhabitants", "parent"], batch_size=BATCH_SIZE)

    result.linked_children = _link_orphans(areas)
    _write_geometries(records, areas, source, result)


def _link_orphans(areas: dict[str, Area]) -> int:
    """Give earlier loaded wijken and buurten whose parent just arrived their parent."""
    orphans = Area.objects.filter(
        parent__isnull=True, level__in=[Level.DISTRICT, Level.NEIGHBOURHOOD]
    ).exclude(code__in=list(areas))
    linked = []
    for orphan in orphans.only("id", "code"):
        parent = areas.get(parent_code(orphan.code))
        if parent is not None:
            orphan.parent_id = parent.id
            linked.append(orphan)
    Area.objects.bulk_update(linked, ["parent"], batch_size=BATCH_SIZE)
    return len(linked)


def _write_geometries(
    records: list[AreaRecord], areas: dict[str, Area], source: str, result: LoadResult
) -> None:
    shaped = [r for r in records if r.geometry is not None]
    if not shaped:
        return
    area_ids = [areas[r.code].id for r in shaped]
    years = {r.year for r in shaped}
    existing = {
        (g.area_id, g.year): g
        for g in Geometry.objects.filter(area_id__in=area_ids, year__in=years)
    }
    new, changed = [], []
    for record in shaped:
        area_id = areas[record.code].id
        geometry = existing.get((area_id, record.year))
        if geometry is None:
            new.append(
                Geometry(area_id=area_id, year=record.year, geojson=record.geometry, source=source)
            )
        else:
            geometry.geojson, geometry.source = record.geometry, source
            changed.append(geometry)
    Geometry.objects.bulk_create(new, batch_size=BATCH_SIZE)
    Geometry.objects.bulk_update(changed, ["geojson", "source"], batch_size=BATCH_SIZE)
    result.geometries = len(shaped)
    result.years = years
