"""The editorial desk in the Django admin. Every action calls the services in
``articles.workflow``, ``articles.editing`` and ``articles.history``; the rules of who
may do what live in ``articles.permissions``."""

from articles.admin.articles import ArticleAdmin
from articles.admin.entities import (
    ArticleTransitionAdmin,
    ArticleVersionAdmin,
    PersonAdmin,
    QuoteAdmin,
    SectionAdmin,
    TagAdmin,
)
from articles.admin.webhooks import WebhookDeliveryAdmin, WebhookSubscriberAdmin

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
