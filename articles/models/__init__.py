from articles.models.articles import Article, ArticleQuerySet, ArticleStatus, Byline
from articles.models.blocks import Block, BlockKind
from articles.models.entities import Person, Tag, TagKind
from articles.models.quotes import Quote
from articles.models.sections import Section
from articles.models.state import PublicationState, publication_changed
from articles.models.versions import ArticleVersion, PublishedQuote, VersionPhoto, Visibility
from articles.models.webhooks import DeliveryStatus, WebhookDelivery, WebhookSubscriber
from articles.models.workflow import (
    ArticleTransition,
    Correction,
    CorrectionKind,
    TransitionAction,
)

__all__ = [
    "Article",
    "ArticleQuerySet",
    "ArticleStatus",
    "ArticleTransition",
    "ArticleVersion",
    "Block",
    "BlockKind",
    "Byline",
    "Correction",
    "CorrectionKind",
    "DeliveryStatus",
    "Person",
    "PublicationState",
    "PublishedQuote",
    "Quote",
    "Section",
    "Tag",
    "TagKind",
    "TransitionAction",
    "VersionPhoto",
    "Visibility",
    "WebhookDelivery",
    "WebhookSubscriber",
    "publication_changed",
]
