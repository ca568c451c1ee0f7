"""Import public figures from CBS StatLine into observations, driven by the catalogue.

Each catalogue source may carry a declarative ``cbs_mapping`` (see docs/cbs-import.md):

```yaml
cbs_mapping:
  tables:                       # one table, or one per year (Kerncijfers wijken en buurten)
    - {id: 85984NED, period: "2024"}
  region_dimension: WijkenEnBuurten   # RegioS for regional tables
  period_dimension: null              # Perioden for time-series tables
  levels: [gemeente, wijk, buurt]     # which region kinds to keep
  numerator: GeboorteTotaal           # measure *stems* (the _N suffix changes every year)
  denominator: AantalInwoners
  value: null
  filters: {Geslacht: T001038}        # other dimensions, fixed to one code
  months_to_years: false              # true: sum monthly periods to whole years
```

The import works in two phases, so that a failure halfway leaves the database exactly as it
was: first every table is downloaded and translated into rows in memory (``fetch_plan``),
then everything is written in one transaction (``write_plan``). A table whose ``Modified``
date has not changed since the last import of the same scope is not downloaded again, and
rows equal to the stored ones are not written again.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from kansrijk.areas.codes import AreaError, level_for_code, normalize_code, parent_code
from kansrijk.areas.mergers import current_successors, read_municipal_changes
from kansrijk.areas.models import Area, Level
from kansrijk.catalog.models import Indicator, Source
from kansrijk.lib.values import compute_value

from ..importing import ObservationRow, save_observations
from ..models import ImportBatch, Observation, SourceKind, Status
from .cbs_client import CBSBadResponse, V3Client, odata_quote, parse_cbs_period, stem_map

SOURCE_NAME = "CBS StatLine"
LEVEL_PREFIXES = {"nl": ("NL",), "gemeente": ("GM",), "wijk": ("WK",), "buurt": ("BU",)}
PERIOD_STATUS = {"voorlopig": Status.PROVISIONAL, "nader voorlopig": Status.PROVISIONAL}

Progress = Callable[[int, int, str], None]


class CBSMappingError(ValueError):
    """A catalogue mapping is not usable; the message is Dutch and names the indicator."""


@dataclass(frozen=True)
class TableMapping:
    indicator_code: str
    unit: str
    table: str
    period: str | None
    region_dimension: str
    period_dimension: str | None
    levels: tuple[str, ...]
    numerator: str | None
    denominator: str | None
    value: str | None
    filters: tuple[tuple[str, str], ...] = ()
    months_to_years: bool = False

    @property
    def stems(self) -> list[str]:
        return [s for s in (self.numerator, self.denominator, self.value) if s]


@dataclass
class FetchedRow:
    indicator_code: str
    area_code: str
    period: str
    numerator: float | None
    denominator: float | None
    value: float | None
    status: str


@dataclass
class FetchedTable:
    table: str
    title: str
    modified: datetime | None
    rows: list[FetchedRow] = field(default_factory=list)
    area_names: dict[str, str] = field(default_factory=dict)
    skipped: bool = False
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    scope: list[str] | None
    tables: list[FetchedTable] = field(default_factory=list)
    requests_made: int = 0


@dataclass
class ImportResult:
    written: int = 0
    unchanged: int = 0
    tables_downloaded: int = 0
    tables_skipped: int = 0
    areas_created: int = 0
    merged_rows: int = 0
    requests_made: int = 0
    dry_run: bool = False
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.dry_run:
            return (
                f"Proefdraai: {self.written} waarnemingen zouden worden geschreven, "
                f"{self.unchanged} zijn al actueel; er is niets opgeslagen."
            )
        if not self.written:
            return (
                "Niets nieuws bij CBS: er is niets geschreven "
                f"({self.tables_skipped} tabel(len) ongewijzigd, {self.unchanged} "
                "waarnemingen al actueel)."
            )
        return (
            f"{self.written} waarnemingen geschreven uit {self.tables_downloaded} tabel(len) "
            f"({self.unchanged} al actueel, {self.areas_created} nieuwe gebieden, "
            f"{self.merged_rows} opgeteld bij opvolgers van heringedeelde gemeenten)."
        )


# --- mappings ---------------------------------------------------------------------------


def _mapping_from_source(indicator: Indicator, mapping: dict[str, Any]) -> list[TableMapping]:
    code = indicator.code
    tables = mapping.get("tables") or []
    if not tables:
        raise CBSMappingError(f"Indicator {code}: de CBS-koppeling noemt geen tabel.")
    if not any(mapping.get(key) for key in ("numerator", "denominator", "value")):
        raise CBSMappingError(f"Indicator {code}: de CBS-koppeling noemt geen meetwaarde.")
    levels = tuple(mapping.get("levels") or ["gemeente"])
    unknown = [level for level in levels if level not in LEVEL_PREFIXES]
    if unknown:
        raise CBSMappingError(f"Indicator {code}: onbekend niveau {', '.join(unknown)}.")
    result = []
    for table in tables:
        entry = table if isinstance(table, dict) else {"id": table}
        if not entry.get("id"):
            raise CBSMappingError(f"Indicator {code}: een tabel in de CBS-koppeling mist 'id'.")
        result.append(
            TableMapping(
                indicator_code=code,
                unit=indicator.unit,
                table=str(entry["id"]),
                period=str(entry["period"]) if entry.get("period") else None,
                region_dimension=mapping.get("region_dimension") or "RegioS",
                period_dimension=mapping.get("period_dimension"),
                levels=levels,
                numerator=mapping.get("numerator"),
                denominator=mapping.get("denominator"),
                value=mapping.get("value"),
                filters=tuple(sorted((mapping.get("filters") or {}).items())),
                months_to_years=bool(mapping.get("months_to_years")),
            )
        )
    return result


def catalogue_mappings(indicator_codes: Iterable[str] | None = None) -> list[TableMapping]:
    """Every table mapping in the catalogue (optionally only for some indicators)."""
    sources = Source.objects.select_related("indicator").exclude(cbs_mapping__isnull=True)
    if indicator_codes:
        codes = list(indicator_codes)
        known = set(Indicator.objects.filter(code__in=codes).values_list("code", flat=True))
        missing = sorted(set(codes) - known)
        if missing:
            raise CBSMappingError(f"Onbekende indicator: {', '.join(missing)}.")
        sources = sources.filter(indicator__code__in=codes)
    mappings: list[TableMapping] = []
    for source in sources.order_by("indicator__code", "position"):
        if source.cbs_mapping:
            mappings.extend(_mapping_from_source(source.indicator, source.cbs_mapping))
    return mappings


# --- scope --------------------------------------------------------------------------------


def scope_for(area_codes: Iterable[str]) -> list[str]:
    """Municipality codes to import for these areas, with the predecessors of merged ones."""
    municipalities = set()
    for code in area_codes:
        code = normalize_code(code)
        level = level_for_code(code)
        if level == Level.MUNICIPALITY:
            municipalities.add(code)
        elif level in (Level.DISTRICT, Level.NEIGHBOURHOOD):
            municipalities.add("GM" + code[2:6])
        elif level == Level.REGION:
            municipalities.update(
                Area.objects.filter(regions__region__code=code).values_list("code", flat=True)
            )
    successors = current_successors(read_municipal_changes())
    predecessors = {old for old, new in successors.items() if new in municipalities}
    return sorted(municipalities | predecessors)


def _region_filter(mapping: TableMapping, scope: list[str] | None) -> str | None:
    dim = mapping.region_dimension
    clauses = []
    if scope is None:
        prefixes = sorted({p for level in mapping.levels for p in LEVEL_PREFIXES[level]})
        clauses = [f"startswith({dim},{odata_quote(prefix)})" for prefix in prefixes]
    else:
        for municipality in scope:
            digits = municipality[2:]
            for level in mapping.levels:
                if level == "nl":
                    continue
                prefix = LEVEL_PREFIXES[level][0] + digits
                clauses.append(f"startswith({dim},{odata_quote(prefix)})")
        if "nl" in mapping.levels:
            clauses.append(f"startswith({dim},'NL')")
    filters = [" or ".join(clauses)] if clauses else []
    for key, code in mapping.filters:
        filters.append(f"{key} eq {odata_quote(code)}")
    if len(filters) > 1:
        return " and ".join(f"({f})" for f in filters)
    return filters[0] if filters else None


# --- fetch ----------------------------------------------------------------------------------


def _last_import(table: str, scope: list[str] | None) -> ImportBatch | None:
    wanted = "all" if scope is None else scope
    for batch in ImportBatch.objects.filter(kind=SourceKind.CBS, table_or_file=table)[:20]:
        stored = batch.details.get("scope")
        if (
            stored == "all"
            or stored == wanted
            or (
                isinstance(stored, list) and isinstance(wanted, list) and set(wanted) <= set(stored)
            )
        ):
            return batch
    return None


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise CBSBadResponse(f"CBS stuurde '{value}' waar een getal hoort.") from exc


def _period_statuses(client: V3Client, mapping: TableMapping) -> dict[str, str]:
    if not mapping.period_dimension:
        return {}
    statuses = {}
    for entry in client.dimension(mapping.table, mapping.period_dimension):
        label = (entry.get("Status") or "").strip().lower()
        statuses[entry.get("Key", "")] = PERIOD_STATUS.get(label, Status.DEFINITIVE)
    return statuses


def _keep_region(code: str, mapping: TableMapping) -> bool:
    return any(code.startswith(p) for level in mapping.levels for p in LEVEL_PREFIXES[level])


def _rows_for_mapping(
    rows: list[dict], mapping: TableMapping, keys: dict[str, str], statuses: dict[str, str]
) -> list[FetchedRow]:
    result = []
    monthly: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        code = normalize_code(row.get(mapping.region_dimension))
        if not _keep_region(code, mapping):
            continue
        if mapping.period_dimension:
            raw_period = row.get(mapping.period_dimension) or ""
            period = parse_cbs_period(raw_period)
            if period is None:
                continue
            if mapping.months_to_years and len(period) == 7:
                monthly[(code, period[:4])].append(row)
                continue
            status = statuses.get(raw_period, Status.DEFINITIVE)
        else:
            period, status = mapping.period, Status.DEFINITIVE
        result.append(_fetched_row(row, mapping, keys, code, period, status))
    have_years = {(r.area_code, r.period) for r in result}
    for (code, year), months in monthly.items():
        if (code, year) in have_years or len(months) != 12:
            continue  # a yearly figure from CBS wins; incomplete years are not summed
        status = (
            Status.PROVISIONAL
            if any(
                statuses.get(m.get(mapping.period_dimension)) == Status.PROVISIONAL for m in months
            )
            else Status.DEFINITIVE
        )
        summed = {k: _sum(m.get(k) for m in months) for k in keys.values()}
        result.append(_fetched_row(summed, mapping, keys, code, year, status))
    return result


def _sum(values: Iterable[Any]) -> float | None:
    numbers = [_number(v) for v in values]
    return None if any(n is None for n in numbers) else sum(numbers)


def _fetched_row(row, mapping, keys, code, period, status) -> FetchedRow:
    numerator = _number(row.get(keys[mapping.numerator])) if mapping.numerator else None
    denominator = _number(row.get(keys[mapping.denominator])) if mapping.denominator else None
    value = _number(row.get(keys[mapping.value])) if mapping.value else None
    needed = [x for x, stem in ((numerator, mapping.numerator), (value, mapping.value)) if stem]
    if any(x is None for x in needed):
        status = Status.SECRET  # CBS publishes null for secret or unknown cells
    return FetchedRow(mapping.indicator_code, code, period, numerator, denominator, value, status)


def _fetch_table(
    client: V3Client, table: str, mappings: list[TableMapping], scope: list[str] | None
) -> FetchedTable:
    info = client.table_info(table)
    modified = parse_datetime(info.get("Modified") or "") if info.get("Modified") else None
    if modified is not None and timezone.is_naive(modified):
        modified = timezone.make_aware(modified, timezone.get_fixed_timezone(60))
    fetched = FetchedTable(
        table=table, title=(info.get("Title") or table).strip(), modified=modified
    )
    last = _last_import(table, scope)
    if last is not None and modified is not None and last.source_modified == modified:
        fetched.skipped = True
        return fetched
    keys = stem_map(client.data_properties(table))
    usable = []
    for mapping in mappings:
        missing = [stem for stem in mapping.stems if stem not in keys]
        if missing:
            fetched.warnings.append(
                f"Tabel {table} heeft geen meetwaarde {', '.join(missing)}; indicator "
                f"{mapping.indicator_code} is uit deze tabel overgeslagen. Controleer de "
                "CBS-koppeling in de catalogus."
            )
        else:
            usable.append(mapping)
    mappings = usable
    if not mappings:
        return fetched
    by_filter: dict[tuple, list[TableMapping]] = defaultdict(list)
    for mapping in mappings:
        by_filter[
            (mapping.region_dimension, mapping.period_dimension, mapping.filters, mapping.levels)
        ].append(mapping)
    for group in by_filter.values():
        first = group[0]
        select = sorted(
            {first.region_dimension, *([first.period_dimension] if first.period_dimension else [])}
            | {keys[s] for m in group for s in m.stems}
        )
        rows = list(client.typed_rows(table, filter=_region_filter(first, scope), select=select))
        statuses = _period_statuses(client, first)
        for mapping in group:
            fetched.rows.extend(_rows_for_mapping(rows, mapping, keys, statuses))
    needed_codes = {row.area_code for row in fetched.rows}
    unknown = needed_codes - set(
        Area.objects.filter(code__in=needed_codes).values_list("code", flat=True)
    )
    if unknown:
        for entry in client.dimension(table, mappings[0].region_dimension):
            code = normalize_code(entry.get("Key"))
            if code in unknown:
                fetched.area_names[code] = (entry.get("Title") or code).strip()
    return fetched


def default_client() -> V3Client:
    return V3Client(
        settings.KANSRIJK_CBS_V3_URL,
        timeout=settings.KANSRIJK_CBS_TIMEOUT,
        retries=settings.KANSRIJK_CBS_RETRIES,
        backoff=settings.KANSRIJK_CBS_BACKOFF,
    )


def fetch_plan(
    mappings: list[TableMapping],
    scope: list[str] | None,
    client: V3Client | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Download and translate every mapped table; touches nothing in the database."""
    client = client or default_client()
    by_table: dict[str, list[TableMapping]] = defaultdict(list)
    for mapping in mappings:
        by_table[mapping.table].append(mapping)
    plan = ImportPlan(scope=scope)
    for number, (table, table_mappings) in enumerate(sorted(by_table.items()), start=1):
        if progress:
            progress(number - 1, len(by_table), f"tabel {table}")
        plan.tables.append(_fetch_table(client, table, table_mappings, scope))
    if progress:
        progress(len(by_table), len(by_table), "klaar met ophalen")
    plan.requests_made = client.requests_made
    return plan


