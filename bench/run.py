"""The benchmark: build a national-size dataset in a scratch database and print figures.

    .venv/bin/python bench/run.py            # every area, every indicator, 10 years
    .venv/bin/python bench/run.py --quick    # every area, 8 indicators, 3 years (< 60 s)
    .venv/bin/python bench/run.py --database-url postgres://postgres@127.0.0.1:5432/bench

Each figure is printed as one line ``name: value unit``. A figure comes from a bench
function in ``BENCHES``: it gets the shared ``Context`` and returns ``Figure``s. To measure
something new, write a function and add it to the list (before ``measure_memory``, which
reports the peak of everything before it). See docs/bench.md.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
try:  # `python bench/run.py` with a Python that lacks the project: use the project's venv
    import django  # noqa: F401
except ImportError:
    if VENV_PYTHON.exists() and Path(sys.executable) != VENV_PYTHON:
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), *sys.argv])
    sys.exit("Django is not installed: run `make install` (or `make demo`) first.")
if str(ROOT) not in sys.path:  # run as a script: make ``bench`` and ``kansrijk`` importable
    sys.path.insert(0, str(ROOT))

LINE = re.compile(r"^(?P<name>[a-z][a-z0-9_]*): (?P<value>-?\d+(?:\.\d+)?) (?P<unit>\S+)$")


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    decimals: int = 1

    def line(self) -> str:
        value = f"{self.value:.{self.decimals}f}" if self.decimals else f"{round(self.value)}"
        return f"{self.name}: {value} {self.unit}"


@dataclass
class Context:
    """What the bench functions share: the options, and results earlier ones leave behind."""

    size: object  # bench.dataset.Size
    data_dir: Path | None = None
    force: bool = False
    results: dict[str, object] = field(default_factory=dict)


Bench = Callable[[Context], Iterable[Figure]]


def prepare_database(context: Context) -> list[Figure]:
    """Empty and migrate the database, then load the catalogue, as ``kansrijk demo`` does."""
    from kansrijk.catalog.loading import load_catalogue
    from kansrijk.demo.database import reset_database

    started = time.perf_counter()
    reset_database(force=context.force)
    migrated = time.perf_counter()
    load_catalogue()
    loaded = time.perf_counter()
    return [
        Figure("migrate_time", migrated - started, "s"),
        Figure("catalogue_time", loaded - migrated, "s"),
    ]


def build(context: Context) -> list[Figure]:
    """Areas through the areas loader, observations through save_observations."""
    from bench.dataset import build_dataset

    result = build_dataset(context.size, context.data_dir)
    context.results["build"] = result
    return [
        Figure("areas", result.areas, "areas", 0),
        Figure("indicators", result.indicators, "indicators", 0),
        Figure("years", result.years, "years", 0),
        Figure("observation_rows", result.observation_rows, "rows", 0),
        Figure("areas_time", result.areas_seconds, "s"),
        Figure("generate_time", result.generate_seconds, "s"),
        Figure("save_time", result.save_seconds, "s"),
        Figure("build_time", result.build_seconds, "s"),
        Figure(
            "insert_rate", result.observation_rows / max(result.save_seconds, 1e-9), "rows/s", 0
        ),
    ]


def measure_database(context: Context) -> list[Figure]:
    """The size of the database after the build (SQLite: the file plus its WAL file)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        name = connection.settings_dict["NAME"]
        size = sum(
            os.path.getsize(name + suffix)
            for suffix in ("", "-wal")
            if os.path.exists(name + suffix)
        )
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            size = cursor.fetchone()[0]
    else:
        return []
    return [Figure("database_size", size / 1024 / 1024, "MB")]


def measure_memory(context: Context) -> list[Figure]:
    """The process's peak resident memory so far (getrusage ru_maxrss), everything included."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    megabytes = peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes vs KiB
    return [Figure("peak_memory_rss", megabytes, "MB", 0)]


def cbs_import(context: Context) -> list[Figure]:
    """One full Kerncijfers wijken en buurten table shape through the CBS import."""
    from bench.cbs_import import bench_cbs_kwb_import

    return [_figure(*figure) for figure in bench_cbs_kwb_import(context.data_dir)]


def registration_import(context: Context) -> list[Figure]:
    """A partner's 100,000-row file through the registration importer, against bulk insert."""
    from bench.registrations import bench_registration_import

    return [_figure(*figure) for figure in bench_registration_import()]


COUNT_UNITS = {"rows", "measures", "indicators", "areas", "queries", "series"}


def _figure(name: str, value: float, unit: str) -> Figure:
    """A figure from a (name, value, unit) tuple; counts print as whole numbers."""
    return Figure(name, value, unit, 0 if unit in COUNT_UNITS else 2 if unit == "x" else 1)


def insight(context: Context) -> list[Figure]:
    """Values, intervals, trends and verdicts for every municipality × indicator; a coalition."""
    from bench.insight import bench_insight

    return [_figure(*figure) for figure in bench_insight()]


def session_pack(context: Context) -> list[Figure]:
    """The PDF of an interpretation session's pack: ten indicators with charts, three quotes."""
    from bench.pack import bench_session_pack

    return [_figure(*figure) for figure in bench_session_pack()]


def dashboard(context: Context) -> list[Figure]:
    """A coalition's dashboard, cold and warm, against a minimal Django view."""
    from bench.dashboard import bench_dashboard

    return [_figure(*figure) for figure in bench_dashboard()]


def national_values(context: Context) -> list[Figure]:
    """The API's figures of every municipality over HTTP, against Datasette on the same file."""
    from bench.dashboard import bench_national_values

    return [_figure(*figure) for figure in bench_national_values()]


BENCHES: list[Bench] = [
    prepare_database,
    build,
    measure_database,
    measure_memory,
    insight,
    dashboard,
    national_values,
    session_pack,
    cbs_import,
    registration_import,
]


def run_benches(benches: Iterable[Bench], context: Context, out: TextIO) -> list[Figure]:
    """Run each bench in turn and print its figures as they come."""
    figures = []
    for bench in benches:
        for figure in bench(context):
            print(figure.line(), file=out, flush=True)
            figures.append(figure)
    return figures


def parse_line(text: str) -> tuple[str, float, str]:
    """``'build_time: 12.3 s'`` → ``('build_time', 12.3, 's')``; ValueError otherwise."""
    match = LINE.match(text.strip())
    if match is None:
        raise ValueError(f"not a 'name: value unit' line: {text!r}")
    return match["name"], float(match["value"]), match["unit"]


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build a national-size dataset and time it.")
    parser.add_argument("--quick", action="store_true", help="fewer indicators and years")
    parser.add_argument(
        "--database-url",
        help="database to use (it is emptied!); default: a SQLite file in a temporary folder",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="folder with kwb_2024_85984NED_gm_wk.json (default: ../shared/data)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch SQLite file")
    parser.add_argument(
        "--force", action="store_true", help="empty the database even if it holds real data"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    scratch = None
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        scratch = Path(tempfile.mkdtemp(prefix="kansrijk-bench-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.settings")

    import django

    django.setup()
    from bench.dataset import FULL, QUICK

    context = Context(size=QUICK if args.quick else FULL, data_dir=args.data_dir, force=args.force)
    try:
        run_benches(BENCHES, context, sys.stdout)
    finally:
        if scratch is not None:
            if args.keep:
                print(f"# database kept: {scratch / 'bench.sqlite3'}", file=sys.stderr)
            else:
                shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
