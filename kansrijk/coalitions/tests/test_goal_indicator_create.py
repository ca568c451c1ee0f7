import pytest
from django.urls import reverse

from kansrijk.coalitions.models import PlanIndicator
from kansrijk.testing.factories import GoalFactory, IndicatorFactory

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, goal):
    return reverse("coalitions:goal-indicator-create", args=[coalition.slug, goal.pk])


def post(client, url, **fields):
    return client.post(url, fields)


def test_it_offers_shared_and_own_indicators_but_not_another_coalitions(
    client, owner, coalition, other_coalition, indicator, url
):
    IndicatorFactory(code="eigen_1", name_nl="Onze eigen indicator", coalition=coalition)
    IndicatorFactory(code="vreemd_1", name_nl="Indicator van elders", coalition=other_coalition)
    client.force_login(owner)
    content = client.get(url).content.decode()
    assert indicator.name_nl in content
    assert "Onze eigen indicator (eigen indicator)" in content
    assert "Indicator van elders" not in content


def test_it_links_an_indicator_with_baseline_and_target(client, owner, goal, indicator, url):
    client.force_login(owner)
    response = post(
        client,
        url,
        indicator=indicator.pk,
        baseline_value="8,5",
        baseline_year="2022",
        target_value="6",
        target_year="2027",
        direction="lower",
    )
    link = PlanIndicator.objects.get(goal=goal)
    assert (link.indicator, link.baseline_value, link.baseline_year) == (indicator, 8.5, 2022)
    assert (link.target_value, link.target_year, link.direction) == (6.0, 2027, "lower")
    assert response.url.endswith(f"#doel-{goal.pk}")


def test_it_accepts_a_decimal_point_as_well(client, owner, goal, indicator, url):
    client.force_login(owner)
    post(client, url, indicator=indicator.pk, baseline_value="8.5", baseline_year="2022")
    assert PlanIndicator.objects.get(goal=goal).baseline_value == 8.5


def test_the_direction_defaults_to_the_indicators_desired_direction(client, owner, goal, url):
    higher = IndicatorFactory(code="borstvoeding", direction="higher")
    client.force_login(owner)
    post(client, url, indicator=higher.pk, direction="")
    assert PlanIndicator.objects.get(goal=goal).direction == "higher"


def test_it_links_an_own_indicator(client, owner, coalition, goal, url):
    own = IndicatorFactory(code="eigen_2", coalition=coalition)
    client.force_login(owner)
    post(client, url, indicator=own.pk)
    assert PlanIndicator.objects.get(goal=goal).indicator == own


def test_it_refuses_an_own_indicator_of_another_coalition(
    client, owner, goal, other_coalition, url
):
    foreign = IndicatorFactory(code="vreemd_2", coalition=other_coalition)
    client.force_login(owner)
    response = post(client, url, indicator=foreign.pk)
    assert response.context["form"].errors["indicator"] == [
        "Kies een van de mogelijkheden bij “Indicator”."
    ]
    assert not PlanIndicator.objects.exists()


def test_it_refuses_an_indicator_already_linked_to_the_goal(
    client, owner, goal, goal_link, indicator, url
):
    client.force_login(owner)
    response = post(client, url, indicator=indicator.pk)
    assert response.context["form"].errors["indicator"] == [
        "Deze indicator is al gekoppeld aan dit doel."
    ]
    assert PlanIndicator.objects.filter(goal=goal).count() == 1


def test_it_allows_the_same_indicator_under_another_goal(
    client, owner, ambition, goal_link, indicator, coalition
):
    second = GoalFactory(ambition=ambition)
    client.force_login(owner)
    url = reverse("coalitions:goal-indicator-create", args=[coalition.slug, second.pk])
    post(client, url, indicator=indicator.pk)
    assert PlanIndicator.objects.filter(indicator=indicator).count() == 2


@pytest.mark.parametrize(
    "fields, field, message",
    [
        (
            {"baseline_year": "2024", "target_year": "2020"},
            "target_year",
            "“Streefjaar” (2020) ligt vóór het jaar van de nulmeting (2024).",
        ),
        (
            {"baseline_year": "1989"},
            "baseline_year",
            "“Nulmeting: jaar” moet tussen 1990 en 2100 liggen.",
        ),
        ({"target_year": "2101"}, "target_year", "“Streefjaar” moet tussen 1990 en 2100 liggen."),
        (
            {"target_year": "volgend jaar"},
            "target_year",
            "“Streefjaar” moet een geheel getal zijn.",
        ),
        (
            {"baseline_value": "acht"},
            "baseline_value",
            "“Nulmeting: waarde” moet een getal zijn, bijvoorbeeld 12,5.",
        ),
        (
            {"target_value": "1e400", "target_year": "2026"},
            "target_value",
            "“Streefwaarde” moet een getal zijn, bijvoorbeeld 12,5.",
        ),
        ({"baseline_value": "8"}, "baseline_year", "Vul bij “Nulmeting: jaar” het jaar in."),
        ({"target_value": "6"}, "target_year", "Vul bij “Streefjaar” het jaar in."),
        (
            {"direction": "sideways"},
            "direction",
            "Kies een van de mogelijkheden bij “Gewenste richting”.",
        ),
    ],
)
def test_it_rejects_bad_input_with_a_dutch_message_naming_the_field(
    client, owner, indicator, url, fields, field, message
):
    client.force_login(owner)
    response = post(client, url, indicator=indicator.pk, **fields)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert not PlanIndicator.objects.exists()


def test_it_requires_an_indicator(client, owner, url):
    client.force_login(owner)
    response = post(client, url, indicator="")
    assert response.context["form"].errors["indicator"] == ["“Indicator” is verplicht."]


def test_it_links_errors_to_their_fields_for_screen_readers(client, owner, indicator, url):
    client.force_login(owner)
    content = post(client, url, indicator=indicator.pk, target_year="2200").content.decode()
    assert 'aria-invalid="true"' in content
    assert 'aria-describedby="id_target_year_error"' in content
    assert 'id="id_target_year_error"' in content
    assert '<a href="#id_target_year">' in content


def test_it_lets_an_editor_link_an_indicator(client, editor, goal, indicator, url):
    client.force_login(editor)
    post(client, url, indicator=indicator.pk)
    assert PlanIndicator.objects.filter(goal=goal).exists()


def test_it_does_not_link_to_a_goal_of_another_coalition(
    client, owner, coalition, other_coalition, indicator
):
    foreign = GoalFactory(ambition__coalition=other_coalition)
    client.force_login(owner)
    url = reverse("coalitions:goal-indicator-create", args=[coalition.slug, foreign.pk])
    assert post(client, url, indicator=indicator.pk).status_code == 404
    assert not PlanIndicator.objects.exists()


def test_it_forbids_viewers(client, member, url):
    assert_forbidden_for(client, member, url)
    assert not PlanIndicator.objects.exists()


def test_it_hides_the_page_from_outsiders(client, outsider, url):
    assert_hidden_from(client, outsider, url)
    assert not PlanIndicator.objects.exists()


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
