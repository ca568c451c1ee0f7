"""``kansrijk export --coalition SLUG --format csv|xlsx --output FILE``."""

import csv
import errno
import io
import os

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from kansrijk.cli import main
from kansrijk.exports import writers
from kansrijk.exports.management.commands.export import _reason
from kansrijk.exports.outputs import workbook_text
from kansrijk.insight.tests.test_output_paths import _hidden_cells, forbidden_patterns, leaks

from .conftest import hidden_keys


def _export(**options):
    out = io.StringIO()
    call_command("export", stdout=out, **options)
    return out.getvalue()


def test_it_writes_everything_as_csv(coalition, share, nation, tmp_path):
    target = tmp_path / "voorbeeldstad.csv"
    summary = _export(coalition="voorbeeldstad", format="csv", output=str(target))
    assert summary.startswith(f"Cijfers van Kansrijk Voorbeeldstad geëxporteerd naar {target}")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode()[1:], newline=""), delimiter=";"))
    assert rows[0] == ["Kansrijk Voorbeeldstad: laatste cijfer en oordeel per indicator"]
    assert rows[2][:2] == ["preterm", "Vroeggeboorte"]


def test_it_writes_everything_as_xlsx(coalition, share, nation, tmp_path):
    target = tmp_path / "voorbeeldstad.xlsx"
    _export(coalition="voorbeeldstad", format="xlsx", output=str(target))
    workbook = load_workbook(target)
    assert workbook.sheetnames == ["overzicht", "waarden", "details", "vergelijking"]
    assert workbook.properties.title == "Kansrijk Voorbeeldstad"
    assert workbook["overzicht"]["G2"].value == 7.0


def test_the_format_follows_the_file_name(coalition, share, nation, tmp_path):
    target = tmp_path / "alles.xlsx"
    _export(coalition="voorbeeldstad", output=str(target))
    assert load_workbook(target).sheetnames[0] == "overzicht"


def test_it_writes_csv_to_stdout(coalition, share, nation):
    text = _export(coalition="voorbeeldstad", format="csv", output="-")
    assert text.startswith("\ufeffKansrijk Voorbeeldstad: laatste cijfer")
    assert "Cijfers van" not in text


def test_the_file_holds_what_a_download_holds(client, member, coalition, share, nation, tmp_path):
    target = tmp_path / "alles.csv"
    _export(coalition="voorbeeldstad", output=str(target))
    client.force_login(member)
    assert client.get("/coalities/voorbeeldstad/export/alles.csv").content == target.read_bytes()


def test_no_output_shows_a_hidden_number(coalition, small_numbers, tmp_path):
    keys = hidden_keys(coalition, small_numbers)
    patterns = forbidden_patterns(_hidden_cells(coalition, small_numbers))
    text = _export(coalition="voorbeeldstad", format="csv", output="-")
    assert leaks(text, "csv", patterns) == []
    _export(coalition="voorbeeldstad", format="xlsx", output=str(tmp_path / "x.xlsx"))
    data = (tmp_path / "x.xlsx").read_bytes()
    assert leaks(workbook_text(data), "xlsx", patterns) == []
    sheet = load_workbook(tmp_path / "x.xlsx")["waarden"]
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    shown = [dict(zip(header, row, strict=True)) for row in rows if row[0] is not None]
    hidden = [r for r in shown if (r["indicatorcode"], r["code"], r["periode"]) in keys]
    assert len(hidden) == len(keys)
    assert all(r["waarde"] == r["teller"] == r["noemer"] == "." for r in hidden)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"coalition": "onbekend", "format": "csv", "output": "-"}, "Onbekende coalitie"),
        ({"format": "csv", "output": "-"}, "Geef --coalition op"),
        ({"coalition": "voorbeeldstad", "format": "csv"}, "Geef --output op"),
        ({"coalition": "voorbeeldstad", "format": "pdf", "output": "-"}, "Onbekend formaat"),
        ({"coalition": "voorbeeldstad", "output": "alles.txt"}, "Geef --format op"),
        ({"coalition": "voorbeeldstad", "format": "xlsx", "output": "-"}, "alleen csv"),
    ],
)
def test_bad_options_get_a_dutch_message(coalition, options, message):
    with pytest.raises(CommandError, match=message):
        _export(**options)


def test_an_unwritable_path_is_named(coalition, share, nation, tmp_path):
    target = tmp_path / "bestaat-niet" / "alles.csv"
    with pytest.raises(CommandError, match=r"Kan .*alles\.csv niet schrijven: de map bestaat niet"):
        _export(coalition="voorbeeldstad", output=str(target))
    with pytest.raises(CommandError, match="dat is een map"):
        _export(coalition="voorbeeldstad", format="csv", output=str(tmp_path))


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (errno.EACCES, "geen toestemming om daar te schrijven"),
        (errno.EROFS, "het bestandssysteem is alleen-lezen"),
        (errno.ENOTDIR, "de map bestaat niet"),
        (errno.EIO, "Input/output error"),
    ],
)
def test_write_errors_are_explained(error, reason):
    assert _reason(OSError(error, os.strerror(error))) == reason


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(
    coalition, share, nation, tmp_path, monkeypatch
):
    target = tmp_path / "alles.csv"
    target.write_text("de vorige export")

    monkeypatch.setattr(writers.os, "fdopen", lambda fd, mode: _Failing(fd))
    with pytest.raises(CommandError, match="de schijf is vol"):
        _export(coalition="voorbeeldstad", output=str(target))
    assert target.read_text() == "de vorige export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alles.csv"]


class _Failing:
    """A file that fills the disk halfway through."""

    def __init__(self, fd):
        self.file = open(fd, "wb")  # noqa: SIM115 (closed in __exit__)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.file.close()

    def write(self, data):
        self.file.write(data[: len(data) // 2])
        raise OSError(28, "No space left on device")


def test_a_new_file_is_readable_like_any_other(coalition, share, nation, tmp_path):
    target = tmp_path / "alles.csv"
    _export(coalition="voorbeeldstad", output=str(target))
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_the_command_line_exits_non_zero_without_a_traceback(coalition, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["kansrijk", "export", "--coalition", "onbekend", "--output", "x.csv"])
    assert exit_info.value.code != 0
    err = capsys.readouterr().err
    assert "Onbekende coalitie 'onbekend' (--coalition)." in err
    assert "Traceback" not in err
