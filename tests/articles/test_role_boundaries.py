"""Foreign keys a user can set point only at what that user may edit or read; shared
things that published stories show change only with an editor's rights."""

import json

import pytest
from django.urls import reverse

from articles.desk import workflow
from articles.models import Article, ArticleVersion, Byline, Quote
from articles.publishing import version_publish
from tests.articles.test_admin_desk import form_data
from tests.desk import make_user
from tests.factories import (
    AgencyFactory,
    PersonFactory,
    QuoteFactory,
    article_with_body,
    published_article,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter():
    return make_user("reporter")


@pytest.fixture
def editor():
    return make_user("editor")


def quote_form(article, speaker, text="Fabricated words"):
    return {
        "text": text,
        "language": "en",
        "speaker": speaker.pk,
        "speaker_role": "minister",
        "article": article.pk,
        "said_where": "",
    }


# --- Quotes through the Quote admin (finding 2) ---------------------------------------------


def test_reporter_cannot_add_a_quote_to_an_editors_published_story(client, reporter, editor):
    story = published_article(created_by=editor)
    client.force_login(reporter)
    response = client.post(reverse("admin:articles_quote_add"), quote_form(story, PersonFactory()))
    assert response.status_code == 200  # the form again, with its error
    assert "article" in response.context["adminform"].form.errors
    assert not Quote.objects.filter(text="Fabricated words").exists()


def test_reporter_cannot_add_a_quote_to_another_reporters_draft(client, reporter):
    theirs = article_with_body(created_by=make_user("reporter", username="colleague"))
    client.force_login(reporter)
    client.post(reverse("admin:articles_quote_add"), quote_form(theirs, PersonFactory()))
    assert not Quote.objects.filter(article=theirs).exists()


def test_reporter_cannot_move_their_quote_to_another_article(client, reporter, editor):
    mine = article_with_body(created_by=reporter)
    story = published_article(created_by=editor)
    quote = QuoteFactory(article=mine)
    client.force_login(reporter)
    response = client.post(
        reverse("admin:articles_quote_change", args=[quote.pk]),
        quote_form(story, quote.speaker, text=quote.text),
    )
    assert response.status_code == 200
    assert Quote.objects.get(pk=quote.pk).article == mine


def test_reporter_adds_a_quote_to_their_own_draft(client, reporter):
    mine = article_with_body(created_by=reporter)
    client.force_login(reporter)
    response = client.post(reverse("admin:articles_quote_add"), quote_form(mine, PersonFactory()))
    assert response.status_code == 302
    assert Quote.objects.get(text="Fabricated words").article == mine


def test_quote_article_choices_are_only_articles_the_user_may_edit(client, reporter, editor):
    mine = article_with_body(created_by=reporter, headline="Mine to edit")
    article_with_body(created_by=editor, headline="Theirs to edit")
    client.force_login(reporter)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "quote", "field_name": "article", "term": ""},
    )
    assert [item["id"] for item in response.json()["results"]] == [str(mine.pk)]


def test_reporter_cannot_change_or_read_quotes_of_articles_they_cannot_read(client, reporter):
    theirs = article_with_body(created_by=make_user("editor"))
    quote = QuoteFactory(article=theirs, text="Unpublished words")
    client.force_login(reporter)
    listing = client.get(reverse("admin:articles_quote_changelist"))
    assert "Unpublished words" not in listing.content.decode()
    page = client.get(reverse("admin:articles_quote_change", args=[quote.pk]))
    assert page.status_code == 302  # "does not exist", as for any id


# --- Who sees which articles (one selector, admin and API alike) ----------------------------


def test_reporter_sees_only_their_own_articles_in_the_admin_and_the_api(
    client, api_client, reporter, editor
):
    article_with_body(created_by=reporter, headline="My own draft")
    article_with_body(created_by=editor, headline="The editor draft")
    client.force_login(reporter)
    listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
    api_client.force_authenticate(reporter)
    desk = api_client.get("/api/v1/desk/articles/").json()["results"]
    assert "My own draft" in listing
    assert "The editor draft" not in listing
    assert [article["headline"] for article in desk] == ["My own draft"]


def test_workflow_log_lists_only_articles_the_user_may_read(client, reporter, editor):
    scoop = article_with_body(created_by=editor, headline="The editors scoop")
    workflow.article_publish(article=scoop, user=editor, note="Legal cleared it")
    client.force_login(editor)
    assert (
        "The editors scoop"
        in client.get(reverse("admin:articles_articletransition_changelist")).content.decode()
    )
    client.force_login(reporter)
    log = client.get(reverse("admin:articles_articletransition_changelist"))
    assert log.status_code == 200
    assert "The editors scoop" not in log.content.decode()
    assert "Legal cleared it" not in log.content.decode()


# --- Translations (finding 11) --------------------------------------------------------------


