"""The dashboards' pages are registered output paths, so that
``kansrijk/insight/tests/test_output_paths.py`` checks them for hidden small numbers; the
renderings for that check choose the indicator without saving anything."""

from django.urls import get_resolver

from kansrijk.dashboards.models import DashboardItem, DashboardSettings
from kansrijk.insight.outputs import registered_outputs

NOT_FIGURES = {"dashboards:compose"}  # the composer shows names and choices, no numbers


def _names(namespace):
    resolver = get_resolver().namespace_dict[namespace][1]
    return {f"{namespace}:{name}" for name in resolver.reverse_dict if isinstance(name, str)}


def _outputs():
    return {output.name: output for output in registered_outputs()}


def test_every_dashboard_and_public_page_is_a_registered_output():
    pages = (_names("dashboards") | _names("public")) - NOT_FIGURES
    assert pages <= set(_outputs())


def test_the_renderings_show_the_indicator_and_save_nothing(coalition, town):
    indicator = town.add("wijkcijfer", name="Wijkcijfer Kwikstaart", wijken=True)
    saved = list(DashboardSettings.objects.values())  # made with the coalition
    outputs = _outputs()

    council = outputs["dashboards:council"].render(coalition, indicator)
    home = outputs["public:dashboard"].render(coalition, indicator)
    page = outputs["public:indicator"].render(coalition, indicator)
    charts = outputs["public:chart"].render(coalition, indicator)

    assert "Wijkcijfer Kwikstaart" in council and "Wijkcijfer Kwikstaart" in home
    assert "Centrum" in page  # the widest public view: wijken published
    assert charts.count("<svg") == 2  # the trend and the map
    assert not DashboardItem.objects.exists()
    assert list(DashboardSettings.objects.values()) == saved
