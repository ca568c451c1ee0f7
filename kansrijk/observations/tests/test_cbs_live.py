"""The real CBS, for a user who is online: one small import. Skipped when CBS is unreachable."""

import socket
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

import pytest
from django.conf import settings

from kansrijk.catalog.loading import load_catalogue
from kansrijk.observations.importers.cbs import import_cbs
from kansrijk.observations.models import Observation
from kansrijk.testing.factories import AreaFactory


def _cbs_reachable() -> bool:
    host = settings.KANSRIJK_CBS_V3_URL.split("://", 1)[-1].split("/", 1)[0]

    def connect():
        with socket.create_connection((host, 443), timeout=3):
            return True

    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(connect).result(timeout=5)
    except (OSError, FutureTimeout):
        return False
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # never wait for a hanging lookup


pytestmark = [
    pytest.mark.network,
    pytest.mark.skipif(not _cbs_reachable(), reason="offline: CBS StatLine is not reachable"),
]


def test_live_births_of_zeist_come_from_the_real_37230ned(db):
    load_catalogue()
    AreaFactory(code="GM0355", name="Zeist")
    result = import_cbs(indicator_codes=["live_births"], area_codes=["GM0355"], since=2022)
    births = Observation.objects.filter(indicator__code="live_births", area__code="GM0355")
    assert result.written > 0
    assert births.filter(period="2022").get().numerator > 300
