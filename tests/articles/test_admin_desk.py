"""The desk in the admin: rules enforced on the server, no lost work, times in the
newsroom's zone, preview, history, body ordering."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.desk import workflow
from articles.desk.editing import article_save
from articles.desk.history import article_revisions
from articles.models import Article, ArticleStatus, Block, BlockKind
from tests.desk import make_user
from tests.factories import PersonFactory, QuoteFactory, UserFactory, article_with_body

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(response):
    """The POST data of the admin change form as the page rendered it."""
    data = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(item) for item in value]
            else:
                data[key] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[formset.management_form.add_prefix(name)] = formset.management_form[name].value()
        for form in formset.forms:
            add(form)
    return data


@pytest.fixture
def reporter():
    return make_user("reporter")


@pytest.fixture
def editor():
    return make_user("editor", first_name="Maria", last_name="Editor")


def logged_in(client, user):
    client.force_login(user)
    return client


# --- Rules are enforced on the server ---------------------------------------------------------


def test_reporter_cannot_post_changes_to_someone_elses_draft(client, reporter, editor):
    article = article_with_body(created_by=editor, headline="Editor's draft")
    logged_in(client, editor)
    data = form_data(client.get(change_url(article)))
    client.logout()
    logged_in(client, reporter)
    data["headline"] = "Taken over"
    response = client.post(change_url(article), data)
    # Reporters read only their own articles: to them it does not exist.
    assert response.status_code == 302
    assert response.url == "/admin/"
    assert Article.objects.get(pk=article.pk).headline == "Editor's draft"


def test_reporter_sees_a_submitted_article_read_only(client, reporter):
    article = article_with_body(created_by=reporter)
    workflow.article_submit(article=article, user=reporter)
    response = logged_in(client, reporter).get(change_url(article))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="_save"' not in html
    assert "not change it in its current state" in html


def test_reporter_posting_a_publish_action_is_refused_and_nothing_is_published(client, reporter):
    article = article_with_body(created_by=reporter)
    workflow_url = reverse("admin:articles_article_workflow", args=[article.pk])
    response = logged_in(client, reporter).post(workflow_url, {"action": "publish"}, follow=True)
    assert "You may not publish articles" in response.content.decode()
    assert not article.versions.exists()


def test_reporter_has_no_publish_bulk_action_and_cannot_force_it(client, reporter):
    article = article_with_body(created_by=reporter)
    changelist = reverse("admin:articles_article_changelist")
    response = logged_in(client, reporter).get(changelist)
    actions = [choice[0] for choice in response.context["action_form"].fields["action"].choices]
    assert "publish" not in actions
    assert "submit" in actions
    client.post(changelist, {"action": "publish", "_selected_action": [article.pk]})
    assert not article.versions.exists()


def test_bulk_publish_reports_each_refusal(client, editor):
    good = article_with_body(headline="Good")
    empty = Article.objects.create(headline="Empty", slug="empty", section=good.section)
    response = logged_in(client, editor).post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [good.pk, empty.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "1 article published." in html
    assert "Empty: The article has no body." in html


def test_reporter_cannot_delete_anothers_draft_in_bulk(client, reporter, editor):
    theirs = article_with_body(created_by=editor)
    response = logged_in(client, reporter).post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [theirs.pk], "post": "yes"},
    )
    # Not among the articles the reporter can see: nothing selected, nothing deleted.
    assert response.status_code == 302
    assert Article.objects.filter(pk=theirs.pk).exists()


# --- No lost work -----------------------------------------------------------------------------


def test_second_admin_save_is_refused_naming_who_and_keeps_what_was_typed(client, editor):
    article = article_with_body(headline="Original")
    other = make_user("editor", username="other")
    logged_in(client, other)
    stale = form_data(client.get(change_url(article)))

    fresh = Article.objects.get(pk=article.pk)
    fresh.headline = "Maria's headline"
    article_save(article=fresh, user=editor, expected_version=fresh.version)

    stale["headline"] = "Other's headline"
    response = client.post(change_url(article), stale)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Maria Editor changed this article at" in html
    assert 'value="Other&#x27;s headline"' in html  # what they typed is still on the page
    assert Article.objects.get(pk=article.pk).headline == "Maria's headline"


def test_admin_save_records_a_revision_and_sanitises_the_body(client, editor):
    article = article_with_body(headline="Before")
    logged_in(client, editor)
    data = form_data(client.get(change_url(article)))
    data["headline"] = "After"
    data["blocks-0-text"] = 'Hi <script>x()</script><a href="javascript:x()" onclick="y()">l</a>'
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.headline == "After"
    assert article.updated_by == editor
    text = article.blocks.get(position=0).text
    assert "script" not in text
    assert "javascript" not in text
    assert "onclick" not in text
    revision = article_revisions(article).first().revision
    assert revision.user == editor


def test_body_blocks_can_be_reordered_and_removed_in_one_save(client, editor):
    article = article_with_body(paragraphs=3)  # p0, heading, p1, p2, photo
    logged_in(client, editor)
    data = form_data(client.get(change_url(article)))
    texts = list(article.blocks.values_list("text", flat=True))
    # Put the last paragraph first, delete the heading.
    data["blocks-3-ORDER"] = "0"
    data["blocks-1-DELETE"] = "on"
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    body = list(article.blocks.order_by("position").values_list("position", "text"))
    assert [text for _, text in body] == [texts[3], texts[0], texts[2], texts[4]]
    assert [position for position, _ in body] == [0, 1, 2, 3]


def test_adding_a_heading_in_the_admin_makes_its_anchor(client, editor):
    article = article_with_body(paragraphs=1)
    logged_in(client, editor)
    data = form_data(client.get(change_url(article)))
    total = int(data["blocks-TOTAL_FORMS"])
    data.update(
        {
            "blocks-TOTAL_FORMS": str(total + 1),
            f"blocks-{total}-kind": "heading",
            f"blocks-{total}-text": "A heading",  # the same text as the existing one
            f"blocks-{total}-level": "2",
            f"blocks-{total}-ORDER": str(total + 1),
        }
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    anchors = sorted(
        article.blocks.filter(kind=BlockKind.HEADING).values_list("anchor", flat=True)
    )
    assert anchors == ["a-heading", "a-heading-2"]


# --- Times in the newsroom's zone -------------------------------------------------------------


def test_schedule_time_is_entered_in_the_newsroom_zone_stored_in_utc_and_shown_back(
    client, editor, settings
):
    settings.TIME_ZONE = "Europe/Madrid"
    article = article_with_body()
    logged_in(client, editor)
    response = client.post(
        reverse("admin:articles_article_workflow", args=[article.pk]),
        {"action": "schedule", "at": "2030-07-01T10:00", "note": "Morning slot"},
        follow=True,
    )
    version = article.versions.get()
    assert version.visible_from == datetime(2030, 7, 1, 8, 0, tzinfo=UTC)  # CEST is UTC+2
    html = response.content.decode()
    assert "Scheduled for 01 Jul 2030, 10:00 (CEST)" in html
    assert "Appears 1 Jul 2030, 10:00" in html


def test_embargo_in_the_past_is_refused_in_the_admin_with_the_reason(client, editor):
    article = article_with_body()
    past = timezone.localtime(timezone.now() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = logged_in(client, editor).post(
        reverse("admin:articles_article_workflow", args=[article.pk]),
        {"action": "embargo", "until": past},
        follow=True,
    )
    assert "Not done: An embargo must lift in the future" in response.content.decode()
    article.refresh_from_db()
    assert article.embargo_until is None


def test_withdraw_from_the_admin(client, editor, api_client):
    article = article_with_body()
    workflow.article_publish(article=article, user=editor)
    response = logged_in(client, editor).post(
        reverse("admin:articles_article_workflow", args=[article.pk]),
        {"action": "withdraw", "notice": "Withdrawn: legal.", "note": "Lawyers"},
        follow=True,
    )
    assert "Withdrawn: readers now get the notice instead." in response.content.decode()
    public = api_client.get(f"/api/v1/articles/{article.pk}/")
    assert public.status_code == 410
    assert public.json()["error"]["message"] == "Withdrawn: legal."
    article.refresh_from_db()
    assert article.status == "withdrawn"
    logged = article.transitions.first()
    assert (logged.action, logged.user, logged.note) == ("withdrawn", editor, "Lawyers")


def test_list_state_is_computed_when_read(client, editor):
    article = article_with_body(headline="Soon")
    start = timezone.now()
    workflow.article_schedule(article=article, user=editor, at=start + timedelta(hours=1))
    changelist = reverse("admin:articles_article_changelist")
    logged_in(client, editor)
    assert client.get(changelist, {"state": "waiting"}).context["cl"].result_count == 1
    import time_machine

    with time_machine.travel(start + timedelta(hours=2)):
        response = client.get(changelist, {"state": "public"})
        assert response.context["cl"].result_count == 1
        assert "Published" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.SCHEDULED  # as stored


# --- Preview ------------------------------------------------------------------------------------


def test_preview_shows_a_draft_as_readers_would_see_it(client, reporter):
    article = article_with_body(created_by=reporter, headline="Draft headline", dek="The dek")
    paragraph = article.blocks.filter(kind=BlockKind.PARAGRAPH).first()
    QuoteFactory(article=article, text="Words", speaker=PersonFactory(name="Ann Speaker"))
    response = logged_in(client, reporter).get(
        reverse("admin:articles_article_preview", args=[article.pk])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Draft headline</h1>" in html
    assert "The dek" in html
    assert paragraph.text in html
    assert "In this article" in html  # the table of contents
    assert 'class="credit">PHOTO/Jane Photographer/' in html
    assert "Ann Speaker" in html
    assert "There is no byline." in html


@pytest.mark.parametrize("who", ["anonymous", "not_staff"])
def test_preview_is_for_logged_in_staff_only(client, who):
    article = article_with_body(headline="Secret draft")
    if who == "not_staff":
        client.force_login(UserFactory(username="reader"))
    response = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_preview_is_not_found_for_staff_without_access_to_articles(client):
    article = article_with_body()
    client.force_login(UserFactory(username="staff-nobody", is_staff=True))
    response = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    assert response.status_code == 404


# --- History, translations, people, photos ----------------------------------------------------


def test_history_lists_revisions_shows_a_diff_and_restores(client, editor):
    article = article_with_body(headline="First words")
    article_save(article=article, user=editor, expected_version=article.version)
    article.headline = "Second words"
    article_save(article=article, user=editor, expected_version=article.version)
    newer, older = list(article_revisions(article))[:2]
    logged_in(client, editor)
    history_url = reverse("admin:articles_article_history", args=[article.pk])
    response = client.get(history_url, {"old": older.pk, "new": newer.pk})
    html = response.content.decode()
    assert "<del>First</del>" in html
    assert "<ins>Second</ins>" in html
    restore_url = reverse("admin:articles_article_restore", args=[article.pk, older.pk])
    assert client.get(restore_url).status_code == 200
    article.refresh_from_db()
    client.post(restore_url, {"expected_version": article.version})
    assert Article.objects.get(pk=article.pk).headline == "First words"


def test_translate_page_creates_a_linked_draft(client, editor):
    article = article_with_body(slug="truce")
    response = logged_in(client, editor).post(
        reverse("admin:articles_article_translate", args=[article.pk]), {"language": "es"}
    )
    translation = Article.objects.get(language="es", slug="truce")
    assert response["Location"] == change_url(translation)
    assert translation.translation_of == article
    page = client.get(change_url(article)).content.decode()
    assert change_url(translation) in page


def test_person_page_lists_their_quotes(client, editor):
    person = PersonFactory(name="Jens Laerke")
    article = article_with_body(headline="Aid story")
    QuoteFactory(article=article, speaker=person, text="We are running out of time")
    response = logged_in(client, editor).get(
        reverse("admin:articles_person_change", args=[person.pk])
    )
    html = response.content.decode()
    assert "We are running out of time" in html
    assert "Aid story" in html


def test_photo_summary_gives_thumbnail_credit_captions_and_uses(client, editor):
    article = article_with_body(headline="With photo")
    photo = Block.objects.get(article=article, kind=BlockKind.PHOTO).photo
    response = logged_in(client, editor).get(
        reverse("admin:articles_photo_summary", args=[photo.pk])
    )
    summary = response.json()
    assert summary["credit_line"] == photo.credit_line
    assert summary["thumbnail"] == photo.image.url
    assert summary["texts"][0]["alt_text"]
    assert summary["used_in"][0]["headline"] == "With photo"
