"""Every admin page, as every role: nothing answers 500.

For each role (Reporter, Editor, Photo editor) and a superuser, the crawl opens the
admin index, every page it links to, every changelist's objects' change pages, their
history pages and every add page, on a newsroom holding the seed story, an article in
each state and the objects around them.
"""

import re
from urllib.parse import urljoin

import pytest
from django.contrib import admin
from django.urls import reverse

from articles.desk import workflow
from articles.publishing import version_publish
from tests.desk import make_user
from tests.factories import QuoteFactory, article_with_body

pytestmark = pytest.mark.django_db

ROLES = ["reporter", "editor", "photo_editor", "superuser"]
LINK = re.compile(r'href="(/admin/[^"#?]*)"')


@pytest.fixture
def newsroom(seed_article):
    editor = make_user("editor", username="desk-editor")
    reporter = make_user("reporter", username="desk-reporter")
    draft = article_with_body(created_by=reporter, headline="A reporter's draft")
    QuoteFactory(article=draft)
    published = article_with_body(created_by=editor, headline="Published")
    version_publish(article=published)
    killed = article_with_body(created_by=editor, headline="Killed")
    version_publish(article=killed)
    workflow.article_withdraw(article=killed, user=editor, notice="Withdrawn.")
    return seed_article


def change_pages(client):
    """The change page of every object each changelist lists (first page)."""
    pages = []
    for model in admin.site._registry:
        meta = model._meta
        listing = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        if listing.status_code != 200 or "cl" not in (listing.context or {}):
            continue
        for obj in listing.context["cl"].result_list[:25]:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
            pages += [url, f"{url.rstrip('/')}/history/".replace("/change/history", "/history")]
    return pages


def add_pages():
    return [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        for model in admin.site._registry
    ]


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_page_answers_500_to_any_role(client, newsroom, role):
    client.force_login(make_user(role))
    client.raise_request_exception = False  # collect every failure, then report them
    index = client.get("/admin/")
    assert index.status_code == 200
    linked = {urljoin("/admin/", url) for url in LINK.findall(index.content.decode())}
    pages = sorted(linked | set(change_pages(client)) | set(add_pages()))
    failures = []
    for url in pages:
        if url.endswith("/logout/"):
            continue
        status = client.get(url).status_code
        if status >= 500:
            failures.append((url, status))
    assert len(pages) > 20
    assert failures == []


@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/articletransition/?at__year=99999999999",
        "/admin/articles/article/?updated_at__year=99999999999",
        "/admin/articles/article/?updated_at__year=0",
    ],
)
def test_an_impossible_year_in_a_date_hierarchy_is_refused_not_a_500(client, url):
    client.force_login(make_user("editor"))
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.endswith("?e=1")
