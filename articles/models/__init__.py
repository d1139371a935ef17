from articles.models.articles import Article, ArticleQuerySet, ArticleStatus, Byline
from articles.models.blocks import Block, BlockKind
from articles.models.entities import Person, Tag, TagKind
from articles.models.quotes import Quote
from articles.models.sections import Section
from articles.models.state import PublicationState, publication_changed
from articles.models.versions import ArticleVersion, PublishedQuote, VersionPhoto

__all__ = [
    "Article",
    "ArticleQuerySet",
    "ArticleStatus",
    "ArticleVersion",
    "Block",
    "BlockKind",
    "Byline",
    "Person",
    "PublicationState",
    "PublishedQuote",
    "Quote",
    "Section",
    "Tag",
    "TagKind",
    "VersionPhoto",
    "publication_changed",
]
