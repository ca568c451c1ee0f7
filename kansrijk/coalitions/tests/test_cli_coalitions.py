import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kansrijk.coalitions.models import Coalition
from kansrijk.coalitions.setup import SetupError, create_coalition
from kansrijk.testing.factories import AreaFactory, CoalitionFactory

pytestmark = pytest.mark.django_db


def _run(*args):
    out, err = StringIO(), StringIO()
    call_command("coalitions", *args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.fixture
def zeist_utrecht():
    return AreaFactory(code="GM0355", name="Zeist"), AreaFactory(code="GM0344", name="Utrecht")


def test_list_prints_slug_and_name_sorted_by_slug():
    CoalitionFactory(slug="zeist", name="Kansrijk Zeist")
    CoalitionFactory(slug="alkmaar", name="Alkmaar Kansrijk")
    assert _run("list") == "alkmaar\tAlkmaar Kansrijk\nzeist\tKansrijk Zeist\n"


def test_list_prints_nothing_without_coalitions():
    assert _run("list") == ""


def test_create_makes_a_coalition_for_its_areas(zeist_utrecht):
    out = _run("create", "--name", "Kansrijk Zeist", "--slug", "zeist", "--area", "GM0355")
    coalition = Coalition.objects.get(slug="zeist")
    assert coalition.name == "Kansrijk Zeist"
    assert list(coalition.areas.values_list("code", flat=True)) == ["GM0355"]
    assert out == "Coalitie zeist (Kansrijk Zeist) aangemaakt: GM0355.\n"


def test_create_takes_several_areas_in_any_case(zeist_utrecht):
    _run("create", "--name", "Regio", "--slug", "regio", "--area", "gm0355", "--area", "GM0344")
    codes = Coalition.objects.get(slug="regio").areas.values_list("code", flat=True)
    assert sorted(codes) == ["GM0344", "GM0355"]


def test_create_refuses_unknown_areas_and_creates_nothing(zeist_utrecht):
    with pytest.raises(CommandError, match="Onbekende gebieden: GM0001, GM0002"):
        _run(
            "create",
            "--name",
            "X",
            "--slug",
            "x",
            "--area",
            "GM0355",
            "--area",
            "GM0002",
            "--area",
            "GM0001",
        )
    assert not Coalition.objects.exists()


def test_create_refuses_an_existing_slug(zeist_utrecht):
    CoalitionFactory(slug="zeist", name="Kansrijk Zeist")
    with pytest.raises(CommandError, match="al een coalitie met korte naam 'zeist'"):
        _run("create", "--name", "Tweede", "--slug", "zeist", "--area", "GM0355")
    assert Coalition.objects.get().name == "Kansrijk Zeist"


def test_create_refuses_a_slug_that_cannot_be_in_a_url(zeist_utrecht):
    with pytest.raises(CommandError, match="mag alleen letters, cijfers"):
        _run("create", "--name", "Zeist", "--slug", "kansrijk zeist", "--area", "GM0355")


def test_create_needs_name_slug_and_an_area():
    with pytest.raises(CommandError, match="Geef --name, --slug en minstens één --area op"):
        _run("create", "--name", "Zeist", "--slug", "zeist")


def test_it_asks_for_an_action():
    with pytest.raises(CommandError, match="Kies een actie: list of create"):
        _run()


@pytest.mark.parametrize(
    ("name", "slug", "codes", "message"),
    [
        ("  ", "zeist", ["GM0355"], "Geef de coalitie een naam"),
        ("Zeist", "", ["GM0355"], "Geef de coalitie een korte naam"),
        ("Zeist", "zeist", [" "], "minstens één gebied"),
        ("Zeist", "z" * 81, ["GM0355"], "te lang"),
    ],
)
def test_create_coalition_checks_its_input(zeist_utrecht, name, slug, codes, message):
    with pytest.raises(SetupError, match=message):
        create_coalition(name, slug, codes)


def test_the_console_script_runs_commands_end_to_end(tmp_path):
    script = Path(sys.executable).parent / "kansrijk"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'kansrijk.sqlite3'}"}
    areas = tmp_path / "gemeenten.csv"
    areas.write_text("gemeentecode,gemeentenaam\nGM0355,Zeist\n", encoding="utf-8")

    def kansrijk(*args):
        return subprocess.run(
            [str(script), *args], env=env, capture_output=True, text=True, timeout=120
        )

    assert kansrijk("migrate", "--verbosity", "0").returncode == 0
    assert kansrijk("areas", "load", str(areas)).returncode == 0
    created = kansrijk(
        "coalitions", "create", "--name", "Kansrijk Zeist", "--slug", "zeist", "--area", "GM0355"
    )
    assert created.returncode == 0, created.stderr
    listed = kansrijk("coalitions", "list")
    assert (listed.returncode, listed.stdout) == (0, "zeist\tKansrijk Zeist\n")
    refused = kansrijk("coalitions", "create", "--name", "X", "--slug", "x", "--area", "GM0001")
    assert refused.returncode != 0
    assert "Onbekende gebieden: GM0001" in refused.stderr
    assert "Traceback" not in refused.stderr
