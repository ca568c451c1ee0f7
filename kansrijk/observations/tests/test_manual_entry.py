from datetime import date

import pytest
import time_machine
from django.urls import reverse

from kansrijk.observations.models import ImportBatch, Observation, SourceKind

from .access import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(date(2024, 5, 15), tick=False):
        yield


@pytest.fixture
def url(coalition):
    return reverse("observations:manual-entry", kwargs={"slug": coalition.slug})


@pytest.fixture
def grid_url(url, setting_up, voorzorg):
    return (
        f"{url}?indicator={voorzorg.pk}&partner={setting_up['partner'].pk}&year=2024&kind=quarter"
    )


def _cell(area, period, measure="numerator"):
    return f"c-{area.pk}-{period}-{measure}"


def test_it_shows_a_grid_of_wijken_and_the_periods_so_far(client, editor, grid_url, wijken):
    client.force_login(editor)
    html = client.get(grid_url).content.decode()
    assert "2024-Q1" in html and "2024-Q2" in html and "2024-Q3" not in html
    assert f'id="{_cell(wijken[1], "2024-Q1")}"' in html
    assert '<th scope="row">Noord</th>' in html
    assert f'<label class="visually-hidden" for="{_cell(wijken[1], "2024-Q1")}">' in html


def test_it_saves_the_typed_values_as_a_manual_batch(client, editor, grid_url, wijken, coalition):
    client.force_login(editor)
    response = client.post(
        grid_url, {_cell(wijken[1], "2024-Q1"): "4", _cell(wijken[2], "2024-Q2"): "x"}
    )
    assert response.url == reverse("observations:batch-list", args=[coalition.slug])
    batch = ImportBatch.objects.get()
    assert (batch.kind, batch.created_by, batch.row_count) == (SourceKind.MANUAL, editor, 2)
    values = dict(Observation.objects.values_list("area__code", "numerator"))
    assert values == {"WK999902": 4.0, "WK999903": None}
    assert b"WK999902;2024-Q1;4" in bytes(batch.upload.content)


def test_it_shows_errors_on_the_cells_and_saves_nothing(client, editor, grid_url, wijken):
    client.force_login(editor)
    name = _cell(wijken[1], "2024-Q1")
    response = client.post(grid_url, {name: "-2", _cell(wijken[0], "2024-Q1"): "3"})
    html = response.content.decode()
    assert response.status_code == 400
    assert f'href="#{name}"' in html
    assert f'aria-describedby="{name}-error"' in html
    assert "-2 is negatief" in html
    assert not Observation.objects.exists()


def test_it_says_when_nothing_was_typed(client, editor, grid_url):
    client.force_login(editor)
    response = client.post(grid_url, {})
    assert "Er is niets ingevuld" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_it_fills_the_grid_with_the_stored_values(client, editor, grid_url, wijken):
    client.force_login(editor)
    client.post(grid_url, {_cell(wijken[1], "2024-Q1"): "4"})
    html = client.get(grid_url).content.decode()
    assert f'name="{_cell(wijken[1], "2024-Q1")}" value="4"' in html


def test_it_refuses_a_year_in_the_future(client, editor, url, setting_up, voorzorg):
    client.force_login(editor)
    response = client.get(
        url,
        {
            "indicator": voorzorg.pk,
            "partner": setting_up["partner"].pk,
            "year": 2030,
            "kind": "year",
        },
    )
    assert "year" in response.context["choice"].errors
    assert response.context["grid"] is None


def test_members_may_not_type_values(client, member, grid_url):
    assert_forbidden_for(client, member, grid_url)


def test_outsiders_get_a_404(client, outsider, grid_url):
    assert_hidden_from(client, outsider, grid_url)


def test_it_asks_anonymous_users_to_log_in(client, url):
    assert_login_required(client, url)


def test_a_grid_too_large_for_one_form_asks_for_fewer_periods(
    client, editor, url, setting_up, centering, municipality
):
    from kansrijk.testing.factories import AreaFactory

    for number in range(40):
        AreaFactory(
            code=f"WK9999{50 + number}",
            name=f"Wijk {number}",
            level="district",
            parent=municipality,
        )
    client.force_login(editor)
    response = client.get(
        url,
        {
            "indicator": centering.pk,
            "partner": setting_up["partner"].pk,
            "year": 2023,
            "kind": "month",
        },
    )
    assert "te veel voor één keer" in response.content.decode()
    assert 'name="c-' not in response.content.decode()
