"""API tokens (django-rest-knox): stored hashed, expiring, seen and revoked in the admin."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from tests.desk import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password-1"
DESK = "/api/v1/desk/articles/"


@pytest.fixture
def reporter():
    user = make_user("reporter", username="rita")
    user.set_password(PASSWORD)
    user.save()
    return user


def token_model():
    from knox.models import AuthToken  # importable only where knox is installed

    return AuthToken


def log_in(api_client):
    response = api_client.post(
        "/api/v1/auth/token/", {"username": "rita", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_api_tokens_in_plain_text_are_now_stored_hashed(api_client, reporter):
    token = log_in(api_client)["token"]
    stored = token_model().objects.get(user=reporter)
    assert stored.digest != token
    assert token not in stored.digest
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {token_model()._meta.db_table}")  # noqa: S608
        rows = cursor.fetchall()
    assert not any(isinstance(value, str) and token in value for row in rows for value in row)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api_client.get(DESK).status_code == 200


def test_api_tokens_that_never_expired_now_expire(api_client, reporter, settings):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        body = log_in(api_client)
    lifetime = settings.REST_KNOX["TOKEN_TTL"]
    assert lifetime == timedelta(hours=24)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")
    with time_machine.travel(start + lifetime - timedelta(minutes=1), tick=False):
        assert api_client.get(DESK).status_code == 200
    with time_machine.travel(start + lifetime + timedelta(minutes=1), tick=False):
        refused = api_client.get(DESK)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "authentication_failed"


def test_a_wrong_token_is_a_401(api_client, reporter):
    api_client.credentials(HTTP_AUTHORIZATION="Token " + "0" * 64)
    assert api_client.get(DESK).status_code == 401


def test_logging_out_revokes_the_token(api_client, reporter):
    token = log_in(api_client)["token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api_client.post("/api/v1/auth/logout/").status_code == 204
    assert api_client.get(DESK).status_code == 401


def test_an_admin_sees_and_revokes_tokens(api_client, client, reporter):
    token = log_in(api_client)["token"]
    stored = token_model().objects.get(user=reporter)
    client.force_login(make_user("superuser", username="chief"))
    listing = client.get("/admin/knox/authtoken/")
    assert listing.status_code == 200
    assert "rita" in listing.content.decode()
    assert token not in listing.content.decode()
    response = client.post(
        "/admin/knox/authtoken/",
        {"action": "delete_selected", "_selected_action": [stored.pk], "post": "yes"},
    )
    assert response.status_code == 302
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api_client.get(DESK).status_code == 401


def test_an_editor_without_the_right_cannot_see_tokens(client, reporter):
    client.force_login(make_user("editor", username="eddie"))
    assert client.get("/admin/knox/authtoken/").status_code == 403


def test_the_drf_token_table_is_gone(settings):
    assert "rest_framework.authtoken" not in settings.INSTALLED_APPS
    assert get_user_model()._meta.get_field("auth_token_set").related_model is token_model()
