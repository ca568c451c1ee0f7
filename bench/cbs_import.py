"""The CBS import at scale: one full Kerncijfers-wijken-en-buurten table shape from a local file.

``bench_cbs_kwb_import()`` writes a TypedDataSet of ~17,000 areas (every municipality and
wijk in the database plus generated buurten) × ~100 measures — the real 85984NED measure keys
when ../shared/data is there — to a local JSON file, serves it through the CBS v3 protocol
(pages of 10,000 rows with ``odata.nextLink``) from that file, and imports every
catalogue indicator mapped to that table through ``import_cbs``: the same code path as
``kansrijk import cbs``. The peak memory is that of a child process doing only the import.

Run on its own: ``python bench/cbs_import.py`` (uses the configured database).
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TABLE = "85984NED"
TARGET_AREAS = 17_000
MEASURES = 100
SEED = 2024
ROOT = Path(__file__).resolve().parent.parent


def _properties(data_dir: Path | None) -> list[dict]:
    real = (data_dir or ROOT.parent / "shared" / "data") / "cbs_responses" / TABLE
    path = real / "DataProperties.json"
    if path.exists():
        return json.loads(path.read_text())
    keys = [
        "AantalInwoners_5",
        "GeboorteTotaal_25",
        "HuishoudensTotaal_29",
        "HuishoudensMetKinderen_32",
        "HuishoudensMetEenLaagInkomen_89",
    ]
    keys += [f"Kenmerk{n}_{100 + n}" for n in range(MEASURES - len(keys))]
    head = [{"Type": "GeoDetail", "Key": "WijkenEnBuurten", "Title": "Wijken en buurten"}]
    return head + [{"Type": "Topic", "Key": key, "Title": key} for key in keys]


def write_kwb_file(folder: Path, data_dir: Path | None = None) -> tuple[Path, int, int]:
    """The table as a local file; returns its path, its row count and its measure count."""
    from kansrijk.areas.models import Area

    rng = random.Random(SEED)
    properties = _properties(data_dir)
    topics = [p["Key"] for p in properties if p.get("Type") == "Topic"][:MEASURES]
    codes = list(
        Area.objects.filter(level__in=["municipality", "district"]).values_list("code", flat=True)
    )
    wijken = [c for c in codes if c.startswith("WK")] or ["WK999901"]
    buurt = 0
    while len(codes) < TARGET_AREAS:
        wijk = wijken[buurt % len(wijken)]
        codes.append(f"BU{wijk[2:]}{buurt // len(wijken):02d}")
        buurt += 1
    rows = []
    for number, code in enumerate(codes):
        row = {
            "ID": number,
            "WijkenEnBuurten": code.ljust(10),
            "Gemeentenaam_1": "Gemeente".ljust(40),
        }
        inhabitants = rng.randint(50, 5000) * (20 if code.startswith("GM") else 1)
        for key in topics:
            row[key] = rng.randint(0, inhabitants)
        row["AantalInwoners_5"] = inhabitants
        if "HuishoudensMetEenLaagInkomen_89" in row:
            row["HuishoudensMetEenLaagInkomen_89"] = round(rng.uniform(3, 20), 1)
        rows.append(row)
    path = folder / f"{TABLE}_TypedDataSet.json"
    path.write_text(json.dumps({"value": rows}))
    (folder / "DataProperties.json").write_text(json.dumps(properties))
    return path, len(rows), len(topics)


def file_transport(folder: Path):
    """An httpx transport answering CBS v3 requests for TABLE from the local files."""
    import httpx

    from kansrijk.testing.fake_cbs import FakeCBS, FakeTable

    rows = json.loads((folder / f"{TABLE}_TypedDataSet.json").read_text())["value"]
    properties = json.loads((folder / "DataProperties.json").read_text())
    regions = [{"Key": r["WijkenEnBuurten"], "Title": r["WijkenEnBuurten"].strip()} for r in rows]
    table = FakeTable(
        TABLE,
        "Kerncijfers wijken en buurten 2024",
        "2025-03-27T02:00:00",
        properties,
        rows,
        {"WijkenEnBuurten": regions},
    )
    return httpx.WSGITransport(app=FakeCBS([table]))


def import_from_folder(folder: Path) -> dict:
    """Import every indicator mapped to TABLE for all areas; returns what it did."""
    from kansrijk.observations.importers.cbs import catalogue_mappings, fetch_plan, write_plan
    from kansrijk.observations.importers.cbs_client import V3Client

    mappings = [m for m in catalogue_mappings() if m.table == TABLE]
    started = time.perf_counter()  # reading the local file counts as fetching
    client = V3Client("http://cbs.bench", transport=file_transport(folder))
    plan = fetch_plan(mappings, None, client=client)
    fetched = time.perf_counter()
    result = write_plan(plan)
    done = time.perf_counter()
    return {
        "fetch": fetched - started,
        "write": done - fetched,
        "total": done - started,
        "written": result.written,
        "areas_created": result.areas_created,
        "indicators": len(mappings),
    }


def bench_cbs_kwb_import(data_dir: Path | None = None) -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory(prefix="kansrijk-kwb-") as name:
        folder = Path(name)
        _path, row_count, measures = write_kwb_file(folder, data_dir)
        child = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), str(folder)],
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            check=True,
        )
        result = json.loads(child.stdout.strip().splitlines()[-1])
    peak = result["peak_rss_mb"]
    return [
        ("cbs_kwb_table_rows", row_count, "rows"),
        ("cbs_kwb_table_measures", measures, "measures"),
        ("cbs_kwb_indicators_mapped", result["indicators"], "indicators"),
        ("cbs_kwb_observations_written", result["written"], "rows"),
        ("cbs_kwb_fetch_time", result["fetch"], "s"),
        ("cbs_kwb_write_time", result["write"], "s"),
        ("cbs_kwb_import_time", result["total"], "s"),
        ("cbs_kwb_import_peak_memory_rss", peak, "MB"),
    ]


if __name__ == "__main__":  # the child process: import from the folder given, print JSON
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.settings")
    import django

    django.setup()
    figures = import_from_folder(Path(sys.argv[1]))
    # The child's own peak: RUSAGE_CHILDREN in the parent would also count every other child
    # the bench run waited for (e.g. Datasette and its installer).
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))