# --- write ----------------------------------------------------------------------------------


def _ensure_areas(plan: ImportPlan) -> int:
    names: dict[str, str] = {}
    years: dict[str, set[int]] = defaultdict(set)
    for table in plan.tables:
        names.update(table.area_names)
        for row in table.rows:
            years[row.area_code].add(int(row.period[:4]))
    existing = set(Area.objects.filter(code__in=names).values_list("code", flat=True))
    created = 0
    # municipalities before wijken before buurten, so that every parent exists in time
    for level in (Level.COUNTRY, Level.MUNICIPALITY, Level.DISTRICT, Level.NEIGHBOURHOOD):
        new = [code for code in names if code not in existing and _level_or_none(code) == level]
        if not new:
            continue
        parents = dict(
            Area.objects.filter(code__in={parent_code(c) for c in new} - {None}).values_list(
                "code", "id"
            )
        )
        Area.objects.bulk_create(
            [
                Area(
                    code=code,
                    name=names[code],
                    level=level,
                    parent_id=parents.get(parent_code(code)),
                    valid_from=min(years[code]) if years[code] else None,
                )
                for code in new
            ],
            batch_size=2000,
        )
        created += len(new)
    return created


def _level_or_none(code: str) -> Level | None:
    try:
        return level_for_code(code)
    except AreaError:
        return None


