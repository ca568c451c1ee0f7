"""The coalition's overview page shows its open actions and links to its cycles."""

import re
from datetime import date

from django.urls import reverse

from kansrijk.interpretation.recording import record_action
from kansrijk.interpretation.templatetags.cycles import PANEL_SIZE


def _panel(client, user, coalition) -> str:
    client.force_login(user)
    html = client.get(reverse("coalitions:coalition-detail", args=[coalition.slug]))
    return html.content.decode().split('id="acties"')[1].split("</section>")[0]


def test_it_shows_open_actions_with_who_and_by_when(client, member, coalition, bare_session):
    record_action(bare_session, "Cursus aanbieden", who="GGD", due_on=date(2025, 6, 1))
    record_action(bare_session, "Al gedaan", status="done")
    panel = _panel(client, member, coalition)
    assert "Open acties" in panel
    assert "Cursus aanbieden" in panel and "GGD" in panel and "1 juni 2025" in panel
    assert "Al gedaan" not in panel
    assert reverse("interpretation:cycle-list", args=[coalition.slug]) in panel


def test_overdue_actions_are_marked(client, member, coalition, bare_session):
    record_action(bare_session, "Te laat", due_on=date(2020, 1, 1))
    assert "(verlopen)" in _panel(client, member, coalition)


def test_viewers_get_no_edit_links_and_editors_do(client, member, editor, coalition, bare_session):
    action = record_action(bare_session, "Actie")
    edit = reverse("interpretation:action-edit", args=[coalition.slug, action.pk])
    assert edit not in _panel(client, member, coalition)
    assert edit in _panel(client, editor, coalition)


def test_it_shows_at_most_a_panel_full_and_counts_the_rest(client, member, coalition, bare_session):
    for number in range(PANEL_SIZE + 3):
        record_action(bare_session, f"Actie nummer {number}")
    panel = _panel(client, member, coalition)
    assert len(re.findall(r"Actie nummer \d+", panel)) == PANEL_SIZE
    assert "En nog 3 open acties." in panel


def test_without_actions_it_explains_the_cycles(client, member, coalition):
    panel = _panel(client, member, coalition)
    assert "Er zijn geen open acties." in panel


def test_the_page_links_to_the_cycles(client, member, coalition):
    client.force_login(member)
    html = client.get(reverse("coalitions:coalition-detail", args=[coalition.slug])).content
    assert reverse("interpretation:cycle-list", args=[coalition.slug]).encode() in html


def test_the_panel_reads_the_open_actions_in_one_query(
    coalition, bare_session, django_assert_num_queries
):
    from kansrijk.interpretation.templatetags.cycles import open_actions_panel

    for number in range(3):
        record_action(bare_session, f"Actie {number}")
    with django_assert_num_queries(1):
        panel = open_actions_panel(coalition)
    assert len(panel["actions"]) == 3
