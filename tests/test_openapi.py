"""The OpenAPI schema describes the API truthfully: a bounded schemathesis run finds no
server error and no response that breaks the schema."""

import os

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from newsroom.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture
def seeded(db):
    call_command("loaddata", "seed_article", verbosity=0)
    # Schemathesis calls the WSGI application directly; keep Django from closing the
    # test's database connection after each request, as Django's test client does.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_schema_is_served_and_documents_every_public_endpoint(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/api/v1/articles/",
        "/api/v1/articles/{lookup}/",
        "/api/v1/articles/{lookup}/ninjs/",
        "/api/v1/articles/{lookup}/jsonld/",
        "/api/v1/sections/",
        "/api/v1/people/",
        "/api/v1/tags/",
        "/api/v1/quotes/",
    ]:
        assert path in paths, path
    parameters = {p["name"] for p in paths["/api/v1/articles/"]["get"]["parameters"]}
    assert {
        "q",
        "section",
        "tag",
        "person",
        "author",
        "updated_since",
        "fields",
        "cursor",
    } <= parameters
    assert "400" in paths["/api/v1/articles/"]["get"]["responses"]
    assert "410" in paths["/api/v1/articles/{lookup}/"]["get"]["responses"]


def test_interactive_docs_are_served_without_a_cdn(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert b"swagger-ui" in response.content
    assert b"cdn.jsdelivr" not in response.content


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
@pytest.mark.parametrize(("accept", "status"), [("text/html", 200), ("application/json", 406)])
def test_interactive_docs_ignore_a_bad_token(client, url, accept, status):
    # Rendering their 401 page asked for the user again, and the bad token failed again:
    # a server error for anyone sending a wrong token and not asking for HTML.
    response = client.get(url, HTTP_AUTHORIZATION="Token not-a-token", HTTP_ACCEPT=accept)
    assert response.status_code == status


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("NEWSROOM_SCHEMATHESIS_EXAMPLES", "15")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case, seeded):
    # Every check but "positive data acceptance": some parameters exclude each other
    # (cursor pages without q, numbered pages with q), which OpenAPI cannot express,
    # and we answer such mixes with a 400 rather than ignore one of them.
    case.call_and_validate(excluded_checks=[schemathesis.checks.positive_data_acceptance])
