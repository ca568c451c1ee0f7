"""The pages of the web app pass the structural accessibility check, and the check itself works."""

import pytest
from django.urls import reverse

from .structure import structure_problems


@pytest.mark.parametrize("name", ["home", "login"])
def test_the_public_pages_are_well_structured(client, db, name):
    assert structure_problems(client.get(reverse(name)).content.decode()) == []


def test_the_home_page_of_a_member_is_well_structured(client, owner):
    client.force_login(owner)
    assert structure_problems(client.get(reverse("home")).content.decode()) == []


def test_a_failed_login_is_well_structured(client, owner):
    response = client.post(reverse("login"), {"username": owner.username, "password": "fout"})
    assert structure_problems(response.content.decode()) == []


LANDMARKS = "<header></header><nav></nav><main>{}</main><footer></footer>"


@pytest.mark.parametrize(
    "body, problem",
    [
        ('<h1>A</h1><p id="x"></p><p id="x"></p>', "duplicate ids: ['x']"),
        ("<h2>A</h2>", "expected one h1, found 0"),
        ("<h1>A</h1><h3>B</h3>", "heading level skips from h1 to h3"),
        ('<h1>A</h1><input name="q">', "input 'q' has no label"),
        (
            '<h1>A</h1><input aria-describedby="hint">',
            "aria-describedby points at missing id 'hint'",
        ),
        ('<h1>A</h1><a href="#nergens">x</a>', "href points at missing id 'nergens'"),
    ],
)
def test_the_check_finds_each_kind_of_problem(body, problem):
    assert problem in structure_problems(LANDMARKS.format(body))


def test_the_check_accepts_a_wrapped_or_linked_label():
    body = '<h1>A</h1><label>Zoek <input name="q"></label><label for="t">T</label><input id="t">'
    assert structure_problems(LANDMARKS.format(body)) == []
