"""A render never undoes a workflow move: killed, unpublished and expired stories stay so.

The background re-render (something a story shows changed) and the workflow moves write
the same rows. These tests force the dangerous orderings: the render has loaded the live
version, then a move commits, then the render writes.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from articles import publishing
from articles.desk import workflow
from articles.models import Article, ArticleStatus, ArticleVersion
from articles.publishing.tasks import rerender_versions
from media.models import PhotoText
from tests.desk import make_user
from tests.factories import article_with_body, published_article

pytestmark = pytest.mark.django_db


def withdraw(article, editor):
    workflow.article_withdraw(article=article, user=editor, notice="Withdrawn for legal reasons.")


def unpublish(article, editor):
    workflow.article_unpublish(article=article, user=editor)


def set_expiry(article, editor):
    workflow.article_set_expiry(
        article=article, user=editor, at=timezone.now() + timedelta(days=2)
    )


def republish(article, editor):
    workflow.article_publish(article=article, user=editor)


MOVES = {
    "withdraw": withdraw,
    "unpublish": unpublish,
    "set_expiry": set_expiry,
    "republish": republish,
}


def version_row(version_id):
    return ArticleVersion.objects.filter(pk=version_id).values(
        "is_live", "visible_from", "visible_until", "withdrawn_at", "withdrawal_notice"
    )[0]


@pytest.fixture
def editor():
    return make_user("editor")


@pytest.mark.parametrize("move", sorted(MOVES))
def test_render_loaded_before_a_move_never_writes_the_window_back(move, editor, client):
    article = published_article(headline="A story")
    stale = ArticleVersion.objects.live().get(article=article)  # the render loaded it...
    MOVES[move](article, editor)  # ...a move commits...
    after_move = version_row(stale.pk)

    publishing.version_render(stale)  # ...then the render writes.

    assert version_row(stale.pk) == after_move
    assert ArticleVersion.objects.live().filter(article=article).count() == (
        0 if move == "unpublish" else 1
    )
    if move in ("withdraw", "unpublish"):
        assert client.get(f"/api/v1/articles/{article.pk}/").status_code in (404, 410)
        assert "A story" not in client.get("/feeds/rss/").content.decode()


def test_render_loaded_before_an_expiry_is_cleared_keeps_it_cleared(editor):
    article = published_article()
    workflow.article_set_expiry(article=article, user=editor, at=timezone.now() + timedelta(1))
    stale = ArticleVersion.objects.live().get(article=article)
    workflow.article_set_expiry(article=article, user=editor, at=None)

    publishing.version_render(stale)

    assert version_row(stale.pk)["visible_until"] is None


def test_render_loaded_before_an_embargo_moved_keeps_the_new_window(editor):
    article = article_with_body()
    soon = timezone.now() + timedelta(hours=1)
    later = soon + timedelta(hours=5)
    workflow.article_schedule(article=article, user=editor, at=soon)
    stale = ArticleVersion.objects.live().get(article=article)
    workflow.article_embargo(article=article, user=editor, until=later)

    publishing.version_render(stale)

    assert version_row(stale.pk)["visible_from"] == later


def test_render_of_a_withdrawn_version_writes_nothing_and_says_so(editor):
    article = published_article()
    version = ArticleVersion.objects.live().get(article=article)
    withdraw(article, editor)
    rendered_at = ArticleVersion.objects.get(pk=version.pk).rendered_at

    assert publishing.version_render(version) is None
    assert ArticleVersion.objects.get(pk=version.pk).rendered_at == rendered_at


def test_shared_change_queued_before_a_kill_leaves_the_story_killed(editor, client):
    article = published_article(headline="Legal trouble")
    version = ArticleVersion.objects.live().get(article=article)
    withdraw(article, editor)

    # The worker runs the re-render a caption change queued before the kill.
    rerender_versions.call([version.pk])
    text = PhotoText.objects.filter(photo__published_versions=version).first()
    text.caption = "A new caption"
    text.save()

    assert version_row(version.pk)["withdrawn_at"] is not None
    assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 410
    assert "Legal trouble" not in client.get("/api/v1/articles/").content.decode()
    assert "Legal trouble" not in client.get("/feeds/rss/").content.decode()


def test_read_time_refresh_after_a_kill_does_not_serve_the_story(editor):
    article = published_article()
    version = ArticleVersion.objects.live().get(article=article)
    ArticleVersion.objects.filter(pk=version.pk).update(
        rendering_valid_until=timezone.now() - timedelta(seconds=1)
    )
    stale = ArticleVersion.objects.get(pk=version.pk)
    withdraw(article, editor)

    assert publishing.version_public_document(stale) is None
    assert publishing.versions_refresh_due([stale]) == []
    assert version_row(version.pk)["withdrawn_at"] is not None


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL only")
@pytest.mark.parametrize("move", ["withdraw", "unpublish"])
def test_render_waits_for_a_move_holding_the_article_lock(move):
    """A render that starts while a move holds the article's lock waits for it to
    commit, then sees the move: the two never write at the same time."""
    editor = make_user("editor")
    article = published_article(headline="Locked story")
    version = ArticleVersion.objects.live().get(article=article)
    outcome = {}

    def render():
        try:
            outcome["result"] = publishing.version_render(version)
        finally:
            connection.close()

    with transaction.atomic():
        MOVES[move](article, editor)
        thread = threading.Thread(target=render)
        thread.start()
        # Wait until the render is blocked on the lock this transaction holds.
        for _ in range(500):
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
                if cursor.fetchone()[0]:
                    break
            thread.join(0.01)
        else:
            pytest.fail("The render never waited for the article's lock.")
        assert thread.is_alive()
    thread.join(10)

    assert outcome["result"] is None
    row = version_row(version.pk)
    assert not row["is_live"] or row["withdrawn_at"] is not None
    assert Article.objects.get(pk=article.pk).status in (
        ArticleStatus.WITHDRAWN,
        ArticleStatus.DRAFT,
    )
