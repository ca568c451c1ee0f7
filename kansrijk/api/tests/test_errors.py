"""Every error of the API is ``{"detail": "…"}`` in Dutch, never an HTML page or a 500."""

import pytest


def test_an_unknown_path_under_the_api_is_a_json_404(client, db):
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "Onbekend adres in de API; de beschikbare adressen staan in /api/v1/docs."
    }


def test_a_trailing_slash_is_an_unknown_path_too(client, db):
    assert client.get("/api/v1/indicators/").json()["detail"].startswith("Onbekend adres")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, member, method):
    client.force_login(member)
    response = getattr(client, method)("/api/v1/indicators", {}, content_type="application/json")
    assert response.status_code == 405
    assert response.json() == {"detail": f'Methode "{method.upper()}" niet toegestaan.'}


def test_a_combination_of_bad_parameters_names_each_of_them(client, db):
    response = client.get("/api/v1/areas?level=x&year=y")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "Parameter ‘level’: ‘x’ is geen geldige keuze" in detail
    assert "Parameter ‘year’: " in detail


def test_an_overlong_search_is_a_400_not_a_500(client, db):
    response = client.get("/api/v1/indicators?q=" + "x" * 201)
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Parameter ‘q’: ")


@pytest.mark.parametrize(
    "url, status",
    [
        ("/api/v1/areas/%00", 404),
        ("/api/v1/areas/GM%2000", 404),
        ("/api/v1/areas?parent=%00", 400),
        ("/api/v1/indicators?q=%00", 400),
        ("/api/v1/areas?offset=99999999999999999999", 200),
        ("/api/v1/areas?year=99999999999999999999", 400),
    ],
)
def test_hostile_input_is_refused_or_harmless_on_every_database(client, db, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert "detail" in response.json() or response.json()["results"] == []
