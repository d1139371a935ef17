"""Validators, conditional requests, CDN headers and the shared response cache."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.publishing import version_publish, version_unpublish
from tests.factories import SectionFactory, article_with_body, published_article
from tests.services import REDIS_URL, require

pytestmark = pytest.mark.django_db


def test_detail_has_validators_and_cdn_headers(api_client):
    article = published_article()
    response = api_client.get(f"/api/v1/articles/{article.pk}/")
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=300"
    assert response["Surrogate-Key"] == f"article-{article.pk} articles"


def test_list_has_validators_and_section_surrogate_key(api_client):
    published_article(section=SectionFactory(slug="world"))
    response = api_client.get("/api/v1/articles/?section=world")
    assert response["ETag"]
    assert response["Surrogate-Key"] == "articles section-world"


@pytest.mark.parametrize(
    "url", ["/api/v1/articles/", "/api/v1/articles/{id}/", "/api/v1/articles/{id}/ninjs/"]
)
def test_conditional_requests_answer_304(api_client, url):
    article = published_article()
    url = url.format(id=article.pk)
    first = api_client.get(url)
    again = api_client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    by_date = api_client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304
    other = api_client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200


def test_republish_is_never_served_from_the_cache(api_client):
    article = published_article(headline="First words")
    url = f"/api/v1/articles/{article.pk}/"
    etag = api_client.get(url)["ETag"]
    assert api_client.get(url).json()["headline"] == "First words"  # now cached
    article.headline = "Second words"
    article.save()
    version_publish(article=article)
    response = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["headline"] == "Second words"
    assert api_client.get("/api/v1/articles/").json()["results"][0]["headline"] == "Second words"


def test_unpublish_is_never_served_from_the_cache(api_client):
    article = published_article()
    url = f"/api/v1/articles/{article.pk}/"
    assert api_client.get(url).status_code == 200
    version_unpublish(article=article)
    assert api_client.get(url).status_code == 404


def test_scheduled_article_appears_on_time_despite_the_cache(api_client):
    start = timezone.now()
    early = published_article()
    scheduled = article_with_body()
    version_publish(article=scheduled, at=start + timedelta(minutes=10))
    response = api_client.get("/api/v1/articles/")
    assert [item["id"] for item in response.json()["results"]] == [early.pk]
    # Nothing may be cached past the moment the schedule changes the answer.
    assert "max-age=60" in response["Cache-Control"]
    with time_machine.travel(start + timedelta(minutes=9, seconds=30)):
        response = api_client.get("/api/v1/articles/")
        assert (
            "s-maxage=30" in response["Cache-Control"]
            or "s-maxage=29" in response["Cache-Control"]
        )
    with time_machine.travel(start + timedelta(minutes=10, seconds=1)):
        ids = [item["id"] for item in api_client.get("/api/v1/articles/").json()["results"]]
    assert ids == [scheduled.pk, early.pk]


def test_errors_are_not_given_long_lives_and_bad_input_is_not_cached(api_client):
    response = api_client.get("/api/v1/articles/?sectoin=x")
    assert response.status_code == 400
    assert "ETag" not in response


def test_response_cache_in_real_redis_is_shared_and_invalidated(api_client, settings):
    url = require(REDIS_URL, "Redis")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"newsroom-test-{timezone.now().timestamp()}",
        }
    }
    redis_cache = caches["default"]
    try:
        article = published_article(headline="In Redis")
        detail = f"/api/v1/articles/{article.pk}/"
        assert api_client.get(detail).json()["headline"] == "In Redis"
        stored = list(redis_cache._cache.get_client().keys(f"{redis_cache.key_prefix}*"))
        assert stored, "the response should be stored in Redis"
        with CaptureQueriesContext(connection) as queries:
            assert api_client.get(detail).status_code == 200
        assert len(queries) == 1  # the generation; the body came from Redis
        article.headline = "Changed in Redis"
        article.save()
        version_publish(article=article)
        assert api_client.get(detail).json()["headline"] == "Changed in Redis"
    finally:
        redis_cache.clear()


def test_api_root_has_validators_too(api_client):
    first = api_client.get("/api/v1/", HTTP_ACCEPT="application/json")
    assert first.status_code == 200
    assert (
        api_client.get(
            "/api/v1/", HTTP_ACCEPT="application/json", HTTP_IF_NONE_MATCH=first["ETag"]
        ).status_code
        == 304
    )
