"""Filters, search, ordering, sparse fields, expansions and language negotiation."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Byline
from articles.publishing import version_publish, version_unpublish
from tests.factories import (
    AgencyFactory,
    BlockFactory,
    PersonFactory,
    QuoteFactory,
    SectionFactory,
    TagFactory,
    article_with_body,
)

pytestmark = pytest.mark.django_db


def ids(client, query):
    response = client.get(f"/api/v1/articles/?{query}")
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def published(**kwargs):
    tags = kwargs.pop("tags", [])
    people = kwargs.pop("people", [])
    article = article_with_body(**kwargs)
    article.tags.set(tags)
    article.people.set(people)
    version_publish(article=article)
    return article


def test_filter_by_tag_person_and_author(api_client):
    hamas, rafah = TagFactory(slug="hamas"), TagFactory(slug="rafah")
    blinken = PersonFactory(slug="antony-blinken")
    with_tag = published(tags=[hamas])
    about_blinken = published(people=[blinken])
    quoting = article_with_body()
    paragraph = quoting.blocks.filter(kind="paragraph").first()
    QuoteFactory(
        text="Paragraph",
        speaker=PersonFactory(slug="jens-laerke"),
        article=quoting,
        block=paragraph,
        offset=0,
    )
    version_publish(article=quoting)
    by_afp = article_with_body()
    Byline.objects.create(article=by_afp, agency=AgencyFactory(slug="afp"))
    version_publish(article=by_afp)
    by_reporter = article_with_body()
    Byline.objects.create(article=by_reporter, person=PersonFactory(slug="ana-reporter"))
    version_publish(article=by_reporter)
    published(tags=[rafah])

    assert ids(api_client, "tag=hamas") == [with_tag.pk]
    assert ids(api_client, "person=antony-blinken") == [about_blinken.pk]
    assert ids(api_client, "person=jens-laerke") == [quoting.pk]
    assert ids(api_client, "author=afp") == [by_afp.pk]
    assert ids(api_client, "author=ana-reporter") == [by_reporter.pk]
    assert ids(api_client, "tag=nobody-uses-this") == []


def test_filter_by_publication_and_update_dates(api_client):
    start = timezone.now()
    with time_machine.travel(start - timedelta(days=3)):
        old = published()
    with time_machine.travel(start - timedelta(days=1)):
        recent = published()
    # Republishing the old article changes it today but not its first publication.
    old.refresh_from_db()
    old.headline = "Updated"
    old.save()
    version_publish(article=old)
    two_days_ago = (start - timedelta(days=2)).isoformat().replace("+00:00", "Z")
    assert ids(api_client, f"published_after={two_days_ago}") == [recent.pk]
    assert ids(api_client, f"published_before={two_days_ago}") == [old.pk]
    assert ids(api_client, f"updated_since={two_days_ago}&ordering=updated_at") == [
        recent.pk,
        old.pk,
    ]
    hour_ago = (start - timedelta(hours=1)).isoformat().replace("+00:00", "Z")
    assert ids(api_client, f"updated_after={hour_ago}") == [old.pk]
    assert ids(api_client, f"updated_before={hour_ago}") == [recent.pk]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("published_after=yesterday", "published_after"),
        ("updated_since=2024-13-45", "updated_since"),
        ("ordering=headline", "ordering"),
        ("ordering=relevance", "ordering"),
        ("fields=id,nonsense", "fields"),
        ("expand=everything", "expand"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_bad_values_are_400_naming_the_parameter(api_client, query, parameter):
    response = api_client.get(f"/api/v1/articles/?{query}")
    assert response.status_code == 400
    assert parameter in response.json()["error"]["fields"]


def test_ordering_oldest_first(api_client):
    start = timezone.now()
    with time_machine.travel(start - timedelta(hours=2)):
        first = published()
    second = published()
    assert ids(api_client, "ordering=published_at") == [first.pk, second.pk]
    assert ids(api_client, "ordering=-published_at") == [second.pk, first.pk]


def test_search_finds_words_in_headline_dek_and_body_and_ranks_headline_first(api_client):
    in_body = article_with_body(headline="Markets calm")
    BlockFactory(article=in_body, position=50, text="Talks on a ceasefire continued in Doha.")
    version_publish(article=in_body)
    in_headline = published(headline="Ceasefire talks resume in Doha")
    published(headline="Unrelated weather report")
    assert ids(api_client, "q=ceasefire") == [in_headline.pk, in_body.pk]
    assert ids(api_client, "q=ceasefire&ordering=-published_at") == [in_headline.pk, in_body.pk]
    assert ids(api_client, "q=volcano") == []


def test_search_respects_other_filters(api_client):
    world = SectionFactory(slug="world")
    sport = SectionFactory(slug="sport")
    in_world = published(headline="Truce talks", section=world)
    published(headline="Truce talks in football", section=sport)
    assert ids(api_client, "q=truce&section=world") == [in_world.pk]


def test_search_pages_are_numbered_and_bounded(api_client):
    for _ in range(3):
        published(headline="Gaza aid convoy")
    first = api_client.get("/api/v1/articles/?q=gaza&page_size=2").json()
    assert len(first["results"]) == 2
    second = api_client.get(first["next"]).json()
    assert len(second["results"]) == 1
    assert second["next"] is None
    assert api_client.get("/api/v1/articles/?q=gaza&page=51").status_code == 400
    assert api_client.get("/api/v1/articles/?page=2").status_code == 400  # pages only for search


def test_sparse_fields_on_list_and_detail(api_client, seed_article):
    item = api_client.get("/api/v1/articles/?fields=id,headline").json()["results"][0]
    assert item == {"id": seed_article.pk, "headline": "Blinken presses Israel for Gaza truce"}
    item = api_client.get("/api/v1/articles/?fields=id,table_of_contents").json()["results"][0]
    assert [entry["anchor"] for entry in item["table_of_contents"]] == [
        "children-in-fear",
        "diplomatic-pressure",
    ]
    detail = api_client.get(f"/api/v1/articles/{seed_article.pk}/?fields=headline,quotes").json()
    assert set(detail) == {"headline", "quotes"}
    assert len(detail["quotes"]) == 12


def test_expand_translations_section_and_people(api_client):
    world = SectionFactory(slug="world", description="News from everywhere.")
    blinken = PersonFactory(
        slug="antony-blinken", description="Secretary of State.", wikidata_id="Q1"
    )
    original = published(slug="truce", section=world, people=[blinken])
    spanish = article_with_body(
        slug="tregua", language="es", translation_of=original, section=world
    )
    version_publish(article=spanish)
    detail = api_client.get(
        f"/api/v1/articles/{original.pk}/?expand=translations,section,people"
    ).json()
    assert detail["translations"][0]["headline"] == spanish.headline
    assert detail["section"]["description"] == "News from everywhere."
    assert detail["people"][0]["wikidata_id"] == "Q1"
    item = api_client.get("/api/v1/articles/?language=en&expand=translations").json()["results"][0]
    assert item["translations"][0]["slug"] == "tregua"


def test_lang_and_accept_language_pick_among_translations(api_client):
    original = published(slug="truce", language="en")
    spanish = article_with_body(slug="tregua", language="es", translation_of=original)
    version_publish(article=spanish)
    assert api_client.get(f"/api/v1/articles/{original.pk}/?lang=es").json()["id"] == spanish.pk
    response = api_client.get(
        f"/api/v1/articles/{original.pk}/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9"
    )
    assert response.json()["id"] == spanish.pk
    assert "Accept-Language" in response["Vary"]
    response = api_client.get(f"/api/v1/articles/{original.pk}/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json()["id"] == original.pk  # no French version: the article as it is
    assert api_client.get(f"/api/v1/articles/{original.pk}/?lang=xx").status_code == 400


def test_search_on_postgres_uses_the_article_language(api_client):
    from articles.delivery.search import uses_postgres

    if not uses_postgres():
        pytest.skip("language-aware stemming needs PostgreSQL")
    english = published(headline="Negotiators hold talks")
    spanish = published(headline="Negociaciones en Doha", language="es")
    assert ids(api_client, "q=talk") == [english.pk]  # stemmed: talks -> talk
    assert ids(api_client, "q=negociación") == [spanish.pk]  # Spanish stemming


@pytest.mark.parametrize(
    "ordering", ["-published_at", "published_at", "-updated_at", "updated_at"]
)
@pytest.mark.parametrize("section", [None, "world", "world/africa", "sport"])
def test_prepared_listing_matches_the_orm_page_by_page(api_client, ordering, section):
    """The common listings run as prepared SQL (articles.public_reads.live_page); the
    same filters through the ORM must page through the same articles."""
    from articles.delivery.api.filters import ORDERINGS
    from articles.models import ArticleVersion

    world = SectionFactory(slug="world")
    africa = SectionFactory(slug="africa", parent=world)
    sport = SectionFactory(slug="sport")
    start = timezone.now()
    for index in range(7):
        with time_machine.travel(start - timedelta(hours=index % 3, minutes=index)):
            published(section=[world, africa, sport][index % 3])
    expected = ArticleVersion.objects.public()
    if section:
        expected = expected.in_section(section)
    expected = list(expected.order_by(*ORDERINGS[ordering]).values_list("article_id", flat=True))
    query = f"ordering={ordering}&page_size=2" + (f"&section={section}" if section else "")
    seen, url = [], f"/api/v1/articles/?{query}"
    while url:
        page = api_client.get(url).json()
        seen += [item["id"] for item in page["results"]]
        url = page["next"]
    assert seen == expected
    # And backwards from the last page, the same articles in the same order.
    back, url = [], page["previous"]
    while url:
        previous = api_client.get(url).json()
        back = [item["id"] for item in previous["results"]] + back
        url = previous["previous"]
    assert back + [item["id"] for item in page["results"]] == expected


def sqlite_only():
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 index is SQLite's")


def test_search_on_sqlite_stems_folds_accents_and_takes_operators_as_words(api_client):
    sqlite_only()
    english = published(headline="Negotiators hold talks")
    spanish = published(headline="Negociación en Doha", language="es")
    assert ids(api_client, "q=talk") == [english.pk]  # Porter: talks -> talk
    assert ids(api_client, "q=negociacion") == [spanish.pk]  # accents folded
    for query in ['"', "talks OR", "NEAR(talks", "talks*", "-talks", "lead:talks", "AND"]:
        response = api_client.get("/api/v1/articles/", {"q": query})
        assert response.status_code == 200, query


def test_search_index_follows_republish_unpublish_and_withdrawal(api_client):
    article = published(headline="Volcano erupts")
    assert ids(api_client, "q=volcano") == [article.pk]
    article.headline = "Earthquake strikes"
    article.save()
    version_publish(article=article)
    assert ids(api_client, "q=volcano") == []  # the old version left the index
    assert ids(api_client, "q=earthquake") == [article.pk]
    version_unpublish(article=article)
    assert ids(api_client, "q=earthquake") == []
