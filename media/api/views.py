"""The photo upload API, as a mixin: the project's photos endpoint
(``articles.delivery.api.photos``) adds it to the public photo read, so one address
reads published photos and takes uploads."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response

from media.api.serializers import PhotoSerializer, PhotoUploadSerializer
from media.models import Photo
from media.services import DuplicatePhoto
from newsroom.api.schema import ErrorSerializer

UPLOAD_SCHEMA = extend_schema(
    summary="Upload a photo (multipart; needs media.add_photo)",
    request=PhotoUploadSerializer,
    responses={
        201: PhotoSerializer,
        400: OpenApiResponse(ErrorSerializer, description="Refused, naming the reason."),
        401: OpenApiResponse(ErrorSerializer, description="Not logged in."),
        403: OpenApiResponse(ErrorSerializer, description="Not allowed to add photos."),
        409: OpenApiResponse(ErrorSerializer, description="Already in the library."),
    },
)


class PhotoUploadMixin:
    """``create``: a multipart upload through ``media.services.photo_ingest``.

    Answers 201 with the photo; 400 naming the field and the reason; 409 when the same
    file is already in the library, with that photo in ``error.photo``. The view's
    permission classes decide who may upload (``media.add_photo``).
    """

    def create(self, request, *args, **kwargs):
        serializer = PhotoUploadSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        try:
            photo = serializer.save(uploaded_by=request.user)
        except DuplicatePhoto as duplicate:
            return Response(self.duplicate_body(duplicate.photo), status=status.HTTP_409_CONFLICT)
        photo = Photo.objects.with_texts().get(pk=photo.pk)
        return Response(PhotoSerializer(photo).data, status=status.HTTP_201_CREATED)

    def duplicate_body(self, photo):
        photo = Photo.objects.with_texts().get(pk=photo.pk)
        return {
            "error": {
                "status": 409,
                "code": "duplicate",
                "message": _("This file is already in the library as photo %(id)s.")
                % {"id": photo.pk},
                "photo": PhotoSerializer(photo).data,
            }
        }
