"""A national-size dataset, built through the product's own code paths.

Areas go through the areas loader (``kansrijk.areas.loading.load_areas``) from a CSV written
to a scratch folder; observations go through ``save_observations``, one import batch per
indicator, as an importer would write them. The real 2024 municipality and wijk codes come
from ``../shared/data`` when it is there; otherwise codes of the same size are generated.
The numbers are random but consistent: a municipality is the sum of its wijken and the
country the sum of its municipalities.
"""

from __future__ import annotations

import csv
import json
import random
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kansrijk.areas.loading import load_areas
from kansrijk.areas.models import Area, Level
from kansrijk.catalog.models import Indicator, Unit
from kansrijk.observations.importing import ObservationRow, save_observations
from kansrijk.observations.models import ImportBatch, SourceKind

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = ROOT.parent / "shared" / "data"
KWB_FILE = "kwb_2024_85984NED_gm_wk.json"
NAMES_FILE = "gemeenten_2023.csv"
AREA_YEAR = 2024
COUNTRY = ("NL01", "Nederland")
# The size of the real 2024 set, used when the shared data is not there.
GENERATED_MUNICIPALITIES = 342
GENERATED_WIJKEN = 3393
SEED = 1000


@dataclass(frozen=True)
class Size:
    """How much to build: None means everything (every municipality, every indicator)."""

    municipalities: int | None = None
    indicators: int | None = None
    years: int = 10
    last_year: int = 2024

    @property
    def year_range(self) -> range:
        return range(self.last_year - self.years + 1, self.last_year + 1)


FULL = Size()
QUICK = Size(indicators=8, years=3)


@dataclass(frozen=True)
class AreaRecord:
    code: str
    name: str
    inhabitants: int


@dataclass
class BuildResult:
    areas: int = 0
    indicators: int = 0
    years: int = 0
    observation_rows: int = 0
    areas_seconds: float = 0.0
    generate_seconds: float = 0.0
    save_seconds: float = 0.0
    build_seconds: float = 0.0
    source: str = ""  # where the area codes came from
    batches: list[int] = field(default_factory=list)


def read_area_records(data_dir: Path | None, municipalities: int | None) -> tuple[list, str]:
    """Municipalities and wijken (with inhabitants) from the real 2024 file, or generated ones.

    Returns the records, municipalities first, and a few words on where they came from.
    """
    data_dir = DEFAULT_DATA_DIR if data_dir is None else data_dir
    kwb = data_dir / KWB_FILE
    if kwb.is_file():
        records, source = _real_records(kwb, data_dir / NAMES_FILE), f"{KWB_FILE}"
    else:
        records, source = _generated_records(), "gegenereerde codes"
    if municipalities is not None:
        kept = sorted(r.code for r in records if r.code.startswith("GM"))[:municipalities]
        wanted = {code[2:] for code in kept}
        records = [r for r in records if r.code[2:6] in wanted]
    records.sort(key=lambda r: (not r.code.startswith("GM"), r.code))
    return records, source


def _real_records(kwb: Path, names_file: Path) -> list[AreaRecord]:
    figures = json.loads(kwb.read_text(encoding="utf-8"))
    names = {}
    if names_file.is_file():
        with names_file.open(encoding="utf-8", newline="") as handle:
            names = {row["gemeentecode"]: row["gemeentenaam"] for row in csv.DictReader(handle)}
    records = []
    for code, values in figures.items():
        if code.startswith("GM"):
            name = names.get(code, f"Gemeente {code[2:]}")
        else:
            name = f"Wijk {code[6:]} van {names.get('GM' + code[2:6], code[2:6])}"
        records.append(AreaRecord(code, name, values.get("AantalInwoners_5") or 0))
    return records


def _generated_records() -> list[AreaRecord]:
    rng = random.Random(SEED)
    records = []
    per_municipality, extra = divmod(GENERATED_WIJKEN, GENERATED_MUNICIPALITIES)
    for number in range(1, GENERATED_MUNICIPALITIES + 1):
        digits = f"{number:04d}"
        wijken = per_municipality + (1 if number <= extra else 0)
        sizes = [rng.randint(500, 12_000) for _ in range(wijken)]
        records.append(AreaRecord(f"GM{digits}", f"Gemeente {digits}", sum(sizes)))
        records += [
            AreaRecord(f"WK{digits}{index:02d}", f"Wijk {index:02d}", size)
            for index, size in enumerate(sizes)
        ]
    return records


