"""The registration bench at a tiny size: it imports through the importer and cleans up."""

from bench.registrations import bench_registration_import
from kansrijk.areas.models import Area
from kansrijk.coalitions.models import Coalition
from kansrijk.observations.models import ImportBatch, Observation


def test_it_reports_the_import_rate_the_floor_and_their_ratio(db):
    figures = bench_registration_import(rows=3_000)

    assert [(name, unit) for name, _value, unit in figures] == [
        ("registration_import_time", "s"),
        ("registration_import_rate", "rows/s"),
        ("registration_bulk_floor_rate", "rows/s"),
        ("registration_import_ratio", "x"),
    ]
    values = {name: value for name, value, _unit in figures}
    assert values["registration_import_ratio"] == (
        values["registration_import_rate"] / values["registration_bulk_floor_rate"]
    )
    assert all(value > 0 for value in values.values())


def test_it_leaves_nothing_behind(db):
    bench_registration_import(rows=500)
    assert not Observation.objects.exists()
    assert not ImportBatch.objects.exists()
    assert not Coalition.objects.exists()
    assert not Area.objects.exists()
