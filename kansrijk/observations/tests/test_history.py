"""Replaced values are kept; rolling a batch back restores exactly what was there before."""

import pytest

from kansrijk.observations.history import RollbackError, rollback_batch, rollback_problem
from kansrijk.observations.importers.registrations import commit_registrations, read_registrations
from kansrijk.observations.importing import ObservationRow, save_observations
from kansrijk.observations.models import ImportBatch, Observation, ObservationVersion
from kansrijk.testing.factories import AreaFactory, ImportBatchFactory, IndicatorFactory

from .conftest import TODAY
from .files import long_csv

HEADER = ("wijk", "kwartaal", "aantal")


def _import(coalition, partner, indicator, rows):
    preview = read_registrations(
        long_csv(rows, header=HEADER),
        "cijfers.csv",
        coalition=coalition,
        partner=partner,
        indicator=indicator,
        today=TODAY,
    )
    assert preview.errors == []
    return commit_registrations(preview)


def _state():
    """Every stored observation, every column, by id."""
    return sorted(Observation.objects.values_list(*[f.attname for f in Observation._meta.fields]))


def test_rolling_back_a_batch_restores_the_previous_values_exactly(coalition, setting_up, voorzorg):
    partner = setting_up["partner"]
    _import(coalition, partner, voorzorg, [("Noord", "2023-K1", "3"), ("Oost", "2023-K1", "x")])
    before = _state()
    second = _import(
        coalition,
        partner,
        voorzorg,
        [("Noord", "2023-K1", "4"), ("Oost", "2023-K1", "6"), ("Centrum", "2023-K1", "1")],
    )
    assert _state() != before

    result = rollback_batch(second)

    assert _state() == before
    assert (result.removed, result.restored) == (3, 2)
    assert not ObservationVersion.objects.exists()
    second.refresh_from_db()
    assert second.is_rolled_back


def test_rolling_back_the_first_import_leaves_nothing(coalition, setting_up, voorzorg):
    batch = _import(coalition, setting_up["partner"], voorzorg, [("Noord", "2023-K1", "3")])
    rollback_batch(batch)
    assert not Observation.objects.exists()
    assert ImportBatch.objects.get().details["rolled_back"] == {"removed": 1, "restored": 0}


def test_batches_are_rolled_back_newest_first(coalition, setting_up, voorzorg):
    partner = setting_up["partner"]
    first = _import(coalition, partner, voorzorg, [("Noord", "2023-K1", "3")])
    after_first = _state()
    second = _import(coalition, partner, voorzorg, [("Noord", "2023-K1", "4")])
    third = _import(coalition, partner, voorzorg, [("Noord", "2023-K1", "5")])

    with pytest.raises(RollbackError, match=f"later vervangen door import {third.pk}"):
        rollback_batch(second)
    rollback_batch(third)
    rollback_batch(second)

    assert _state() == after_first
    assert rollback_problem(first) == ""


def test_a_batch_is_rolled_back_only_once(coalition, setting_up, voorzorg):
    batch = _import(coalition, setting_up["partner"], voorzorg, [("Noord", "2023-K1", "3")])
    rollback_batch(batch)
    with pytest.raises(RollbackError, match="al teruggedraaid"):
        rollback_batch(batch)


def test_a_rollback_records_who_did_it(coalition, setting_up, voorzorg, owner):
    batch = _import(coalition, setting_up["partner"], voorzorg, [("Noord", "2023-K1", "3")])
    rollback_batch(batch, user=owner)
    batch.refresh_from_db()
    assert batch.rolled_back_by == owner


def test_save_observations_keeps_replaced_public_values_for_its_other_callers(db):
    indicator = IndicatorFactory(unit="count")
    area = AreaFactory()
    first, second = ImportBatchFactory(), ImportBatchFactory()
    row = ObservationRow(indicator_id=indicator.id, area_id=area.id, period="2022", numerator=5)

    assert save_observations(first, [row], {indicator.id: "count"}) == 1
    assert save_observations(second, [row], {indicator.id: "count"}, replace=True) == 1

    assert Observation.objects.get().batch == second
    version = ObservationVersion.objects.get()
    assert (version.batch, version.replaced_by, version.numerator) == (first, second, 5.0)
    rollback_batch(second)
    assert Observation.objects.get().batch == first


def test_save_observations_without_replace_keeps_no_history(db):
    indicator = IndicatorFactory(unit="count")
    row = ObservationRow(indicator_id=indicator.id, area_id=AreaFactory().id, period="2022")
    save_observations(ImportBatchFactory(), [row], {indicator.id: "count"}, replace=False)
    assert Observation.objects.count() == 1
    assert not ObservationVersion.objects.exists()
