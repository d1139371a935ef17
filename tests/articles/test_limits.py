"""The size of an article is bounded (security review, finding 8): one request with 100,000
blocks held a worker and a transaction for twelve minutes. The write service, the write
API and the admin refuse what is over a limit with a 400 naming it, and change nothing;
request bodies are bounded too."""

import json

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from knox.models import AuthToken

from articles import limits
from articles.desk.writes import article_write
from articles.models import Article, Block, Byline
from tests.articles.test_admin_desk import change_url, form_data
from tests.desk import make_user
from tests.factories import (
    AgencyFactory,
    PersonFactory,
    QuoteFactory,
    SectionFactory,
    TagFactory,
    article_with_body,
)

pytestmark = pytest.mark.django_db
DESK = "/api/v1/desk/articles/"


@pytest.fixture
def world():
    return SectionFactory(name="World", slug="world")


@pytest.fixture
def desk(api_client, world):
    user = make_user("editor")
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=user)[1]}")
    return api_client


def story(**overrides):
    return {"headline": "The longest story", "slug": "the-longest-story", "section": "world"} | (
        overrides
    )


def paragraphs(count, text="Talks continue in Doha."):
    return [{"kind": "paragraph", "text": text} for _ in range(count)]


def refusal(response, field):
    assert response.status_code == 400, response.content[:500]
    error = response.json()["error"]
    assert field in error["fields"], error
    return " ".join(error["fields"][field])


# --- The write API (and ingest: the same service) -------------------------------------------


def test_more_blocks_than_the_limit_are_refused_naming_it(desk):
    response = desk.post(DESK, story(blocks=paragraphs(limits.MAX_BLOCKS + 1)), format="json")
    message = refusal(response, "blocks")
    assert "at most 1,000 blocks" in message
    assert "1,001" in message
    assert not Article.objects.exists()
    assert not Block.objects.exists()


def test_the_limit_is_checked_before_any_block_is_validated(desk, django_assert_max_num_queries):
    # 100,000 photo blocks would cost 100,000 photo lookups before the refusal.
    blocks = [{"kind": "photo", "photo": 1}] * 100_000
    with django_assert_max_num_queries(12):
        response = desk.post(DESK, story(blocks=blocks), format="json")
    assert "at most 1,000 blocks" in refusal(response, "blocks")


@pytest.mark.parametrize(
    ("name", "limit"),
    [("quotes", limits.MAX_QUOTES), ("bylines", limits.MAX_BYLINES)],
)
def test_more_quotes_or_bylines_than_the_limit_are_refused(desk, name, limit):
    PersonFactory(slug="jens-laerke")
    item = (
        {"text": "We must", "speaker": "jens-laerke"}
        if name == "quotes"
        else {"person": "jens-laerke"}
    )
    response = desk.post(DESK, story(**{name: [item] * (limit + 1)}), format="json")
    assert f"at most {limit:,} {name}" in refusal(response, name)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("name", "limit"), [("tags", limits.MAX_TAGS), ("people", limits.MAX_PEOPLE)]
)
def test_more_tags_or_people_than_the_limit_are_refused(desk, name, limit):
    response = desk.post(DESK, story(**{name: ["gaza"] * (limit + 1)}), format="json")
    assert f"at most {limit:,} {name}" in refusal(response, name)


@pytest.mark.parametrize(
    ("overrides", "field", "expected"),
    [
        ({"blocks": paragraphs(1, "x" * (limits.MAX_BLOCK_TEXT + 1))}, "blocks", "20,000"),
        ({"blocks": [{"kind": "list", "items": ["a"] * 201}]}, "blocks", "at most 200 items"),
        ({"blocks": [{"kind": "list", "items": ["a" * 2_001]}]}, "blocks", "2,000"),
        ({"dek": "d" * (limits.MAX_DEK + 1)}, "dek", "2,000"),
    ],
)
def test_texts_longer_than_their_limit_are_refused_naming_it(desk, overrides, field, expected):
    assert expected in refusal(desk.post(DESK, story(**overrides), format="json"), field)
    assert not Article.objects.exists()


def test_quote_longer_than_its_limit_is_refused(desk):
    PersonFactory(slug="jens-laerke")
    quote = {"text": "w" * (limits.MAX_QUOTE_TEXT + 1), "speaker": "jens-laerke"}
    assert "5,000" in refusal(desk.post(DESK, story(quotes=[quote]), format="json"), "quotes")


