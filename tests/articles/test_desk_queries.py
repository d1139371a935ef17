"""Query counts of the desk's lists and pages and of the public entity lists: pinned, and
the same for 2 articles as for 10 (nothing is fetched once per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.publishing import version_publish
from tests.desk import make_user
from tests.factories import (
    BylineFactory,
    PersonFactory,
    QuoteFactory,
    SectionFactory,
    TagFactory,
    article_with_body,
)

pytestmark = pytest.mark.django_db


def newsroom(count, editor):
    """``count`` published articles in a three-deep section, each with a byline, a quote,
    tags and people, so that every column of every list has something to fetch."""
    world = SectionFactory(name="World", slug="world")
    region = SectionFactory(name="Middle East", slug="middle-east", parent=world)
    section = SectionFactory(name="Gaza", slug="gaza", parent=region)
    for _ in range(count):
        article = article_with_body(created_by=editor, section=section, paragraphs=2)
        BylineFactory(article=article, person=PersonFactory())
        QuoteFactory(article=article, text=f"Paragraph 0 of {article.slug}.")
        article.tags.add(TagFactory(), TagFactory())
        article.people.add(PersonFactory())
        version_publish(article=article)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.fixture
def editor():
    return make_user("editor")


# (url, logged in as the editor?, pinned count)
PAGES = [
    ("/admin/articles/article/", True, 12),
    ("/api/v1/desk/articles/", True, 6),
    ("/api/v1/people/", False, 2),
    ("/api/v1/tags/", False, 2),
    ("/api/v1/photos/", False, 4),
    ("/api/v1/quotes/", False, 2),
]


@pytest.mark.parametrize("rows", [2, 10])
@pytest.mark.parametrize(("url", "logged_in", "pinned"), PAGES)
def test_list_queries_are_pinned_whatever_the_rows(client, editor, url, logged_in, pinned, rows):
    if logged_in:
        client.force_login(editor)
    newsroom(rows, editor)
    assert queries(client, url) == pinned


def test_desk_api_detail_queries_are_pinned(client, editor):
    newsroom(1, editor)
    client.force_login(editor)
    article_id = client.get("/api/v1/desk/articles/").json()["results"][0]["id"]
    assert queries(client, f"/api/v1/desk/articles/{article_id}/") == 13
