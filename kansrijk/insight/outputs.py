"""The registry of output paths: every way a number leaves the engine.

Each output that shows figures registers itself here: a page by its URL, any other output
(chart data, CSV, XLSX, PDF text, API) by a function that renders it for a coalition and an
indicator. ``kansrijk/insight/tests/test_output_paths.py`` renders every registered output
for a coalition whose figures are full of small numbers and fails when one of them shows a
number that ``disclose`` hid. A new output path registers itself (in its app's
``AppConfig.ready``) and is checked from then on:

    from kansrijk.insight.outputs import Output, register_output

    register_output(Output("dashboards:csv", "csv", url=lambda c, i: reverse(...)))
    register_output(Output("api:values", "json", render=lambda c, i: json.dumps(...)))
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Output:
    name: str
    kind: str  # "html", "json", "csv", "xlsx", "pdf", …
    url: Callable | None = None  # (coalition, indicator) → URL a member can open
    render: Callable | None = None  # (coalition, indicator) → str or bytes
    description: str = ""


_OUTPUTS: dict[str, Output] = {}


def register_output(output: Output) -> Output:
    """Add (or replace) an output path; it needs a ``url`` or a ``render``."""
    if output.url is None and output.render is None:
        raise ValueError(f"output {output.name!r} needs a url or a render function")
    _OUTPUTS[output.name] = output
    return output


def registered_outputs() -> list[Output]:
    return sorted(_OUTPUTS.values(), key=lambda output: output.name)


def _json(data) -> str:
    from .tables import as_data

    return json.dumps(as_data(data), ensure_ascii=False)


def _overview_data(coalition, indicator) -> str:
    from .tables import overview_data

    return _json(overview_data(coalition))


def _indicator_data(coalition, indicator) -> str:
    from .tables import indicator_data

    return _json(indicator_data(coalition, indicator))


def register_defaults() -> None:
    """The engine's own outputs: its two pages and the data functions behind them."""
    register_output(
        Output(
            "insight:overview",
            "html",
            url=lambda c, i: reverse("insight:overview", kwargs={"slug": c.slug}),
            description="Cijferpagina van een coalitie",
        )
    )
    register_output(
        Output(
            "insight:indicator-detail",
            "html",
            url=lambda c, i: reverse(
                "insight:indicator-detail", kwargs={"slug": c.slug, "code": i.code}
            ),
            description="Pagina van één indicator",
        )
    )
    register_output(
        Output(
            "insight.tables.overview_data",
            "json",
            render=_overview_data,
            description="Gegevens van de cijferpagina (tabellen, oordelen, vergelijkingen)",
        )
    )
    register_output(
        Output(
            "insight.tables.indicator_data",
            "json",
            render=_indicator_data,
            description="Gegevens van een indicatorpagina, met trechterdiagram",
        )
    )
