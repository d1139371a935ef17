"""Brute-force protection of the admin login and the API token login (django-axes)."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password-1"
TOKEN_LOGIN = "/api/v1/auth/token/"
# The defaults: LOGIN_FAILURE_LIMIT and LOGIN_LOCKOUT_MINUTES.
LIMIT = 5
COOL_OFF = timedelta(minutes=15)


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("eddie", password=PASSWORD, is_staff=True)


def admin_login(client, username, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def token_login(api_client, username, password, address="203.0.113.7"):
    return api_client.post(
        TOKEN_LOGIN,
        {"username": username, "password": password},
        format="json",
        REMOTE_ADDR=address,
    )


def test_admin_login_without_brute_force_protection_is_locked_after_repeated_failures(
    client, editor, settings
):
    answers = [admin_login(client, "eddie", f"guess-{n}").status_code for n in range(40)]
    assert answers[: LIMIT - 1] == [200] * (LIMIT - 1)
    assert set(answers[LIMIT - 1 :]) == {429}
    # The right password straight after is refused too: the account waits out the lock.
    right = admin_login(client, "eddie", PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in right.content.decode()


def test_admin_login_lockout_is_per_user_whatever_the_address(client, editor, settings):
    for n in range(LIMIT):
        admin_login(client, "eddie", "wrong", address=f"198.51.100.{n + 1}")
    assert admin_login(Client(), "eddie", PASSWORD, address="192.0.2.200").status_code == 429


def test_admin_login_lockout_is_per_address_whatever_the_user(client, editor, settings):
    for n in range(LIMIT):
        admin_login(client, f"someone-{n}", "wrong", address="198.51.100.9")
    assert admin_login(Client(), "eddie", PASSWORD, address="198.51.100.9").status_code == 429
    # Another address is not affected.
    other = Client()
    assert admin_login(other, "eddie", PASSWORD, address="192.0.2.1").status_code == 302
    assert other.session["_auth_user_id"] == str(editor.pk)


def test_a_few_failures_then_the_right_password_logs_in(client, editor):
    admin_login(client, "eddie", "wrong")
    assert admin_login(client, "eddie", PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_token_login_answers_a_token_for_the_right_password(api_client, editor):
    response = token_login(api_client, "eddie", PASSWORD)
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"token", "expiry"}
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")
    assert api_client.get("/api/v1/desk/articles/").status_code in {200, 403}
    assert api_client.get("/api/v1/desk/articles/").status_code != 401


def test_token_login_takes_a_plain_form_too(client, editor):
    response = client.post(
        TOKEN_LOGIN,
        "username=eddie&password=" + PASSWORD,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert response.json()["token"]


def test_token_login_refuses_wrong_credentials_with_a_400(api_client, editor):
    response = token_login(api_client, "eddie", "wrong")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert "username or password" in error["message"]
    assert "token" not in response.json()


@pytest.mark.parametrize(
    ("body", "fields"),
    [({}, {"username", "password"}), ({"username": "eddie"}, {"password"})],
)
def test_token_login_names_missing_fields(api_client, editor, body, fields):
    response = api_client.post(TOKEN_LOGIN, body, format="json")
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == fields


def test_token_login_refuses_unknown_query_parameters(api_client, editor):
    response = api_client.post(
        f"{TOKEN_LOGIN}?next=x", {"username": "eddie", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 400
    assert "next" in response.json()["error"]["fields"]


def test_token_login_without_brute_force_protection_is_locked_after_repeated_failures(
    api_client, editor, settings
):
    answers = [token_login(api_client, "eddie", f"guess-{n}").status_code for n in range(40)]
    assert answers[: LIMIT - 1] == [400] * (LIMIT - 1)
    assert set(answers[LIMIT - 1 :]) == {429}
    right = token_login(api_client, "eddie", PASSWORD)
    assert right.status_code == 429
    error = right.json()["error"]
    assert error["status"] == 429
    assert error["code"] == "locked_out"
    assert int(right["Retry-After"]) > 0
    assert "token" not in right.json()


def test_token_login_and_admin_login_share_one_count(client, api_client, editor, settings):
    for n in range(LIMIT):
        token_login(api_client, "eddie", f"guess-{n}", address=f"198.51.100.{n + 1}")
    assert admin_login(client, "eddie", PASSWORD, address="192.0.2.50").status_code == 429


def test_login_lock_is_lifted_after_the_cool_off(client, editor, settings):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for n in range(LIMIT):
            admin_login(client, "eddie", f"guess-{n}")
        assert admin_login(client, "eddie", PASSWORD).status_code == 429
    with time_machine.travel(start + COOL_OFF + timedelta(seconds=1), tick=False):
        assert admin_login(client, "eddie", PASSWORD).status_code == 302
