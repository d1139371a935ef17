"""Workflow transitions: each move, its timing, its log, and its refusals."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.desk import workflow
from articles.models import (
    Article,
    ArticleStatus,
    ArticleTransition,
    ArticleVersion,
    Correction,
    TransitionAction,
)
from tests.desk import make_user
from tests.factories import ArticleFactory, article_with_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter():
    return make_user("reporter")


@pytest.fixture
def editor():
    return make_user("editor")


@pytest.fixture
def draft(reporter):
    return article_with_body(created_by=reporter, headline="Desk story")


def public_status(client, article):
    return client.get(f"/api/v1/articles/{article.pk}/").status_code


def snapshot(article):
    """Everything a refused transition must leave as it was."""
    article = Article.objects.get(pk=article.pk)
    return (
        article.status,
        article.version,
        article.embargo_until,
        article.expires_at,
        list(ArticleTransition.objects.filter(article=article).values_list("pk", flat=True)),
        list(
            ArticleVersion.objects.filter(article=article).values_list(
                "pk", "is_live", "visible_from", "visible_until", "withdrawn_at"
            )
        ),
        list(Correction.objects.filter(article=article).values_list("pk", flat=True)),
    )


def refused(article, call, match):
    before = snapshot(article)
    with pytest.raises(ValidationError, match=match):
        call()
    assert snapshot(article) == before


# --- Review ----------------------------------------------------------------------------------


def test_submitting_moves_a_draft_to_review_and_logs_who_when_and_the_note(draft, reporter):
    with time_machine.travel("2030-03-01 09:00Z", tick=False):
        workflow.article_submit(article=draft, user=reporter, note="Ready, photos cleared")
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.IN_REVIEW
    event = draft.transitions.get()
    assert (event.action, event.from_status, event.to_status) == (
        TransitionAction.SUBMITTED,
        ArticleStatus.DRAFT,
        ArticleStatus.IN_REVIEW,
    )
    assert (event.user, event.note) == (reporter, "Ready, photos cleared")
    assert event.at.isoformat() == "2030-03-01T09:00:00+00:00"


def test_submitting_twice_is_refused(draft, reporter, editor):
    workflow.article_submit(article=draft, user=reporter)
    refused(draft, lambda: workflow.article_submit(article=draft, user=editor), "Only a draft")


def test_submitting_an_empty_article_is_refused(reporter):
    empty = ArticleFactory(created_by=reporter)
    refused(empty, lambda: workflow.article_submit(article=empty, user=reporter), "no body")


def test_returning_to_draft_from_review(draft, reporter, editor):
    workflow.article_submit(article=draft, user=reporter)
    workflow.article_return_to_draft(article=draft, user=editor, note="Needs a second source")
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.DRAFT
    assert draft.transitions.first().note == "Needs a second source"


def test_returning_a_draft_is_refused(draft, editor):
    refused(
        draft,
        lambda: workflow.article_return_to_draft(article=draft, user=editor),
        "Only an article in review",
    )


def test_returning_a_published_article_keeps_it_public(draft, editor, api_client):
    workflow.article_publish(article=draft, user=editor)
    workflow.article_return_to_draft(article=draft, user=editor)
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.DRAFT
    assert public_status(api_client, draft) == 200


# --- Publishing ------------------------------------------------------------------------------


def test_publishing_from_review_serves_the_article_and_logs_it(
    draft, reporter, editor, api_client
):
    workflow.article_submit(article=draft, user=reporter)
    version = workflow.article_publish(article=draft, user=editor, note="Good to go")
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.PUBLISHED
    assert draft.updated_by == editor
    assert version.published_by == editor
    event = draft.transitions.first()
    assert (event.action, event.from_status, event.to_status, event.user) == (
        TransitionAction.PUBLISHED,
        ArticleStatus.IN_REVIEW,
        ArticleStatus.PUBLISHED,
        editor,
    )
    assert event.details["version"] == 1
    assert api_client.get(f"/api/v1/articles/{draft.pk}/").json()["headline"] == "Desk story"
    assert workflow.desk_state(draft) == "Published"


def test_publishing_an_empty_article_is_refused_and_changes_nothing(editor):
    empty = ArticleFactory()
    refused(empty, lambda: workflow.article_publish(article=empty, user=editor), "no body")


def test_scheduled_article_appears_at_its_time_and_reads_published_after(
    draft, editor, api_client
):
    start = timezone.now()
    workflow.article_schedule(article=draft, user=editor, at=start + timedelta(hours=2))
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.SCHEDULED
    assert workflow.desk_state(draft) == "Scheduled"
    assert public_status(api_client, draft) == 404
    with time_machine.travel(start + timedelta(hours=2, seconds=1)):
        assert public_status(api_client, draft) == 200
        listed = Article.objects.with_live_version().get(pk=draft.pk)
        assert workflow.desk_state(listed) == "Published"
    assert (
        draft.transitions.first()
        .details["at"]
        .startswith((start + timedelta(hours=2)).isoformat()[:16])
    )


def test_scheduling_in_the_past_is_refused(draft, editor):
    refused(
        draft,
        lambda: workflow.article_schedule(
            article=draft, user=editor, at=timezone.now() - timedelta(minutes=1)
        ),
        "must be in the future",
    )


def test_scheduling_an_article_that_is_public_is_refused(draft, editor):
    workflow.article_publish(article=draft, user=editor)
    refused(
        draft,
        lambda: workflow.article_schedule(
            article=draft, user=editor, at=timezone.now() + timedelta(hours=1)
        ),
        "public now",
    )


# --- Embargo and expiry ----------------------------------------------------------------------


def test_embargo_holds_the_article_back_until_it_lifts(draft, editor, api_client):
    start = timezone.now()
    workflow.article_embargo(article=draft, user=editor, until=start + timedelta(hours=1))
    workflow.article_publish(article=draft, user=editor)
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.SCHEDULED
    assert workflow.desk_state(draft) == "Embargoed"
    assert public_status(api_client, draft) == 404
    assert api_client.get("/api/v1/articles/").json()["results"] == []
    with time_machine.travel(start + timedelta(hours=1, seconds=1)):
        assert public_status(api_client, draft) == 200
        assert workflow.desk_state(draft) == "Published"
    assert draft.transitions.last().action == TransitionAction.EMBARGOED


def test_embargo_on_a_scheduled_version_moves_its_appearance(draft, editor, api_client):
    start = timezone.now()
    workflow.article_schedule(article=draft, user=editor, at=start + timedelta(hours=1))
    workflow.article_embargo(article=draft, user=editor, until=start + timedelta(hours=3))
    with time_machine.travel(start + timedelta(hours=2)):
        assert public_status(api_client, draft) == 404
    with time_machine.travel(start + timedelta(hours=3, seconds=1)):
        assert public_status(api_client, draft) == 200
        document = api_client.get(f"/api/v1/articles/{draft.pk}/").json()
    assert document["published_at"].startswith(
        (start + timedelta(hours=3)).strftime("%Y-%m-%dT%H")
    )


def test_lifting_an_embargo_releases_a_held_version_now(draft, editor, api_client):
    start = timezone.now()
    workflow.article_embargo(article=draft, user=editor, until=start + timedelta(hours=5))
    workflow.article_publish(article=draft, user=editor)
    workflow.article_embargo(article=draft, user=editor, until=None, note="Embargo broken")
    draft.refresh_from_db()
    assert draft.embargo_until is None
    assert draft.status == ArticleStatus.PUBLISHED
    assert public_status(api_client, draft) == 200
    assert draft.transitions.first().action == TransitionAction.EMBARGO_LIFTED


def test_embargo_in_the_past_is_refused_with_a_clear_message(draft, editor):
    refused(
        draft,
        lambda: workflow.article_embargo(
            article=draft, user=editor, until=timezone.now() - timedelta(hours=1)
        ),
        "must lift in the future",
    )


def test_embargo_on_an_unpublishable_article_is_refused(editor):
    empty = ArticleFactory()
    refused(
        empty,
        lambda: workflow.article_embargo(
            article=empty, user=editor, until=timezone.now() + timedelta(hours=1)
        ),
        "cannot be published, so it cannot be embargoed",
    )


def test_embargo_on_a_public_article_is_refused(draft, editor):
    workflow.article_publish(article=draft, user=editor)
    refused(
        draft,
        lambda: workflow.article_embargo(
            article=draft, user=editor, until=timezone.now() + timedelta(hours=1)
        ),
        "already public",
    )


def test_expiry_takes_the_article_down_on_time(draft, editor, api_client):
    start = timezone.now()
    workflow.article_publish(article=draft, user=editor)
    workflow.article_set_expiry(article=draft, user=editor, at=start + timedelta(days=1))
    assert public_status(api_client, draft) == 200
    draft.refresh_from_db()
    with time_machine.travel(start + timedelta(days=1, seconds=1)):
        assert public_status(api_client, draft) == 404
        assert api_client.get("/api/v1/articles/").json()["results"] == []
        assert workflow.desk_state(draft) == "Expired"


def test_clearing_the_expiry_keeps_the_article_up(draft, editor, api_client):
    start = timezone.now()
    workflow.article_publish(article=draft, user=editor)
    workflow.article_set_expiry(article=draft, user=editor, at=start + timedelta(hours=1))
    workflow.article_set_expiry(article=draft, user=editor, at=None)
    with time_machine.travel(start + timedelta(days=3)):
        assert public_status(api_client, draft) == 200


def test_expiry_in_the_past_or_before_the_embargo_is_refused(draft, editor):
    now = timezone.now()
    refused(
        draft,
        lambda: workflow.article_set_expiry(article=draft, user=editor, at=now),
        "must be in the future",
    )
    workflow.article_embargo(article=draft, user=editor, until=now + timedelta(hours=2))
    refused(
        draft,
        lambda: workflow.article_set_expiry(
            article=draft, user=editor, at=now + timedelta(hours=1)
        ),
        "before its embargo lifts",
    )


# --- Unpublish, withdraw, correct ------------------------------------------------------------


def test_unpublishing_hides_the_article_and_keeps_its_versions(draft, editor, api_client):
    workflow.article_publish(article=draft, user=editor)
    workflow.article_unpublish(article=draft, user=editor, note="Legal asked")
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.DRAFT
    assert public_status(api_client, draft) == 404
    assert draft.versions.count() == 1
    assert draft.transitions.first().note == "Legal asked"


def test_unpublishing_a_draft_is_refused(draft, editor):
    refused(draft, lambda: workflow.article_unpublish(article=draft, user=editor), "not published")


def test_withdrawn_article_answers_410_with_its_notice_and_keeps_its_record(
    draft, editor, api_client
):
    workflow.article_publish(article=draft, user=editor)
    workflow.article_withdraw(
        article=draft, user=editor, notice="This article was withdrawn for legal reasons."
    )
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.WITHDRAWN
    response = api_client.get(f"/api/v1/articles/{draft.pk}/")
    assert response.status_code == 410
    assert response.json()["error"]["message"] == "This article was withdrawn for legal reasons."
    assert api_client.get("/api/v1/articles/").json()["results"] == []
    assert Article.objects.filter(pk=draft.pk).exists()
    assert draft.versions.get().withdrawn_at is not None
    assert workflow.desk_state(draft) == "Withdrawn"


def test_withdrawn_article_is_never_published_or_unpublished_again(draft, editor):
    workflow.article_publish(article=draft, user=editor)
    workflow.article_withdraw(article=draft, user=editor, notice="Gone.")
    refused(draft, lambda: workflow.article_publish(article=draft, user=editor), "withdrawn")
    refused(draft, lambda: workflow.article_unpublish(article=draft, user=editor), "withdrawn")


def test_withdrawing_needs_a_notice_and_a_published_article(draft, editor):
    refused(
        draft,
        lambda: workflow.article_withdraw(article=draft, user=editor, notice="Gone."),
        "Only a published article",
    )
    workflow.article_publish(article=draft, user=editor)
    refused(
        draft,
        lambda: workflow.article_withdraw(article=draft, user=editor, notice="  "),
        "notice readers will see",
    )


def test_correction_republishes_and_shows_its_kind_text_and_date(draft, editor, api_client):
    workflow.article_publish(article=draft, user=editor)
    draft.refresh_from_db()
    draft.headline = "Desk story, corrected"
    draft.save()
    with time_machine.travel("2031-05-04 10:30Z", tick=False):
        workflow.article_add_correction(
            article=draft,
            user=editor,
            kind="correction",
            text="An earlier version misspelt the minister's name.",
        )
        document = api_client.get(f"/api/v1/articles/{draft.pk}/").json()
    assert document["version"] == 2
    assert document["headline"] == "Desk story, corrected"
    assert document["corrections"] == [
        {
            "kind": "correction",
            "text": "An earlier version misspelt the minister's name.",
            "date": "2031-05-04T10:30:00Z",
        }
    ]
    first = draft.versions.get(number=1)
    assert json.loads(first.document)["corrections"] == []


def test_correction_on_an_unpublished_article_or_of_an_unknown_kind_is_refused(draft, editor):
    refused(
        draft,
        lambda: workflow.article_add_correction(
            article=draft, user=editor, kind="correction", text="x"
        ),
        "publish it first",
    )
    workflow.article_publish(article=draft, user=editor)
    refused(
        draft,
        lambda: workflow.article_add_correction(
            article=draft, user=editor, kind="apology", text="x"
        ),
        "correction, a clarification or an update",
    )


# --- Nothing of the workflow leaks to the public API -----------------------------------------


def test_no_workflow_state_leaks_to_the_public_api(reporter, editor, api_client):
    now = timezone.now()
    draft = article_with_body(created_by=reporter, headline="Secret draft")
    in_review = article_with_body(created_by=reporter, headline="Secret review")
    workflow.article_submit(article=in_review, user=reporter)
    scheduled = article_with_body(headline="Secret scheduled")
    workflow.article_schedule(article=scheduled, user=editor, at=now + timedelta(hours=1))
    embargoed = article_with_body(headline="Secret embargoed")
    workflow.article_embargo(article=embargoed, user=editor, until=now + timedelta(hours=1))
    workflow.article_publish(article=embargoed, user=editor)
    expired = article_with_body(headline="Secret expired")
    workflow.article_publish(article=expired, user=editor)
    workflow.article_set_expiry(article=expired, user=editor, at=now + timedelta(minutes=1))
    withdrawn = article_with_body(headline="Secret withdrawn")
    workflow.article_publish(article=withdrawn, user=editor)
    workflow.article_withdraw(article=withdrawn, user=editor, notice="Withdrawn.")
    hidden = [draft, in_review, scheduled, embargoed, expired]

    with time_machine.travel(now + timedelta(minutes=2)):
        listing = api_client.get("/api/v1/articles/")
        assert listing.status_code == 200
        assert listing.json()["results"] == []
        assert "Secret" not in listing.content.decode()
        for article in hidden:
            for lookup in (article.pk, article.slug):
                response = api_client.get(f"/api/v1/articles/{lookup}/")
                assert response.status_code == 404, article
                assert "Secret" not in response.content.decode()
        gone = api_client.get(f"/api/v1/articles/{withdrawn.pk}/")
        assert gone.status_code == 410
        assert "Secret" not in gone.content.decode()
