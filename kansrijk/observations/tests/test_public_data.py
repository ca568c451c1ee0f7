"""Public figures page and background updates (django-tasks): no CBS call in a request."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from kansrijk.catalog.models import Source
from kansrijk.observations.models import DataUpdate, Observation
from kansrijk.observations.updates import request_update, run_data_update
from kansrijk.testing.factories import AreaFactory, IndicatorFactory
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
def zeist(coalition):
    indicator = IndicatorFactory(code="live_births", unit="count", direction="none")
    Source.objects.create(indicator=indicator, provider="CBS", cbs_mapping=LIVE_BIRTHS_MAPPING)
    coalition.areas.set([AreaFactory(code="GM0355", name="Zeist")])
    return coalition


def url(name, coalition, **kwargs):
    return reverse(f"observations:{name}", kwargs={"slug": coalition.slug, **kwargs})


def test_a_coordinator_starts_an_update_without_any_cbs_call_in_the_request(
    client, owner, zeist, cbs_server
):
    client.force_login(owner)
    response = client.post(url("public-data-update", zeist))
    assert response.status_code == 302
    update = DataUpdate.objects.get()
    assert update.state == "queued"
    assert DBTaskResult.objects.filter(id=update.task_id).exists()
    assert cbs_server.requests == []


def test_asking_twice_while_queued_gives_the_same_update(owner, zeist):
    first = request_update(zeist, owner)
    second = request_update(zeist, owner)
    assert first.pk == second.pk
    assert DataUpdate.objects.count() == 1


def test_the_task_imports_and_records_the_outcome(owner, zeist, cbs_server):
    update = request_update(zeist, owner)
    run_data_update.call(update.pk)
    update.refresh_from_db()
    assert update.state == "done"
    assert "waarnemingen geschreven" in update.summary
    assert update.progress_done == update.progress_total == 1
    assert Observation.objects.filter(area__code="GM0355").count() == 5


def test_a_failed_update_says_why_in_dutch_and_changes_nothing(owner, zeist, cbs_server):
    cbs_server.fail_after = 1
    update = request_update(zeist, owner)
    run_data_update.call(update.pk)
    update.refresh_from_db()
    assert update.state == "failed"
    assert update.summary.startswith("Het bijwerken is mislukt. CBS gaf een serverfout")
    assert not Observation.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_worker_command_runs_queued_updates(owner, zeist, cbs_server):
    update = request_update(zeist, owner)
    call_command(
        "db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO()
    )
    update.refresh_from_db()
    assert update.state == "done"


def test_members_see_the_page_with_the_provenance_of_the_figures(client, member, zeist, cbs_server):
    run_data_update.call(request_update(zeist, None).pk)
    client.force_login(member)
    response = client.get(url("public-data", zeist))
    assert response.status_code == 200
    assert "Bron: CBS StatLine 37230ned (Bevolkingsontwikkeling; regio per maand)" in (
        response.content.decode()
    )
    assert "Openbare cijfers nu bijwerken" not in response.content.decode()  # viewers can't


def test_the_status_is_available_as_json(client, member, owner, zeist):
    update = request_update(zeist, owner)
    client.force_login(member)
    data = client.get(url("public-data-status", zeist, update_id=update.pk)).json()
    assert (data["state"], data["active"], data["state_label"]) == (
        "queued",
        True,
        "In de wachtrij",
    )


@pytest.mark.parametrize("user_fixture", ["editor", "member"])
def test_only_coordinators_may_start_an_update(client, zeist, user_fixture, request):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.post(url("public-data-update", zeist)).status_code == 403
    assert not DataUpdate.objects.exists()


def test_outsiders_get_404_everywhere(client, outsider, owner, zeist):
    update = request_update(zeist, owner)
    client.force_login(outsider)
    assert client.get(url("public-data", zeist)).status_code == 404
    assert client.post(url("public-data-update", zeist)).status_code == 404
    assert client.get(url("public-data-status", zeist, update_id=update.pk)).status_code == 404


def test_another_coalitions_update_is_not_found_through_this_one(
    client, owner, zeist, other_coalition
):
    foreign = DataUpdate.objects.create(coalition=other_coalition)
    client.force_login(owner)
    response = client.get(url("public-data-status", zeist, update_id=foreign.pk))
    assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, zeist):
    response = client.get(url("public-data", zeist))
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"]