def test_an_article_at_every_limit_is_accepted(desk):
    speaker = PersonFactory(slug="jens-laerke")
    for index in range(limits.MAX_TAGS):
        TagFactory(slug=f"tag-{index}")
    AgencyFactory(slug="afp")
    spoken = "We must prevent that"
    blocks = paragraphs(limits.MAX_BLOCKS - 2, f"“{spoken},” he said. " + "x" * 200)
    blocks += [
        {"kind": "list", "items": ["an item"] * limits.MAX_LIST_ITEMS},
        {"kind": "quote", "quote": 0},
    ]
    quotes = [
        {"text": spoken, "speaker": speaker.slug, "block": index, "offset": 1}
        for index in range(limits.MAX_QUOTES)
    ]
    body = story(
        dek="d" * limits.MAX_DEK,
        blocks=blocks,
        quotes=quotes,
        tags=[f"tag-{index}" for index in range(limits.MAX_TAGS)],
        bylines=[{"agency": "afp"}] * limits.MAX_BYLINES,
    )
    response = desk.post(DESK, body, format="json")
    assert response.status_code == 201, response.content[:500]
    article = Article.objects.get()
    assert article.blocks.count() == limits.MAX_BLOCKS
    assert article.quotes.filter(block__isnull=False).count() == limits.MAX_QUOTES
    assert article.bylines.count() == limits.MAX_BYLINES
    assert article.blocks.get(kind="quote").quote.text == spoken


def test_the_write_service_refuses_over_the_limits_itself(world):
    editor = make_user("editor")
    data = {"headline": "Long", "slug": "long", "section": world, "language": "en"}
    with pytest.raises(ValidationError) as refused:
        article_write(user=editor, data={**data, "blocks": paragraphs(limits.MAX_BLOCKS + 1)})
    assert "blocks" in refused.value.message_dict
    assert not Article.objects.exists()


# --- Request bodies ---------------------------------------------------------------------------


def test_json_body_over_the_size_limit_is_a_413_in_the_error_shape(desk):
    body = json.dumps(story(dek="d" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)))
    response = desk.post(DESK, body, content_type="application/json")
    assert response.status_code == 413
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (413, "too_large")
    assert "5.0\xa0MB" in error["message"]
    assert not Article.objects.exists()


def test_multipart_fields_over_the_size_limit_are_a_413_in_the_error_shape(api_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    api_client.force_authenticate(make_user("photo_editor"))
    response = api_client.post("/api/v1/photos/", {"caption": "c" * 2_000}, format="multipart")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


# --- The admin -----------------------------------------------------------------------------


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("editor"))
    return client


def test_admin_refuses_more_blocks_than_the_limit_with_the_same_message(
    editor_client, monkeypatch
):
    article = article_with_body(paragraphs=3)  # 5 blocks
    monkeypatch.setitem(limits.COUNTS, "blocks", 4)
    data = form_data(editor_client.get(change_url(article)))
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    errors = " ".join(
        str(error)
        for inline in response.context["inline_admin_formsets"]
        for error in inline.formset.non_form_errors()
    )
    assert "An article has at most 4 blocks; this one has 5." in errors
    assert article.blocks.count() == 5


def test_admin_refuses_a_paragraph_over_the_text_limit(editor_client):
    article = article_with_body(paragraphs=1)
    data = form_data(editor_client.get(change_url(article)))
    data["blocks-0-text"] = "x" * (limits.MAX_BLOCK_TEXT + 1)
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    assert b"At most 20,000 characters" in response.content
    assert "x" * 100 not in Block.objects.get(article=article, position=0).text


def test_admin_refuses_a_dek_over_its_limit(editor_client):
    article = article_with_body(paragraphs=1)
    data = form_data(editor_client.get(change_url(article)))
    data["dek"] = "d" * (limits.MAX_DEK + 1)
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["dek"]


def test_admin_refuses_two_blocks_with_the_same_anchor(editor_client):
    article = article_with_body(paragraphs=2)  # p0, heading, p1, photo
    data = form_data(editor_client.get(change_url(article)))
    data["blocks-0-anchor"] = data["blocks-1-anchor"]
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    assert b"anchors must differ" in response.content


def test_admin_saves_an_article_longer_than_a_hundred_blocks(editor_client):
    # Django's default of 1,000 form fields refused any article past about 100 blocks.
    article = article_with_body(paragraphs=1)
    Block.objects.bulk_create(
        Block(article=article, position=10 + index, kind="paragraph", text=f"Paragraph {index}")
        for index in range(150)
    )
    data = form_data(editor_client.get(change_url(article)))
    data["headline"] = "Still saved"
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).headline == "Still saved"


def test_admin_form_of_an_article_at_the_limits_fits_in_one_request(editor_client):
    """Django refuses a request with more form fields than DATA_UPLOAD_MAX_NUMBER_FIELDS;
    the article page at every limit (each field of each form sent, tags and people chosen
    to their most) stays below it."""
    article = article_with_body(paragraphs=1)
    QuoteFactory(article=article)
    Byline.objects.create(article=article, agency=AgencyFactory())
    response = editor_client.get(change_url(article))
    per_form = {
        inline.formset.prefix: len(inline.formset.forms[0].fields) + 1  # and its prefix's id
        for inline in response.context["inline_admin_formsets"]
    }
    article_fields = len(response.context["adminform"].form.fields)
    total = (
        article_fields
        + limits.MAX_TAGS
        + limits.MAX_PEOPLE
        + 4 * len(per_form)  # the management forms
        + per_form["blocks"] * limits.MAX_BLOCKS
        + per_form["quotes"] * limits.MAX_QUOTES
        + per_form["bylines"] * limits.MAX_BYLINES
    )
    assert total <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
