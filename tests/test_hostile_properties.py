"""No input makes the server fail (security review, finding 10).

Hostile strings (NUL, lone surrogates, right-to-left marks, markup, huge and negative
numbers, NaN, extreme dates, forged cursors, megabytes of text) and numbers go to every
parameter and path segment of every public route, read from the URL conf and from each
view's own list of accepted query parameters (its filterset, its paginator, its extras),
so a route or parameter added later is covered without touching this file; and into the
desk's writes (article create and update bodies, read from the serializers' fields;
ingest; workflow moves; photo upload). Every answer must be below 500.

Two kinds of test per route: a sweep that sends each classic hostile value to each
parameter and path segment, one at a time, every run; and a hypothesis search that
combines generated values. NEWSROOM_HOSTILE_EXAMPLES (default 10) sets the examples of
each search (one per route for the reads); raise it to search harder. Both run on whichever
database the suite runs on.
"""

import base64
import functools
import json
import os
import re
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.request import Request
from rest_framework.serializers import ListSerializer, ManyRelatedField, Serializer
from rest_framework.test import APIRequestFactory

from articles.desk.api.serializers import DeskArticleSerializer, move_input_serializer
from articles.desk.api.views import DeskArticleViewSet
from articles.desk.moves import MOVES as DESK_MOVES
from articles.models import ArticleVersion, Person, PublishedQuote, Section, Tag
from articles.publishing.previews import preview_token
from media.api.serializers import PhotoUploadSerializer
from media.models import Photo
from newsroom.api.throttling import ClientRateThrottle
from tests.desk import make_user
from tests.media import files

EXAMPLES = int(os.environ.get("NEWSROOM_HOSTILE_EXAMPLES", "10"))
SEARCH = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- Hostile values ------------------------------------------------------------------------

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "%00",
    "\ud800",
    "\u202eevil\ufeff",
    "\U0001d54f\U0001d550été",  # astral and accented letters
    "../../etc/passwd",
    "//",
    "?#&'\"\\%",
    "<script>alert(1)</script>",
    "0",
    "-1",
    "1.5",
    "٣²",  # digits Python's isdigit() takes and int() may not
    "9" * 19,
    "9" * 40,
    str(2**63),
    "1e400",
    "NaN",
    "null",
    "{}",
    "0001-01-01T00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "2026-02-30T00:00Z",
    "2026-01-01T00:00+99:99",
    "-0001-01-01T00:00Z",
]
# Swept with the others; kept out of NASTY so that failure reports stay readable.
LONG = "x" * 5_000

text = st.text(alphabet=st.characters(exclude_categories=()), max_size=40)


def encoded(value):
    # As a client would send them: lone surrogates as the bytes UTF-8 would give them.
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def keyset_cursor(value):
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def drf_cursor(fields):
    query = "&".join(f"{name}={encoded(value)}" for name, value in fields.items())
    return base64.b64encode(query.encode()).decode()


scalar = st.one_of(
    st.sampled_from(NASTY),
    text,
    st.integers(1_000, 6_000).map(lambda length: "x" * length),
    st.integers().map(str),
    st.floats().map(repr),
    st.datetimes(timezones=st.timezones()).map(lambda value: value.isoformat()),
)
cursor_part = st.one_of(st.sampled_from(NASTY), st.integers(), st.booleans(), st.floats())
cursors = st.one_of(
    st.fixed_dictionaries({"v": cursor_part, "i": cursor_part, "b": cursor_part}).map(
        keyset_cursor
    ),
    st.fixed_dictionaries(
        {}, optional={"o": st.sampled_from(NASTY), "r": scalar, "p": scalar}
    ).map(drf_cursor),
)


@functools.cache
def hostile(valid=()):
    """A value for a parameter or a path segment: hostile, or one of ``valid`` (a tuple),
    which name something real, so that the code behind a valid lookup runs too."""
    options = [scalar, cursors]
    if valid:
        options.append(st.sampled_from(valid))
    return st.one_of(*options)


header_text = st.text(alphabet=st.characters(max_codepoint=0xFF), max_size=60)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": st.one_of(header_text, st.sampled_from(["es", "*", "xx-YY"])),
        "HTTP_IF_NONE_MATCH": header_text,
        "HTTP_IF_MODIFIED_SINCE": st.one_of(
            header_text, st.sampled_from(["Sat, 01 Jan 10000 00:00:00 GMT", "0"])
        ),
        "HTTP_ACCEPT": st.one_of(header_text, st.sampled_from(["text/html", "*/*", "x/y"])),
        "HTTP_AUTHORIZATION": st.one_of(
            header_text,
            header_text.map(lambda value: f"Token {value}"),
            st.sampled_from(["Token a\x00b", "Token", "Basic !!!", "Token a b"]),
        ),
    },
)

