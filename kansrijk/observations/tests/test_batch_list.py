import pytest
from django.urls import reverse

from kansrijk.testing.factories import ImportBatchFactory

from .access import assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition):
    return reverse("observations:batch-list", kwargs={"slug": coalition.slug})


@pytest.fixture
def batch(coalition, partner):
    return ImportBatchFactory(
        kind="registration", source_name=partner.name, coalition=coalition, partner=partner,
        table_or_file="centering.xlsx", row_count=12,
    )  # fmt: skip


def test_it_lists_the_coalitions_batches_with_a_rollback_link_for_editors(
    client, editor, batch, url, coalition
):
    client.force_login(editor)
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "centering.xlsx" in html and "Verloskundigenpraktijk Zuid" in html
    assert reverse("observations:batch-rollback", args=[coalition.slug, batch.pk]) in html
    assert reverse("observations:upload", args=[coalition.slug]) in html


def test_members_read_the_list_without_buttons_to_change_it(client, member, batch, url, coalition):
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "centering.xlsx" in html
    assert reverse("observations:batch-rollback", args=[coalition.slug, batch.pk]) not in html
    assert reverse("observations:upload", args=[coalition.slug]) not in html


def test_it_never_shows_another_coalitions_batches(client, owner, other_coalition, url):
    ImportBatchFactory(kind="registration", coalition=other_coalition, table_or_file="geheim.csv")
    ImportBatchFactory(kind="cbs", table_or_file="37230ned")
    client.force_login(owner)
    html = client.get(url).content.decode()
    assert "geheim.csv" not in html and "37230ned" not in html


def test_it_hides_the_page_from_outsiders(client, outsider, url):
    assert_hidden_from(client, outsider, url, methods=("get",))


def test_it_asks_anonymous_users_to_log_in(client, url):
    assert_login_required(client, url)
