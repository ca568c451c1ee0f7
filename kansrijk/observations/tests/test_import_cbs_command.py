"""``kansrijk import cbs`` against a real HTTP server speaking the CBS v3 protocol."""

import io

import pytest
from django.core.management import CommandError, call_command

from kansrijk.catalog.models import Source
from kansrijk.observations.models import Observation
from kansrijk.testing.factories import AreaFactory, CoalitionFactory, IndicatorFactory
from kansrijk.testing.fake_cbs import FakeCBS, serve_in_thread

from .cbs_fixtures import LIVE_BIRTHS_MAPPING, births_table


@pytest.fixture
def cbs_server(settings):
    server = FakeCBS([births_table()])
    url, stop = serve_in_thread(server)
    settings.KANSRIJK_CBS_V3_URL = url
    settings.KANSRIJK_CBS_BACKOFF = 0
    yield server
    stop()


@pytest.fixture
def zeist_coalition(db):
    indicator = IndicatorFactory(code="live_births", unit="count", direction="none")
    Source.objects.create(indicator=indicator, provider="CBS", cbs_mapping=LIVE_BIRTHS_MAPPING)
    coalition = CoalitionFactory(slug="zeist")
    coalition.areas.add(AreaFactory(code="GM0355", name="Zeist"))
    return coalition


def run(*args):
    out = io.StringIO()
    call_command("import", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_fills_the_coalitions_municipality_and_then_writes_nothing(cbs_server, zeist_coalition):
    first = run("cbs", "--coalition", "zeist")
    assert "waarnemingen geschreven" in first
    assert Observation.objects.filter(area__code="GM0355").count() == 5
    second = run("cbs", "--coalition", "zeist")
    assert "Niets nieuws" in second


def test_it_fails_with_a_dutch_message_and_changes_nothing(cbs_server, zeist_coalition):
    cbs_server.fail_after = 2
    with pytest.raises(CommandError, match="mislukt en er is niets veranderd"):
        run("cbs", "--coalition", "zeist")
    assert not Observation.objects.exists()


def test_it_refuses_an_unknown_coalition(db):
    with pytest.raises(CommandError, match="Onbekende coalitie"):
        run("cbs", "--coalition", "nergens")
