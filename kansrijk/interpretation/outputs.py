"""The interpretation pages and data that show figures, registered as output paths.

``kansrijk/insight/tests/test_output_paths.py`` renders each of them for every indicator of a
coalition full of small numbers and fails when one shows a number ``disclose`` hid. A session
(and its cycle) is needed to show one, so the URL and render functions below prepare one for
the coalition and indicator they are given: call them only against a test database.
"""

from __future__ import annotations

import json
from datetime import date

from django.urls import reverse

from kansrijk.insight.outputs import Output, register_output

CHECK_TITLE = "Controle op kleine aantallen"


def _example_session(coalition, indicator):
    """A cycle with one session about ``indicator``, its figures taken now."""
    from .cycles import start_cycle
    from .preparing import prepare_session

    cycle = start_cycle(coalition, CHECK_TITLE, date(2025, 1, 1))
    return prepare_session(cycle, CHECK_TITLE, date(2025, 2, 1), [indicator], [])


def _session_detail_url(coalition, indicator) -> str:
    session = _example_session(coalition, indicator)
    return reverse(
        "interpretation:session-detail",
        kwargs={"slug": coalition.slug, "session_id": session.pk},
    )


def _cycle_detail_url(coalition, indicator) -> str:
    session = _example_session(coalition, indicator)
    return reverse(
        "interpretation:cycle-detail",
        kwargs={"slug": coalition.slug, "cycle_id": session.cycle_id},
    )


def _snapshot_data(coalition, indicator) -> str:
    from .snapshots import compare, comparison_data

    session = _example_session(coalition, indicator)
    data = {"snapshot": session.snapshot, "comparison": comparison_data(compare(session))}
    return json.dumps(data, ensure_ascii=False)


def _movement_data(coalition, indicator) -> str:
    from .movement import cycle_movement

    session = _example_session(coalition, indicator)
    movements = cycle_movement(session.cycle)
    return json.dumps([movement.as_data() for movement in movements], ensure_ascii=False)


def register_interpretation_outputs() -> None:
    register_output(
        Output(
            "interpretation:session-detail",
            "html",
            url=_session_detail_url,
            description="Pagina van een duidingssessie: cijfers bij voorbereiding en nu",
        )
    )
    register_output(
        Output(
            "interpretation:cycle-detail",
            "html",
            url=_cycle_detail_url,
            description="Pagina van een monitorronde: hoe de indicatoren bewogen",
        )
    )
    register_output(
        Output(
            "interpretation.snapshots",
            "json",
            render=_snapshot_data,
            description="De vastgelegde cijfers van een sessie en de vergelijking met nu",
        )
    )
    register_output(
        Output(
            "interpretation.movement",
            "json",
            render=_movement_data,
            description="Hoe de indicatoren van een ronde bewogen sinds de voorbereiding",
        )
    )
