"""Descriptions of the pre-rendered article JSON, for the OpenAPI schema.

Article responses are stored JSON, not serializer output; these serializers only
document their shape (drf-spectacular reads them), and the schemathesis run checks
that real responses match.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from articles.delivery.api.shaping import DOCUMENT_FIELDS, EXPANSIONS

ro = {"read_only": True}


class BreadcrumbSerializer(serializers.Serializer):
    name = serializers.CharField(**ro)
    slug = serializers.CharField(**ro)
    path = serializers.CharField(**ro)


class SectionRefSerializer(BreadcrumbSerializer):
    id = serializers.IntegerField(**ro)
    breadcrumbs = BreadcrumbSerializer(many=True, **ro)
    description = serializers.CharField(**ro, help_text="With ?expand=section.")


class BylineSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["person", "agency"], **ro)
    name = serializers.CharField(**ro)
    slug = serializers.CharField(**ro)


class CreditSerializer(serializers.Serializer):
    creator = serializers.CharField(**ro)
    agency = serializers.CharField(**ro)
    pool = serializers.BooleanField(**ro)
    platform = serializers.CharField(**ro)
    handle = serializers.CharField(**ro)


class FocalPointSerializer(serializers.Serializer):
    x = serializers.FloatField(**ro, help_text="0 (left) to 1 (right).")
    y = serializers.FloatField(**ro, help_text="0 (top) to 1 (bottom).")


class RenditionSerializer(serializers.Serializer):
    name = serializers.CharField(**ro, help_text="The declared spec, e.g. 16x9-800-webp.")
    crop = serializers.CharField(**ro, help_text="full, 16x9, 4x3 or 1x1.")
    url = serializers.CharField(**ro)
    content_type = serializers.CharField(**ro)
    width = serializers.IntegerField(**ro)
    height = serializers.IntegerField(**ro)
    size = serializers.IntegerField(**ro, help_text="Bytes.")


class PublishedPhotoSerializer(serializers.Serializer):
    id = serializers.IntegerField(**ro)
    url = serializers.CharField(**ro)
    width = serializers.IntegerField(**ro)
    height = serializers.IntegerField(**ro)
    caption = serializers.CharField(**ro, help_text="In the article's language, or another.")
    caption_language = serializers.CharField(**ro, allow_null=True)
    alt_text = serializers.CharField(**ro, help_text="Empty for decorative photos.")
    is_decorative = serializers.BooleanField(**ro)
    credit_line = serializers.CharField(**ro, help_text="In the house style: PHOTO/Name/POOL/AFP.")
    credit = CreditSerializer(**ro)
    copyright_notice = serializers.CharField(**ro)
    usage_terms = serializers.CharField(**ro)
    taken_on = serializers.DateField(**ro, allow_null=True)
    taken_place = serializers.CharField(**ro)
    focal_point = FocalPointSerializer(**ro)
    renditions = RenditionSerializer(many=True, **ro, help_text="srcset-ready.")


class TeaserPhotoSerializer(serializers.Serializer):
    id = serializers.IntegerField(**ro)
    url = serializers.CharField(**ro)
    width = serializers.IntegerField(**ro)
    height = serializers.IntegerField(**ro)
    alt_text = serializers.CharField(**ro)
    caption = serializers.CharField(**ro)
    credit_line = serializers.CharField(**ro)
    focal_point = FocalPointSerializer(**ro)
    renditions = RenditionSerializer(many=True, **ro, help_text="Up to 800 px wide.")


class PersonRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(**ro)
    name = serializers.CharField(**ro)
    slug = serializers.CharField(**ro)
    description = serializers.CharField(**ro)
    wikidata_id = serializers.CharField(**ro, help_text="With ?expand=people.")


class ArticleRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(**ro)
    language = serializers.CharField(**ro)
    slug = serializers.CharField(**ro)
    headline = serializers.CharField(**ro)
    api_url = serializers.CharField(**ro)
    web_url = serializers.CharField(**ro)
    published_at = serializers.DateTimeField(**ro, allow_null=True)


class QuoteSerializer(serializers.Serializer):
    id = serializers.IntegerField(**ro)
    text = serializers.CharField(**ro)
    language = serializers.CharField(**ro)
    speaker = PersonRefSerializer(**ro, allow_null=True)
    speaker_role = serializers.CharField(**ro, help_text="The role they held when they said it.")
    said_on = serializers.DateField(**ro, allow_null=True)
    said_where = serializers.CharField(**ro)
    block = serializers.IntegerField(
        **ro, allow_null=True, help_text="Index of the body block the words stand in."
    )
    offset = serializers.IntegerField(
        **ro, allow_null=True, help_text="Where the words begin in that block's text."
    )


class PublishedQuoteSerializer(QuoteSerializer):
    article = ArticleRefSerializer(**ro)


class BlockSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=["paragraph", "heading", "photo", "quote", "list", "embed"], **ro
    )
    html = serializers.CharField(**ro, help_text="paragraph: sanitised inline HTML.")
    text = serializers.CharField(**ro, help_text="heading: plain text.")
    anchor = serializers.CharField(**ro, help_text="heading: link target.")
    level = serializers.IntegerField(**ro, help_text="heading: 2 to 4.")
    photo = PublishedPhotoSerializer(**ro, allow_null=True)
    quote = QuoteSerializer(**ro, allow_null=True)
    items = serializers.ListField(child=serializers.CharField(), **ro)
    url = serializers.CharField(**ro, help_text="embed: the embedded address.")
    caption = serializers.CharField(**ro, help_text="embed: a caption.")


class TocEntrySerializer(serializers.Serializer):
    text = serializers.CharField(**ro)
    anchor = serializers.CharField(**ro)
    level = serializers.IntegerField(**ro)


class TagRefSerializer(serializers.Serializer):
    name = serializers.CharField(**ro)
    slug = serializers.CharField(**ro)
    kind = serializers.CharField(**ro)


class TranslationLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField(**ro)
    language = serializers.CharField(**ro)
    slug = serializers.CharField(**ro)
    api_url = serializers.CharField(**ro)


class ArticleTeaserSerializer(serializers.Serializer):
    id = serializers.IntegerField(**ro, help_text="The article's id: stable across versions.")
    version = serializers.IntegerField(**ro, help_text="The published version's number.")
    api_url = serializers.CharField(**ro)
    web_url = serializers.CharField(**ro, help_text="The article on the readers' site.")
    language = serializers.CharField(**ro)
    slug = serializers.CharField(**ro)
    kicker = serializers.CharField(**ro)
    headline = serializers.CharField(**ro)
    dek = serializers.CharField(**ro)
    section = SectionRefSerializer(**ro, allow_null=True)
    bylines = BylineSerializer(many=True, **ro)
    source = serializers.CharField(**ro)
    dateline = serializers.CharField(**ro)
    published_at = serializers.DateTimeField(**ro, allow_null=True, help_text="First publication.")
    updated_at = serializers.DateTimeField(**ro, allow_null=True, help_text="This version.")
    lead_photo = TeaserPhotoSerializer(**ro, allow_null=True)


class ArticleSerializer(ArticleTeaserSerializer):
    lead_photo = PublishedPhotoSerializer(**ro, allow_null=True)
    body = BlockSerializer(many=True, **ro)
    table_of_contents = TocEntrySerializer(many=True, **ro)
    quotes = QuoteSerializer(many=True, **ro)
    people = PersonRefSerializer(many=True, **ro)
    tags = TagRefSerializer(many=True, **ro)
    translations = TranslationLinkSerializer(
        many=True, **ro, help_text="Links; whole teasers with ?expand=translations."
    )


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
GONE = {410: OpenApiResponse(ErrorSerializer, description="Withdrawn, with its public notice.")}

FIELDS = OpenApiParameter(
    "fields",
    OpenApiTypes.STR,
    description=f"Comma-separated fields to return, from: {', '.join(sorted(DOCUMENT_FIELDS))}.",
)
EXPAND = OpenApiParameter(
    "expand",
    OpenApiTypes.STR,
    description=f"Comma-separated relations to expand, from: {', '.join(sorted(EXPANSIONS))}.",
)
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
LOOKUP = OpenApiParameter(
    "lookup", OpenApiTypes.STR, OpenApiParameter.PATH, description="An article id or slug."
)
