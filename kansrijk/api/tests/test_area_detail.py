from .conftest import SQUARE


def test_it_shows_one_area_without_its_boundary_by_default(client, areas):
    response = client.get("/api/v1/areas/GM9999")
    assert response.status_code == 200
    data = response.json()
    assert (data["code"], data["name"], data["level"]) == ("GM9999", "Voorbeeldstad", "gemeente")
    assert data["parent"] is None
    assert (data["geometry"], data["geometry_year"]) == (None, None)


def test_it_adds_the_most_recent_boundary_as_geojson_on_request(client, areas):
    data = client.get("/api/v1/areas/GM9999?geometry=1").json()
    assert data["geometry"] == SQUARE
    assert data["geometry_year"] == 2023


def test_it_gives_no_geometry_for_an_area_without_a_boundary(client, areas):
    data = client.get("/api/v1/areas/WK999901?geometry=true").json()
    assert (data["parent"], data["geometry"]) == ("GM9999", None)


def test_it_accepts_a_code_in_lower_case(client, areas):
    assert client.get("/api/v1/areas/wk999901").json()["code"] == "WK999901"


def test_it_answers_404_for_an_unknown_code(client, areas):
    response = client.get("/api/v1/areas/GM0001")
    assert response.status_code == 404
    assert response.json() == {"detail": "Er is geen gebied met code ‘GM0001’."}


def test_it_refuses_a_geometry_flag_that_is_not_yes_or_no(client, areas):
    response = client.get("/api/v1/areas/GM9999?geometry=misschien")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Parameter ‘geometry’: ")