# --- Routes, read from the URL conf --------------------------------------------------------

# Routes that read query parameters Django gives them, not a view's declared list.
UNDECLARED_PARAMETERS = {"sitemap-section": {"p"}}  # django.contrib.sitemaps' page number
NOT_PUBLIC = ("admin/", "api/v1/desk/", "media/", "bench/")
PLACEHOLDERS = ("qqhostileqq", "7777777777777", "json")


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    segments: tuple
    parameters: frozenset
    callback: object

    def __str__(self):
        return self.pattern

    def url(self, values):
        """The address with ``values`` (one per segment) in place, percent-encoded."""
        for placeholder in PLACEHOLDERS:
            try:
                address = reverse(self.name, kwargs=dict.fromkeys(self.segments, placeholder))
            except NoReverseMatch:
                continue
            if not self.segments:
                return address
            if address.count(placeholder) == len(self.segments):
                parts = address.split(placeholder)
                return parts[0] + "".join(
                    encoded(values[name]) + part
                    for name, part in zip(self.segments, parts[1:], strict=True)
                )
        raise AssertionError(f"Cannot build an address for {self.pattern}")


def _patterns(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + str(entry.pattern), namespace + entry.name, entry


def accepted_parameters(callback, name):
    """The query parameters the view behind ``callback`` accepts, as it computes them
    (StrictQueryParamsMixin.allowed_query_params), with and without a search."""
    cls = getattr(callback, "cls", None)
    names = set(UNDECLARED_PARAMETERS.get(name, ()))
    if cls is None or not hasattr(cls, "allowed_query_params"):
        return frozenset(names)
    for query in ({}, {"q": "x"}):
        view = cls(**callback.initkwargs)
        view.request = Request(APIRequestFactory().get("/", query))
        view.args, view.kwargs, view.format_kwarg = (), {}, None
        view.action = (getattr(callback, "actions", None) or {}).get("get")
        names |= view.allowed_query_params()
    return frozenset(names)


def public_routes():
    routes = []
    for pattern, name, entry in _patterns(get_resolver().url_patterns):
        readable = re.sub(r"(^|/)\^", r"\1", pattern).removesuffix("$")
        actions = getattr(entry.callback, "actions", None)
        if readable.startswith(NOT_PUBLIC) or (actions is not None and "get" not in actions):
            continue
        segments = tuple(entry.pattern.regex.groupindex)
        parameters = accepted_parameters(entry.callback, name)
        routes.append(Route(name, readable, segments, parameters, entry.callback))
    return routes


ROUTES = public_routes()


def test_the_routes_cover_every_public_surface():
    """The URL conf walk finds what the review listed, so an empty list cannot pass."""
    patterns = {route.pattern for route in ROUTES}
    for expected in [
        "api/v1/articles/",
        "api/v1/articles/(?P<lookup>[^/]+)/",
        "api/v1/articles/(?P<lookup>[^/]+)/ninjs/",
        "api/v1/articles/(?P<lookup>[^/]+)/jsonld/",
        "api/v1/sections/",
        "api/v1/people/(?P<lookup>[^/]+)/",
        "api/v1/tags/(?P<lookup>[^/]+)/",
        "api/v1/quotes/(?P<quote_id>[0-9]+)/",
        "api/v1/photos/(?P<pk>[^/.]+)/",
        "api/v1/previews/<str:token>/",
        "feeds/rss/",
        "feeds/sections/<path:section_path>/atom/",
        "sitemap-news.xml",
        "sitemap-<section>.xml",
    ]:
        assert expected in patterns, expected
    articles = next(route for route in ROUTES if route.name == "api:article-list")
    assert {"cursor", "page", "page_size", "published_after", "tag", "q", "fields"} <= set(
        articles.parameters
    )


# --- The site under attack -----------------------------------------------------------------


@pytest.fixture
def site(seed_article, monkeypatch):
    """The seed story published; names of real things, so lookups find something; no rate
    limit (hundreds of requests from one address)."""
    monkeypatch.setattr(ClientRateThrottle, "THROTTLE_RATES", {})
    version = ArticleVersion.objects.public().get()
    valid = {
        str(version.article_id),
        version.slug,
        "en",
        "es",
        "-published_at",
        "relevance",
        "headline,body",
        "translations",
        "articles",
        "sections",
        "json",
        preview_token(seed_article)[0],
        *Section.objects.values_list("path", flat=True),
        *Person.objects.values_list("slug", flat=True)[:3],
        *Tag.objects.values_list("slug", flat=True)[:3],
        *(str(pk) for pk in PublishedQuote.objects.values_list("quote_id", flat=True)[:2]),
        *(str(pk) for pk in Photo.objects.values_list("pk", flat=True)),
    }
    return tuple(sorted(valid))


def get(client, route, segments, parameters, request_headers=None):
    query = "&".join(f"{encoded(name)}={encoded(value)}" for name, value in parameters.items())
    address = route.url(segments) + (f"?{query}" if query else "")
    # A savepoint per request: a failed query must not poison the next one (PostgreSQL).
    with transaction.atomic():
        response = client.get(address, **(request_headers or {}))
    assert response.status_code < 500, (address, response.status_code)
    return response


def test_each_hostile_value_in_each_parameter_and_segment_is_answered_below_500(site, client):
    swept = set()
    for route in ROUTES:
        normal = dict.fromkeys(route.segments, "qqhostileqq")
        for name in route.segments:
            # A view's segments and parameters once; its ".json" twin adds only "format".
            if (route.name, name) in swept:
                continue
            swept.add((route.name, name))
            for value in [*NASTY, LONG]:
                get(client, route, {**normal, name: value}, {})
        for name in sorted(route.parameters):
            if (route.name, f"?{name}") in swept:
                continue
            swept.add((route.name, f"?{name}"))
            for value in [*NASTY, LONG]:
                get(client, route, normal, {name: value})


def search_route(route, site, client):
    """Run a hypothesis search of generated requests to ``route``."""
    names = st.sampled_from(sorted(route.parameters | {"x", "format"}))

    @SEARCH
    @given(data=st.data())
    def search(data):
        segments = {name: data.draw(hostile(site), label=name) for name in route.segments}
        query = data.draw(st.dictionaries(names, hostile(site), max_size=4), label="query")
        get(client, route, segments, query, data.draw(headers, label="headers"))

    search()


def test_generated_hostile_requests_are_answered_below_500(site, client):
    # One search per route, so that each gets its share of examples, on one database set
    # up once (a search over all routes at once left some with a handful).
    for route in ROUTES:
        search_route(route, site, client)


# --- Logged-in writes ------------------------------------------------------------------------

# Real values for some fields, so that generated bodies also get past validation.
REAL = {
    "section": ["world"],
    "speaker": ["jens-laerke"],
    "person": ["jens-laerke"],
    "agency": ["afp"],
    "tags": [["gaza"]],
    "people": [["jens-laerke"]],
    "language": ["en", "es"],
    "kind": ["paragraph", "heading", "photo", "quote", "list", "embed"],
    "headline": ["Aid groups warn"],
    "slug": ["aid-groups-warn"],
    "text": ["“We must,” said Jens Laerke."],
    "block": [0, 1],
    "offset": [0, 1],
    "quote": [0],
}

json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.sampled_from(NASTY),
    text,
)
json_value = st.recursive(
    json_scalar,
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(text, children, max_size=3)
    ),
    max_leaves=8,
)


