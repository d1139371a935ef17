from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, parsers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from articles.delivery.api.public import PublicReadMixin
from articles.delivery.api.schema import ERRORS, LANG, ErrorSerializer
from articles.delivery.api.schema import PublishedPhotoSerializer as PhotoDocumentSerializer
from articles.models import VersionPhoto
from media.api.serializers import PhotoSerializer, PhotoUploadSerializer, PublicPhotoSerializer
from media.models import Photo
from media.services import DuplicatePhoto
from newsroom.api.pagination import CursorPagination
from newsroom.api.permissions import PublicReadModelWrite


class PhotoCursorPagination(CursorPagination):
    ordering = ("-created_at", "-id")


@extend_schema_view(
    list=extend_schema(
        summary="Photos in published articles",
        auth=[],
        parameters=[LANG],
        responses={200: PhotoDocumentSerializer(many=True), 400: ERRORS[400]},
    ),
    retrieve=extend_schema(
        summary="One photo in a published article",
        auth=[],
        parameters=[LANG],
        responses={200: PhotoDocumentSerializer, **ERRORS},
    ),
    create=extend_schema(
        summary="Upload a photo (multipart; needs media.add_photo)",
        request=PhotoUploadSerializer,
        responses={
            201: PhotoSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Refused, naming the reason."),
            401: OpenApiResponse(ErrorSerializer, description="Not logged in."),
            403: OpenApiResponse(ErrorSerializer, description="Not allowed to add photos."),
            409: OpenApiResponse(ErrorSerializer, description="Already in the library."),
        },
    ),
)
class PhotoViewSet(
    PublicReadMixin,
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Photos. Reading is public and shows only photos in articles readers can see now,
    in the public shape of ``media.public.photo_public_document`` (``?lang=`` picks the
    caption's language). Uploading (multipart) needs the ``media.add_photo`` permission.

    Upload answers: 201 with the photo; 400 naming the field and the reason; 409 when
    the same file is already in the library, with that photo in ``error.photo``.
    """

    serializer_class = PhotoUploadSerializer
    permission_classes = [PublicReadModelWrite]
    parser_classes = [parsers.MultiPartParser, parsers.FormParser]
    pagination_class = PhotoCursorPagination
    detail_query_params = frozenset({"lang"})
    extra_query_params = frozenset({"lang"})
    surrogate_key = "photos"

    def get_queryset(self):
        if self.action in {"list", "retrieve"}:
            from articles.models import ArticleVersion

            public = ArticleVersion.objects.public().values("pk")
            in_public = VersionPhoto.objects.filter(photo_id=OuterRef("pk"), version__in=public)
            return (
                Photo.objects.with_texts()
                .filter(Exists(in_public))
                .exclude(rights_expire_at__lte=timezone.now())
            )
        return Photo.objects.with_texts()

    def get_serializer_class(self):
        if self.action in {"list", "retrieve"}:
            return PublicPhotoSerializer
        return PhotoUploadSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        language = self.request.query_params.get("lang")
        if language is not None and language not in settings.NEWSROOM_LANGUAGES:
            raise ValidationError({"lang": [_("Not a content language here.")]})
        context["language"] = language or settings.NEWSROOM_DEFAULT_LANGUAGE
        return context

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            photo = serializer.save(uploaded_by=request.user)
        except DuplicatePhoto as duplicate:
            return Response(self.duplicate_body(duplicate.photo), status=status.HTTP_409_CONFLICT)
        photo = self.get_queryset().get(pk=photo.pk)
        return Response(PhotoSerializer(photo).data, status=status.HTTP_201_CREATED)

    def duplicate_body(self, photo):
        photo = self.get_queryset().get(pk=photo.pk)
        return {
            "error": {
                "status": 409,
                "code": "duplicate",
                "message": _("This file is already in the library as photo %(id)s.")
                % {"id": photo.pk},
                "photo": PhotoSerializer(photo).data,
            }
        }
