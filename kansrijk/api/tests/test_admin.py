from django.urls import reverse

from kansrijk.api.tokens import create_token
from kansrijk.testing.factories import UserFactory


def test_staff_can_list_search_and_revoke_tokens_but_not_add_one(client, member):
    token = create_token(member, "Dashboard").token
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    changelist = reverse("admin:api_apitoken_changelist")
    assert "Dashboard" in client.get(changelist).content.decode()
    assert "Dashboard" in client.get(changelist, {"q": "bob@"}).content.decode()
    assert client.get(reverse("admin:api_apitoken_add")).status_code == 403
    delete = reverse("admin:api_apitoken_delete", args=[token.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not member.api_tokens.exists()
