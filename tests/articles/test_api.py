import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.publishing import version_publish
from tests.factories import SectionFactory, article_with_body

pytestmark = pytest.mark.django_db


def publish_many(count, paragraphs=3, **kwargs):
    articles = [article_with_body(paragraphs=paragraphs, **kwargs) for _ in range(count)]
    for article in articles:
        version_publish(article=article)
    return articles


def count_queries(client, url):
    """Count the queries of a request that misses the response cache."""
    client.get(url)  # the first request of a test also creates the publication state
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


def test_article_detail_shape(seed_article, api_client):
    document = api_client.get(f"/api/v1/articles/{seed_article.slug}/").json()
    assert {
        "id",
        "version",
        "language",
        "slug",
        "headline",
        "dek",
        "section",
        "bylines",
        "source",
        "dateline",
        "published_at",
        "updated_at",
        "lead_photo",
        "body",
        "table_of_contents",
        "quotes",
        "people",
        "tags",
        "translations",
    } <= set(document)
    assert document["section"]["path"] == "world/middle-east"
    assert [crumb["name"] for crumb in document["section"]["breadcrumbs"]] == [
        "World",
        "Middle East",
    ]
    assert document["bylines"] == [{"type": "agency", "name": "AFP", "slug": "afp"}]
    assert document["published_at"] == "2024-02-07T17:00:00Z"
    assert {block["type"] for block in document["body"]} == {"paragraph", "heading", "photo"}
    heading = next(block for block in document["body"] if block["type"] == "heading")
    assert heading == {
        "type": "heading",
        "text": "Children in fear",
        "anchor": "children-in-fear",
        "level": 2,
    }
    photo = document["lead_photo"]
    assert photo["credit_line"] == "PHOTO/X/@SecBlinken"
    assert photo["caption_language"] == "en"
    assert photo["url"].startswith("/media/photos/seed/")
    assert (photo["width"], photo["height"]) == (1600, 1067)
    quote = next(q for q in document["quotes"] if q["speaker"]["name"] == "Jens Laerke")
    assert quote["speaker_role"] == "spokesman for the UN humanitarian office, OCHA"


def test_detail_by_id_equals_detail_by_slug(seed_article, api_client):
    by_id = api_client.get(f"/api/v1/articles/{seed_article.pk}/")
    by_slug = api_client.get(f"/api/v1/articles/{seed_article.slug}/")
    assert by_id.status_code == by_slug.status_code == 200
    assert by_id.content == by_slug.content
    assert by_id["Content-Type"] == "application/json"


def test_list_gives_teasers_newest_first(api_client):
    first, second = publish_many(2)
    body = api_client.get("/api/v1/articles/").json()
    assert set(body) == {"next", "previous", "results"}
    assert [item["id"] for item in body["results"]] == [second.pk, first.pk]
    teaser = body["results"][0]
    assert "body" not in teaser
    assert teaser["lead_photo"] is None or "credit_line" in teaser["lead_photo"]


def test_list_paginates_with_a_cursor(api_client):
    articles = publish_many(5)
    page = api_client.get("/api/v1/articles/?page_size=2").json()
    seen = [item["id"] for item in page["results"]]
    while page["next"]:
        page = api_client.get(page["next"]).json()
        seen += [item["id"] for item in page["results"]]
    assert seen == [article.pk for article in reversed(articles)]


