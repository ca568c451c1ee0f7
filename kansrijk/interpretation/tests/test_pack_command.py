"""``kansrijk report session``: the session pack as a PDF file, written atomically, with a
clear Dutch error (and a non-zero exit) for anything it cannot do."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from kansrijk.cli import main
from kansrijk.interpretation.management.commands import report
from kansrijk.interpretation.models import Cycle, Session
from kansrijk.interpretation.pack.rendering import PdfUnavailable, pdf_text

from .pack_fixtures import *  # noqa: F403
from .pack_fixtures import INDICATOR_NAMES, QUOTES


def _report(*args) -> str:
    out = io.StringIO()
    call_command("report", "session", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def later_session(bare_session):
    """A second, later session of the coalition, without indicators."""
    return Session.objects.create(
        cycle=bare_session.cycle, title="Najaarssessie", held_on=date(2099, 10, 1)
    )


def test_it_writes_the_pack_of_a_session(coalition, pack_session, tmp_path):
    output = tmp_path / "pakket.pdf"

    printed = _report(
        "--coalition", coalition.slug, "--session", str(pack_session.pk), "--output", str(output)
    )

    text = pdf_text(output.read_bytes())
    assert INDICATOR_NAMES[0] in text and QUOTES[0] in text
    assert "Duidingssessie voorjaar" in printed
    assert f"sessie {pack_session.pk}" in printed
    assert "5 indicator(en)" in printed
    assert str(output) in printed


def test_latest_takes_the_session_with_the_latest_date(
    coalition, pack_session, later_session, tmp_path
):
    output = tmp_path / "pakket.pdf"

    printed = _report("--coalition", coalition.slug, "--latest", "--output", str(output))

    assert "Najaarssessie" in printed
    assert "Najaarssessie" in pdf_text(output.read_bytes())


def test_without_a_session_it_takes_the_latest(coalition, later_session, tmp_path):
    printed = _report("--coalition", coalition.slug, "--output", str(tmp_path / "p.pdf"))

    assert f"sessie {later_session.pk}" in printed


def test_it_replaces_an_existing_file_and_leaves_no_temporary_file(
    coalition, bare_session, tmp_path
):
    output = tmp_path / "pakket.pdf"
    output.write_bytes(b"oud")

    _report(
        "--coalition", coalition.slug, "--session", str(bare_session.pk), "--output", str(output)
    )

    assert output.read_bytes().startswith(b"%PDF-")
    assert [path.name for path in tmp_path.iterdir()] == ["pakket.pdf"]


def test_a_failed_run_leaves_the_existing_file_untouched(
    coalition, bare_session, tmp_path, monkeypatch
):
    output = tmp_path / "pakket.pdf"
    output.write_bytes(b"oud")

    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report.os, "replace", broken_replace)
    with pytest.raises(CommandError, match="kan '.*pakket.pdf' niet schrijven"):
        _report(
            "--coalition",
            coalition.slug,
            "--session",
            str(bare_session.pk),
            "--output",
            str(output),
        )

    assert output.read_bytes() == b"oud"
    assert [path.name for path in tmp_path.iterdir()] == ["pakket.pdf"]


def test_an_unknown_coalition_is_an_error(db, tmp_path):
    with pytest.raises(CommandError, match="Onbekende coalitie 'nergens'"):
        _report("--coalition", "nergens", "--output", str(tmp_path / "p.pdf"))


def test_a_session_of_another_coalition_is_an_error(coalition, elsewhere_session, tmp_path):
    with pytest.raises(CommandError, match="geen duidingssessie met nummer"):
        _report(
            "--coalition",
            coalition.slug,
            "--session",
            str(elsewhere_session.pk),
            "--output",
            str(tmp_path / "p.pdf"),
        )
    assert list(tmp_path.iterdir()) == []


def test_a_coalition_without_sessions_is_an_error(coalition, tmp_path):
    Cycle.objects.create(coalition=coalition, title="Leeg", started_on=date(2025, 1, 1))

    with pytest.raises(CommandError, match="heeft nog geen duidingssessies"):
        _report("--coalition", coalition.slug, "--latest", "--output", str(tmp_path / "p.pdf"))


def test_a_missing_folder_is_an_error(coalition, bare_session, tmp_path):
    with pytest.raises(CommandError, match="de map '.*bestaat-niet' bestaat niet"):
        _report("--coalition", coalition.slug, "--output", str(tmp_path / "bestaat-niet" / "p.pdf"))


def test_a_folder_as_output_is_an_error(coalition, bare_session, tmp_path):
    with pytest.raises(CommandError, match="is een map"):
        _report("--coalition", coalition.slug, "--output", str(tmp_path))


def test_session_and_latest_cannot_both_be_given(coalition, bare_session, tmp_path):
    with pytest.raises(CommandError, match="not allowed with argument"):
        _report(
            "--coalition",
            coalition.slug,
            "--session",
            "1",
            "--latest",
            "--output",
            str(tmp_path / "p.pdf"),
        )


def test_without_weasyprint_it_is_a_clear_error(coalition, bare_session, tmp_path, monkeypatch):
    def unavailable(pack):
        raise PdfUnavailable("De PDF kan op deze server niet gemaakt worden: Pango ontbreekt.")

    monkeypatch.setattr(report, "render_pack_pdf", unavailable)
    with pytest.raises(CommandError, match="De PDF kan op deze server niet gemaakt worden"):
        _report("--coalition", coalition.slug, "--output", str(tmp_path / "p.pdf"))
    assert list(tmp_path.iterdir()) == []


def test_the_console_script_exits_non_zero_with_the_message(db, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "kansrijk",
                "report",
                "session",
                "--coalition",
                "nergens",
                "--output",
                str(tmp_path / "p.pdf"),
            ]
        )

    assert exit_info.value.code == 1
    assert "Onbekende coalitie 'nergens'" in capsys.readouterr().err
