import pytest

from kansrijk.testing.factories import AreaFactory


@pytest.fixture
def twelve_areas(db):
    return [AreaFactory(code=f"GM{1000 + n}", name=f"Gemeente {n}") for n in range(12)]


def test_it_pages_with_limit_and_offset_and_gives_the_count_and_next_page(client, twelve_areas):
    data = client.get("/api/v1/areas?level=gemeente&limit=5&offset=5").json()
    assert data["count"] == 12
    assert [area["code"] for area in data["results"]] == [f"GM{1005 + n}" for n in range(5)]
    assert data["next"] == "http://testserver/api/v1/areas?level=gemeente&limit=5&offset=10"
    assert data["previous"] == "http://testserver/api/v1/areas?level=gemeente&limit=5"


def test_the_last_page_has_no_next_page(client, twelve_areas):
    data = client.get("/api/v1/areas?limit=5&offset=10").json()
    assert len(data["results"]) == 2
    assert data["next"] is None


def test_it_returns_a_hundred_results_by_default(client, db):
    AreaFactory.create_batch(101)
    data = client.get("/api/v1/areas").json()
    assert (data["count"], len(data["results"])) == (101, 100)


@pytest.mark.parametrize(
    "query, message",
    [
        ("limit=0", "Parameter ‘limit’ moet een geheel getal van 1 tot en met 1000 zijn."),
        ("limit=1001", "Parameter ‘limit’ moet een geheel getal van 1 tot en met 1000 zijn."),
        ("limit=vijf", "Parameter ‘limit’ moet een geheel getal van 1 tot en met 1000 zijn."),
        ("offset=-1", "Parameter ‘offset’ moet een geheel getal van 0 of meer zijn."),
        ("offset=1.5", "Parameter ‘offset’ moet een geheel getal van 0 of meer zijn."),
    ],
)
def test_it_refuses_a_bad_limit_or_offset_with_a_400(client, twelve_areas, query, message):
    response = client.get(f"/api/v1/areas?{query}")
    assert response.status_code == 400
    assert response.json() == {"detail": message}
