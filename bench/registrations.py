"""The registration import at scale: a partner's 100,000-row CSV through the real importer.

``bench_registration_import(rows)`` builds a scratch coalition (a municipality with 100
wijken, 25 count indicators of its own and a partner), writes a long-layout CSV of ``rows``
rows (wijk × quarter × indicator, Dutch headers, semicolons) to a temporary folder and
imports it with ``import_registrations``: reading, validation, comparison with stored values
and the write through ``save_observations``, all timed together. The floor is a bare
``Observation.objects.bulk_create`` of the same rows into a second scratch coalition (the
objects built beforehand, only the insert timed). Everything it creates is removed again.

It runs against whatever database Django is configured for; Django must be set up.
"""

from __future__ import annotations

import csv
import random
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from django.db import transaction

AREAS = 100
INDICATORS = 25
LAST_QUARTER = (2023, 4)
SEED = 2024


def _quarters(count: int) -> list[str]:
    """``count`` quarters ending with LAST_QUARTER, oldest first: ['2014-Q1', …, '2023-Q4']."""
    year, quarter = LAST_QUARTER
    labels = []
    for _ in range(count):
        labels.append(f"{year}-Q{quarter}")
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return labels[::-1]


def _free_municipality_code() -> str:
    from kansrijk.areas.models import Area

    taken = set(Area.objects.filter(code__startswith="GM99").values_list("code", flat=True))
    for number in range(9900, 10000):
        if f"GM{number}" not in taken:
            return f"GM{number}"
    raise RuntimeError("no free scratch municipality code GM99xx")


def _scratch(label: str):
    """A municipality with AREAS wijken, a coalition with a partner, INDICATORS indicators."""
    from kansrijk.areas.models import Area, Level
    from kansrijk.catalog.models import Indicator
    from kansrijk.coalitions.models import Coalition, Partner

    code = _free_municipality_code()
    municipality = Area.objects.create(
        code=code, name=f"Benchstad {label}", level=Level.MUNICIPALITY
    )
    wijken = Area.objects.bulk_create(
        [
            Area(
                code=f"WK{code[2:]}{i:02d}",
                name=f"Benchwijk {label} {i:02d}",
                level=Level.DISTRICT,
                parent=municipality,
            )
            for i in range(AREAS)
        ]
    )
    coalition = Coalition.objects.create(name=f"Bench {label}", slug=f"bench-registraties-{label}")
    coalition.areas.add(municipality)
    partner = Partner.objects.create(coalition=coalition, name="Bench JGZ", domain="social")
    indicators = [
        Indicator.objects.create(
            code=f"bench_reg_{label}_{i:02d}",
            name_nl=f"Benchregistratie {label} {i:02d}",
            unit="count",
            phase="programme",
            direction="none",
            coalition=coalition,
        )
        for i in range(INDICATORS)
    ]
    return municipality, wijken, coalition, partner, indicators


def _rows(wijken, indicators, rows: int):
    """(wijk, quarter, indicator, count) tuples: smooth series, so no warnings."""
    rng = random.Random(SEED)
    quarters = _quarters(-(-rows // (len(wijken) * len(indicators))))
    result = []
    for wijk in wijken:
        for indicator in indicators:
            base = rng.randint(20, 80)
            for quarter in quarters:
                result.append((wijk, quarter, indicator, base + rng.randint(-2, 2)))
                if len(result) == rows:
                    return result
    return result


def _write_csv(path: Path, rows) -> bytes:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Wijknaam", "Kwartaal", "Indicator", "Aantal"])
        for wijk, quarter, indicator, count in rows:
            writer.writerow([wijk.name, quarter.replace("-Q", " K"), indicator.code, count])
    return path.read_bytes()


def _remove(municipality, wijken, coalition, indicators) -> None:
    from kansrijk.observations.models import (
        ColumnMapping,
        ImportBatch,
        Observation,
        ObservationVersion,
        Upload,
    )

    with transaction.atomic():
        Observation.objects.filter(coalition=coalition).delete()
        ObservationVersion.objects.filter(coalition=coalition).delete()
        Upload.objects.filter(coalition=coalition).delete()
        ImportBatch.objects.filter(coalition=coalition).delete()
        ColumnMapping.objects.filter(partner__coalition=coalition).delete()
        for indicator in indicators:
            indicator.delete()
        coalition.delete()
        for wijk in wijken:
            wijk.delete()
        municipality.delete()


def bench_registration_import(rows: int = 100_000) -> list[tuple[str, float, str]]:
    """Time the registration import of ``rows`` rows and the bulk-insert floor."""
    from kansrijk.lib.tabular import Limits
    from kansrijk.observations.importers.registrations import import_registrations
    from kansrijk.observations.importing import BULK_SIZE, build_observation
    from kansrijk.observations.models import ImportBatch, Observation, SourceKind

    imported = _scratch("a")
    floor = _scratch("b")
    try:
        municipality, wijken, coalition, partner, indicators = imported
        table = _rows(wijken, indicators, rows)
        with tempfile.TemporaryDirectory(prefix="kansrijk-bench-registraties-") as folder:
            data = _write_csv(Path(folder) / "registraties.csv", table)

        started = time.perf_counter()
        preview, batch = import_registrations(
            data,
            "registraties.csv",
            coalition=coalition,
            partner=partner,
            limits=Limits(max_bytes=len(data) + 1, max_rows=rows + 1),
            today=date.today(),
        )
        import_seconds = time.perf_counter() - started
        if batch is None or batch.row_count != rows:
            problems = "; ".join(str(p) for p in preview.errors[:5])
            raise RuntimeError(f"the bench import was rejected: {problems}")

        _municipality, floor_wijken, floor_coalition, _partner, floor_indicators = floor
        floor_batch = ImportBatch.objects.create(
            kind=SourceKind.BENCH, source_name="bench floor", coalition=floor_coalition
        )
        areas = {w.id: f.id for w, f in zip(wijken, floor_wijken, strict=True)}
        codes = {i.id: f.id for i, f in zip(indicators, floor_indicators, strict=True)}
        objects = [
            build_observation(
                replace(row, area_id=areas[row.area_id], indicator_id=codes[row.indicator_id]),
                "count",
                floor_batch,
                floor_coalition.id,
            )
            for row in preview.observation_rows()
        ]
        started = time.perf_counter()
        with transaction.atomic():
            Observation.objects.bulk_create(objects, batch_size=BULK_SIZE)
        floor_seconds = time.perf_counter() - started
    finally:
        _remove(*imported[:3], imported[4])
        _remove(*floor[:3], floor[4])

    import_rate = rows / import_seconds
    floor_rate = rows / floor_seconds
    return [
        ("registration_import_time", import_seconds, "s"),
        ("registration_import_rate", import_rate, "rows/s"),
        ("registration_bulk_floor_rate", floor_rate, "rows/s"),
        ("registration_import_ratio", import_rate / floor_rate, "x"),
    ]
