"""Hostile input found by the security review (finding 10): each was a server error or
told the client something exists; each is now a 400 (or 404) naming the parameter or the
reason, on SQLite and PostgreSQL alike."""

import base64
import json

import pytest
from knox.models import AuthToken

from articles.models import Article
from tests.desk import make_user
from tests.factories import PersonFactory, SectionFactory, TagFactory, published_article

pytestmark = pytest.mark.django_db


def keyset_cursor(value):
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def drf_cursor(querystring):
    return base64.b64encode(querystring.encode()).decode()


def assert_refused(response, parameter, status=400):
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["status"] == status
    assert parameter in error.get("fields", {}), error


# --- Anonymous reads ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/a%00b/",
        "/api/v1/articles/a%00b/ninjs/",
        "/api/v1/articles/a%00b/jsonld/",
        "/api/v1/people/a%00b/",
        "/api/v1/tags/a%00b/",
        "/api/v1/sections/world%00/",
        "/api/v1/previews/a%00b/",
    ],
)
def test_nul_byte_in_a_public_lookup_is_a_400_naming_the_path(client, url):
    assert_refused(client.get(url), "path")


def test_nul_byte_in_a_section_feed_is_a_400(client):
    SectionFactory(name="World", slug="world")
    for url in ("/feeds/sections/world%00/rss/", "/feeds/sections/a%00b/atom/"):
        response = client.get(url)
        assert response.status_code == 400
        assert b"path" in response.content


@pytest.mark.parametrize("parameter", ["speaker", "q"])
def test_nul_byte_in_a_query_parameter_is_a_400_naming_it(client, parameter):
    assert_refused(client.get(f"/api/v1/quotes/?{parameter}=a%00b"), parameter)


@pytest.mark.parametrize(
    "parameter",
    ["published_after", "published_before", "updated_after", "updated_before", "updated_since"],
)
@pytest.mark.parametrize("value", ["0001-01-01T00:00+14:00", "9999-12-31T23:59:59-14:00"])
@pytest.mark.parametrize("extra", ["", "&tag=gaza"])  # prepared SQL, then the ORM
def test_date_filters_utc_cannot_hold_are_a_400_naming_the_filter(client, parameter, value, extra):
    published_article()
    response = client.get(f"/api/v1/articles/?{parameter}={value.replace('+', '%2B')}{extra}")
    assert_refused(response, parameter)
    assert "between 0001-01-01 and 9999-12-31" in response.json()["error"]["fields"][parameter][0]


def test_date_filters_at_the_ends_of_the_range_are_accepted(client):
    published_article()
    for value in (
        "0001-01-01T00:00:00%2B00:00",
        "9999-12-31T23:59:59Z",
        "0001-01-01T14:00%2B14:00",
    ):
        assert client.get(f"/api/v1/articles/?published_after={value}").status_code == 200


@pytest.mark.parametrize(
    "cursor",
    [
        {"v": "2026-01-01T00:00:00+00:00", "i": True, "b": 0},
        {"v": "2026-01-01T00:00:00+00:00", "i": 2**63, "b": 0},
        {"v": "2026-01-01T00:00:00+00:00", "i": 2**70, "b": 0},
        {"v": "2026-01-01T00:00:00+00:00", "i": -1, "b": 0},
        {"v": "2026-01-01T00:00:00+00:00", "i": 1.5, "b": 0},
        {"v": "2026-01-01T00:00:00+00:00", "i": 1, "b": True},
        {"v": "2026-01-01T00:00:00+00:00", "i": 1, "b": 2},
        {"v": "0001-01-01T00:00:00+14:00", "i": 1, "b": 0},
        {"v": "9999-12-31T23:59:59-14:00", "i": 1, "b": 0},
        {"v": "2026-02-30T00:00:00+00:00", "i": 1, "b": 0},
        {"v": "2026-01-01T00:00:00", "i": 1, "b": 0},
        {"v": 20260101, "i": 1, "b": 0},
        {"v": "2026-01-01T00:00:00+00:00", "i": 1},
        ["2026-01-01T00:00:00+00:00", 1, 0],
        "a\u0000b",
    ],
)
@pytest.mark.parametrize("extra", ["", "&tag=gaza"])
def test_forged_article_cursors_are_a_400_naming_the_cursor(client, cursor, extra):
    published_article()
    response = client.get(f"/api/v1/articles/?cursor={keyset_cursor(cursor)}{extra}")
    assert_refused(response, "cursor")


@pytest.mark.parametrize(
    ("url", "position"),
    [
        ("/api/v1/people/", "a\x00b"),
        ("/api/v1/tags/", "a\x00b"),
        ("/api/v1/quotes/", "9999-12-31T23:59:59-14:00"),
        ("/api/v1/quotes/", "0001-01-01T00:00:00+14:00"),
        ("/api/v1/quotes/", "not a date"),
        ("/api/v1/photos/", "0001-01-01T00:00:00+14:00"),
    ],
)
def test_forged_positions_in_other_cursors_are_a_400_naming_the_cursor(client, url, position):
    from urllib.parse import quote, urlencode

    cursor = drf_cursor(urlencode({"p": position}))
    assert_refused(client.get(f"{url}?cursor={quote(cursor)}"), "cursor")


