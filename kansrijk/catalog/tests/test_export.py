"""export_catalogue: the shared catalogue in the file's format; export → load round-trips."""

import yaml

from kansrijk.catalog.loading import DEFAULT_PATH as CATALOGUE_FILE
from kansrijk.catalog.loading import (
    export_catalogue,
    indicator_record,
    load_catalogue,
    parse_catalogue,
)
from kansrijk.catalog.models import CatalogueLoad, Indicator, Theme
from kansrijk.testing.factories import IndicatorFactory


def _records():
    return {
        indicator.code: indicator_record(indicator)
        for indicator in Indicator.objects.shared().prefetch_related("themes", "sources")
    }


def _themes():
    return list(Theme.objects.order_by("code").values_list("code", "name_nl", "name_en"))


def _empty_database():
    Indicator.objects.all().delete()
    Theme.objects.all().delete()
    CatalogueLoad.objects.all().delete()


def test_loading_the_export_into_a_fresh_database_gives_the_same_values(catalogue, tmp_path):
    before, themes_before = _records(), _themes()
    exported = tmp_path / "export.yaml"
    exported.write_text(export_catalogue(), encoding="utf-8")
    _empty_database()
    result = load_catalogue(exported)
    assert result.created == len(before)
    assert _records() == before
    assert _themes() == themes_before


def test_the_export_of_a_loaded_export_is_the_same_text(catalogue, tmp_path):
    first = export_catalogue()
    exported = tmp_path / "export.yaml"
    exported.write_text(first, encoding="utf-8")
    _empty_database()
    load_catalogue(exported)
    assert export_catalogue() == first


def test_loading_the_export_over_the_same_catalogue_changes_nothing(catalogue, tmp_path):
    exported = tmp_path / "export.yaml"
    exported.write_text(export_catalogue(), encoding="utf-8")
    result = load_catalogue(exported)
    assert (result.created, result.updated, result.unchanged) == (0, 0, catalogue.created)


def test_it_exports_shared_indicators_only(catalogue, coalition):
    IndicatorFactory(code="bereik_voorzorg", coalition=coalition)
    codes = [i["code"] for i in yaml.safe_load(export_catalogue())["indicators"]]
    assert "big2" in codes
    assert "bereik_voorzorg" not in codes


def test_it_writes_the_contract_format(catalogue):
    text = export_catalogue()
    assert "\n  - {code: vulnerability, name_nl: Kwetsbaarheid, name_en: Vulnerability}\n" in text
    assert "\n  - code: big2\n" in text
    assert "\n    themes: [birth_outcomes]\n" in text
    assert "\n        cbs_mapping: null\n" in text
    assert yaml.safe_load(text)["version"] == yaml.safe_load(CATALOGUE_FILE.read_text())["version"]


def test_it_exports_the_version_that_was_loaded_last(db, minimal_catalogue, write_catalogue):
    minimal_catalogue["version"] = 7
    load_catalogue(write_catalogue(minimal_catalogue))
    assert parse_catalogue(export_catalogue()).version == 7


def test_an_export_of_an_empty_database_is_an_empty_catalogue(db):
    catalogue = parse_catalogue(export_catalogue())
    assert (catalogue.version, catalogue.themes, catalogue.indicators) == (1, [], [])
