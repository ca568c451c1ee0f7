from django.urls import reverse

from kansrijk.testing.factories import PASSWORD

URL = reverse("login")


def test_it_shows_a_labelled_login_form(client, db):
    content = client.get(URL).content.decode()
    assert '<label for="id_username">E-mailadres</label>' in content
    assert '<label for="id_password">Wachtwoord</label>' in content


def test_it_logs_a_user_in_and_goes_home(client, owner):
    response = client.post(URL, {"username": owner.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.get(reverse("coalitions:coalition-list")).status_code == 200


def test_it_returns_to_the_page_the_user_asked_for(client, owner, coalition):
    detail = reverse("coalitions:coalition-detail", args=[coalition.slug])
    response = client.post(URL, {"username": owner.username, "password": PASSWORD, "next": detail})
    assert response.url == detail


def test_it_rejects_a_wrong_password_with_a_dutch_message(client, owner):
    response = client.post(URL, {"username": owner.username, "password": "fout"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Uw e-mailadres of wachtwoord klopt niet." in content
    assert 'aria-describedby="login-error"' in content
    assert "_auth_user_id" not in client.session
