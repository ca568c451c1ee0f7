"""kansrijk catalog load | export | add."""

import re
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from kansrijk.catalog.models import Indicator


def _run(*args) -> str:
    out = StringIO()
    call_command("catalog", *args, stdout=out)
    return out.getvalue()


def test_load_prints_a_one_line_summary(db):
    output = _run("load")
    assert re.match(r"Catalogus versie \d+ geladen: ", output)
    assert output.count("\n") == 1
    assert Indicator.objects.filter(code="big2").exists()


def test_load_reads_the_given_file(db, minimal_catalogue, write_catalogue):
    output = _run("load", str(write_catalogue(minimal_catalogue)))
    assert "2 nieuw" in output
    assert Indicator.objects.count() == 2


def test_load_stops_with_the_problems_of_an_invalid_file(db, minimal_catalogue, write_catalogue):
    minimal_catalogue["indicators"][0]["unit"] = "procent"
    with pytest.raises(CommandError) as error:
        _run("load", str(write_catalogue(minimal_catalogue)))
    assert "Indicator 'big2', veld 'unit'" in str(error.value)
    assert Indicator.objects.count() == 0


def test_export_writes_yaml_to_stdout(catalogue):
    data = yaml.safe_load(_run("export"))
    assert len(data["indicators"]) == catalogue.created


def test_export_writes_to_a_file(catalogue, tmp_path):
    target = tmp_path / "catalogus.yaml"
    output = _run("export", "--output", str(target))
    assert output == f"Catalogus geëxporteerd naar {target}.\n"
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["version"] >= 1


def test_export_reports_a_file_it_cannot_write(catalogue, tmp_path):
    with pytest.raises(CommandError) as error:
        _run("export", "--output", str(tmp_path / "geen-map" / "catalogus.yaml"))
    assert "niet schrijven" in str(error.value)


ADD = ["add", "--coalition", "voorbeeldstad", "--code", "bereik_voorzorg"]


def test_add_creates_an_own_indicator_of_the_coalition(coalition):
    output = _run(
        *ADD,
        "--name",
        "Bereik VoorZorg",
        "--unit",
        "count",
        "--direction",
        "higher",
        "--numerator",
        "Deelnemers",
    )
    assert output == "Eigen indicator 'bereik_voorzorg' toegevoegd aan Kansrijk Voorbeeldstad.\n"
    indicator = Indicator.objects.get(code="bereik_voorzorg")
    assert (indicator.coalition, indicator.phase, indicator.numerator) == (
        coalition,
        "programme",
        "Deelnemers",
    )


def test_add_refuses_an_unknown_coalition(db):
    with pytest.raises(CommandError) as error:
        _run(*ADD, "--name", "Bereik", "--unit", "count", "--direction", "higher")
    assert str(error.value) == "Onbekende coalitie 'voorbeeldstad' (--coalition)."


def test_add_refuses_an_existing_code(coalition, indicator):
    with pytest.raises(CommandError) as error:
        _run(
            "add",
            "--coalition",
            "voorbeeldstad",
            "--code",
            "big2",
            "--name",
            "Mijn BIG2",
            "--unit",
            "percentage",
            "--direction",
            "lower",
        )
    assert "--code: De code 'big2' bestaat al" in str(error.value)


@pytest.mark.parametrize(
    ("unit", "direction", "message"),
    [
        ("procent", "higher", "--unit: onbekende waarde 'procent'; kies uit: percentage"),
        ("count", "omhoog", "--direction: onbekende waarde 'omhoog'; kies uit: higher"),
    ],
)
def test_add_refuses_an_invalid_unit_or_direction(coalition, unit, direction, message):
    with pytest.raises(CommandError) as error:
        _run(*ADD, "--name", "Bereik", "--unit", unit, "--direction", direction)
    assert message in str(error.value)
    assert not Indicator.objects.filter(code="bereik_voorzorg").exists()
