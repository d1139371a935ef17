"""Descriptions of the pre-rendered article JSON, for the OpenAPI schema.

Article responses are stored JSON, not serializer output; these serializers only
document their shape (drf-spectacular reads them), and the schemathesis run checks
that real responses match.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from articles.delivery.api.shaping import DOCUMENT_FIELDS, EXPANSIONS
from media.api.schema import PublishedPhotoSerializer, TeaserPhotoSerializer
from newsroom.api.schema import ErrorSerializer

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
LOOKUP = OpenApiParameter(
    "lookup", OpenApiTypes.STR, OpenApiParameter.PATH, description="An article id or slug."
)
