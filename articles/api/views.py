import orjson
from django.conf import settings
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from rest_framework import permissions, status, viewsets
from rest_framework.response import Response

from articles.api.filters import ArticleFilterSet
from articles.models import ArticleVersion
from articles.publishing import version_public_document
from newsroom.api.pagination import CursorPagination
from newsroom.api.views import StrictQueryParamsMixin


class ArticlePagination(CursorPagination):
    # first_published_at never changes for an article, so pages stay stable when
    # articles are republished or new ones arrive.
    ordering = ("-first_published_at", "-article_id")


class ArticleViewSet(StrictQueryParamsMixin, viewsets.ReadOnlyModelViewSet):
    """Published articles. Lists give teasers; a detail gives the whole article.

    Both read pre-rendered JSON from the live published version: one query each.
    """

    permission_classes = [permissions.AllowAny]
    filterset_class = ArticleFilterSet
    pagination_class = ArticlePagination
    lookup_field = "lookup"
    lookup_value_regex = "[^/]+"
    extra_query_params = frozenset({"lang"})

    def get_queryset(self):
        return ArticleVersion.objects.public()

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset()).only(
            "article_id", "first_published_at", "teaser"
        )
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response([orjson.Fragment(v.teaser) for v in page])

    def retrieve(self, request, *args, **kwargs):
        version = self.get_object()
        if version.withdrawn_at is not None:
            return Response(withdrawn_body(version), status=status.HTTP_410_GONE)
        return Response(orjson.Fragment(version_public_document(version)))

    def get_object(self):
        """Find by article id (digits) or by slug; a slug used in several languages
        resolves to ``?lang=``, then the newsroom's default language."""
        lookup = self.kwargs["lookup"]
        queryset = ArticleVersion.objects.visible().only(
            "document",
            "rendering_valid_until",
            "language",
            "article_id",
            "withdrawn_at",
            "withdrawal_notice",
        )
        if lookup.isdigit():
            queryset = queryset.filter(article_id=int(lookup))
        else:
            preferred = self.request.query_params.get("lang") or settings.NEWSROOM_DEFAULT_LANGUAGE
            queryset = queryset.filter(slug=lookup).order_by(
                Case(
                    When(language=preferred, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                ),
                "article_id",
            )
        version = queryset.first()
        if version is None:
            raise Http404("No published article matches.")
        return version


def withdrawn_body(version):
    return {
        "error": {
            "status": 410,
            "code": "withdrawn",
            "message": version.withdrawal_notice or "This article has been withdrawn.",
            "id": version.article_id,
            "withdrawn_at": version.withdrawn_at,
        }
    }
