from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from media.api.schema import CreditSerializer, FocalPointSerializer, RenditionSerializer
from media.models import Agency, Photo
from media.public import photo_public_document
from media.renditions import renditions_document
from media.services import photo_ingest
from newsroom.api.fields import SlugRelatedField
from newsroom.languages import validate_content_language


class PhotoUploadSerializer(serializers.Serializer):
    """An upload: the file, and whatever the uploader wants to say that the file's own
    metadata does not (or says wrongly). Blank fields are filled from the metadata."""

    image = serializers.FileField(help_text=_("A JPEG, PNG or WebP file."))
    language = serializers.CharField(
        required=False, help_text=_("Language of the caption and alt text given here.")
    )
    caption = serializers.CharField(required=False, allow_blank=True)
    alt_text = serializers.CharField(required=False, allow_blank=True, max_length=500)
    title = serializers.CharField(required=False, allow_blank=True, max_length=200)
    is_decorative = serializers.BooleanField(required=False)
    credit_creator = serializers.CharField(required=False, allow_blank=True, max_length=200)
    credit_agency = SlugRelatedField(
        slug_field="slug", queryset=Agency.objects.all(), required=False, allow_null=True
    )
    credit_pool = serializers.BooleanField(required=False)
    credit_platform = serializers.CharField(required=False, allow_blank=True, max_length=50)
    credit_handle = serializers.CharField(required=False, allow_blank=True, max_length=100)
    copyright_notice = serializers.CharField(required=False, allow_blank=True, max_length=300)
    usage_terms = serializers.CharField(required=False, allow_blank=True)
    rights_expire_at = serializers.DateTimeField(required=False, allow_null=True)
    taken_on = serializers.DateField(required=False, allow_null=True)
    taken_place = serializers.CharField(required=False, allow_blank=True, max_length=200)
    focal_point_x = serializers.FloatField(required=False, min_value=0, max_value=1)
    focal_point_y = serializers.FloatField(required=False, min_value=0, max_value=1)

    def validate_language(self, value):
        return validate_content_language(value)

    def create(self, validated_data):
        data = dict(validated_data)
        image = data.pop("image")
        language = data.pop("language", None) or settings.NEWSROOM_DEFAULT_LANGUAGE
        caption = data.pop("caption", "")
        alt_text = data.pop("alt_text", "")
        return photo_ingest(
            file=image,
            language=language,
            captions={language: caption} if caption else None,
            alt_texts={language: alt_text} if alt_text else None,
            **data,
        )


class PhotoSerializer(serializers.ModelSerializer):
    """A photo as its uploader sees it: the editorial fields, what was read from the
    file, and the renditions made so far (they follow shortly after an upload)."""

    url = serializers.SerializerMethodField()
    credit_line = serializers.CharField(read_only=True)
    credit = serializers.SerializerMethodField()
    texts = serializers.SerializerMethodField()
    focal_point = serializers.SerializerMethodField()
    renditions = serializers.SerializerMethodField()

    class Meta:
        model = Photo
        fields = [
            "id",
            "url",
            "width",
            "height",
            "file_size",
            "checksum",
            "title",
            "is_decorative",
            "credit_line",
            "credit",
            "texts",
            "copyright_notice",
            "usage_terms",
            "rights_expire_at",
            "taken_on",
            "taken_place",
            "keywords",
            "focal_point",
            "renditions",
            "created_at",
        ]
        read_only_fields = fields

    def get_url(self, photo) -> str:
        return photo.image.url

    @extend_schema_field(CreditSerializer)
    def get_credit(self, photo):
        return photo.credit.as_dict()

    def get_texts(self, photo) -> dict[str, dict[str, str]]:
        return {
            text.language: {"caption": text.caption, "alt_text": text.alt_text}
            for text in photo.texts.all()
        }

    @extend_schema_field(FocalPointSerializer)
    def get_focal_point(self, photo):
        return {"x": photo.focal_point_x, "y": photo.focal_point_y}

    @extend_schema_field(RenditionSerializer(many=True))
    def get_renditions(self, photo):
        return renditions_document(photo)


class PublicPhotoSerializer(serializers.BaseSerializer):
    """A photo as readers get it: ``media.public.photo_public_document``."""

    def to_representation(self, photo):
        return photo_public_document(photo, self.context["language"])
