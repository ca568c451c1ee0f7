def test_it_asks_anonymous_callers_to_sign_in_with_a_401(client, coalition):
    response = client.get("/api/v1/coalitions")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json() == {
        "detail": "Log in of stuur een API-sleutel mee (Authorization: Bearer …) "
        "om coalities te zien."
    }


def test_it_lists_only_the_callers_coalitions_with_their_role(client, member, outsider):
    client.force_login(member)
    response = client.get("/api/v1/coalitions")
    assert response.status_code == 200
    assert response.json() == {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "slug": "voorbeeldstad",
                "name": "Kansrijk Voorbeeldstad",
                "description": "",
                "is_fictitious": False,
                "role": "viewer",
                "url": "http://testserver/api/v1/coalitions/voorbeeldstad",
            }
        ],
    }


def test_it_shows_an_outsider_only_their_own_coalition(client, coalition, outsider, bearer):
    response = client.get("/api/v1/coalitions", headers=bearer(outsider))
    assert [c["slug"] for c in response.json()["results"]] == ["elders"]