def value_for(name, field):
    """Hostile JSON for ``field``: anything at all, or the shape it expects filled with
    hostile values (nested serializers field by field, lists of them)."""
    options = [json_value]
    if name in REAL:
        options.append(st.sampled_from(REAL[name]))
    if isinstance(field, ListSerializer):
        options.append(st.lists(body_for(field.child), max_size=3))
    elif isinstance(field, Serializer):
        options.append(body_for(field))
    elif isinstance(field, ManyRelatedField):
        options.append(st.lists(st.one_of(json_scalar, st.sampled_from(["gaza"])), max_size=3))
    return st.one_of(*options)


def body_for(serializer):
    """A request body for ``serializer``: any of its writable fields, each hostile."""
    fields = {name: field for name, field in serializer.fields.items() if not field.read_only}
    return st.fixed_dictionaries(
        {}, optional={name: value_for(name, field) for name, field in fields.items()}
    )


article_bodies = st.one_of(
    body_for(DeskArticleSerializer()),
    json_value,
    st.just("[" * 5_000 + "]" * 5_000),
)
move_fields = {
    name: field
    for move in DESK_MOVES.values()
    for name, field in move_input_serializer(move)().fields.items()
}
move_bodies = st.fixed_dictionaries(
    {}, optional={name: value_for(name, field) for name, field in move_fields.items()}
)
MOVES = sorted(
    action.url_path
    for action in DeskArticleViewSet.get_extra_actions()
    if "post" in action.mapping
)


def as_json(body):
    # ASCII JSON: lone surrogates travel as \udXXX escapes, as a hostile client sends them.
    return body if isinstance(body, str) else json.dumps(body)


