import pytest

from kansrijk.areas.codes import AreaError, level_for_code, normalize_code, parent_code, parse_level
from kansrijk.areas.models import Level


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("NL01", Level.COUNTRY),
        ("PV27", Level.PROVINCE),
        ("GG3406", Level.GGD),
        ("RG0001", Level.REGION),
        ("GM0361", Level.MUNICIPALITY),
        ("WK036101", Level.DISTRICT),
        ("WK0363AA", Level.DISTRICT),
        ("BU03610101", Level.NEIGHBOURHOOD),
        ("BU0363AA01", Level.NEIGHBOURHOOD),
    ],
)
def test_the_level_follows_from_the_code_prefix(code, level):
    assert level_for_code(code) == level


@pytest.mark.parametrize("code", ["", "GM361", "GM03611", "WK0361", "XX0361", "BU036101", "gm0361"])
def test_it_rejects_codes_of_unknown_format_with_a_dutch_message(code):
    with pytest.raises(AreaError, match="Onbekende gebiedscode"):
        level_for_code(code)


@pytest.mark.parametrize(
    ("code", "parent"),
    [
        ("WK036101", "GM0361"),
        ("BU03610101", "WK036101"),
        ("WK0363AA", "GM0363"),
        ("BU0363AA01", "WK0363AA"),
        ("GM0361", None),
        ("RG0001", None),
    ],
)
def test_the_parent_code_is_derived_from_the_code(code, parent):
    assert parent_code(code) == parent


def test_codes_lose_cbs_padding_and_case():
    assert normalize_code(" gm0363    ") == "GM0363"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("municipality", Level.MUNICIPALITY),
        ("gemeente", Level.MUNICIPALITY),
        ("Wijk", Level.DISTRICT),
        ("buurt", Level.NEIGHBOURHOOD),
        ("region", Level.REGION),
    ],
)
def test_levels_are_known_by_value_and_dutch_name(text, level):
    assert parse_level(text) == level


def test_an_unknown_level_lists_the_choices():
    with pytest.raises(AreaError, match="Onbekend niveau 'stad'.*gemeente"):
        parse_level("stad")
