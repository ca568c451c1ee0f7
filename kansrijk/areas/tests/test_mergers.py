from kansrijk.areas.mergers import (
    MunicipalChange,
    current_successors,
    read_municipal_changes,
    record_municipal_changes,
)
from kansrijk.areas.models import Area, Succession


def test_the_history_covers_every_year_since_2015_with_known_mergers():
    changes = read_municipal_changes()
    years = {change.year for change in changes}
    assert min(years) == 2015
    assert {2016, 2017, 2018, 2019, 2021, 2022, 2023} <= years
    assert all(change.kind in {"whole", "part"} for change in changes)


def test_weesp_lives_on_in_amsterdam_and_voorne_aan_zee_has_three_predecessors():
    changes = read_municipal_changes()
    successors = current_successors(changes)
    assert successors["GM0457"] == "GM0363"
    assert sorted(c.predecessor_code for c in changes if c.successor_code == "GM1992") == [
        "GM0501",
        "GM0530",
        "GM0614",
    ]


def test_split_municipalities_are_not_added_up_onto_one_successor():
    successors = current_successors(read_municipal_changes())
    assert "GM0788" not in successors  # Haaren was divided over four municipalities
    assert "GM0140" not in successors  # Littenseradiel likewise


def test_chains_of_mergers_resolve_to_the_current_municipality():
    changes = [
        MunicipalChange(2015, "GM0001", "A", "GM0002", "B", "whole"),
        MunicipalChange(2019, "GM0002", "B", "GM0003", "C", "whole"),
    ]
    assert current_successors(changes) == {"GM0001": "GM0003", "GM0002": "GM0003"}


def test_every_successor_exists_in_the_2023_municipality_list(shared_data_dir):
    import csv
    from pathlib import Path

    with open(Path(shared_data_dir) / "gemeenten_2023.csv", encoding="utf-8") as handle:
        codes_2023 = {row["gemeentecode"] for row in csv.DictReader(handle)}
    changes = read_municipal_changes()
    assert {c.successor_code for c in changes} <= codes_2023
    assert not {c.predecessor_code for c in changes} & codes_2023


def test_recording_the_history_creates_areas_and_successions_once(db):
    first = record_municipal_changes()
    second = record_municipal_changes()
    assert first == len(read_municipal_changes())
    assert second == 0
    weesp = Area.objects.get(code="GM0457")
    assert weesp.valid_to == 2021
    assert Succession.objects.get(predecessor=weesp).successor.code == "GM0363"


def test_the_command_prints_the_history_and_can_record_it(db):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("areas", "mergers", "--record", stdout=out)
    text = out.getvalue()
    assert "2022\tGM0457 Weesp\t→ GM0363 Amsterdam\t(geheel)" in text
    assert "2021\tGM0788 Haaren\t→ GM0855 Tilburg\t(deels)" in text
    assert text.strip().endswith("opvolgingen vastgelegd.")
    assert Succession.objects.count() == len(read_municipal_changes())
