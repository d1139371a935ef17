"""Descriptions of the public photo JSON (``media.public``), for the OpenAPI schema.

Photo documents are built by ``media.public`` and stored inside published articles;
these serializers only document their shape (drf-spectacular reads them).
"""

from rest_framework import serializers

ro = {"read_only": True}


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
