import pytest

from kansrijk.observations.listing import FIELDS, ListingError, list_values
from kansrijk.observations.models import Status
from kansrijk.testing.factories import ImportBatchFactory, ObservationFactory


@pytest.fixture
def observations(indicator, municipality, coalition):
    batch = ImportBatchFactory(source_name="CBS StatLine", table_or_file="37230ned")
    registration = ImportBatchFactory(
        kind="registration", source_name="JGZ", table_or_file="jgz.xlsx", coalition=coalition
    )

    def add(period, kind, start, end, **kwargs):
        return ObservationFactory(
            indicator=indicator,
            area=municipality,
            period=period,
            period_kind=kind,
            period_start=start,
            period_end=end,
            batch=kwargs.pop("batch", batch),
            **kwargs,
        )

    add("2023", "year", "2023-01-01", "2023-12-31", numerator=3, denominator=40, value=7.5)
    add(
        "2023",
        "year",
        "2023-01-01",
        "2023-12-31",
        numerator=2,
        denominator=None,
        value=None,
        coalition=coalition,
        batch=registration,
    )
    add("2022-Q1", "quarter", "2022-01-01", "2022-03-31", status=Status.PROVISIONAL)
    add("2018/2022", "pool", "2018-01-01", "2022-12-31")


def test_it_lists_every_stored_row_ordered_by_period_start(observations):
    rows = list_values("big2", "GM9999")
    assert [(r["period"], r["coalition"]) for r in rows] == [
        ("2018/2022", None),
        ("2022-Q1", None),
        ("2023", None),
        ("2023", "voorbeeldstad"),
    ]


def test_each_row_has_the_documented_keys(observations):
    row = list_values("big2", "GM9999", "2023")[0]
    assert tuple(row) == FIELDS
    assert row == {
        "indicator": "big2",
        "area": "GM9999",
        "period": "2023",
        "coalition": None,
        "numerator": 3,
        "denominator": 40,
        "value": 7.5,
        "status": "definitive",
        "source": "CBS StatLine 37230ned",
    }


def test_it_shows_a_coalitions_rows_before_any_suppression(observations):
    rows = list_values("big2", "gm9999", "2023")
    registration = rows[1]
    assert (registration["coalition"], registration["numerator"]) == ("voorbeeldstad", 2)
    assert registration["source"] == "JGZ jgz.xlsx"


def test_it_filters_on_the_period_label(observations):
    assert [r["period"] for r in list_values("big2", "GM9999", " 2022-Q1 ")] == ["2022-Q1"]


def test_a_period_without_values_gives_an_empty_list(observations):
    assert list_values("big2", "GM9999", "2019") == []


@pytest.mark.parametrize(
    ("indicator_code", "area_code", "period", "message"),
    [
        ("onbekend", "GM9999", None, "Onbekende indicator 'onbekend'"),
        ("big2", "GM0001", None, "Onbekend gebied 'GM0001'"),
        ("big2", "GM9999", "2022-Q5", "Onbekende periode '2022-Q5'"),
    ],
)
def test_unknown_input_gives_a_dutch_error(
    indicator, municipality, indicator_code, area_code, period, message
):
    with pytest.raises(ListingError, match=message):
        list_values(indicator_code, area_code, period)
