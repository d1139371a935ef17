"""Anonymous public reads answered from the response cache before the framework runs."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from knox.models import AuthToken

from articles.delivery.api.views import ArticleViewSet
from articles.publishing import version_publish
from tests.factories import article_with_body, published_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def view_calls(monkeypatch):
    """Count how often the article views run (a cached answer does not reach them)."""
    calls = []
    for name in ("list", "retrieve"):
        original = getattr(ArticleViewSet, name)

        def counted(self, request, *args, _original=original, _name=name, **kwargs):
            calls.append(_name)
            return _original(self, request, *args, **kwargs)

        monkeypatch.setattr(ArticleViewSet, name, counted)
    return calls


def headers(response):
    # Allow is DRF's note of the view's methods (required on 405s only).
    return {name: value for name, value in response.items() if name not in {"Date", "Allow"}}


@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/articles/{id}/"])
def test_a_cached_read_skips_the_views_and_answers_alike(api_client, view_calls, url):
    url = url.format(id=published_article().pk)
    first = api_client.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = api_client.get(url)
    assert len(view_calls) == 1  # the first request only
    assert len(queries) == 1  # the publication state
    assert again.content == first.content
    assert headers(again) == headers(first)
    assert again["X-Frame-Options"] == "DENY"  # the other middleware still ran
    assert "Cookie" not in first.get("Vary", "")  # no session was opened
    revalidated = api_client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304
    assert len(view_calls) == 1


def test_credentials_always_reach_the_views(api_client, view_calls):
    url = f"/api/v1/articles/{published_article().pk}/"
    api_client.get(url)
    user = get_user_model().objects.create_user("reader", password="a-long-password-1")
    _, token = AuthToken.objects.create(user=user)
    assert api_client.get(url, HTTP_AUTHORIZATION=f"Token {token}").status_code == 200
    api_client.force_login(user)
    assert api_client.get(url).status_code == 200
    assert view_calls == ["retrieve", "retrieve", "retrieve"]


def test_a_republish_is_not_answered_from_the_old_entry(api_client, view_calls):
    article = published_article(headline="First words")
    url = f"/api/v1/articles/{article.pk}/"
    api_client.get(url)
    article.headline = "Second words"
    article.save()
    version_publish(article=article)
    assert api_client.get(url).json()["headline"] == "Second words"
    assert view_calls == ["retrieve", "retrieve"]


def test_the_rate_limit_holds_for_cached_reads(api_client, settings, monkeypatch):
    from newsroom.api.throttling import ClientRateThrottle

    monkeypatch.setattr(ClientRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    url = f"/api/v1/articles/{published_article().pk}/"
    assert api_client.get(url).status_code == 200
    assert api_client.get(url).status_code == 200  # from the cache
    refused = api_client.get(url)
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "throttled"


def test_translations_are_told_apart_by_accept_language(api_client, view_calls):
    original = published_article(slug="truce", language="en")
    spanish = article_with_body(slug="tregua", language="es", translation_of=original)
    version_publish(article=spanish)
    url = f"/api/v1/articles/{original.pk}/"
    plain = api_client.get(url)
    assert plain.json()["id"] == original.pk
    # Even without a preference the answer depends on the header: shared caches must
    # not hand it to a reader who asked for Spanish.
    assert plain["Vary"] == "Accept-Language"
    assert api_client.get(url, HTTP_ACCEPT_LANGUAGE="es").json()["id"] == spanish.pk
    assert api_client.get(url).json()["id"] == original.pk
    assert api_client.get(url, HTTP_ACCEPT_LANGUAGE="es").json()["id"] == spanish.pk
    assert view_calls == ["retrieve", "retrieve"]  # one per language, then cached
    explicit = api_client.get(f"{url}?lang=es")
    assert explicit.json()["id"] == spanish.pk
    assert "Vary" not in explicit


def test_links_in_a_cached_body_name_the_host_asked(api_client, settings):
    settings.ALLOWED_HOSTS = ["api.example.org", "internal.example.org"]
    for _ in range(3):
        published_article()
    first = api_client.get("/api/v1/articles/?page_size=2", HTTP_HOST="api.example.org")
    other = api_client.get("/api/v1/articles/?page_size=2", HTTP_HOST="internal.example.org")
    assert first.json()["next"].startswith("http://api.example.org/")
    assert other.json()["next"].startswith("http://internal.example.org/")


def test_bad_input_is_never_answered_from_the_cache(api_client, monkeypatch):
    checks = []
    original = ArticleViewSet.initial

    def initial(self, request, *args, **kwargs):
        checks.append(request.path)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ArticleViewSet, "initial", initial)
    for _ in range(2):
        response = api_client.get("/api/v1/articles/?sectoin=x")
        assert response.status_code == 400
        assert "sectoin" in response.json()["error"]["fields"]
    assert len(checks) == 2  # both reached the view's parameter check