def test_unknown_slug_is_a_json_404(api_client):
    response = api_client.get("/api/v1/articles/no-such-story/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_unknown_api_url_is_a_json_404(api_client):
    response = api_client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("sectoin=world", "sectoin"),
        ("language=xx", "language"),
        ("page_size=0", "page_size"),
        ("page_size=1000", "page_size"),
        ("page_size=ten", "page_size"),
        ("cursor=not-a-cursor", "cursor"),
    ],
)
def test_malformed_or_unknown_query_parameters_are_a_400_naming_them(api_client, query, parameter):
    publish_many(1)
    response = api_client.get(f"/api/v1/articles/?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert parameter in error["fields"]
    assert error["code"] == "invalid"


def test_detail_refuses_list_parameters(seed_article, api_client):
    response = api_client.get(f"/api/v1/articles/{seed_article.pk}/?page_size=3")
    assert response.status_code == 400
    assert "page_size" in response.json()["error"]["fields"]


def test_filter_by_language(api_client):
    english = article_with_body(language="en")
    spanish = article_with_body(language="es")
    version_publish(article=english)
    version_publish(article=spanish)
    results = api_client.get("/api/v1/articles/?language=es").json()["results"]
    assert [item["id"] for item in results] == [spanish.pk]


def test_filter_by_section_includes_subsections(api_client):
    world = SectionFactory(slug="world")
    middle_east = SectionFactory(slug="middle-east", parent=world)
    sport = SectionFactory(slug="sport")
    in_world = article_with_body(section=world)
    in_middle_east = article_with_body(section=middle_east)
    in_sport = article_with_body(section=sport)
    worldwide = SectionFactory(slug="worldwide")  # shares a prefix, not a subtree
    in_worldwide = article_with_body(section=worldwide)
    for article in (in_world, in_middle_east, in_sport, in_worldwide):
        version_publish(article=article)
    results = api_client.get("/api/v1/articles/?section=world").json()["results"]
    assert {item["id"] for item in results} == {in_world.pk, in_middle_east.pk}
    results = api_client.get("/api/v1/articles/?section=world/middle-east").json()["results"]
    assert [item["id"] for item in results] == [in_middle_east.pk]


def test_slug_shared_by_two_languages_resolves_by_lang(api_client):
    english = article_with_body(language="en", slug="gaza")
    spanish = article_with_body(language="es", slug="gaza")
    version_publish(article=english)
    version_publish(article=spanish)
    assert api_client.get("/api/v1/articles/gaza/").json()["id"] == english.pk
    assert api_client.get("/api/v1/articles/gaza/?lang=es").json()["id"] == spanish.pk


def test_api_refuses_writes_without_login(seed_article, api_client):
    assert api_client.post("/api/v1/articles/", {}, format="json").status_code in {401, 403, 405}
    response = api_client.delete(f"/api/v1/articles/{seed_article.pk}/")
    assert response.status_code in {401, 403, 405}
    assert api_client.get(f"/api/v1/articles/{seed_article.pk}/").status_code == 200


# --- Query counts: a public read must not grow with body length or page size -------------
# One query reads the publication generation (which keys the response cache), one the
# live version(s). A cached response needs only the first.

DETAIL_QUERY_BOUND = 2
LIST_QUERY_BOUND = 2


def test_detail_costs_two_queries_whatever_the_body_length(api_client):
    short, long = publish_many(1, paragraphs=2) + publish_many(1, paragraphs=60)
    assert count_queries(api_client, f"/api/v1/articles/{short.pk}/") == DETAIL_QUERY_BOUND
    assert count_queries(api_client, f"/api/v1/articles/{long.pk}/") == DETAIL_QUERY_BOUND
    assert count_queries(api_client, f"/api/v1/articles/{long.slug}/") == DETAIL_QUERY_BOUND


def test_list_of_20_costs_two_queries_whatever_the_page_size(api_client):
    publish_many(25, paragraphs=2)
    assert count_queries(api_client, "/api/v1/articles/?page_size=2") == LIST_QUERY_BOUND
    assert count_queries(api_client, "/api/v1/articles/?page_size=20") == LIST_QUERY_BOUND
    assert (
        count_queries(api_client, "/api/v1/articles/?section=section-1&page_size=20")
        == LIST_QUERY_BOUND
    )


def test_list_query_count_does_not_grow_with_body_length(api_client):
    publish_many(20, paragraphs=40)
    assert count_queries(api_client, "/api/v1/articles/") == LIST_QUERY_BOUND


def test_withdrawn_article_answers_410_with_its_notice_and_leaves_lists(api_client):
    from django.utils import timezone

    (article,) = publish_many(1)
    article.versions.filter(is_live=True).update(
        withdrawn_at=timezone.now(), withdrawal_notice="Withdrawn: the story was wrong."
    )
    response = api_client.get(f"/api/v1/articles/{article.slug}/")
    assert response.status_code == 410
    assert response.json()["error"]["message"] == "Withdrawn: the story was wrong."
    assert response.json()["error"]["code"] == "withdrawn"
    assert api_client.get("/api/v1/articles/").json()["results"] == []


def test_cached_response_costs_one_query(api_client):
    (article,) = publish_many(1)
    url = f"/api/v1/articles/{article.pk}/"
    api_client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert api_client.get(url).status_code == 200
    assert len(queries) == 1


def test_api_root_is_public_and_lists_the_endpoints(api_client):
    response = api_client.get("/api/v1/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert {"articles", "sections", "people", "tags", "quotes"} <= set(response.json())


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/²/",
        "/api/v1/articles/99999999999999999999999/",
        "/api/v1/tags/²/",
        "/api/v1/people/١٢/",
        "/api/v1/sections/²/",
        "/api/v1/quotes/²/",
        "/api/v1/photos/²/",
    ],
)
def test_lookups_that_only_look_like_numbers_are_404s(api_client, url):
    response = api_client.get(url)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_page_size_in_other_digits_is_a_400(api_client):
    response = api_client.get("/api/v1/articles/", {"page_size": "²"})
    assert response.status_code == 400
    assert "page_size" in response.json()["error"]["fields"]
