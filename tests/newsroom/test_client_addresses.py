"""Which address a request comes from: X-Forwarded-For only from configured proxies."""

import pytest
from django.test import RequestFactory

from newsroom.api.throttling import ClientRateThrottle
from tests.factories import published_article

pytestmark = pytest.mark.django_db


def test_forwarded_for_header_does_not_bypass_the_anonymous_rate_limit(api_client, monkeypatch):
    monkeypatch.setattr(ClientRateThrottle, "THROTTLE_RATES", {"anon": "20/minute"})
    url = f"/api/v1/articles/{published_article().pk}/"
    codes = [
        api_client.get(url, HTTP_X_FORWARDED_FOR=f"10.0.{n}.{n}").status_code for n in range(35)
    ]
    assert codes[:20] == [200] * 20
    assert codes[20:] == [429] * 15


def test_forwarded_for_header_does_not_bypass_the_rate_limit_on_a_miss(api_client, monkeypatch):
    monkeypatch.setattr(ClientRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    codes = [
        api_client.get(
            f"/api/v1/articles/?page_size={n + 1}", HTTP_X_FORWARDED_FOR=f"10.1.0.{n}"
        ).status_code
        for n in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, None, "192.0.2.1"),
        (0, "10.9.9.9", "192.0.2.1"),  # trust none: the header is the client's own words
        (1, None, "192.0.2.1"),
        (1, "198.51.100.4", "198.51.100.4"),
        (1, "10.9.9.9, 198.51.100.4", "198.51.100.4"),  # the client forged the first entry
        (2, "10.9.9.9, 198.51.100.4, 203.0.113.5", "198.51.100.4"),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(settings, proxies, forwarded, expected):
    from newsroom.clients import client_address

    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": proxies}
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", **headers)
    assert client_address(request) == expected


def test_behind_one_proxy_each_forwarded_client_has_its_own_limit(
    api_client, settings, monkeypatch
):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    monkeypatch.setattr(ClientRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    url = f"/api/v1/articles/{published_article().pk}/"

    def get(client_ip):
        return api_client.get(url, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=client_ip)

    assert [get("198.51.100.1").status_code for _ in range(3)] == [200, 200, 429]
    assert get("198.51.100.2").status_code == 200


def test_axes_identifies_clients_as_the_rate_limit_does(settings):
    assert settings.AXES_CLIENT_IP_CALLABLE == "newsroom.clients.client_address"
