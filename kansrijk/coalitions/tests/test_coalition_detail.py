import pytest
from django.urls import reverse

from kansrijk.areas.models import Level
from kansrijk.testing.factories import (
    ActivityFactory,
    AmbitionFactory,
    AreaFactory,
    GoalFactory,
    IndicatorFactory,
    PartnerFactory,
    PlanIndicatorFactory,
)

from .checks import assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition):
    return reverse("coalitions:coalition-detail", kwargs={"slug": coalition.slug})


def test_it_shows_name_and_description_to_a_viewer(client, member, coalition, url):
    coalition.description = "Samen voor een goede start in Voorbeeldstad."
    coalition.save()
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert "<h1>Kansrijk Voorbeeldstad</h1>" in response.content.decode()
    assert "Samen voor een goede start in Voorbeeldstad." in response.content.decode()


def test_it_shows_a_banner_for_a_fictitious_coalition(client, member, coalition, url):
    coalition.is_fictitious = True
    coalition.save()
    client.force_login(member)
    content = client.get(url).content.decode()
    assert '<p class="fictitious-banner"><strong>Fictieve gegevens (demo)</strong>' in content


def test_it_shows_no_banner_for_a_real_coalition(client, member, url):
    client.force_login(member)
    assert "fictitious-banner" not in client.get(url).content.decode()


def test_it_shows_the_municipality_with_its_number_of_wijken(client, member, municipality, url):
    for n in range(3):
        AreaFactory(code=f"WK99990{n}", level=Level.DISTRICT, parent=municipality)
    AreaFactory(code="BU99990001", level=Level.NEIGHBOURHOOD, parent=municipality)
    client.force_login(member)
    content = client.get(url).content.decode()
    assert "Voorbeeldstad" in content
    assert "3 wijken" in content


def test_it_groups_partners_by_domain(client, member, coalition, url):
    PartnerFactory(coalition=coalition, name="JGZ Voorbeeldstad", domain="social")
    PartnerFactory(coalition=coalition, name="Verloskundigen Noord", domain="medical")
    client.force_login(member)
    response = client.get(url)
    groups = response.context["overview"].partner_groups
    assert [(g.label, [p.name for p in g.partners]) for g in groups] == [
        ("Medisch domein", ["Verloskundigen Noord"]),
        ("Sociaal domein", ["JGZ Voorbeeldstad"]),
    ]


def test_it_shows_the_plan_in_order(client, member, coalition, url):
    second = AmbitionFactory(coalition=coalition, title="Tweede ambitie", position=2)
    first = AmbitionFactory(coalition=coalition, title="Eerste ambitie", position=1)
    GoalFactory(ambition=first, title="Doel B", position=5)
    goal_a = GoalFactory(ambition=first, title="Doel A", position=1)
    ActivityFactory(goal=goal_a, title="Activiteit Y", position=3)
    ActivityFactory(goal=goal_a, title="Activiteit X", position=0)
    GoalFactory(ambition=second, title="Doel C")
    client.force_login(member)
    content = client.get(url).content.decode()
    titles = [
        "Eerste ambitie",
        "Doel A",
        "Activiteit X",
        "Activiteit Y",
        "Doel B",
        "Tweede ambitie",
        "Doel C",
    ]
    positions = [content.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "Doel 1.1:" in content and "Activiteit 1.1.2:" in content and "Doel 2.1:" in content


def test_it_shows_linked_indicators_with_baseline_target_and_direction(
    client, member, coalition, goal, url
):
    indicator = IndicatorFactory(code="laag_geboortegewicht", name_nl="Laag geboortegewicht")
    PlanIndicatorFactory(
        goal=goal,
        indicator=indicator,
        baseline_value=8.25,
        baseline_year=2021,
        target_value=6.0,
        target_year=2026,
        direction="lower",
    )
    client.force_login(member)
    content = client.get(url).content.decode()
    detail = reverse("catalog:indicator-detail", kwargs={"code": "laag_geboortegewicht"})
    assert f'<a href="{detail}">Laag geboortegewicht</a>' in content
    assert "8,25% (2021)" in content
    assert "6% (2026)" in content
    assert "lager is beter" in content


def test_it_links_to_the_coalitions_own_indicators(client, member, url):
    client.force_login(member)
    assert f'href="{url}indicatoren/"' in client.get(url).content.decode()


def test_it_shows_members_and_roles_to_the_coordinator(client, owner, member, url):
    client.force_login(owner)
    response = client.get(url)
    members = [m.user for m in response.context["overview"].members]
    assert members == [owner, member]
    assert "Lezer" in response.content.decode()


def test_it_hides_members_from_viewers_and_editors(client, editor, member, url):
    client.force_login(editor)
    response = client.get(url)
    assert response.context["overview"].members == []
    assert member.username not in response.content.decode()


def test_it_shows_edit_links_to_editors_only(client, editor, member, ambition, coalition, url):
    edit = reverse("coalitions:ambition-edit", args=[coalition.slug, ambition.pk])
    client.force_login(member)
    assert edit not in client.get(url).content.decode()
    client.force_login(editor)
    assert edit in client.get(url).content.decode()


def _big_plan(coalition, size):
    partner = PartnerFactory(coalition=coalition)
    for _a in range(size):
        ambition = AmbitionFactory(coalition=coalition)
        for _g in range(size):
            goal = GoalFactory(ambition=ambition)
            PlanIndicatorFactory(goal=goal)
            for _c in range(size):
                activity = ActivityFactory(goal=goal)
                activity.partners.add(partner)
                PlanIndicatorFactory(goal=None, activity=activity)


def test_it_reads_a_large_plan_in_a_fixed_number_of_queries(
    client, owner, coalition, url, django_assert_max_num_queries
):
    _big_plan(coalition, 4)
    client.force_login(owner)
    with django_assert_max_num_queries(13):  # 12 + the open actions of the cycles
        response = client.get(url)
    assert len(response.context["overview"].plan) == 4


def test_it_needs_as_many_queries_for_a_small_plan_as_for_a_large_one(
    client, owner, coalition, url, django_assert_num_queries
):
    _big_plan(coalition, 1)
    client.force_login(owner)
    client.get(url)  # warm up: the session and content types
    with django_assert_num_queries(13) as small:  # 12 + the open actions of the cycles
        client.get(url)
    _big_plan(coalition, 3)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)


def test_it_hides_the_coalition_from_outsiders(client, outsider, url):
    assert_hidden_from(client, outsider, url)


def test_it_hides_an_unknown_coalition(client, owner):
    client.force_login(owner)
    url = reverse("coalitions:coalition-detail", kwargs={"slug": "bestaat-niet"})
    assert client.get(url).status_code == 404


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)


def test_it_links_an_own_indicator_to_its_detail_page_and_marks_it(
    client, member, coalition, goal, url
):
    own = IndicatorFactory(code="eigen_wijkteam", name_nl="Bereik wijkteam", coalition=coalition)
    PlanIndicatorFactory(goal=goal, indicator=own)
    client.force_login(member)
    content = client.get(url).content.decode()
    detail = reverse("catalog:indicator-detail", kwargs={"code": "eigen_wijkteam"})
    assert (
        f'<a href="{detail}">Bereik wijkteam</a> <span class="tag">eigen indicator</span>'
        in content
    )
