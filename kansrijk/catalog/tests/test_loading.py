"""load_catalogue: creates and updates the shared catalogue, validates, writes all or nothing."""

import pytest

from kansrijk.catalog.loading import CatalogueError, load_catalogue
from kansrijk.catalog.models import CatalogueLoad, Indicator, Source, Theme
from kansrijk.testing.factories import IndicatorFactory, PlanIndicatorFactory


def _nothing_written():
    return (Indicator.objects.count(), Theme.objects.count(), Source.objects.count()) == (0, 0, 0)


def test_it_loads_the_bundled_catalogue(catalogue):
    assert catalogue.created == Indicator.objects.shared().count() >= 34
    assert catalogue.updated == catalogue.unchanged == 0
    big2 = Indicator.objects.get(code="big2")
    assert big2.indicator_set == "basisset"
    assert big2.coalition is None
    assert list(big2.themes.values_list("code", flat=True)) == ["birth_outcomes"]
    assert big2.sources.first().provider == "Perined"


def test_a_second_load_changes_nothing(catalogue):
    ids = dict(Source.objects.values_list("id", "indicator_id"))
    second = load_catalogue()
    assert (second.created, second.updated) == (0, 0)
    assert second.unchanged == catalogue.created
    assert not second.changed
    assert dict(Source.objects.values_list("id", "indicator_id")) == ids
    assert CatalogueLoad.objects.count() == 1


def test_it_updates_a_changed_indicator_and_replaces_its_sources(
    db, minimal_catalogue, write_catalogue
):
    load_catalogue(write_catalogue(minimal_catalogue))
    big2 = minimal_catalogue["indicators"][0]
    big2["name_nl"] = "BIG2 (nieuw)"
    big2["sources"] = [{"provider": "RIVM"}, {"provider": "Staat van VenZ"}]
    result = load_catalogue(write_catalogue(minimal_catalogue))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    assert result.codes_updated == ["big2"]
    indicator = Indicator.objects.get(code="big2")
    assert indicator.name_nl == "BIG2 (nieuw)"
    assert list(indicator.sources.values_list("provider", flat=True)) == [
        "RIVM",
        "Staat van VenZ",
    ]


def test_it_fills_in_the_defaults_of_optional_fields(db, minimal_catalogue, write_catalogue):
    load_catalogue(write_catalogue(minimal_catalogue))
    births = Indicator.objects.get(code="live_births")
    assert (births.indicator_set, births.lowest_level, births.min_count) == (
        "other",
        "gemeente",
        10,
    )
    assert (births.round_to, births.pool_years, births.caveats) == (0, 1, "")


def test_it_keeps_plan_links_when_an_indicator_is_updated(db, minimal_catalogue, write_catalogue):
    load_catalogue(write_catalogue(minimal_catalogue))
    link = PlanIndicatorFactory(indicator=Indicator.objects.get(code="big2"))
    minimal_catalogue["indicators"][0]["caveats"] = "Nieuwe kanttekening."
    load_catalogue(write_catalogue(minimal_catalogue))
    link.refresh_from_db()
    assert link.indicator.caveats == "Nieuwe kanttekening."


def test_it_records_a_new_version_even_when_nothing_else_changed(
    db, minimal_catalogue, write_catalogue
):
    load_catalogue(write_catalogue(minimal_catalogue))
    minimal_catalogue["version"] = 2
    result = load_catalogue(write_catalogue(minimal_catalogue))
    assert result.unchanged == 2
    assert list(CatalogueLoad.objects.values_list("version", flat=True)) == [2, 1]


def test_its_summary_is_one_dutch_line(db, minimal_catalogue, write_catalogue):
    result = load_catalogue(write_catalogue(minimal_catalogue))
    assert result.summary() == (
        "Catalogus versie 1 geladen: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd; "
        "2 thema's nieuw of bijgewerkt."
    )


