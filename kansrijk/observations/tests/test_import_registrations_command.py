"""``kansrijk import registrations`` and ``kansrijk import rollback``."""

import io

import pytest
from django.core.management import CommandError, call_command

from kansrijk.observations.models import ImportBatch, Observation
from kansrijk.testing.factories import PartnerFactory

from .files import DATA, long_csv


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(*args):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import", *args, stdout=out, stderr=err)
    return error.value, out.getvalue(), err.getvalue()


@pytest.fixture
def csv_file(tmp_path):
    def write(rows, header=("wijk", "kwartaal", "aantal"), name="cijfers.csv"):
        path = tmp_path / name
        path.write_bytes(long_csv(rows, header=header))
        return str(path)

    return write


def test_it_imports_a_file_and_prints_a_summary(setting_up, csv_file):
    out, _err = run(
        "registrations",
        csv_file([("Noord", "2023-K1", "3"), ("Totaal", "2023-K1", "3")]),
        "--coalition", "voorbeeldstad",
        "--indicator", "voorzorg_gezinnen",
    )  # fmt: skip
    batch = ImportBatch.objects.get()
    assert f"Import {batch.pk} (Verloskundigenpraktijk Zuid): 1 waarden" in out
    assert "overgeslagen: rij 3: totaalrij 'Totaal' overgeslagen." in out
    assert Observation.objects.get().numerator == 3


def test_a_dry_run_writes_nothing(setting_up, csv_file):
    out, _err = run(
        "registrations", csv_file([("Noord", "2023-K1", "3")]),
        "--coalition", "voorbeeldstad", "--indicator", "voorzorg_gezinnen", "--dry-run",
    )  # fmt: skip
    assert "Proefimport, niets geschreven" in out
    assert not Observation.objects.exists()
    assert not ImportBatch.objects.exists()


def test_a_rejected_file_prints_every_problem_and_exits_with_status_1(setting_up):
    error, _out, err = run_failing(
        "registrations", str(DATA / "three_bad_rows.csv"),
        "--coalition", "voorbeeldstad", "--indicator", "nu_niet_zwanger",
    )  # fmt: skip
    assert error.returncode == 1
    assert "Niets ingelezen: 3 fout(en)" in str(error)
    assert err.splitlines() == [
        "fout: rij 17, kolom 'aantal': 'abc' is geen getal.",
        "fout: rij 233, kolom 'wijknaam': onbekend gebied 'Nergenshuizen': geen wijk of gemeente "
        "van deze coalitie.",
        "fout: rij 412, kolom 'aantal': -3 is negatief; dat kan hier niet.",
    ]
    assert not Observation.objects.exists()


def test_columns_can_be_mapped_on_the_command_line(setting_up, csv_file):
    path = csv_file([("Noord", "2023-K1", "3")], header=("Locatie", "Tijdvak", "Gezinnen"))
    run(
        "registrations", path, "--coalition", "voorbeeldstad", "--indicator", "voorzorg_gezinnen",
        "--columns", "area=Locatie,period=Tijdvak,numerator=Gezinnen",
    )  # fmt: skip
    assert Observation.objects.get().period == "2023-Q1"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--columns", "gebied"], "geen rol=kolom"),
        (["--columns", "plaats=Wijk"], "Onbekende rol 'plaats'"),
        (["--indicator", "bestaat_niet"], "Onbekende indicator 'bestaat_niet'"),
        (["--partner", "Niemand"], "Onbekende partner 'Niemand'. Partners: Verloskundigenpraktijk"),
    ],
)
def test_it_refuses_wrong_options_in_dutch(setting_up, csv_file, extra, message):
    path = csv_file([("Noord", "2023-K1", "3")])
    error, _out, _err = run_failing(
        "registrations", path, "--coalition", "voorbeeldstad", "--indicator", "voorzorg_gezinnen",
        *extra,
    )  # fmt: skip
    assert message in str(error)


def test_it_asks_which_partner_when_there_are_several(setting_up, csv_file, coalition):
    PartnerFactory(coalition=coalition, name="JGZ")
    error, _out, _err = run_failing(
        "registrations", csv_file([("Noord", "2023-K1", "3")]),
        "--coalition", "voorbeeldstad", "--indicator", "voorzorg_gezinnen",
    )  # fmt: skip
    assert "Kies de partner met --partner" in str(error)
    run(
        "registrations", csv_file([("Noord", "2023-K1", "3")]),
        "--coalition", "voorbeeldstad", "--indicator", "voorzorg_gezinnen", "--partner", "jgz",
    )  # fmt: skip
    assert ImportBatch.objects.get().partner.name == "JGZ"


def test_it_refuses_an_unknown_coalition_and_a_missing_file(setting_up, tmp_path):
    error, _out, _err = run_failing("registrations", "x.csv", "--coalition", "nergens")
    assert "Onbekende coalitie 'nergens'" in str(error)
    error, _out, _err = run_failing(
        "registrations", str(tmp_path / "weg.csv"), "--coalition", "voorbeeldstad"
    )
    assert "Kan" in str(error) and "weg.csv" in str(error)


def test_it_refuses_a_file_over_the_size_limit(setting_up, csv_file, settings):
    settings.KANSRIJK_UPLOAD_MAX_BYTES = 10
    error, _out, _err = run_failing(
        "registrations", csv_file([("Noord", "2023-K1", "3")]), "--coalition", "voorbeeldstad"
    )
    assert "te groot" in str(error)


def test_rollback_restores_and_says_what_it_did(setting_up, csv_file):
    args = ["--coalition", "voorbeeldstad", "--indicator", "voorzorg_gezinnen"]
    run("registrations", csv_file([("Noord", "2023-K1", "3")]), *args)
    run("registrations", csv_file([("Noord", "2023-K1", "8")]), *args)
    latest = ImportBatch.objects.order_by("-pk").first()

    out, _err = run("rollback", str(latest.pk))

    assert f"Import {latest.pk} is teruggedraaid: 1 waarden verwijderd, 1 eerdere" in out
    assert Observation.objects.get().numerator == 3


def test_rollback_refuses_an_unknown_or_replaced_batch(setting_up, csv_file):
    args = ["--coalition", "voorbeeldstad", "--indicator", "voorzorg_gezinnen"]
    run("registrations", csv_file([("Noord", "2023-K1", "3")]), *args)
    run("registrations", csv_file([("Noord", "2023-K1", "8")]), *args)
    first = ImportBatch.objects.order_by("pk").first()
    error, _out, _err = run_failing("rollback", "999999")
    assert "bestaat niet" in str(error)
    error, _out, _err = run_failing("rollback", str(first.pk))
    assert "Draai die eerst terug" in str(error)
