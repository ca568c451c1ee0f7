def test_it_shows_a_shared_indicator_with_its_sources_to_anyone(client, shared_indicator):
    response = client.get("/api/v1/indicators/big2")
    assert response.status_code == 200
    data = response.json()
    assert data["definition"] == "Te vroeg en/of te klein geboren."
    assert data["min_count"] == 10
    assert data["sources"] == [
        {
            "provider": "Perined",
            "table": "Perinatale registratie",
            "link": "",
            "update_frequency": "",
            "how_to_obtain": "",
        }
    ]


def test_it_hides_which_coalitions_use_it_from_anonymous_callers(client, plan, shared_indicator):
    assert client.get("/api/v1/indicators/big2").json()["coalitions_using"] is None


def test_it_tells_signed_in_callers_which_coalitions_use_it(
    client, outsider, plan, shared_indicator
):
    client.force_login(outsider)
    data = client.get("/api/v1/indicators/big2").json()
    assert data["coalitions_using"] == [
        {
            "name": "Kansrijk Voorbeeldstad",
            "contact_email": "coordinator@example.org",
            "is_fictitious": False,
            "thought_of_it": False,
        }
    ]


def test_it_marks_the_coalition_that_thought_of_an_own_indicator(client, member, own_indicator):
    client.force_login(member)
    data = client.get("/api/v1/indicators/bereik_voorzorg").json()
    assert data["own_indicator_of"] == "voorbeeldstad"
    assert [(c["name"], c["thought_of_it"]) for c in data["coalitions_using"]] == [
        ("Kansrijk Voorbeeldstad", True)
    ]


def test_it_hides_an_own_indicator_from_outsiders(client, outsider, own_indicator):
    client.force_login(outsider)
    response = client.get("/api/v1/indicators/bereik_voorzorg")
    assert response.status_code == 404
    assert response.json() == {"detail": "Er is geen indicator met code ‘bereik_voorzorg’."}


def test_it_hides_an_own_indicator_from_anonymous_callers(client, own_indicator):
    assert client.get("/api/v1/indicators/bereik_voorzorg").status_code == 404


def test_it_answers_404_for_an_unknown_code(client, db):
    response = client.get("/api/v1/indicators/bestaat_niet")
    assert response.status_code == 404
    assert response.json() == {"detail": "Er is geen indicator met code ‘bestaat_niet’."}


def test_it_refuses_query_parameters_it_does_not_have(client, shared_indicator):
    response = client.get("/api/v1/indicators/big2?geometry=1")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Onbekende parameter ‘geometry’; deze vraag heeft geen parameters."
    }