def _merged_rows(
    rows: list[FetchedRow], units: dict[str, str]
) -> tuple[list[FetchedRow], int, dict]:
    """Add figures of wholly merged municipalities onto their current successor.

    For every (indicator, successor, period) with figures of a predecessor, the successor's
    observation becomes the sum of its own figure (when it existed then, as with an
    annexation such as Weesp into Amsterdam) and its predecessors' — numerators and
    denominators summed, never values averaged — so a coalition sees one unbroken series in
    today's boundaries. The original codes are returned as provenance.
    """
    successors = current_successors(read_municipal_changes())
    own: dict[tuple[str, str, str], FetchedRow] = {}
    parts: dict[tuple[str, str, str], list[FetchedRow]] = defaultdict(list)
    for row in rows:
        own[(row.indicator_code, row.area_code, row.period)] = row
        successor = successors.get(row.area_code)
        if successor:
            parts[(row.indicator_code, successor, row.period)].append(row)
    replaced: set[tuple[str, str, str]] = set()
    merged, provenance = [], {}
    for key, predecessors in parts.items():
        indicator_code, successor, period = key
        members = predecessors + ([own[key]] if key in own else [])
        if any(m.status == Status.SECRET or m.numerator is None for m in members):
            continue  # a secret part, or a value without counts, cannot be added up
        has_denominator = all(m.denominator is not None for m in members)
        numerator = _sum(m.numerator for m in members)
        denominator = _sum(m.denominator for m in members) if has_denominator else None
        provisional = any(m.status == Status.PROVISIONAL for m in members)
        status = Status.PROVISIONAL if provisional else Status.DEFINITIVE
        value = compute_value(units[indicator_code], numerator, denominator)
        merged.append(
            FetchedRow(indicator_code, successor, period, numerator, denominator, value, status)
        )
        replaced.add(key)
        provenance.setdefault(successor, {})[f"{indicator_code} {period}"] = sorted(
            m.area_code for m in members
        )
    kept = [r for r in rows if (r.indicator_code, r.area_code, r.period) not in replaced]
    return kept + merged, len(merged), provenance


