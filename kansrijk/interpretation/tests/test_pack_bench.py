"""The session pack's bench (``bench/pack.py``) on a tiny dataset: it builds a ten-indicator
session, prints parseable figures and removes everything it made."""

from bench.pack import bench_session_pack
from bench.run import _figure, parse_line
from kansrijk.catalog.models import Indicator
from kansrijk.coalitions.models import Coalition
from kansrijk.observations.models import ImportBatch, Observation
from kansrijk.stories.models import Story

from .pack_fixtures import *  # noqa: F403


def test_it_times_a_ten_indicator_pack_and_cleans_up(coalition, pack_indicators):
    before = (Coalition.objects.count(), Indicator.objects.count(), Observation.objects.count())
    stories = Story.objects.count()

    figures = {name: (value, unit) for name, value, unit in bench_session_pack(runs=1)}

    assert figures["session_pack_indicators"] == (10.0, "indicators")
    assert figures["session_pack_pdf_time"][0] > 0
    assert figures["session_pack_pdf_cpu_time"][1] == "s"
    assert figures["session_pack_pdf_size"][0] > 10
    for name, (value, unit) in figures.items():
        assert parse_line(_figure(name, value, unit).line())[0] == name
    after = (Coalition.objects.count(), Indicator.objects.count(), Observation.objects.count())
    assert after == before
    assert Story.objects.count() == stories
    assert not ImportBatch.objects.filter(source_name="Benchmarkgegevens").exists()
