"""Importing Kerncijfers wijken en buurten with the real 85984NED metadata and values."""

import csv
import json
from pathlib import Path

import httpx
import pytest

from kansrijk.areas.models import Area
from kansrijk.catalog.loading import load_catalogue
from kansrijk.observations.importers.cbs import catalogue_mappings, import_cbs
from kansrijk.observations.importers.cbs_client import V3Client
from kansrijk.observations.models import Observation
from kansrijk.testing.fake_cbs import FakeCBS, FakeTable


def kwb_tables(shared_data_dir) -> list[FakeTable]:
    folder = Path(shared_data_dir)
    properties = json.loads((folder / "cbs_responses/85984NED/DataProperties.json").read_text())
    with open(folder / "kwb_2024_zeist_utrecht_alkmaar.csv", encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    rows = [
        {
            "ID": number,
            "WijkenEnBuurten": record["WijkenEnBuurten"].ljust(10),  # CBS pads to 10
            "SoortRegio_2": record["SoortRegio"].ljust(10),
            "AantalInwoners_5": int(record["AantalInwoners_5"]),
        }
        for number, record in enumerate(records)
    ]
    regions = [{"Key": r["WijkenEnBuurten"], "Title": r["WijkenEnBuurten"].strip()} for r in rows]
    mapping = catalogue_mappings(["inhabitants"])
    return [
        FakeTable(
            id=m.table,
            title=f"Kerncijfers wijken en buurten {m.period}",
            modified="2025-03-27T02:00:00",
            properties=properties,
            rows=rows,
            dimensions={"WijkenEnBuurten": regions},
        )
        for m in mapping
    ]


@pytest.fixture
def catalogue(db):
    return load_catalogue()


def test_every_mapped_catalogue_indicator_has_a_usable_mapping(catalogue):
    mappings = catalogue_mappings()
    assert {m.indicator_code for m in mappings} >= {"live_births", "inhabitants", "birth_rate"}
    assert all(m.stems for m in mappings)


def test_inhabitants_of_zeist_and_its_wijken_come_from_the_kwb_table(catalogue, shared_data_dir):
    server = FakeCBS(kwb_tables(shared_data_dir))
    client = V3Client("http://cbs.test", transport=httpx.WSGITransport(app=server))
    result = import_cbs(
        indicator_codes=["inhabitants"], area_codes=["GM0355"], since=2024, client=client
    )
    zeist = Observation.objects.get(
        indicator__code="inhabitants", area__code="GM0355", period="2024"
    )
    assert zeist.numerator == 66641  # the real 2024 figure
    wijken = Observation.objects.filter(
        indicator__code="inhabitants", period="2024", area__parent__code="GM0355"
    )
    assert wijken.count() == 5
    assert not Observation.objects.filter(area__code__startswith="GM0344").exists()
    assert Area.objects.get(code="WK035501").level == "district"
    assert result.tables_downloaded == 2  # 2024 and 2025; earlier years are not downloaded


def test_a_measure_missing_from_a_table_is_skipped_with_a_warning(catalogue, shared_data_dir):
    tables = kwb_tables(shared_data_dir)
    for table in tables:  # as if CBS renamed the measure in this year's table
        table.properties = [p for p in table.properties if "HuishoudensMetKinderen" not in p["Key"]]
    server = FakeCBS(tables)
    client = V3Client("http://cbs.test", transport=httpx.WSGITransport(app=server))
    result = import_cbs(
        indicator_codes=["inhabitants", "households_with_children"],
        area_codes=["GM0355"],
        since=2024,
        client=client,
    )
    assert len(result.warnings) == 2
    assert "HuishoudensMetKinderen" in result.warnings[0]
    assert "households_with_children" in result.warnings[0]
    assert Observation.objects.filter(indicator__code="inhabitants").count() == 12
    assert not Observation.objects.filter(indicator__code="households_with_children").exists()
