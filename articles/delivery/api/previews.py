"""A draft read through a preview link: the desk makes the link
(``articles.publishing.previews``), a front-end holding it reads here, without a login."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from articles.delivery.api.schema import ArticleSerializer
from articles.publishing.previews import PreviewUnavailable, preview_document
from newsroom.api.schema import ErrorSerializer
from newsroom.api.views import StrictQueryParamsMixin


class PreviewView(StrictQueryParamsMixin, viewsets.ViewSet):
    """A draft as it would be published, for whoever holds a valid preview link."""

    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    @extend_schema(
        summary="A draft, through a preview link",
        auth=[],
        responses={
            200: ArticleSerializer,
            404: OpenApiResponse(ErrorSerializer, description="Invalid or expired link."),
        },
        tags=["desk"],
    )
    def retrieve(self, request, token):
        try:
            document = preview_document(token)
        except PreviewUnavailable as refusal:
            raise NotFound(str(refusal)) from None
        response = Response(document)
        # A preview is for one front-end, never for shared caches or search engines.
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response
