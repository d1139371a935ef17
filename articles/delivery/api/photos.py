"""Photos: the public read of photos in published articles, and (through media's mixin)
the upload, at one address."""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, parsers, viewsets

from articles.delivery.api.public import PublicReadMixin
from articles.models import ArticleVersion, VersionPhoto
from media.api.schema import PublishedPhotoSerializer
from media.api.serializers import PhotoUploadSerializer, PublicPhotoSerializer
from media.api.views import UPLOAD_SCHEMA, PhotoUploadMixin
from media.models import Photo
from newsroom.api.pagination import CursorPagination
from newsroom.api.permissions import PublicReadModelWrite
from newsroom.api.schema import ERRORS, LANG
from newsroom.languages import query_language


class PhotoCursorPagination(CursorPagination):
    ordering = ("-created_at", "-id")


@extend_schema_view(
    list=extend_schema(
        summary="Photos in published articles",
        auth=[],
        parameters=[LANG],
        responses={200: PublishedPhotoSerializer(many=True), 400: ERRORS[400]},
    ),
    retrieve=extend_schema(
        summary="One photo in a published article",
        auth=[],
        parameters=[LANG],
        responses={200: PublishedPhotoSerializer, **ERRORS},
    ),
    create=UPLOAD_SCHEMA,
)
class PhotoViewSet(
    PhotoUploadMixin,
    PublicReadMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Photos. Reading is public and shows only photos in articles readers can see now,
    in the public shape of ``media.public.photo_public_document`` (``?lang=`` picks the
    caption's language). Uploading (multipart) needs the ``media.add_photo`` permission.
    """

    serializer_class = PublicPhotoSerializer
    permission_classes = [PublicReadModelWrite]
    parser_classes = [parsers.MultiPartParser, parsers.FormParser]
    pagination_class = PhotoCursorPagination
    detail_query_params = frozenset({"lang"})
    extra_query_params = frozenset({"lang"})
    surrogate_key = "photos"

    def get_queryset(self):
        if self.action == "create":
            return Photo.objects.with_texts()
        public = ArticleVersion.objects.public().values("pk")
        in_public = VersionPhoto.objects.filter(photo_id=OuterRef("pk"), version__in=public)
        return (
            Photo.objects.with_texts()
            .filter(Exists(in_public))
            .exclude(rights_expire_at__lte=timezone.now())
        )

    def get_serializer_class(self):
        return PhotoUploadSerializer if self.action == "create" else PublicPhotoSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        language = query_language(self.request)
        context["language"] = language or settings.NEWSROOM_DEFAULT_LANGUAGE
        return context
