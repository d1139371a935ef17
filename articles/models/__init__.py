from articles.models.articles import Article, ArticleQuerySet, ArticleStatus, Byline
from articles.models.blocks import Block, BlockKind
from articles.models.entities import Person, Tag, TagKind
from articles.models.quotes import Quote
from articles.models.sections import Section
from articles.models.versions import ArticleVersion, VersionPhoto

__all__ = [
    "Article",
    "ArticleQuerySet",
    "ArticleStatus",
    "ArticleVersion",
    "Block",
    "BlockKind",
    "Byline",
    "Person",
    "Quote",
    "Section",
    "Tag",
    "TagKind",
    "VersionPhoto",
]
