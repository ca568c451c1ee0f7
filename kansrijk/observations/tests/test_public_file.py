"""``kansrijk import file``: downloaded public files (regiobeeld, waarstaatjegemeente, Perined)."""

import io

import pytest
from django.core.management import CommandError, call_command

from kansrijk.observations.models import ImportBatch, Observation
from kansrijk.testing.factories import AreaFactory, IndicatorFactory

REGIOBEELD_STYLE = (
    "Kansrijke Start – Start zwangerschapsbegeleiding na 10 weken\r\n"
    "Bron: Perined, bewerking RIVM\r\n"
    "\r\n"
    "Gemeente;Jaar;Percentage\r\n"
    "Zeist;2021;14,2\r\n"
    "Zeist;2022;13,8\r\n"
    "Utrecht;2022;17,5\r\n"
    "Utrecht;2023;.\r\n"
).encode("cp1252")

WIDE_CODES = b"Gemeentecode,2021,2022,2023\nGM0355,14.2,13.8,12.9\nGM0344,18.1,17.5,16.0\n"


@pytest.fixture
def places(db):
    IndicatorFactory(code="late_start_prenatal_care", unit="percentage", direction="lower")
    AreaFactory(code="GM0355", name="Zeist")
    AreaFactory(code="GM0344", name="Utrecht")


def run(tmp_path, content, name, *args):
    path = tmp_path / name
    path.write_bytes(content)
    out, err = io.StringIO(), io.StringIO()
    call_command("import", "file", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_regiobeeld_style_file_imports_as_public_figures(tmp_path, places):
    out, _err = run(
        tmp_path,
        REGIOBEELD_STYLE,
        "regiobeeld.csv",
        "--source",
        "regiobeeld.nl",
        "--indicator",
        "late_start_prenatal_care",
    )
    zeist = Observation.objects.get(area__code="GM0355", period="2022")
    assert zeist.value == pytest.approx(13.8)
    assert zeist.coalition is None
    assert Observation.objects.get(area__code="GM0344", period="2023").status == "secret"
    batch = ImportBatch.objects.get()
    assert (batch.kind, batch.source_name, batch.table_or_file) == (
        "public_file",
        "regiobeeld.nl",
        "regiobeeld.csv",
    )
    assert out.startswith(f"Import {batch.pk} (regiobeeld.nl)")


def test_a_wide_file_with_years_as_columns_imports_every_cell(tmp_path, places):
    run(
        tmp_path,
        WIDE_CODES,
        "wsjg.csv",
        "--source",
        "waarstaatjegemeente.nl",
        "--indicator",
        "late_start_prenatal_care",
    )
    assert Observation.objects.filter(area__code="GM0344").count() == 3
    assert Observation.objects.get(area__code="GM0344", period="2023").value == 16.0


def test_an_unknown_municipality_is_named_by_row_and_nothing_is_written(tmp_path, places):
    content = REGIOBEELD_STYLE + "Atlantis;2022;9,9\r\n".encode("cp1252")
    with pytest.raises(CommandError):
        out, err = run(
            tmp_path,
            content,
            "fout.csv",
            "--source",
            "regiobeeld.nl",
            "--indicator",
            "late_start_prenatal_care",
        )
    assert not Observation.objects.exists()
    assert not ImportBatch.objects.exists()


def test_the_problem_lines_name_the_row(tmp_path, places, capsys):
    content = REGIOBEELD_STYLE + "Atlantis;2022;9,9\r\n".encode("cp1252")
    path = tmp_path / "fout.csv"
    path.write_bytes(content)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import",
            "file",
            str(path),
            "--source",
            "regiobeeld.nl",
            "--indicator",
            "late_start_prenatal_care",
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "rij 9" in err.getvalue()
    assert "Atlantis" in err.getvalue()


def test_a_dry_run_writes_nothing(tmp_path, places):
    out, _err = run(
        tmp_path,
        WIDE_CODES,
        "wsjg.csv",
        "--source",
        "wsjg",
        "--indicator",
        "late_start_prenatal_care",
        "--dry-run",
    )
    assert out.startswith("Proefimport, niets geschreven.")
    assert not Observation.objects.exists()


def test_an_own_indicator_of_a_coalition_is_not_available_for_public_files(
    tmp_path, places, coalition
):
    IndicatorFactory(code="eigen_bereik", coalition=coalition)
    with pytest.raises(CommandError, match="Onbekende indicator"):
        run(tmp_path, WIDE_CODES, "wsjg.csv", "--source", "wsjg", "--indicator", "eigen_bereik")
