"""OpenAPI descriptions every API of the project shares: the error body, the common
parameters. Read by drf-spectacular; the schemathesis run checks responses match."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

ro = {"read_only": True}


class ErrorBodySerializer(serializers.Serializer):
    status = serializers.IntegerField(**ro)
    code = serializers.CharField(**ro)
    message = serializers.CharField(**ro)
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        **ro,
        help_text="For invalid input: messages per parameter or field.",
    )
    errors = serializers.ListField(child=serializers.CharField(), **ro)
    id = serializers.IntegerField(**ro, help_text="410: the withdrawn article.")
    withdrawn_at = serializers.DateTimeField(**ro, help_text="410: when it was withdrawn.")


class ErrorSerializer(serializers.Serializer):
    error = ErrorBodySerializer(**ro)


ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid or unknown parameter."),
    404: OpenApiResponse(ErrorSerializer, description="Nothing published matches."),
}
LANG = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    description="A content language: serve the article's translation in it, if published. "
    "Without it, Accept-Language is used.",
)
CURSOR = OpenApiParameter("cursor", OpenApiTypes.STR, description="From next/previous links.")
PAGE_SIZE = OpenApiParameter(
    "page_size", {"type": "integer", "minimum": 1, "maximum": 100}, description="Default 20."
)
PAGE = OpenApiParameter(
    "page",
    {"type": "integer", "minimum": 1, "maximum": 50},
    description="With q (relevance pages) only; without q, pages are cursors.",
)
