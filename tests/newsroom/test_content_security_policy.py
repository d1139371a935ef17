"""A Content-Security-Policy on the admin, the preview page and the API docs: scripts
from this origin or carrying the response's nonce, nothing inline otherwise."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from tests.desk import make_user
from tests.factories import article_with_body

pytestmark = pytest.mark.django_db

# Data blocks (json_script, JSON-LD) are never executed, so need no nonce.
DATA_TYPES = {"application/json", "application/ld+json"}


class _Scripts(HTMLParser):
    def __init__(self, page):
        super().__init__()
        self.inline, self.handlers = [], []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.handlers += [name for name in attributes if name.startswith("on")]
        inline = tag == "script" and "src" not in attributes
        if inline and attributes.get("type") not in DATA_TYPES:
            self.inline.append(attributes)


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("superuser", username="chief"))
    return client


def pages(article):
    return {
        "admin login": "/admin/login/",
        "admin index": "/admin/",
        "article change form": reverse("admin:articles_article_change", args=[article.pk]),
        "article add form": reverse("admin:articles_article_add"),
        "photo upload": reverse("admin:media_photo_add"),
        "preview": reverse("admin:articles_article_preview", args=[article.pk]),
        "swagger ui": "/api/docs/",
        "redoc": "/api/redoc/",
    }


@pytest.mark.parametrize(
    "page",
    [
        "admin login",
        "admin index",
        "article change form",
        "article add form",
        "photo upload",
        "preview",
        "swagger ui",
        "redoc",
    ],
)
def test_admin_preview_and_api_docs_without_content_security_policy_now_send_one(
    editor_client, page
):
    url = pages(article_with_body(dek="A dek."))[page]
    # The login page is for those not logged in yet (others are sent on to the index).
    response = (Client() if page == "admin login" else editor_client).get(url)
    assert response.status_code == 200, url
    policy = directives(response)
    script_src = policy["script-src"]
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    nonces = [source for source in script_src if source.startswith("'nonce-")]
    scripts = _Scripts(response.content.decode())
    assert scripts.handlers == []  # no onclick= and the like: they would be refused
    for attributes in scripts.inline:
        assert nonces, f"an inline script on {url} but no nonce in the policy"
        assert f"'nonce-{attributes.get('nonce')}'" == nonces[0]


def test_api_docs_inline_scripts_carry_the_nonce(client):
    response = client.get("/api/docs/")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    inline = _Scripts(response.content.decode()).inline
    assert inline  # Swagger UI's start-up script is inline
    assert all(attributes["nonce"] == nonce for attributes in inline)
    assert (
        client.get("/api/docs/")["Content-Security-Policy"] != response["Content-Security-Policy"]
    )  # a fresh nonce for every response


def test_api_docs_load_nothing_from_other_origins(client):
    for url in ("/api/docs/", "/api/redoc/"):
        page = client.get(url).content.decode()
        assert "fonts.googleapis.com" not in page
        assert not re.search(r"""(src|href)=["']https?://""", page), url


def test_the_policy_is_for_html_pages_only(api_client):
    from tests.factories import published_article

    url = f"/api/v1/articles/{published_article().pk}/"
    assert "Content-Security-Policy" not in api_client.get(url)
    assert "Content-Security-Policy" not in api_client.get("/feeds/rss/")
    api_client.force_login(make_user("editor"))
    browsable = api_client.get("/api/v1/desk/articles/", HTTP_ACCEPT="text/html")
    assert browsable["Content-Type"].startswith("text/html")
    assert "'unsafe-inline'" not in directives(browsable)["script-src"]
    # The browsable API's inline script is data (the CSRF header name), not code.
    assert _Scripts(browsable.content.decode()).inline == []
