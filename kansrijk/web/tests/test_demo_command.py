"""``kansrijk demo --no-serve`` builds a fresh SQLite database, and again from scratch."""

import os
import sqlite3
import subprocess
import sys

import pytest

from kansrijk.demo.database import RealDataError, describe_real_content, reset_database
from kansrijk.testing.factories import CoalitionFactory, ImportBatchFactory

COUNTED = (
    "areas_area",
    "areas_geometry",
    "auth_user",
    "catalog_indicator",
    "coalitions_coalition",
    "coalitions_planindicator",
    "observations_importbatch",
    "observations_observation",
)


def _run_demo(database: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "KANSRIJK_TESTING": "1",
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "kansrijk.cli", "demo", "--no-serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


def _counts(database: str) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        return {
            table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in COUNTED
        }


def test_it_builds_a_fresh_database_twice_and_prints_the_logins(tmp_path):
    database = str(tmp_path / "demo.sqlite3")

    first = _run_demo(database)
    assert first.returncode == 0, first.stderr
    counts = _counts(database)
    second = _run_demo(database)
    assert second.returncode == 0, second.stderr

    assert counts["observations_observation"] > 1000
    assert counts["areas_area"] >= 10
    assert counts["auth_user"] == 4
    assert _counts(database) == counts  # started clean: nothing doubled
    for email in (
        "coordinator@voorbeeldstad.example",
        "redacteur@voorbeeldstad.example",
        "lezer@voorbeeldstad.example",
        "beheer@voorbeeldstad.example",
    ):
        assert email in second.stdout
    assert "kansrijk-demo" in second.stdout


def test_it_sees_no_real_content_in_demo_data(db):
    ImportBatchFactory(kind="demo")
    CoalitionFactory(is_fictitious=True)
    assert describe_real_content() == ""


def test_it_names_real_coalitions_and_imports(db):
    ImportBatchFactory(kind="cbs")
    CoalitionFactory(is_fictitious=False)
    assert describe_real_content() == "1 echte coalitie(s) en 1 import(s) uit echte bronnen"


def test_it_refuses_to_wipe_real_data(db):
    ImportBatchFactory(kind="cbs")
    with pytest.raises(RealDataError, match="--force"):
        reset_database()
