URL = "/api/v1/coalitions/voorbeeldstad"


def test_it_shows_a_member_the_coalition_with_its_plan_tree(client, member, plan):
    client.force_login(member)
    response = client.get(URL)
    assert response.status_code == 200
    data = response.json()
    assert (data["slug"], data["role"]) == ("voorbeeldstad", "viewer")
    assert data["areas"] == [
        {"code": "GM9999", "name": "Voorbeeldstad", "level": "gemeente", "district_count": 0}
    ]
    assert data["partners"] == [{"name": "Verloskundigenpraktijk De Wieg", "domain": "medical"}]
    (ambition,) = data["plan"]
    (goal,) = ambition["goals"]
    (activity,) = goal["activities"]
    assert ambition["title"] == "Ieder kind een kansrijke start"
    assert goal["indicators"] == [
        {
            "indicator": "big2",
            "name": "BIG2",
            "direction": "lower",
            "baseline_value": 8.5,
            "baseline_year": 2022,
            "target_value": 7.0,
            "target_year": 2026,
        }
    ]
    assert activity["partners"] == ["Verloskundigenpraktijk De Wieg"]
    assert [link["indicator"] for link in activity["indicators"]] == ["bereik_voorzorg"]


def test_it_reads_the_plan_in_a_fixed_number_of_queries(
    client, member, plan, django_assert_max_num_queries
):
    client.force_login(member)
    with django_assert_max_num_queries(12):
        assert client.get(URL).status_code == 200


def test_it_hides_the_coalition_from_outsiders_with_a_404(client, outsider, plan):
    client.force_login(outsider)
    response = client.get(URL)
    assert response.status_code == 404
    assert response.json() == {"detail": "Er is geen coalitie ‘voorbeeldstad’ waarvan u lid bent."}


def test_it_answers_an_unknown_coalition_exactly_like_a_hidden_one(client, outsider):
    client.force_login(outsider)
    response = client.get("/api/v1/coalitions/bestaat-niet")
    assert response.status_code == 404
    assert response.json() == {"detail": "Er is geen coalitie ‘bestaat-niet’ waarvan u lid bent."}


def test_it_asks_anonymous_callers_to_sign_in(client, plan):
    assert client.get(URL).status_code == 401


def test_it_works_with_a_personal_token(client, owner, plan, bearer):
    response = client.get(URL, headers=bearer(owner))
    assert response.json()["role"] == "coordinator"
