"""The OpenAPI document is valid, and every endpoint answers the way it declares: for an
anonymous caller, a member and an outsider, the status is one the document lists for that
path, and the body matches the schema declared for that status (with no undeclared fields)."""

import copy

import pytest
from django.core.management import call_command
from drf_spectacular.validation import validate_schema
from jsonschema import Draft202012Validator

from kansrijk.stories.tests.factories import StoryFactory, StoryThemeFactory

# What each caller gets from each path of the document. A new path fails
# ``test_every_path_in_the_document_is_exercised`` until it is added here.
EXPECTED = {
    "/api/v1/indicators": {"anonymous": 200, "member": 200, "outsider": 200},
    "/api/v1/indicators/{code}": {"anonymous": 404, "member": 200, "outsider": 404},
    "/api/v1/indicators/{code}/values": {"anonymous": 200, "member": 200, "outsider": 200},
    "/api/v1/areas": {"anonymous": 200, "member": 200, "outsider": 200},
    "/api/v1/areas/{code}": {"anonymous": 200, "member": 200, "outsider": 200},
    "/api/v1/coalitions": {"anonymous": 401, "member": 200, "outsider": 200},
    "/api/v1/coalitions/{slug}": {"anonymous": 401, "member": 200, "outsider": 404},
    "/api/v1/coalitions/{slug}/indicators/{code}/values": {
        "anonymous": 401,
        "member": 200,
        "outsider": 404,
    },
    "/api/v1/coalitions/{slug}/stories": {"anonymous": 401, "member": 200, "outsider": 404},
    "/api/v1/coalitions/{slug}/themes": {"anonymous": 401, "member": 200, "outsider": 404},
}
# The concrete URL tried for each path: the member's coalition and its own indicator.
URLS = {
    "/api/v1/indicators/{code}": "/api/v1/indicators/bereik_voorzorg",
    "/api/v1/indicators/{code}/values": "/api/v1/indicators/big2/values",
    "/api/v1/areas/{code}": "/api/v1/areas/GM9999?geometry=1",
    "/api/v1/coalitions/{slug}": "/api/v1/coalitions/voorbeeldstad",
    "/api/v1/coalitions/{slug}/indicators/{code}/values": (
        "/api/v1/coalitions/voorbeeldstad/indicators/bereik_voorzorg/values?level=wijk"
    ),
    "/api/v1/coalitions/{slug}/stories": "/api/v1/coalitions/voorbeeldstad/stories",
    "/api/v1/coalitions/{slug}/themes": "/api/v1/coalitions/voorbeeldstad/themes",
}
CALLERS = ["anonymous", "member", "outsider"]


@pytest.fixture
def document(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def world(plan, own_indicator, foreign_indicator, areas, member, outsider, coalition):
    """Everything the calls below touch, in both coalitions."""
    story = StoryFactory(coalition=coalition, area=areas.children.first())
    story.themes.add(StoryThemeFactory(coalition=coalition, name="Geldzorgen", description="Geld"))
    story.goals.add(plan.goals.first())
    story.indicators.add(own_indicator)
    return {"member": member, "outsider": outsider}


def _strict(schema):
    """A copy in which every object schema refuses properties it does not declare."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if "properties" in node:
                node.setdefault("additionalProperties", False)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


def assert_matches_declaration(document, path, response):
    responses = document["paths"][path]["get"]["responses"]
    assert str(response.status_code) in responses, (path, response.status_code)
    declared = responses[str(response.status_code)]["content"]["application/json"]["schema"]
    root = {**_strict(declared), "components": _strict(document["components"])}
    errors = [error.message for error in Draft202012Validator(root).iter_errors(response.json())]
    assert errors == [], (path, response.status_code)


def test_the_document_is_valid_openapi_3_1(document):
    validate_schema(document)
    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] == "Lerende Lokale Monitor Kansrijke Start – API"


def test_the_document_is_generated_without_warnings(tmp_path, db):
    target = tmp_path / "openapi.json"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    assert target.stat().st_size > 1000


def test_every_path_in_the_document_is_exercised(document):
    assert set(document["paths"]) == set(EXPECTED)
    assert {method for item in document["paths"].values() for method in item} == {"get"}


def test_every_operation_declares_its_errors_and_who_may_call_it(document):
    for path, item in document["paths"].items():
        responses = item["get"]["responses"]
        assert {"200", "400", "401"} <= set(responses), path
        assert ("404" in responses) == ("{" in path), path
        assert {"apiToken": []} in item["get"]["security"], path


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_every_path_answers_as_declared(client, document, world, path, caller):
    if caller != "anonymous":
        client.force_login(world[caller])
    response = client.get(URLS.get(path, path))
    assert response.status_code == EXPECTED[path][caller]
    assert_matches_declaration(document, path, response)


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_every_path_declares_its_answer_to_an_unknown_parameter(client, document, world, path):
    client.force_login(world["member"])
    url = URLS.get(path, path)
    response = client.get(url + ("&" if "?" in url else "?") + "onbekend=1")
    assert response.status_code == 400
    assert_matches_declaration(document, path, response)


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_every_path_declares_its_answer_to_a_wrong_token(client, document, world, path):
    response = client.get(URLS.get(path, path), headers={"Authorization": "Bearer kr_fout"})
    assert response.status_code == 401
    assert_matches_declaration(document, path, response)


def test_a_public_indicator_and_an_empty_list_match_their_declarations(
    client, document, shared_indicator
):
    for path, url in [
        ("/api/v1/indicators/{code}", "/api/v1/indicators/big2"),
        ("/api/v1/areas", "/api/v1/areas?level=buurt"),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert_matches_declaration(document, path, response)
