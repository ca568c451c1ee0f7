"""The dashboards' output paths, registered for ``kansrijk/insight/tests/test_output_paths.py``.

The professionals' dashboard is checked by its URL (once per indicator on the map). The page
for bestuur en raad and the public pages show only what a coordinator chose; to check them
for any indicator without changing the database, they are rendered through the same
context functions as the views, with the indicator chosen in an unsaved ``DashboardItem``
(on the public page with its wijken published, the widest public view).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from kansrijk.insight.outputs import Output, register_output

from .models import Audience, DashboardItem


def current_settings(coalition):
    """``composing.current_settings``, imported when an output renders (not at start-up:
    the composing module loads the engine)."""
    from .composing import current_settings as settings_of

    return settings_of(coalition)


def _request(path: str):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


def _item(coalition, indicator, audience) -> DashboardItem:
    return DashboardItem(
        coalition=coalition, indicator=indicator, audience=audience, show_wijken=True
    )


def render_council(coalition, indicator) -> str:
    from .views import council_context

    context = {"coalition": coalition, "tab": "bestuur", "settings": current_settings(coalition)}
    context.update(council_context(coalition, [_item(coalition, indicator, Audience.BESTUUR)]))
    url = reverse("dashboards:council", kwargs={"slug": coalition.slug})
    return render_to_string("dashboards/council.html", context, request=_request(url))


def render_public_home(coalition, indicator) -> str:
    from .views import public_home_context

    items = [_item(coalition, indicator, Audience.PUBLIEK)]
    context = public_home_context(coalition, items, current_settings(coalition))
    url = reverse("public:dashboard", kwargs={"slug": coalition.slug})
    return render_to_string("dashboards/public_dashboard.html", context, request=_request(url))


def render_public_indicator(coalition, indicator) -> str:
    from .views import public_indicator_context

    context = public_indicator_context(coalition, _item(coalition, indicator, Audience.PUBLIEK))
    url = reverse("public:indicator", kwargs={"slug": coalition.slug, "code": indicator.code})
    return render_to_string("dashboards/public_indicator.html", context, request=_request(url))


def render_public_charts(coalition, indicator) -> str:
    """The SVG downloads of the public page (what ``public:chart`` serves)."""
    from kansrijk.charts.rendering import to_svgs

    from .public import public_indicator

    found = public_indicator(coalition, _item(coalition, indicator, Audience.PUBLIEK))
    return "\n".join(to_svgs(found.charts))


def register_outputs() -> None:
    register_output(
        Output(
            "dashboards:dashboard",
            "html",
            url=lambda c, i: (
                reverse("dashboards:dashboard", kwargs={"slug": c.slug}) + f"?kaart={i.code}"
            ),
            description="Dashboard voor professionals, met tegels en de wijkkaart",
        )
    )
    register_output(
        Output(
            "dashboards:council",
            "html",
            render=render_council,
            description="Dashboard voor bestuur en raad (de indicator als kernindicator)",
        )
    )
    register_output(
        Output(
            "public:dashboard",
            "html",
            render=render_public_home,
            description="Openbare pagina van een coalitie (de indicator gepubliceerd)",
        )
    )
    register_output(
        Output(
            "public:indicator",
            "html",
            render=render_public_indicator,
            description="Openbare pagina van één indicator, met wijken",
        )
    )
    register_output(
        Output(
            "public:chart",
            "svg",
            render=render_public_charts,
            description="Grafieken van de openbare pagina als SVG (downloads)",
        )
    )