def test_reporter_cannot_link_a_draft_to_an_article_they_cannot_read(api_client, reporter):
    hidden = article_with_body(created_by=make_user("editor"), language="en")
    mine = article_with_body(created_by=reporter, language="es")
    api_client.force_authenticate(reporter)
    response = api_client.patch(
        f"/api/v1/desk/articles/{mine.pk}/",
        {"translation_of": hidden.pk},
        format="json",
        HTTP_IF_MATCH=f'"v{mine.version}"',
    )
    missing = api_client.patch(
        f"/api/v1/desk/articles/{mine.pk}/",
        {"translation_of": 987654},
        format="json",
        HTTP_IF_MATCH=f'"v{mine.version}"',
    )
    assert response.status_code == missing.status_code == 400
    # The same answer as for an id that does not exist: nothing learnt.
    message = response.json()["error"]["fields"]["translation_of"][0]
    assert message.replace(str(hidden.pk), "#") == (
        missing.json()["error"]["fields"]["translation_of"][0].replace("987654", "#")
    )
    assert Article.objects.get(pk=mine.pk).translation_of is None


def test_translation_choices_in_the_admin_are_articles_the_user_may_read(client, reporter):
    hidden = article_with_body(created_by=make_user("editor"))
    mine = article_with_body(created_by=reporter)
    client.force_login(reporter)
    page = client.get(reverse("admin:articles_article_change", args=[mine.pk]))
    choices = page.context["adminform"].form.fields["translation_of"].queryset
    assert hidden not in choices
    assert mine in choices


# --- Shared things (finding 7) ----------------------------------------------------------------


def person_form(person, name):
    return {"name": name, "slug": person.slug, "description": "", "wikidata_id": ""}


def test_reporter_cannot_rename_a_person_a_published_story_quotes(client, reporter, editor):
    story = article_with_body(created_by=editor)
    person = QuoteFactory(article=story, text="Paragraph").speaker
    version_publish(article=story)
    assert ArticleVersion.objects.live().showing(person).exists()
    client.force_login(reporter)
    response = client.post(
        reverse("admin:articles_person_change", args=[person.pk]),
        {**person_form(person, "Someone Else"), **_no_inline_quotes()},
    )
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.name != "Someone Else"


def _no_inline_quotes():
    return {
        "quotes-TOTAL_FORMS": "0",
        "quotes-INITIAL_FORMS": "0",
        "quotes-MIN_NUM_FORMS": "0",
        "quotes-MAX_NUM_FORMS": "1000",
    }


def test_reporter_may_correct_a_person_no_published_story_shows(client, reporter):
    person = PersonFactory(name="Jens Larke")
    client.force_login(reporter)
    response = client.post(
        reverse("admin:articles_person_change", args=[person.pk]),
        {**person_form(person, "Jens Laerke"), **_no_inline_quotes()},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Jens Laerke"


def test_renaming_a_bylined_person_reaches_the_published_story(
    api_client, django_capture_on_commit_callbacks
):
    article = article_with_body()
    author = PersonFactory(name="Ana Reporter")
    Byline.objects.create(article=article, position=0, person=author)
    version_publish(article=article)
    article.bylines.all().delete()  # the draft moved on; the published version has not
    author.name = "Ana María Reporter"
    with django_capture_on_commit_callbacks(execute=True):
        author.save()
    body = api_client.get(f"/api/v1/articles/{article.pk}/").json()
    assert [byline["name"] for byline in body["bylines"]] == ["Ana María Reporter"]


def test_renaming_a_bylined_agency_reaches_the_published_story(
    api_client, django_capture_on_commit_callbacks
):
    article = article_with_body()
    agency = AgencyFactory(name="Agence France")
    Byline.objects.create(article=article, position=0, agency=agency)
    version_publish(article=article)
    article.bylines.all().delete()  # the draft moved on; the published version has not
    agency.name = "AFP"
    with django_capture_on_commit_callbacks(execute=True):
        agency.save()
    body = api_client.get(f"/api/v1/articles/{article.pk}/").json()
    assert [byline["name"] for byline in body["bylines"]] == ["AFP"]
    jsonld = json.loads(api_client.get(f"/api/v1/articles/{article.pk}/jsonld/").content)
    assert "AFP" in json.dumps(jsonld["author"])


def test_a_pull_quote_cannot_repeat_another_articles_quote(client, reporter):
    secret = QuoteFactory(article=article_with_body(created_by=make_user("editor")))
    mine = article_with_body(created_by=reporter)
    client.force_login(reporter)
    page = client.get(reverse("admin:articles_article_change", args=[mine.pk]))
    data = form_data(page)
    total = int(data["blocks-TOTAL_FORMS"])
    data.update(
        {
            "blocks-TOTAL_FORMS": str(total + 1),
            f"blocks-{total}-kind": "quote",
            f"blocks-{total}-quote": str(secret.pk),
            f"blocks-{total}-level": "2",
            f"blocks-{total}-ORDER": str(total + 1),
        }
    )
    response = client.post(reverse("admin:articles_article_change", args=[mine.pk]), data)
    assert response.status_code == 200
    assert "Pull quotes come from this article" in response.content.decode()
    assert not mine.blocks.filter(quote=secret).exists()