def _changed(rows: list[ObservationRow]) -> list[ObservationRow]:
    existing = {}
    keys = {(r.indicator_id, r.period) for r in rows}
    area_ids = {r.area_id for r in rows}
    for indicator_id, period in keys:
        for obs in (
            Observation.objects.public()
            .filter(indicator_id=indicator_id, period=period, area_id__in=area_ids)
            .only(
                "indicator_id", "area_id", "period", "numerator", "denominator", "value", "status"
            )
        ):
            existing[(obs.indicator_id, obs.area_id, obs.period)] = (
                obs.numerator,
                obs.denominator,
                obs.value,
                obs.status,
            )
    changed = []
    for row in rows:
        stored = existing.get((row.indicator_id, row.area_id, row.period))
        value = row.value
        if stored is None or stored != (
            row.numerator,
            row.denominator,
            stored[2] if value is None else value,
            row.status,
        ):
            changed.append(row)
    return changed


def write_plan(plan: ImportPlan, *, user=None, dry_run: bool = False) -> ImportResult:
    """Write the fetched rows: one transaction, only rows that differ from what is stored."""
    result = ImportResult(requests_made=plan.requests_made, dry_run=dry_run)
    indicators = {
        i.code: i
        for i in Indicator.objects.filter(
            code__in={r.indicator_code for t in plan.tables for r in t.rows}
        )
    }
    units = {code: ind.unit for code, ind in indicators.items()}
    with transaction.atomic():
        result.areas_created = _ensure_areas(plan)
        area_ids = dict(
            Area.objects.filter(
                code__in={r.area_code for t in plan.tables for r in t.rows}
                | set(current_successors(read_municipal_changes()).values())
            ).values_list("code", "id")
        )
        for table in plan.tables:
            result.warnings.extend(table.warnings)
            if table.skipped:
                result.tables_skipped += 1
                continue
            result.tables_downloaded += 1
            table_rows, merged_count, provenance = _merged_rows(table.rows, units)
            result.merged_rows += merged_count
            rows = [
                ObservationRow(
                    indicator_id=indicators[r.indicator_code].id,
                    area_id=area_ids[r.area_code],
                    period=r.period,
                    numerator=r.numerator,
                    denominator=r.denominator,
                    value=r.value,
                    status=r.status,
                )
                for r in table_rows
                if r.area_code in area_ids
            ]
            changed = _changed(rows)
            result.unchanged += len(rows) - len(changed)
            result.written += len(changed)
            if dry_run:
                continue
            checksum = hashlib.sha256(
                json.dumps([r.__dict__ for r in table.rows], sort_keys=True, default=str).encode()
            ).hexdigest()
            batch = ImportBatch.objects.create(
                kind=SourceKind.CBS,
                source_name=SOURCE_NAME,
                table_or_file=table.table,
                checksum=checksum,
                source_modified=table.modified,
                created_by=user,
                details={
                    "title": table.title,
                    "scope": "all" if plan.scope is None else plan.scope,
                    "merged_from": provenance,
                },
            )
            save_observations(batch, changed, {i.id: i.unit for i in indicators.values()})
        if dry_run:
            transaction.set_rollback(True)
    return result


def import_cbs(
    *,
    indicator_codes: Iterable[str] | None = None,
    area_codes: Iterable[str] | None = None,
    since: int | None = None,
    dry_run: bool = False,
    user=None,
    client: V3Client | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """The whole import: mappings → download → one transaction. Raises CBSError on failure."""
    mappings = catalogue_mappings(indicator_codes)
    if not mappings:
        raise CBSMappingError("Geen enkele indicator in de catalogus heeft een CBS-koppeling.")
    if since:
        # a yearly table of an earlier year is not even downloaded
        mappings = [m for m in mappings if m.period is None or int(m.period[:4]) >= since]
    scope = scope_for(area_codes) if area_codes else None
    plan = fetch_plan(mappings, scope, client=client, progress=progress)
    if since:
        for table in plan.tables:
            table.rows = [r for r in table.rows if int(r.period[:4]) >= since]
    return write_plan(plan, user=user, dry_run=dry_run)