def _break(data, index, **changes):
    data["indicators"][index].update(changes)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: _break(d, 0, unit="procent"),
            "Indicator 'big2', veld 'unit': onbekende waarde 'procent'",
        ),
        (lambda d: _break(d, 1, code=None), "Indicator nummer 2, veld 'code': ontbreekt"),
        (
            lambda d: _break(d, 1, code="big2"),
            "Indicator 'big2' komt meer dan één keer voor (nummer 1 en 2)",
        ),
        (lambda d: _break(d, 0, phase="zwanger"), "Indicator 'big2', veld 'phase'"),
        (lambda d: _break(d, 0, direction="up"), "Indicator 'big2', veld 'direction'"),
        (lambda d: _break(d, 0, set="kernset"), "Indicator 'big2', veld 'set'"),
        (lambda d: _break(d, 0, lowest_level="straat"), "Indicator 'big2', veld 'lowest_level'"),
        (
            lambda d: _break(d, 0, name_nl=""),
            "Indicator 'big2', veld 'name_nl': ontbreekt of is leeg",
        ),
        (
            lambda d: _break(d, 0, code="Big 2"),
            "Indicator 'Big 2', veld 'code': 'Big 2' is geen geldige code",
        ),
        (
            lambda d: _break(d, 0, min_count="tien"),
            "Indicator 'big2', veld 'min_count': moet een geheel getal zijn",
        ),
        (
            lambda d: _break(d, 0, pool_years=0),
            "Indicator 'big2', veld 'pool_years': moet minstens 1 zijn",
        ),
        (
            lambda d: _break(d, 0, themes=["armoede"]),
            "Indicator 'big2', veld 'themes': onbekend thema 'armoede'",
        ),
        (
            lambda d: _break(d, 0, sources=[]),
            "Indicator 'big2', veld 'sources': minstens één bron is verplicht",
        ),
        (
            lambda d: _break(d, 0, sources=[{"table": "x"}]),
            "Indicator 'big2', bron 1, veld 'provider': ontbreekt of is leeg",
        ),
        (
            lambda d: _break(d, 0, sources=[{"provider": "Perined", "link": "perined"}]),
            "Indicator 'big2', bron 1, veld 'link': 'perined' is geen geldige link",
        ),
        (
            lambda d: _break(d, 0, caveats=False),
            "Indicator 'big2', veld 'caveats': moet tekst zijn",
        ),
        (
            lambda d: _break(d, 0, confidence="x" * 41),
            "Indicator 'big2', veld 'confidence': is te lang (41 tekens, maximaal 40)",
        ),
        (lambda d: _break(d, 0, unti="count"), "Indicator 'big2': onbekend veld 'unti'"),
        (lambda d: {**d, "version": "een"}, "Veld 'version' moet een geheel getal"),
        (lambda d: {**d, "indicators": None}, "Veld 'indicators' ontbreekt of is geen lijst"),
        (
            lambda d: {**d, "themes": [{"code": "population"}]},
            "Thema 'population', veld 'name_nl': ontbreekt of is leeg",
        ),
    ],
)
def test_it_rejects_an_invalid_file_and_writes_nothing(
    db, minimal_catalogue, write_catalogue, change, message
):
    with pytest.raises(CatalogueError) as error:
        load_catalogue(write_catalogue(change(minimal_catalogue)))
    assert message in str(error.value)
    assert _nothing_written()


def test_it_lists_every_problem_at_once(db, minimal_catalogue, write_catalogue):
    _break(minimal_catalogue, 0, unit="procent")
    _break(minimal_catalogue, 1, direction="omhoog")
    with pytest.raises(CatalogueError) as error:
        load_catalogue(write_catalogue(minimal_catalogue))
    assert len(error.value.errors) == 2


def test_it_rejects_text_that_is_not_yaml(db, write_catalogue):
    with pytest.raises(CatalogueError) as error:
        load_catalogue(write_catalogue("version: 1\nthemes: [\n"))
    assert "geen geldige YAML (regel" in str(error.value)
    assert _nothing_written()


def test_it_rejects_a_missing_file(db, tmp_path):
    with pytest.raises(CatalogueError) as error:
        load_catalogue(tmp_path / "bestaat-niet.yaml")
    assert "kan niet worden gelezen" in str(error.value)


def test_an_invalid_file_leaves_the_loaded_catalogue_alone(db, minimal_catalogue, write_catalogue):
    load_catalogue(write_catalogue(minimal_catalogue))
    minimal_catalogue["indicators"][0]["name_nl"] = "Gewijzigd"
    minimal_catalogue["indicators"][1]["unit"] = "procent"
    with pytest.raises(CatalogueError):
        load_catalogue(write_catalogue(minimal_catalogue))
    assert Indicator.objects.get(code="big2").name_nl == "BIG2"


def test_it_refuses_a_code_used_by_a_coalitions_own_indicator(
    db, coalition, minimal_catalogue, write_catalogue
):
    IndicatorFactory(code="live_births", coalition=coalition)
    with pytest.raises(CatalogueError) as error:
        load_catalogue(write_catalogue(minimal_catalogue))
    assert "eigen indicator van coalitie 'Kansrijk Voorbeeldstad'" in str(error.value)
    assert not Indicator.objects.filter(code="big2").exists()
