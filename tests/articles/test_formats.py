"""Partner formats: IPTC ninjs validated against the official schema, schema.org JSON-LD."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from articles.publishing import version_publish
from tests.factories import SectionFactory, article_with_body, published_article

SHARED = Path(__file__).resolve().parents[3] / "shared" / "standards" / "ninjs"
VENDORED = Path(__file__).resolve().parents[1] / "data" / "ninjs"
pytestmark = pytest.mark.django_db


def ninjs_validator():
    directory = SHARED if (SHARED / "ninjs-schema_3.1.json").is_file() else VENDORED
    schema = json.loads((directory / "ninjs-schema_3.1.json").read_text())
    # places[].geoJSON refers to a remote schema; offline, a permissive stand-in.
    geojson = Resource.from_contents(
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}
    )
    registry = Registry().with_resource("https://geojson.org/schema/GeoJSON.json", geojson)
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def assert_valid_ninjs(item):
    errors = sorted(ninjs_validator().iter_errors(item), key=lambda error: error.path)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_vendored_schema_is_the_official_one():
    if not (SHARED / "ninjs-schema_3.1.json").is_file():
        pytest.skip("the shared standards folder is not beside the repo")
    assert (VENDORED / "ninjs-schema_3.1.json").read_bytes() == (
        SHARED / "ninjs-schema_3.1.json"
    ).read_bytes()


def test_seed_article_ninjs_passes_the_official_schema(seed_article, api_client):
    response = api_client.get(f"/api/v1/articles/{seed_article.slug}/ninjs/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    item = response.json()
    assert_valid_ninjs(item)
    assert item["uri"] == f"urn:newsroom:article:{seed_article.pk}"
    assert item["headlines"][0]["value"] == "Blinken presses Israel for Gaza truce"
    assert item["by"] == "AFP"
    assert item["standard"]["version"] == "3.1"
    people = {(p["name"], p["rel"]) for p in item["people"]}
    assert ("Jens Laerke", "quoted") in people
    assert ("Antony Blinken", "about") in people
    assert {place["name"] for place in item["places"]} >= {"Rafah", "Gaza Strip"}
    assert {org["name"] for org in item["organisations"]} >= {"Hamas"}
    pictures = item["associations"]
    assert [p["type"] for p in pictures] == ["picture", "picture"]
    assert pictures[0]["infoSources"][0]["name"] == "PHOTO/X/@SecBlinken"
    assert pictures[1]["by"] == "Mark Schiefelbein"
    assert pictures[1]["renditions"][0]["href"].startswith("http")
    assert '<h2 id="children-in-fear">Children in fear</h2>' in item["bodies"][0]["value"]


def test_ninjs_carries_embargo_and_expiry(api_client):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    start = timezone.now()
    article = article_with_body(
        embargo_until=start + timedelta(hours=1), expires_at=start + timedelta(days=2)
    )
    version_publish(article=article)
    with time_machine.travel(start + timedelta(hours=2)):
        item = api_client.get(f"/api/v1/articles/{article.pk}/ninjs/").json()
    assert_valid_ninjs(item)
    assert "embargoedUntil" in item
    assert "expires" in item


def test_schema_rejects_unknown_keys_so_the_test_can_fail(seed_article, api_client):
    item = api_client.get(f"/api/v1/articles/{seed_article.pk}/ninjs/").json()
    item["headline"] = "not a ninjs key"
    with pytest.raises(AssertionError):
        assert_valid_ninjs(item)


def test_ninjs_of_unpublished_article_is_404(api_client):
    article = article_with_body()
    assert api_client.get(f"/api/v1/articles/{article.pk}/ninjs/").status_code == 404


def test_seed_article_jsonld(seed_article, api_client):
    response = api_client.get(f"/api/v1/articles/{seed_article.pk}/jsonld/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    data = response.json()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Blinken presses Israel for Gaza truce"
    assert data["datePublished"].endswith("Z")
    assert data["author"] == [{"@type": "Organization", "name": "AFP"}]
    assert data["publisher"]["@type"] == "Organization"
    image = data["image"][0]
    assert image["@type"] == "ImageObject"
    assert image["creditText"] == "PHOTO/X/@SecBlinken"
    assert image["creator"]["name"] == "@SecBlinken"
    assert image["contentUrl"].startswith("http")
    assert "Children in fear" in data["articleBody"]


HOSTILE = "</script><script>alert('x')</script> & <!--"


@pytest.mark.parametrize("suffix", ["", "ninjs/", "jsonld/"])
def test_public_json_cannot_close_a_script_element(api_client, suffix):
    article = article_with_body(headline=HOSTILE, dek=HOSTILE)
    text = article.blocks.filter(kind="photo").first().photo.texts.first()
    text.caption = HOSTILE
    text.save()
    version_publish(article=article)

    response = api_client.get(f"/api/v1/articles/{article.pk}/{suffix}")

    assert response.status_code == 200
    assert b"<" not in response.content
    assert b">" not in response.content
    assert b"&" not in response.content
    assert HOSTILE in json.dumps(json.loads(response.content), ensure_ascii=False)


def test_listings_and_entities_escape_markup_too(api_client):
    published_article(headline=HOSTILE, section=SectionFactory(name=HOSTILE))
    for url in ("/api/v1/articles/", "/api/v1/sections/"):
        response = api_client.get(url)
        assert response.status_code == 200
        assert b"</script>" not in response.content
        assert HOSTILE in json.dumps(json.loads(response.content), ensure_ascii=False)


def test_jsonld_plain_text_cannot_close_the_script_element_it_is_embedded_in(api_client):
    # Front-ends put JSON-LD in <script type="application/ld+json">: a "</script>" in a
    # string would end that element and run what follows as the page's own script.
    dek = 'Talks </script><script>alert("dek")</script> & more'
    article = article_with_body(headline="Talks <b>resume</b>", dek=dek)
    version_publish(article=article)
    response = api_client.get(f"/api/v1/articles/{article.pk}/jsonld/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<" not in body
    assert ">" not in body
    assert "&" not in body
    data = json.loads(body)
    assert data["description"] == dek
    assert data["headline"] == "Talks <b>resume</b>"