def load_bench_areas(records: list[AreaRecord]) -> int:
    """Load the country, municipalities and wijken through the areas loader; returns the count."""
    with tempfile.TemporaryDirectory(prefix="kansrijk-bench-areas-") as folder:
        path = Path(folder) / "gebieden.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["code", "naam", "aantalInwoners"])
            writer.writerow([*COUNTRY, sum(r.inhabitants for r in records if r.code[:2] == "GM")])
            writer.writerows([r.code, r.name, r.inhabitants] for r in records)
        result = load_areas(path, year=AREA_YEAR)
    return result.created + result.updated


def _rows_for(indicator, areas, years, rng) -> list[ObservationRow]:
    """One indicator: wijk figures, municipalities as their sum, the country as theirs."""
    share = rng.uniform(0.005, 0.05)  # the denominator's share of the inhabitants
    rate = rng.uniform(0.02, 0.3)
    is_rate = indicator.unit in (Unit.PERCENTAGE, Unit.PER_1000)
    is_count = indicator.unit == Unit.COUNT
    rows = []
    for year in years:
        period = str(year)
        totals: dict[int, list[float]] = defaultdict(lambda: [0, 0])
        for area_id, parent_id, inhabitants in areas.wijken:
            den = max(1, round(inhabitants * share))
            num = round(den * rate * rng.uniform(0.7, 1.3))
            totals[parent_id][0] += num
            totals[parent_id][1] += den
            rows.append(_row(indicator, area_id, period, num, den, is_rate, is_count, rng))
        country = [0, 0]
        for area_id, inhabitants in areas.municipalities:
            if area_id in totals:
                num, den = totals[area_id]
            else:  # a municipality without wijken
                den = max(1, round(inhabitants * share))
                num = round(den * rate)
            country[0] += num
            country[1] += den
            rows.append(_row(indicator, area_id, period, num, den, is_rate, is_count, rng))
        rows.append(_row(indicator, areas.country, period, *country, is_rate, is_count, rng))
    return rows


def _row(indicator, area_id, period, num, den, is_rate, is_count, rng) -> ObservationRow:
    if is_rate:
        return ObservationRow(indicator.id, area_id, period, num, den)
    if is_count:
        return ObservationRow(indicator.id, area_id, period, num)
    return ObservationRow(indicator.id, area_id, period, value=round(rng.uniform(1, 10), 1))


@dataclass
class _Areas:
    country: int
    municipalities: list[tuple[int, int]]  # (id, inhabitants)
    wijken: list[tuple[int, int, int]]  # (id, parent id, inhabitants)


def _read_areas() -> _Areas:
    country = Area.objects.get(code=COUNTRY[0]).id
    municipalities = list(
        Area.objects.filter(level=Level.MUNICIPALITY).values_list("id", "inhabitants")
    )
    wijken = list(
        Area.objects.filter(level=Level.DISTRICT).values_list("id", "parent_id", "inhabitants")
    )
    return _Areas(
        country,
        [(i, n or 0) for i, n in municipalities],
        [(i, p, n or 0) for i, p, n in wijken],
    )


def build_dataset(size: Size, data_dir: Path | None = None, seed: int = SEED) -> BuildResult:
    """Build the areas and the observations of ``size`` in the current database."""
    result = BuildResult(years=size.years)
    started = time.perf_counter()
    records, result.source = read_area_records(data_dir, size.municipalities)
    result.areas = load_bench_areas(records)
    result.areas_seconds = time.perf_counter() - started

    areas = _read_areas()
    indicators = list(Indicator.objects.shared().order_by("code"))
    if size.indicators is not None:
        indicators = indicators[: size.indicators]
    result.indicators = len(indicators)
    rng = random.Random(seed)
    for indicator in indicators:
        tick = time.perf_counter()
        rows = _rows_for(indicator, areas, size.year_range, rng)
        batch = ImportBatch.objects.create(
            kind=SourceKind.BENCH, source_name="Benchmarkgegevens", table_or_file=indicator.code
        )
        tock = time.perf_counter()
        result.observation_rows += save_observations(batch, rows, {indicator.id: indicator.unit})
        result.generate_seconds += tock - tick
        result.save_seconds += time.perf_counter() - tock
        result.batches.append(batch.id)
    result.build_seconds = time.perf_counter() - started
    return result
