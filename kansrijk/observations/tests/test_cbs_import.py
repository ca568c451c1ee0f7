"""The CBS import end to end against a server speaking the CBS v3 protocol."""

import httpx
import pytest

from kansrijk.areas.models import Area
from kansrijk.catalog.models import Source
from kansrijk.observations.importers.cbs import CBSMappingError, import_cbs
from kansrijk.observations.importers.cbs_client import CBSUnavailable, V3Client
from kansrijk.observations.models import ImportBatch, Observation
from kansrijk.testing.factories import AreaFactory, IndicatorFactory
from kansrijk.testing.fake_cbs import FakeCBS

from .cbs_fixtures import LIVE_BIRTHS_MAPPING, births_table


@pytest.fixture
def live_births(db):
    indicator = IndicatorFactory(code="live_births", unit="count", direction="none")
    Source.objects.create(
        indicator=indicator, provider="CBS", table="37230ned", cbs_mapping=LIVE_BIRTHS_MAPPING
    )
    return indicator


@pytest.fixture
def amsterdam(db):
    return AreaFactory(code="GM0363", name="Amsterdam")


def client_for(server: FakeCBS) -> V3Client:
    return V3Client("http://cbs.test", transport=httpx.WSGITransport(app=server), sleep=lambda s: 0)


def values(indicator, code):
    return {
        o.period: (o.numerator, o.status)
        for o in Observation.objects.filter(indicator=indicator, area__code=code)
    }


def test_it_fills_yearly_births_for_the_municipalities_asked_for(live_births, amsterdam):
    server = FakeCBS([births_table()])
    result = import_cbs(area_codes=["GM0355"], client=client_for(server))
    zeist = values(live_births, "GM0355")
    assert zeist["2021"] == (600.0, "definitive")
    assert zeist["2023"] == (600.0, "provisional")  # summed from 12 provisional months
    assert not Observation.objects.filter(area__code="GM0344").exists()
    assert result.written == len(Observation.objects.all())


def test_a_second_run_that_finds_nothing_new_writes_nothing(live_births, amsterdam):
    server = FakeCBS([births_table()])
    import_cbs(area_codes=["GM0355"], client=client_for(server))
    batches = ImportBatch.objects.count()
    result = import_cbs(area_codes=["GM0355"], client=client_for(server))
    assert result.written == 0
    assert result.tables_skipped == 1
    assert "Niets nieuws" in result.summary()
    assert ImportBatch.objects.count() == batches


def test_a_new_modified_date_with_the_same_figures_still_writes_nothing(live_births, amsterdam):
    import_cbs(area_codes=["GM0355"], client=client_for(FakeCBS([births_table()])))
    server = FakeCBS([births_table(modified="2024-07-30T02:00:00")])
    result = import_cbs(area_codes=["GM0355"], client=client_for(server))
    assert result.written == 0
    assert result.unchanged > 0


def test_merged_municipalities_show_one_unbroken_series(live_births, amsterdam):
    import_cbs(area_codes=["GM0363"], client=client_for(FakeCBS([births_table()])))
    amsterdam_births = values(live_births, "GM0363")
    # before 2022: Amsterdam's own 9,600 plus Weesp's 192; from 2022 CBS counts them together
    assert amsterdam_births["2019"][0] == 12 * (800 + 16)
    assert amsterdam_births["2022"][0] == 12 * (800 + 16)
    batch = ImportBatch.objects.get()
    assert batch.details["merged_from"]["GM0363"]["live_births 2019"] == ["GM0363", "GM0457"]
    assert Area.objects.get(code="GM0457").name == "Weesp"  # created from the region list


def test_a_failure_halfway_leaves_the_database_unchanged(live_births, amsterdam):
    import_cbs(area_codes=["GM0355"], client=client_for(FakeCBS([births_table()])))
    before = sorted(Observation.objects.values_list("area__code", "period", "numerator"))
    server = FakeCBS([births_table(modified="2025-01-01T02:00:00", rows=[])])
    server.fail_after = 3
    with pytest.raises(CBSUnavailable):
        import_cbs(area_codes=["GM0363", "GM0355"], client=client_for(server))
    after = sorted(Observation.objects.values_list("area__code", "period", "numerator"))
    assert after == before


def test_a_dry_run_says_what_it_would_write_and_writes_nothing(live_births, amsterdam):
    result = import_cbs(
        area_codes=["GM0355"], client=client_for(FakeCBS([births_table()])), dry_run=True
    )
    assert result.written > 0
    assert "Proefdraai" in result.summary()
    assert not Observation.objects.exists()
    assert not ImportBatch.objects.exists()


def test_paging_across_pages_reads_every_row(live_births, amsterdam):
    server = FakeCBS([births_table()], page_size=25)
    import_cbs(client=client_for(server))
    assert len(values(live_births, "GM0344")) == 5
    assert any("skip" in request for request in server.requests)


def test_it_refuses_an_unknown_indicator_code(live_births):
    with pytest.raises(CBSMappingError, match="bestaat_niet"):
        import_cbs(indicator_codes=["bestaat_niet"], client=client_for(FakeCBS([])))


def test_since_keeps_only_later_years(live_births, amsterdam):
    import_cbs(area_codes=["GM0355"], since=2022, client=client_for(FakeCBS([births_table()])))
    assert sorted(values(live_births, "GM0355")) == ["2022", "2023"]
