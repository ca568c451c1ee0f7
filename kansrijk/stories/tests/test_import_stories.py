"""Stories from a spreadsheet: ``read_stories``/``commit_stories`` and ``kansrijk import
stories`` (same reader, validation and all-or-nothing rule as registration files)."""

import io
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kansrijk.stories.collecting import collect_story
from kansrijk.stories.importing import commit_stories, read_stories
from kansrijk.stories.models import Consent, Language, ReviewStatus, Story, StoryPhase

DATA = Path(__file__).parent / "data"
TODAY = date(2024, 12, 31)


@pytest.fixture
def wijken(wijk, other_wijk):
    return [wijk, other_wijk]


def _read(name, coalition):
    return read_stories((DATA / name).read_bytes(), name, coalition=coalition, today=TODAY)


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(*args):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import", *args, stdout=out, stderr=err)
    return error.value, out.getvalue(), err.getvalue()


def test_it_reads_every_column_of_a_csv_file(coalition, wijken):
    preview = _read("verhalen.csv", coalition)
    assert preview.errors == []
    first, second, third = preview.rows
    assert (first.row, first.phase, first.consent) == (2, StoryPhase.MATERNITY, Consent.SESSIONS)
    assert first.area.name == "Centrum"
    assert first.told_on == date(2024, 3, 14)
    assert (second.phase, second.consent, second.area) == (StoryPhase.EARLY_YEARS, "publish", None)
    assert second.told_on == date(2024, 2, 1)
    assert (third.phase, third.consent, third.told_on) == (StoryPhase.PREGNANCY, "internal", None)


def test_it_saves_the_stories_de_identified_and_waiting_for_review(coalition, wijken):
    stories = commit_stories(_read("verhalen.csv", coalition))
    assert len(stories) == 3
    story = Story.objects.get(pk=stories[0].pk)
    assert "Sanne" in story.original_text
    assert "Sanne" not in story.anonymised_text
    assert story.review_status == ReviewStatus.PENDING
    assert {s.coalition for s in Story.objects.all()} == {coalition}


def test_it_reads_an_excel_file_with_a_title_row_dates_and_area_codes(coalition, wijken):
    preview = _read("verhalen.xlsx", coalition)
    assert preview.errors == []
    first, second = preview.rows
    assert first.row == 4
    assert first.area.code == "WK999901"
    assert first.told_on == date(2024, 5, 6)
    assert second.language == Language.ARABIC


def test_a_file_with_errors_is_rejected_whole_naming_row_and_column(coalition, wijken):
    preview = _read("verhalen_fouten.csv", coalition)
    assert [str(problem) for problem in preview.errors] == [
        "rij 3, kolom 'tekst': de tekst van het verhaal ontbreekt.",
        "rij 4, kolom 'fase': onbekende fase 'kraamweekje'. Kies kinderwens, zwangerschap, "
        "bevalling, kraamtijd of eerste 1000 dagen.",
        "rij 5, kolom 'toestemming': de toestemming ontbreekt. Zonder toestemming wordt een "
        "verhaal niet bewaard; vul in: intern, duidingssessies of publiceren.",
        "rij 6, kolom 'wijk': onbekend gebied 'Nergenshuizen': geen wijk of gemeente van deze "
        "coalitie.",
        "rij 7, kolom 'datum': de datum 01-01-2999 ligt in de toekomst.",
        "rij 8, kolom 'datum': 'gisteren' is geen datum; schrijf bijvoorbeeld 14-03-2024.",
    ]
    assert not preview.is_valid


def test_messages_never_quote_the_story_text(coalition, wijken):
    preview = _read("verhalen_fouten.csv", coalition)
    assert all("Jan Modaal" not in str(problem) for problem in preview.problems)
    assert all("Een verhaal" not in str(problem) for problem in preview.problems)


def test_a_missing_required_column_is_a_file_error(coalition):
    data = b"tekst;wijk\nEen verhaal;Centrum\n"
    preview = read_stories(data, "verhalen.csv", coalition=coalition)
    assert [p.code for p in preview.errors] == ["missing-column", "missing-column"]
    assert "'fase' ontbreekt" in str(preview.errors[0])


def test_the_same_story_twice_is_an_error(coalition):
    data = "tekst;fase;toestemming\nHetzelfde;bevalling;intern\nhetzelfde ;bevalling;intern\n"
    preview = read_stories(data.encode(), "v.csv", coalition=coalition)
    assert [str(p) for p in preview.errors] == [
        "rij 3, kolom 'tekst': hetzelfde verhaal staat ook in rij 2."
    ]


def test_an_unreadable_file_is_one_error(coalition):
    preview = read_stories(b"\x00\x01", "verhalen.xls", coalition=coalition)
    assert [p.code for p in preview.errors] == ["unreadable"]


def test_the_command_imports_a_file_and_prints_a_summary(coalition, wijken):
    out, _err = run("stories", str(DATA / "verhalen.csv"), "--coalition", coalition.slug)
    assert "3 verhaal/verhalen ingelezen en geanonimiseerd" in out
    assert Story.objects.filter(review_status=ReviewStatus.PENDING).count() == 3


def test_the_command_records_the_partner_who_collected_them(coalition, wijken, partner):
    run("stories", str(DATA / "verhalen.csv"), "--coalition", coalition.slug,
        "--partner", partner.name)  # fmt: skip
    assert {s.partner for s in Story.objects.all()} == {partner}


def test_a_rejected_file_prints_every_problem_writes_nothing_and_exits_with_1(coalition, wijken):
    error, _out, err = run_failing(
        "stories", str(DATA / "verhalen_fouten.csv"), "--coalition", coalition.slug
    )
    assert error.returncode == 1
    assert "Niets ingelezen: 6 fout(en)" in str(error)
    lines = err.splitlines()
    assert len(lines) == 6
    assert lines[0] == "fout: rij 3, kolom 'tekst': de tekst van het verhaal ontbreekt."
    assert not Story.objects.exists()


def test_a_dry_run_writes_nothing(coalition, wijken):
    out, _err = run(
        "stories", str(DATA / "verhalen.csv"), "--coalition", coalition.slug, "--dry-run"
    )
    assert "Proefimport, niets geschreven" in out
    assert not Story.objects.exists()


def test_an_unknown_coalition_is_an_error(db):
    error, _out, _err = run_failing("stories", str(DATA / "verhalen.csv"), "--coalition", "x")
    assert "Onbekende coalitie" in str(error)


def test_a_file_with_a_nul_character_is_refused_as_binary(coalition):
    data = b"tekst;fase;toestemming\nEen ver\x00haal;bevalling;intern\n"
    preview = read_stories(data, "v.csv", coalition=coalition)
    assert [p.code for p in preview.errors] == ["unreadable"]


def test_a_nul_character_typed_into_a_story_is_dropped(coalition):
    story = collect_story(coalition, "Een ver\x00haal", phase="birth", consent="internal")
    assert Story.objects.get(pk=story.pk).original_text == "Een verhaal"
