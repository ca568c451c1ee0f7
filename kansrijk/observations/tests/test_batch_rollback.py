import pytest
from django.urls import reverse

from kansrijk.observations.importers.registrations import commit_registrations, read_registrations
from kansrijk.observations.models import Observation
from kansrijk.testing.factories import ImportBatchFactory

from .access import assert_forbidden_for, assert_hidden_from, assert_login_required
from .conftest import TODAY
from .files import long_csv


def _import(coalition, partner, indicator, count):
    data = long_csv([("Noord", "2023-K1", count)], header=("wijk", "kwartaal", "aantal"))
    preview = read_registrations(
        data, "x.csv", coalition=coalition, partner=partner, indicator=indicator, today=TODAY
    )
    return commit_registrations(preview)


@pytest.fixture
def batches(coalition, setting_up, voorzorg):
    partner = setting_up["partner"]
    return _import(coalition, partner, voorzorg, 3), _import(coalition, partner, voorzorg, 8)


def _url(batch):
    return reverse("observations:batch-rollback", args=[batch.coalition.slug, batch.pk])


@pytest.fixture
def url(batches):
    return _url(batches[1])


def test_it_asks_for_confirmation_and_says_what_will_happen(client, editor, url):
    client.force_login(editor)
    html = client.get(url).content.decode()
    assert "Dit verwijdert de 1 waarden van deze import en zet 1 eerdere waarden terug" in html
    assert Observation.objects.get().numerator == 8


def test_it_rolls_the_batch_back(client, editor, url, batches, coalition):
    client.force_login(editor)
    response = client.post(url)
    assert response.url == reverse("observations:batch-list", args=[coalition.slug])
    assert Observation.objects.get().numerator == 3
    batches[1].refresh_from_db()
    assert batches[1].rolled_back_by == editor


def test_it_explains_why_an_older_batch_must_wait(client, owner, batches):
    client.force_login(owner)
    response = client.post(_url(batches[0]))
    assert response.status_code == 200
    assert "Draai die eerst terug" in response.content.decode()
    assert Observation.objects.get().numerator == 8


def test_a_public_batch_is_not_found(client, owner, coalition):
    public = ImportBatchFactory(kind="cbs")
    client.force_login(owner)
    url = reverse("observations:batch-rollback", args=[coalition.slug, public.pk])
    assert client.post(url).status_code == 404


def test_members_may_not_roll_back(client, member, url):
    assert_forbidden_for(client, member, url)
    assert Observation.objects.get().numerator == 8


def test_outsiders_get_a_404(client, outsider, url):
    assert_hidden_from(client, outsider, url)


def test_it_asks_anonymous_users_to_log_in(client, url):
    assert_login_required(client, url)
