from django.urls import reverse

URL = reverse("logout")


def test_it_logs_out_with_a_post_and_goes_home(client, owner):
    client.force_login(owner)
    response = client.post(URL)
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert "_auth_user_id" not in client.session


def test_it_does_not_log_out_on_a_get(client, owner):
    client.force_login(owner)
    assert client.get(URL).status_code == 405
    assert "_auth_user_id" in client.session