@pytest.fixture
def desk(db, api_client, monkeypatch):
    from tests.factories import AgencyFactory, PersonFactory, SectionFactory, TagFactory

    monkeypatch.setattr(ClientRateThrottle, "THROTTLE_RATES", {})
    SectionFactory(name="World", slug="world")
    PersonFactory(name="Jens Laerke", slug="jens-laerke")
    TagFactory(name="Gaza", slug="gaza")
    AgencyFactory(name="AFP", slug="afp")
    api_client.force_authenticate(make_user("superuser"))
    article = api_client.post(
        "/api/v1/desk/articles/",
        {"headline": "A draft", "slug": "a-draft", "section": "world"},
        format="json",
    ).json()
    return api_client, article["id"]


def send(client, method, address, **kwargs):
    """Send a write and undo it: every example starts from the same desk."""
    with transaction.atomic():
        response = getattr(client, method)(address, **kwargs)
        transaction.set_rollback(True)
    assert response.status_code < 500, (method, address, response.status_code)
    return response


def test_the_write_bodies_cover_the_serializers_fields():
    names = set(DeskArticleSerializer().fields)
    assert {"headline", "slug", "section", "blocks", "quotes", "bylines", "tags"} <= names
    assert {"publish", "schedule", "embargo", "withdraw", "corrections"} <= set(MOVES)
    assert {"at", "until", "notice", "kind", "text", "note"} <= set(move_fields)


@SEARCH
@given(body=article_bodies, data=st.data())
def test_desk_writes_with_hostile_bodies_are_answered_below_500(desk, body, data):
    client, article_id = desk
    send(
        client,
        "post",
        "/api/v1/desk/articles/",
        data=as_json(body),
        content_type="application/json",
    )
    method = data.draw(st.sampled_from(["patch", "put"]), label="method")
    if_match = data.draw(st.one_of(st.just('"v1"'), header_text), label="If-Match")
    send(
        client,
        method,
        f"/api/v1/desk/articles/{article_id}/",
        data=as_json(body),
        content_type="application/json",
        HTTP_IF_MATCH=if_match,
    )


@SEARCH
@given(body=article_bodies, source=hostile(("afp",)), external_id=hostile(("afp-1",)))
def test_ingest_with_hostile_ids_and_bodies_is_answered_below_500(desk, body, source, external_id):
    client, _article_id = desk
    address = f"/api/v1/desk/ingest/{encoded(source)}/{encoded(external_id)}/"
    send(client, "put", address, data=as_json(body), content_type="application/json")


@SEARCH
@given(move=st.sampled_from(MOVES), body=st.one_of(move_bodies, json_value))
def test_workflow_moves_with_hostile_bodies_are_answered_below_500(desk, move, body):
    client, article_id = desk
    address = f"/api/v1/desk/articles/{article_id}/{move}/"
    send(client, "post", address, data=as_json(body), content_type="application/json")


def damaged_images():
    """Files a photo desk could be sent: noise, and real images cut short or corrupted
    anywhere (inside their metadata, their headers, their pixels)."""
    jpeg = files.jpeg_cut_inside_metadata(cut=10**9, metadata_bytes=5_000)
    png = files.png_bytes()

    def flipped(data, position, byte):
        position %= len(data)
        return data[:position] + bytes([byte]) + data[position + 1 :]

    return st.one_of(
        st.binary(max_size=2_000),
        st.integers(0, len(jpeg)).map(lambda cut: jpeg[:cut]),
        st.integers(0, len(png)).map(lambda cut: png[:cut]),
        st.builds(flipped, st.just(jpeg), st.integers(0, len(jpeg)), st.integers(0, 255)),
        st.builds(flipped, st.just(png), st.integers(0, len(png)), st.integers(0, 255)),
    )


upload_fields = {
    name: field
    for name, field in PhotoUploadSerializer().fields.items()
    if not field.read_only and name != "image"
}
file_names = st.one_of(
    st.sampled_from(["photo.jpg", "photo.png", "photo.svg", "photo", ".jpg", "a\x00.jpg"]),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30),
    # Names Django's test client cannot send ("", "..", "a/"); its server side drops them.
).filter(lambda name: os.path.basename(name) not in {"", ".", ".."})


@SEARCH
@given(
    image=damaged_images(),
    name=file_names,
    fields=st.fixed_dictionaries({}, optional=dict.fromkeys(upload_fields, hostile(("afp",)))),
)
def test_photo_uploads_of_damaged_files_and_hostile_fields_are_answered_below_500(
    desk, image, name, fields
):
    client, _article_id = desk
    # Django decodes form fields with replacement characters: no lone surrogate arrives.
    payload = {
        key: value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        for key, value in fields.items()
    }
    payload["image"] = SimpleUploadedFile(name, image, content_type="image/jpeg")
    send(client, "post", "/api/v1/photos/", data=payload, format="multipart")
