"""The editorial desk in the Django admin. Every action calls the services in
``articles.workflow``, ``articles.editing`` and ``articles.history``; the rules of who
may do what live in ``articles.permissions``."""

from articles.desk.admin.articles import ArticleAdmin
from articles.desk.admin.entities import (
    ArticleTransitionAdmin,
    ArticleVersionAdmin,
    PersonAdmin,
    QuoteAdmin,
    SectionAdmin,
    TagAdmin,
)
from articles.webhooks.admin import WebhookDeliveryAdmin, WebhookSubscriberAdmin

__all__ = [
    "ArticleAdmin",
    "ArticleTransitionAdmin",
    "ArticleVersionAdmin",
    "PersonAdmin",
    "QuoteAdmin",
    "SectionAdmin",
    "TagAdmin",
    "WebhookDeliveryAdmin",
    "WebhookSubscriberAdmin",
]
