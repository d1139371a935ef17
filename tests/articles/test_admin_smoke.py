"""Every model is reachable in the admin: its list, add and change pages render."""

import pytest
from django.contrib import admin
from django.urls import reverse

from articles.models import Article
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda model: model._meta.label)
def test_admin_list_and_change_pages_render(superuser_client, seed_article, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert superuser_client.get(changelist).status_code == 200
    instance = model._default_manager.first()
    if instance is not None:
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk])
        assert superuser_client.get(change).status_code == 200


def test_publish_action_refuses_an_article_without_body_with_a_message(
    superuser_client, seed_article
):
    from tests.factories import ArticleFactory

    empty = ArticleFactory()
    response = superuser_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [empty.pk]},
        follow=True,
    )
    assert "no body" in response.content.decode()
    empty.refresh_from_db()
    assert empty.status == "draft"
    assert Article.objects.get(pk=seed_article.pk).versions.count() == 1
