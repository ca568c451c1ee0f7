"""The session pack (``kansrijk report session``) on the dataset ``bench/dataset.py`` built.

``bench_session_pack()`` makes a scratch coalition for the municipality with the most wijken,
a session with ten indicators with figures (the catalogue's indicators that have data; own
indicators of the coalition with ten years of figures make up the rest when the dataset has
fewer, as with ``--quick``) and three stories with quotes, then times producing the PDF:
``session_pack_data`` + ``render_pack_pdf``, the same calls as the command and the web page.

* ``session_pack_pdf_time``: the median of ``RUNS`` runs, each with cold charts (the chart
  cache is emptied; the engine's figures are computed beforehand, as after any import). Goal:
  under 3 s on two cores.
* ``session_pack_pdf_cpu_time``: the median CPU time of the process in those runs (all its
  threads; vl-convert renders charts in two), a check when other work slows the machine.
* ``session_pack_pdf_size``: the size of the PDF.

The scratch coalition, its indicators, figures and stories are removed afterwards. Django
must be set up.
"""

from __future__ import annotations

import statistics
import time
from datetime import date, timedelta

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef

INDICATORS = 10
RUNS = 5
SLUG = "bench-pack-scratch"
YEARS = range(2015, 2025)
QUOTES = [
    "De verloskundige had echt tijd voor ons",
    "Over geldzorgen durfde ik niet te beginnen",
    "In de wijk kende ik niemand met een baby",
]


def _municipality():
    from kansrijk.areas.models import Area

    return (
        Area.objects.filter(level="municipality")
        .annotate(wijken=Count("children"))
        .order_by("-wijken", "code")
        .first()
    )


def _shared_indicators(municipality, count: int) -> list:
    from kansrijk.catalog.models import Indicator
    from kansrijk.observations.models import Observation

    has_data = Observation.objects.filter(indicator=OuterRef("pk"), area=municipality)
    return list(Indicator.objects.shared().filter(Exists(has_data)).order_by("code")[:count])


def _own_indicators(coalition, municipality, count: int) -> list:
    """Own indicators of the coalition with figures for the municipality and its wijken."""
    from kansrijk.catalog.models import Indicator
    from kansrijk.observations.importing import ObservationRow, save_observations
    from kansrijk.observations.models import ImportBatch, SourceKind

    areas = [municipality, *municipality.children.all()]
    indicators = []
    for number in range(count):
        indicator = Indicator.objects.create(
            code=f"{SLUG}-{number}",
            name_nl=f"Eigen benchindicator {number + 1}",
            definition="Aandeel van de jonge gezinnen met een bepaald kenmerk.",
            unit="percentage",
            phase="pregnancy",
            direction="higher",
            lowest_level="wijk",
            coalition=coalition,
        )
        rows = []
        for year_index, year in enumerate(YEARS):
            for area_index, area in enumerate(areas):
                denominator = 400 + 37 * area_index + 5 * year_index
                numerator = denominator * (20 + number + year_index) // 100
                rows.append(
                    ObservationRow(indicator.id, area.id, str(year), numerator, denominator)
                )
        batch = ImportBatch.objects.create(
            kind=SourceKind.REGISTRATION,
            source_name="Benchmarkgegevens",
            table_or_file=indicator.code,
            coalition=coalition,
        )
        save_observations(batch, rows, {indicator.id: indicator.unit})
        indicators.append(indicator)
    return indicators


def _scratch_session(municipality):
    from kansrijk.coalitions.models import Ambition, Coalition, Goal, PlanIndicator
    from kansrijk.interpretation.models import Cycle, Session
    from kansrijk.stories.models import Consent, Quote, ReviewStatus, Story

    coalition = Coalition.objects.create(name="Benchcoalitie sessiepakket", slug=SLUG)
    coalition.areas.add(municipality)
    indicators = _shared_indicators(municipality, INDICATORS)
    indicators += _own_indicators(coalition, municipality, INDICATORS - len(indicators))
    goal = Goal.objects.create(
        ambition=Ambition.objects.create(coalition=coalition, title="Bench"), title="Bench"
    )
    PlanIndicator.objects.bulk_create(
        [PlanIndicator(goal=goal, indicator=i, direction=i.direction) for i in indicators]
    )
    cycle = Cycle.objects.create(coalition=coalition, title="Bench", started_on=date(2025, 1, 1))
    session = Session.objects.create(
        cycle=cycle, title="Benchsessie", held_on=date(2025, 3, 1), questions=["Wat zien we?"]
    )
    session.indicators.add(*indicators)
    for number, text in enumerate(QUOTES):
        story = Story.objects.create(
            coalition=coalition,
            anonymised_text=f"Verhaal {number + 1}. {text}.",
            phase="pregnancy",
            consent=Consent.SESSIONS,
            review_status=ReviewStatus.APPROVED,
            retain_until=date.today() + timedelta(days=365),
        )
        story.indicators.add(indicators[number])
        Quote.objects.create(story=story, text=text)
        session.stories.add(story)
    return coalition, session, indicators


def _remove(coalition) -> None:
    from kansrijk.coalitions.models import PlanIndicator
    from kansrijk.observations.models import ImportBatch, Observation

    PlanIndicator.objects.filter(goal__ambition__coalition=coalition).delete()
    Observation.objects.filter(coalition=coalition).delete()
    ImportBatch.objects.filter(coalition=coalition).delete()
    coalition.delete()  # and its own indicators, stories, cycles and sessions


def bench_session_pack(runs: int = RUNS) -> list[tuple[str, float, str]]:
    from kansrijk.insight.results import coalition_insights
    from kansrijk.interpretation.pack.data import session_pack_data
    from kansrijk.interpretation.pack.rendering import render_pack_pdf

    municipality = _municipality()
    if municipality is None:
        return []
    coalition, session, indicators = _scratch_session(municipality)
    try:
        timings, cpu_times, size = [], [], 0
        for _run in range(runs):
            cache.clear()  # cold charts ...
            coalition_insights(coalition, indicators)  # ... but the figures computed
            started, cpu_started = time.perf_counter(), time.process_time()
            pdf = render_pack_pdf(session_pack_data(session))
            timings.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu_started)
            size = len(pdf)
    finally:
        _remove(coalition)
        cache.clear()
    return [
        ("session_pack_indicators", float(len(indicators)), "indicators"),
        ("session_pack_pdf_time", statistics.median(timings), "s"),
        ("session_pack_pdf_cpu_time", statistics.median(cpu_times), "s"),
        ("session_pack_pdf_size", size / 1024, "kB"),
    ]
