"""Role x action x target: the same answer through the admin's views and the write API.

Each action is tried by each role on articles in each state, by someone else or by the
reporter themselves; an action refused changes nothing, whichever way it came in.
"""

import pytest
from django.urls import reverse

from articles.desk import workflow
from articles.models import Article, ArticleStatus, Quote
from articles.publishing import version_publish
from tests.articles.test_admin_desk import form_data
from tests.desk import make_user
from tests.factories import PersonFactory, article_with_body

pytestmark = pytest.mark.django_db

ROLES = ["reporter", "editor", "photo_editor", "superuser"]
TARGETS = ["own_draft", "other_draft", "in_review", "published", "withdrawn"]
EDITABLE = {
    "reporter": {"own_draft"},
    "editor": {"own_draft", "other_draft", "in_review", "published"},
    "photo_editor": set(),
    "superuser": {"own_draft", "other_draft", "in_review", "published"},
}
# Never published and editable: what may be deleted.
DELETABLE = {
    role: targets & {"own_draft", "other_draft", "in_review"} for role, targets in EDITABLE.items()
}
PUBLISHERS = {"editor", "superuser"}


@pytest.fixture
def cast():
    """The newsroom: a reporter (whose articles "own" means), a colleague, an editor."""
    reporter = make_user("reporter", username="matrix-reporter")
    colleague = make_user("reporter", username="matrix-colleague")
    editor = make_user("editor", username="matrix-editor")
    users = {
        "reporter": reporter,
        "editor": make_user("editor", username="matrix-second-editor"),
        "photo_editor": make_user("photo_editor", username="matrix-photos"),
        "superuser": make_user("superuser", username="matrix-root"),
    }
    return {"reporter": reporter, "colleague": colleague, "editor": editor, "users": users}


def make_target(kind, cast):
    if kind == "own_draft":
        return article_with_body(created_by=cast["reporter"], headline="Target")
    if kind == "other_draft":
        return article_with_body(created_by=cast["colleague"], headline="Target")
    article = article_with_body(created_by=cast["reporter"], headline="Target")
    if kind == "in_review":
        workflow.article_submit(article=article, user=cast["reporter"])
        return Article.objects.get(pk=article.pk)
    version_publish(article=article)
    if kind == "withdrawn":
        workflow.article_withdraw(article=article, user=cast["editor"], notice="Gone.")
    return Article.objects.get(pk=article.pk)


CASES = [(role, target) for role in ROLES for target in TARGETS]


@pytest.mark.parametrize(("role", "target"), CASES)
def test_changing_an_article_in_the_admin(client, cast, role, target):
    article = make_target(target, cast)
    client.force_login(cast["users"]["superuser"])
    data = form_data(client.get(reverse("admin:articles_article_change", args=[article.pk])))
    data["headline"] = "Changed"
    client.force_login(cast["users"][role])
    client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    changed = Article.objects.get(pk=article.pk).headline == "Changed"
    assert changed is (target in EDITABLE[role])


@pytest.mark.parametrize(("role", "target"), CASES)
def test_changing_an_article_through_the_api(api_client, cast, role, target):
    article = make_target(target, cast)
    api_client.force_authenticate(cast["users"][role])
    response = api_client.patch(
        f"/api/v1/desk/articles/{article.pk}/",
        {"headline": "Changed"},
        format="json",
        HTTP_IF_MATCH=f'"v{article.version}"',
    )
    allowed = target in EDITABLE[role]
    assert (response.status_code == 200) is allowed, response.content
    if not allowed:
        assert response.status_code in (403, 404)
    assert (Article.objects.get(pk=article.pk).headline == "Changed") is allowed


@pytest.mark.parametrize(("role", "target"), CASES)
def test_adding_a_quote_to_an_article_in_the_admin(client, cast, role, target):
    article = make_target(target, cast)
    client.force_login(cast["users"][role])
    client.post(
        reverse("admin:articles_quote_add"),
        {
            "text": "Words put in a mouth",
            "language": "en",
            "speaker": PersonFactory().pk,
            "article": article.pk,
        },
    )
    added = Quote.objects.filter(article=article, text="Words put in a mouth").exists()
    assert added is (target in EDITABLE[role])


@pytest.mark.parametrize(("role", "target"), CASES)
def test_publishing_through_the_api(api_client, cast, role, target):
    article = make_target(target, cast)
    before = Article.objects.get(pk=article.pk)
    api_client.force_authenticate(cast["users"][role])
    response = api_client.post(f"/api/v1/desk/articles/{article.pk}/publish/", {}, format="json")
    allowed = role in PUBLISHERS and target != "withdrawn"
    assert (response.status_code == 200) is allowed, response.content
    after = Article.objects.get(pk=article.pk)
    if not allowed:
        assert (after.status, after.version) == (before.status, before.version)
    else:
        assert after.status == ArticleStatus.PUBLISHED


@pytest.mark.parametrize(("role", "target"), CASES)
def test_deleting_an_article_in_the_admin(client, cast, role, target):
    article = make_target(target, cast)
    client.force_login(cast["users"][role])
    client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    deleted = not Article.objects.filter(pk=article.pk).exists()
    assert deleted is (target in DELETABLE[role])
