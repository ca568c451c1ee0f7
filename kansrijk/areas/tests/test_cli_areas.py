from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kansrijk.areas.models import Area, Geometry, Level, RegionMember
from kansrijk.testing.factories import AreaFactory

pytestmark = pytest.mark.django_db


def _run(*args):
    out, err = StringIO(), StringIO()
    call_command("areas", *args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.fixture
def utrecht_zeist():
    utrecht = AreaFactory(code="GM0344", name="Utrecht")
    zeist = AreaFactory(code="GM0355", name="Zeist")
    AreaFactory(code="WK035501", name="Zeist-Noord", level=Level.DISTRICT, parent=zeist)
    return utrecht, zeist


def test_load_prints_a_one_line_summary(shared_data_dir):
    out = _run("load", str(Path(shared_data_dir) / "gemeenten_2023_pdok_simplified.geojson"))
    assert out.strip().splitlines() == [
        "342 gebieden geladen (342 nieuw, 0 bijgewerkt); 342 grenzen (2023); "
        "overgeslagen: GM0998 Buitenland."
    ]


def test_load_takes_the_year_and_level_options(shared_data_dir):
    path = Path(shared_data_dir) / "wijken_alkmaar_2024_pdok.geojson"
    out = _run("load", str(path), "--year", "2024", "--level", "wijk")
    assert "8 grenzen (2024)" in out
    assert Geometry.objects.filter(year=2024).count() == 8
    assert set(Area.objects.values_list("valid_from", flat=True)) == {2024}


def test_load_turns_a_bad_file_into_a_command_error(tmp_path):
    path = tmp_path / "fout.csv"
    path.write_text("code,naam\nGM0355,Zeist\nGM03,Fout\n", encoding="utf-8")
    with pytest.raises(CommandError, match="rij 3: Onbekende gebiedscode 'GM03'"):
        _run("load", str(path))
    assert not Area.objects.exists()


def test_load_refuses_a_year_that_is_not_a_number(tmp_path):
    with pytest.raises(CommandError, match="'twintig' is geen jaartal"):
        _run("load", str(tmp_path / "x.csv"), "--year", "twintig")


def test_load_refuses_an_unknown_level(shared_data_dir):
    path = Path(shared_data_dir) / "gemeenten_2023.csv"
    with pytest.raises(CommandError, match="Onbekend niveau 'stad'"):
        _run("load", str(path), "--level", "stad")
    assert not Area.objects.exists()


def test_list_prints_code_and_name_per_line(utrecht_zeist):
    assert _run("list") == "GM0344\tUtrecht\nGM0355\tZeist\nWK035501\tZeist-Noord\n"


def test_list_filters_on_level_and_parent(utrecht_zeist):
    assert _run("list", "--level", "gemeente") == "GM0344\tUtrecht\nGM0355\tZeist\n"
    assert _run("list", "--parent", "GM0355") == "WK035501\tZeist-Noord\n"


def test_list_refuses_an_unknown_parent(utrecht_zeist):
    with pytest.raises(CommandError, match="Gebied 'GM0001' bestaat niet"):
        _run("list", "--parent", "gm0001")


def test_region_creates_a_custom_region_with_its_members(utrecht_zeist):
    out = _run(
        "region",
        "--code",
        "RG0001",
        "--name",
        "Utrechtse Heuvelrug e.o.",
        "--member",
        "GM0355",
        "--member",
        "GM0344",
    )
    region = Area.objects.get(code="RG0001")
    assert region.level == Level.REGION
    assert "aangemaakt: 2 leden" in out
    assert _run("list", "--parent", "RG0001") == "GM0344\tUtrecht\nGM0355\tZeist\n"


def test_region_updates_the_name_and_replaces_the_members(utrecht_zeist):
    _run("region", "--code", "RG0001", "--name", "Oud", "--member", "GM0355", "--member", "GM0344")
    out = _run("region", "--code", "RG0001", "--name", "Nieuw", "--member", "GM0355")
    assert Area.objects.get(code="RG0001").name == "Nieuw"
    assert list(RegionMember.objects.values_list("member__code", flat=True)) == ["GM0355"]
    assert "bijgewerkt: 1 lid (0 toegevoegd, 1 verwijderd)" in out


def test_region_members_must_exist(utrecht_zeist):
    args = ("--code", "RG0001", "--name", "R", "--member", "GM0355", "--member", "GM0001")
    with pytest.raises(CommandError, match="Onbekende gebieden: GM0001"):
        _run("region", *args)
    assert not Area.objects.filter(code="RG0001").exists()


def test_region_codes_start_with_rg_or_gg(utrecht_zeist):
    with pytest.raises(CommandError, match="moet beginnen met RG"):
        _run("region", "--code", "GM0001", "--name", "R", "--member", "GM0355")


def test_region_needs_code_name_and_members():
    with pytest.raises(CommandError, match="Geef --code, --name en minstens één --member op"):
        _run("region", "--code", "RG0001")


def test_it_asks_for_an_action():
    with pytest.raises(CommandError, match="Kies een actie: load, fetch, list, region of mergers"):
        _run()
