"""Preview links for front-ends: bound to the article as it was shared, never past a kill."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles.desk import workflow
from articles.desk.editing import article_save
from articles.desk.workflow import article_revoke_previews
from articles.models import Article
from tests.desk import make_user
from tests.factories import article_with_body, published_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_user("editor")


def preview_url(api_client, user, article):
    api_client.force_authenticate(user)
    response = api_client.post(f"/api/v1/desk/articles/{article.pk}/preview-token/")
    api_client.force_authenticate(None)  # the front-end holds the link, no login
    assert response.status_code == 201
    return response.json()["url"]


def test_preview_link_made_before_a_withdrawal_stops_working(api_client, editor):
    article = published_article(headline="To be killed")
    url = preview_url(api_client, editor, article)
    assert api_client.get(url).status_code == 200

    workflow.article_withdraw(article=article, user=editor, notice="Withdrawn.")

    response = api_client.get(url)
    assert response.status_code == 404
    assert "To be killed" not in response.content.decode()


def test_preview_link_does_not_show_edits_made_after_it_was_shared(api_client, editor):
    article = article_with_body(headline="As shared")
    url = preview_url(api_client, editor, article)
    article = Article.objects.get(pk=article.pk)
    article.headline = "A later, unpublished edit"
    article_save(article=article, user=editor, expected_version=article.version)

    response = api_client.get(url)

    assert response.status_code == 404
    assert "later" not in response.content.decode()
    assert "changed since" in response.json()["error"]["message"]


def test_an_editor_revokes_every_preview_link_of_an_article(api_client, editor):
    article = article_with_body()
    first, second = (preview_url(api_client, editor, article) for _ in range(2))
    api_client.force_authenticate(editor)
    revoked = api_client.post(f"/api/v1/desk/articles/{article.pk}/revoke-previews/")
    api_client.force_authenticate(None)

    assert revoked.status_code == 204
    assert api_client.get(first).status_code == 404
    assert api_client.get(second).json()["error"]["message"] == (
        "This preview link has been revoked."
    )
    # A new link works again, and revoking is not an edit of the article.
    assert api_client.get(preview_url(api_client, editor, article)).status_code == 200
    assert Article.objects.get(pk=article.pk).version == article.version


def test_revoking_from_the_admin_panel(client, api_client, editor):
    article = article_with_body()
    url = preview_url(api_client, editor, article)
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_workflow", args=[article.pk]),
        {"action": "revoke_previews"},
        follow=True,
    )
    assert "Preview links revoked" in response.content.decode()
    assert api_client.get(url).status_code == 404


def test_only_who_may_preview_an_article_may_revoke_its_links(editor):
    article = article_with_body(created_by=editor)
    with pytest.raises(PermissionDenied):
        article_revoke_previews(article=article, user=make_user("reporter"))
    assert Article.objects.get(pk=article.pk).preview_generation == 0
