"""The benchmark's build at a tiny size, and the shape of the lines it prints.

bench/ lies outside the package; pytest puts the repository root on sys.path (the root
conftest.py), so ``bench`` imports as a package.
"""

import io

import pytest

from bench.dataset import Size, build_dataset, read_area_records
from bench.run import (
    Context,
    Figure,
    build,
    measure_database,
    measure_memory,
    parse_line,
    run_benches,
)
from kansrijk.areas.models import Area, Level
from kansrijk.observations.models import ImportBatch, Observation
from kansrijk.testing.factories import IndicatorFactory

TINY = Size(municipalities=5, indicators=2, years=2)


@pytest.fixture
def indicators(db):
    return [
        IndicatorFactory(code="bench_a", unit="percentage"),
        IndicatorFactory(code="bench_b", unit="count"),
        IndicatorFactory(code="bench_c", unit="percentage"),
    ]


def test_it_builds_a_tiny_dataset_through_the_product_code(indicators, shared_data_dir):
    result = build_dataset(TINY)

    municipalities = Area.objects.filter(level=Level.MUNICIPALITY)
    assert municipalities.count() == 5
    assert Area.objects.filter(code="NL01").exists()
    wijken = Area.objects.filter(level=Level.DISTRICT)
    assert set(wijken.values_list("parent__level", flat=True)) == {Level.MUNICIPALITY}
    assert result.areas == 1 + 5 + wijken.count()
    assert result.indicators == 2
    assert result.observation_rows == result.areas * 2 * 2
    assert Observation.objects.count() == result.observation_rows
    assert set(ImportBatch.objects.values_list("kind", flat=True)) == {"bench"}


def test_municipalities_are_the_sum_of_their_wijken(indicators, shared_data_dir):
    build_dataset(TINY)
    municipality = Area.objects.filter(level=Level.MUNICIPALITY).first()
    own = Observation.objects.get(area=municipality, indicator__code="bench_a", period="2024")
    wijken = Observation.objects.filter(
        area__parent=municipality, indicator__code="bench_a", period="2024"
    )
    assert own.numerator == sum(o.numerator for o in wijken)
    assert own.denominator == sum(o.denominator for o in wijken)


def test_it_generates_codes_of_the_real_size_without_the_shared_data(tmp_path):
    records, source = read_area_records(tmp_path, None)
    assert sum(r.code.startswith("GM") for r in records) == 342
    assert sum(r.code.startswith("WK") for r in records) == 3393
    assert source == "gegenereerde codes"


def test_it_reads_the_real_2024_codes(shared_data_dir):
    from pathlib import Path

    records, _source = read_area_records(Path(shared_data_dir), None)
    assert len(records) == 342 + 3393
    assert any(r.code == "WK0363AA" for r in records)  # Amsterdam's letter codes


def test_it_prints_every_figure_as_name_value_unit(indicators):
    out = io.StringIO()
    context = Context(size=TINY)

    figures = run_benches([build, measure_database, measure_memory], context, out)

    lines = out.getvalue().splitlines()
    assert len(lines) == len(figures) >= 10
    parsed = {name: (value, unit) for name, value, unit in map(parse_line, lines)}
    for name, unit in [
        ("build_time", "s"),
        ("observation_rows", "rows"),
        ("insert_rate", "rows/s"),
        ("peak_memory_rss", "MB"),
        ("areas", "areas"),
    ]:
        assert parsed[name][1] == unit
    assert parsed["observation_rows"][0] == parsed["areas"][0] * 2 * 2


@pytest.mark.parametrize(
    ("figure", "line"),
    [
        (Figure("build_time", 12.345, "s"), "build_time: 12.3 s"),
        (Figure("observation_rows", 1234567, "rows", 0), "observation_rows: 1234567 rows"),
        (Figure("insert_rate", 45678.4, "rows/s", 0), "insert_rate: 45678 rows/s"),
    ],
)
def test_a_figure_prints_as_one_line(figure, line):
    assert figure.line() == line
    assert parse_line(line)[0] == figure.name


@pytest.mark.parametrize("line", ["build_time 12 s", "build_time: 12", "Build: 1 s", "a: x s"])
def test_it_rejects_lines_of_another_shape(line):
    with pytest.raises(ValueError):
        parse_line(line)
