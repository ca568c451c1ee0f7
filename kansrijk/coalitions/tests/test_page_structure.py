"""Every coalition page, as the coordinator sees it, with and without form errors, passes the
structural accessibility check (unique ids, headings in order, labelled controls)."""

import pytest
from django.urls import reverse

from kansrijk.web.tests.structure import structure_problems

from .test_access_matrix import ALL_PAGES, PATTERNS


@pytest.fixture
def page_kwargs(coalition, ambition, goal, activity, goal_link, activity_link, partner, membership):
    coalition.is_fictitious = True
    coalition.description = "Een coalitie om te testen."
    coalition.save()
    return {
        "slug": coalition.slug,
        "ambition_id": ambition.pk,
        "goal_id": goal.pk,
        "activity_id": activity.pk,
        "link_id": goal_link.pk,
        "partner_id": partner.pk,
        "membership_id": membership.pk,
    }


def _url(name, kwargs):
    return reverse(
        f"coalitions:{name}", kwargs={k: kwargs[k] for k in PATTERNS[name].pattern.converters}
    )


@pytest.mark.parametrize("name", ALL_PAGES)
def test_every_page_is_well_structured(client, owner, editor, page_kwargs, name):
    client.force_login(owner)
    assert structure_problems(client.get(_url(name, page_kwargs)).content.decode()) == []


FORM_PAGES = [n for n in ALL_PAGES if n.endswith(("-create", "-edit"))]


@pytest.mark.parametrize("name", FORM_PAGES)
def test_every_form_with_errors_is_well_structured(client, owner, page_kwargs, name):
    client.force_login(owner)
    response = client.post(
        _url(name, page_kwargs), {"title": "", "name": "", "role": "?", "target_year": "1"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert structure_problems(response.content.decode()) == []
