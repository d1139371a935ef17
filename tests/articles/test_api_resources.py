"""Sections, people, tags and quotes: public, and only what published articles show."""

import pytest

from articles.models import Quote
from articles.publishing import version_publish
from tests.factories import PersonFactory, SectionFactory, TagFactory, article_with_body

pytestmark = pytest.mark.django_db


def test_sections_are_a_tree(api_client):
    world = SectionFactory(name="World", slug="world")
    SectionFactory(name="Middle East", slug="middle-east", parent=world)
    SectionFactory(name="Sport", slug="sport")
    tree = api_client.get("/api/v1/sections/").json()
    assert [root["slug"] for root in tree] == ["sport", "world"] or [r["slug"] for r in tree] == [
        "world",
        "sport",
    ]
    world_node = next(root for root in tree if root["slug"] == "world")
    assert [child["path"] for child in world_node["children"]] == ["world/middle-east"]
    assert world_node["articles_url"] == "/api/v1/articles/?section=world"


def test_section_by_path_and_by_id(api_client):
    world = SectionFactory(name="World", slug="world")
    middle_east = SectionFactory(name="Middle East", slug="middle-east", parent=world)
    by_path = api_client.get("/api/v1/sections/world/middle-east/").json()
    assert by_path["id"] == middle_east.pk
    assert by_path["parent"] == "world"
    assert api_client.get(f"/api/v1/sections/{world.pk}/").json()["path"] == "world"
    assert api_client.get("/api/v1/sections/nowhere/").status_code == 404


def test_people_and_tags_only_from_published_articles(api_client):
    public_person, secret_person = PersonFactory(slug="seen"), PersonFactory(slug="secret")
    public_tag, secret_tag = (
        TagFactory(slug="seen-tag", kind="place"),
        TagFactory(slug="secret-tag"),
    )
    published = article_with_body()
    published.people.set([public_person])
    published.tags.set([public_tag])
    version_publish(article=published)
    draft = article_with_body()
    draft.people.set([secret_person])
    draft.tags.set([secret_tag])

    people = [p["slug"] for p in api_client.get("/api/v1/people/").json()["results"]]
    assert people == ["seen"]
    assert api_client.get("/api/v1/people/secret/").status_code == 404
    assert api_client.get("/api/v1/people/seen/").json()["articles_url"].endswith("?person=seen")
    tags = [t["slug"] for t in api_client.get("/api/v1/tags/?kind=place").json()["results"]]
    assert tags == ["seen-tag"]
    assert api_client.get("/api/v1/tags/secret-tag/").status_code == 404
    assert api_client.get("/api/v1/tags/?kind=planet").status_code == 400


def test_quotes_come_from_the_published_version(api_client, seed_article):
    results = api_client.get("/api/v1/quotes/?speaker=jens-laerke").json()["results"]
    assert len(results) == 1
    quote = results[0]
    assert quote["speaker"]["name"] == "Jens Laerke"
    assert quote["speaker_role"] == "spokesman for the UN humanitarian office, OCHA"
    assert quote["article"]["id"] == seed_article.pk
    # An unpublished edit of the quote stays unpublished.
    Quote.objects.filter(pk=quote["id"]).update(text="Edited in a draft")
    detail = api_client.get(f"/api/v1/quotes/{quote['id']}/").json()
    assert detail["text"].startswith("The escalation of hostilities")
    assert (
        len(api_client.get(f"/api/v1/quotes/?article={seed_article.pk}").json()["results"]) == 12
    )


def test_quotes_of_drafts_are_not_public(api_client):
    article = article_with_body()
    paragraph = article.blocks.filter(kind="paragraph").first()
    quote = Quote.objects.create(
        text="Paragraph", speaker=PersonFactory(), article=article, block=paragraph, offset=0
    )
    assert api_client.get("/api/v1/quotes/").json()["results"] == []
    assert api_client.get(f"/api/v1/quotes/{quote.pk}/").status_code == 404


def test_resources_refuse_unknown_parameters(api_client):
    for url in (
        "/api/v1/sections/?x=1",
        "/api/v1/people/?x=1",
        "/api/v1/tags/?x=1",
        "/api/v1/quotes/?x=1",
    ):
        response = api_client.get(url)
        assert response.status_code == 400, url
        assert "x" in response.json()["error"]["fields"]
