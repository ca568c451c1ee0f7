import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kansrijk.testing.factories import ImportBatchFactory, ObservationFactory


def _run(*args):
    out, err = StringIO(), StringIO()
    call_command("values", *args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.fixture
def observations(indicator, municipality, coalition):
    ObservationFactory(
        indicator=indicator,
        area=municipality,
        numerator=3,
        denominator=40,
        value=7.5,
        batch=ImportBatchFactory(),
    )
    ObservationFactory(
        indicator=indicator,
        area=municipality,
        numerator=2,
        denominator=None,
        value=None,
        coalition=coalition,
        batch=ImportBatchFactory(kind="registration", source_name="JGZ", table_or_file="jgz.csv"),
    )
    ObservationFactory(
        indicator=indicator,
        area=municipality,
        period="2022",
        period_start="2022-01-01",
        period_end="2022-12-31",
        numerator=1,
        denominator=3,
        value=100 / 3,
        status="provisional",
        batch=ImportBatchFactory(),
    )


def test_it_prints_an_aligned_table(observations):
    assert _run("--indicator", "big2", "--area", "GM9999").splitlines() == [
        "periode  coalitie       teller  noemer       waarde  status      bron",
        "2022     openbaar            1       3  33.33333333  voorlopig   CBS StatLine 37230ned",
        "2023     openbaar            3      40          7.5  definitief  CBS StatLine 37230ned",
        "2023     voorbeeldstad       2       -            -  definitief  JGZ jgz.csv",
    ]


def test_it_prints_json_with_the_documented_keys(observations):
    rows = json.loads(_run("--indicator", "big2", "--area", "GM9999", "--period", "2023", "--json"))
    assert len(rows) == 2
    assert {
        "indicator",
        "area",
        "period",
        "numerator",
        "denominator",
        "value",
        "status",
        "source",
        "coalition",
    } <= set(rows[0])
    assert (rows[0]["value"], rows[0]["source"], rows[1]["coalition"]) == (
        7.5,
        "CBS StatLine 37230ned",
        "voorbeeldstad",
    )


def test_it_says_so_when_nothing_is_stored(indicator, municipality):
    assert _run("--indicator", "big2", "--area", "GM9999") == (
        "Geen waarden opgeslagen voor deze indicator en dit gebied.\n"
    )


def test_json_output_without_values_is_an_empty_list(indicator, municipality):
    assert json.loads(_run("--indicator", "big2", "--area", "GM9999", "--json")) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--indicator", "nope", "--area", "GM9999"), "Onbekende indicator 'nope'"),
        (("--indicator", "big2", "--area", "GM0001"), "Onbekend gebied 'GM0001'"),
        (("--indicator", "big2", "--area", "GM9999", "--period", "22"), "Onbekende periode '22'"),
        (("--indicator", "big2"), "Geef --indicator en --area op"),
    ],
)
def test_bad_input_is_a_dutch_command_error(indicator, municipality, args, message):
    with pytest.raises(CommandError, match=message):
        _run(*args)
