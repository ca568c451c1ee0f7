"""No form page answers bad input with a server error: it shows the form again, or saves."""

import pytest
from django.urls import reverse

from .test_access_matrix import ALL_PAGES, PATTERNS

FORM_PAGES = [name for name in ALL_PAGES if name.endswith(("-create", "-edit"))]
FIELDS = [
    "title",
    "description",
    "position",
    "partners",
    "indicator",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "direction",
    "name",
    "domain",
    "role",
    "partner",
]
NASTY = [
    "",
    " ",
    "\x00",
    "💥" * 400,
    "-1",
    "99999999999999999999999",
    "1e999",
    "NaN",
    "-inf",
    "12,5.3",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
]


@pytest.fixture
def page_kwargs(coalition, ambition, goal, activity, goal_link, partner, membership):
    return {
        "slug": coalition.slug,
        "ambition_id": ambition.pk,
        "goal_id": goal.pk,
        "activity_id": activity.pk,
        "link_id": goal_link.pk,
        "partner_id": partner.pk,
        "membership_id": membership.pk,
    }


@pytest.mark.parametrize("name", FORM_PAGES)
def test_no_form_page_crashes_on_nasty_values(client, owner, page_kwargs, name):
    url = reverse(
        f"coalitions:{name}", kwargs={k: page_kwargs[k] for k in PATTERNS[name].pattern.converters}
    )
    client.force_login(owner)
    for value in NASTY:
        response = client.post(url, {field: value for field in FIELDS})
        assert response.status_code in (200, 302), (value, response.status_code)
        if response.status_code == 200:
            assert response.context["form"].errors, value


def test_a_goal_id_that_is_not_a_number_is_not_found(client, owner, coalition):
    client.force_login(owner)
    assert client.get(f"/coalities/{coalition.slug}/plan/doelen/abc/wijzigen/").status_code == 404