@pytest.mark.parametrize("value", ["9223372036854775808", "1" * 40, "1e400", "-1", "0"])
def test_article_ids_out_of_range_in_a_filter_are_a_400(client, value):
    assert_refused(client.get(f"/api/v1/quotes/?article={value}"), "article")


def test_nul_byte_in_a_token_is_a_400_not_a_lookup(client):
    response = client.get("/api/v1/desk/articles/", HTTP_AUTHORIZATION="Token a\x00b")
    assert_refused(response, "Authorization")


# --- Logged-in writes --------------------------------------------------------------------


@pytest.fixture
def desk(api_client):
    SectionFactory(name="World", slug="world")
    PersonFactory(name="Jens Laerke", slug="jens-laerke")
    user = make_user("editor")
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=user)[1]}")
    return api_client


def story(**overrides):
    return {"headline": "Aid groups warn", "slug": "aid-groups-warn", "section": "world"} | (
        overrides
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"section": "wor\x00ld"}, "section"),
        ({"tags": ["ga\x00za"]}, "tags"),
        ({"people": ["jens\x00laerke"]}, "people"),
        ({"bylines": [{"person": "jens\x00laerke"}]}, "bylines"),
        ({"bylines": [{"agency": "a\x00fp"}]}, "bylines"),
        ({"section": ["world"]}, "section"),
        ({"tags": [{"slug": "gaza"}]}, "tags"),
    ],
)
def test_nul_bytes_and_non_strings_in_slugs_are_a_400_naming_the_field(desk, overrides, field):
    response = desk.post("/api/v1/desk/articles/", story(**overrides), format="json")
    assert_refused(response, field)
    assert not Article.objects.exists()


def test_nul_byte_in_a_quote_speaker_is_a_400(desk):
    body = story(quotes=[{"text": "We must", "speaker": "jens\x00laerke"}])
    assert_refused(desk.post("/api/v1/desk/articles/", body, format="json"), "quotes")


def test_lone_surrogate_in_a_json_body_is_a_400(desk):
    body = json.dumps(story(section="world\ud800"))  # ASCII: the surrogate as \ud800
    response = desk.post("/api/v1/desk/articles/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


@pytest.mark.parametrize("depth", [33, 1_000, 100_000])
def test_deeply_nested_json_is_a_400_not_a_recursion_error(desk, depth):
    body = "[" * depth + "]" * depth
    response = desk.post("/api/v1/desk/articles/", body, content_type="application/json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "parse_error"
    assert "nested deeper than" in error["message"] or "depth" in error["message"]


def test_json_nested_as_deep_as_any_request_needs_is_accepted(desk):
    body = story(blocks=[{"kind": "list", "items": ["one", "two"]}])
    assert desk.post("/api/v1/desk/articles/", body, format="json").status_code == 201


def test_nul_byte_in_an_ingest_external_id_is_a_400(desk):
    response = desk.put("/api/v1/desk/ingest/afp/a%00b/", story(), format="json")
    assert_refused(response, "path")
    assert not Article.objects.exists()


@pytest.mark.parametrize("body", ["[]", '"a story"', "12", "null"])
@pytest.mark.parametrize("if_match", ['"v1"', None])
def test_update_bodies_that_are_not_objects_are_a_400(desk, body, if_match):
    created = desk.post("/api/v1/desk/articles/", story(), format="json").json()
    headers = {"HTTP_IF_MATCH": if_match} if if_match else {}
    response = desk.patch(
        f"/api/v1/desk/articles/{created['id']}/",
        body,
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 400, response.content
    assert Article.objects.get().version == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"blocks": [{"text": "No kind"}]}, "blocks"),
        ({"quotes": [{"speaker": "jens-laerke"}]}, "quotes"),
        ({"quotes": [{"text": "Who said it?"}]}, "quotes"),
    ],
)
def test_a_patch_with_blocks_or_quotes_missing_required_fields_is_a_400(desk, change, field):
    created = desk.post("/api/v1/desk/articles/", story(), format="json").json()
    response = desk.patch(
        f"/api/v1/desk/articles/{created['id']}/", change, format="json", HTTP_IF_MATCH='"v1"'
    )
    assert_refused(response, field)
    assert Article.objects.get().version == 1


def test_two_blocks_with_the_same_anchor_are_a_400_naming_the_block(desk):
    heading = {"kind": "heading", "text": "Children in fear", "anchor": "fear"}
    response = desk.post("/api/v1/desk/articles/", story(blocks=[heading, heading]), format="json")
    assert response.status_code == 400, response.content
    assert "blocks" in response.json()["error"]["fields"]
    assert not Article.objects.exists()


def test_admin_search_as_you_type_with_a_nul_byte_is_a_400(client):
    TagFactory(name="Gaza", slug="gaza")
    client.force_login(make_user("editor"))
    response = client.get(
        "/admin/autocomplete/?term=ga%00za&app_label=articles&model_name=article&field_name=tags"
    )
    assert response.status_code == 400


def test_admin_list_filter_with_a_nul_byte_is_a_400(client):
    client.force_login(make_user("editor"))
    assert client.get("/admin/articles/article/?language=e%00n").status_code == 400
