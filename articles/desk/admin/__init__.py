"""The editorial desk in the Django admin. Every action calls the services in
``articles.desk.workflow``, ``articles.desk.editing`` and ``articles.desk.history``; the
rules of who may do what live in ``articles.desk.permissions``."""

from articles.desk.admin.articles import ArticleAdmin
from articles.desk.admin.entities import (
    ArticleTransitionAdmin,
    ArticleVersionAdmin,
    PersonAdmin,
    QuoteAdmin,
    SectionAdmin,
    TagAdmin,
)

__all__ = [
    "ArticleAdmin",
    "ArticleTransitionAdmin",
    "ArticleVersionAdmin",
    "PersonAdmin",
    "QuoteAdmin",
    "SectionAdmin",
    "TagAdmin",
]
