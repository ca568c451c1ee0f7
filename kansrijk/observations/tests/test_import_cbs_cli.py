"""The acceptance run: the real ``kansrijk`` script against a CBS v3 server at
KANSRIJK_CBS_V3_URL fills a coalition's municipality and wijk figures, then writes nothing."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kansrijk.testing.fake_cbs import FakeCBS, FakeTable, serve_in_thread

from .cbs_fixtures import births_table

KWB_TABLES = [
    "83765NED",
    "84286NED",
    "84583NED",
    "84799NED",
    "85039NED",
    "85318NED",
    "85618NED",
    "85984NED",
    "86165NED",
]


def kwb_tables(shared_data_dir) -> list[FakeTable]:
    folder = Path(shared_data_dir)
    properties = json.loads((folder / "cbs_responses/85984NED/DataProperties.json").read_text())
    with open(folder / "kwb_2024_zeist_utrecht_alkmaar.csv", encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    tables = []
    for offset, table in enumerate(KWB_TABLES):
        rows = []
        for number, record in enumerate(records):
            inhabitants = int(record["AantalInwoners_5"]) - 100 * (8 - offset)
            rows.append(
                {
                    "ID": number,
                    "WijkenEnBuurten": record["WijkenEnBuurten"].ljust(10),
                    "AantalInwoners_5": inhabitants,
                    "GeboorteTotaal_25": inhabitants // 100,
                    "HuishoudensTotaal_29": inhabitants // 2,
                    "HuishoudensMetKinderen_32": inhabitants // 8,
                    "HuishoudensMetEenLaagInkomen_89": 7.5,
                }
            )
        regions = [
            {"Key": r["WijkenEnBuurten"], "Title": r["WijkenEnBuurten"].strip()} for r in rows
        ]
        tables.append(
            FakeTable(
                table,
                f"Kerncijfers wijken en buurten {2017 + offset}",
                "2025-03-27T02:00:00",
                properties,
                rows,
                {"WijkenEnBuurten": regions},
            )
        )
    return tables


def kansrijk(*args, env):
    script = Path(sys.executable).with_name("kansrijk")
    return subprocess.run(
        [str(script), *args], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def environment(tmp_path, shared_data_dir):
    server = FakeCBS([births_table(), *kwb_tables(shared_data_dir)])
    url, stop = serve_in_thread(server)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "KANSRIJK_CBS_V3_URL": url,
        "KANSRIJK_CBS_BACKOFF": "0",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    for args in (
        ["migrate", "-v0"],
        ["catalog", "load"],
        ["areas", "load", str(Path(shared_data_dir) / "gemeenten_2023.csv"), "--year", "2023"],
        ["coalitions", "create", "--name", "Kansrijk Zeist", "--slug", "zeist", "--area", "GM0355"],
    ):
        done = kansrijk(*args, env=env)
        assert done.returncode == 0, done.stderr
    yield env, server
    stop()


def test_the_cli_fills_municipality_and_wijken_and_a_second_run_writes_nothing(environment):
    env, _server = environment
    first = kansrijk("import", "cbs", "--coalition", "zeist", env=env)
    assert first.returncode == 0, first.stderr
    assert "waarnemingen geschreven" in first.stdout
    values = kansrijk(
        "values", "--indicator", "inhabitants", "--area", "WK035501", "--json", env=env
    )
    assert values.returncode == 0, values.stderr
    assert len(json.loads(values.stdout)) == 9  # one per Kerncijfers table, 2017–2025
    for indicator in (
        "live_births",
        "birth_rate",
        "households_with_children",
        "households_low_income",
    ):
        shown = kansrijk("values", "--indicator", indicator, "--area", "GM0355", "--json", env=env)
        assert json.loads(shown.stdout), indicator
    second = kansrijk("import", "cbs", "--coalition", "zeist", env=env)
    assert second.returncode == 0
    assert "Niets nieuws" in second.stdout


def test_the_cli_fails_with_the_cause_and_a_non_zero_exit(environment):
    env, server = environment
    server.fail_after = len(server.requests) + 4
    failed = kansrijk("import", "cbs", "--coalition", "zeist", env=env)
    assert failed.returncode != 0
    assert "er is niets veranderd" in failed.stderr
    shown = kansrijk("values", "--indicator", "inhabitants", "--area", "GM0355", "--json", env=env)
    assert json.loads(shown.stdout) == []
