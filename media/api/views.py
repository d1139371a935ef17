from django.utils.translation import gettext as _
from rest_framework import mixins, parsers, permissions, status, viewsets
from rest_framework.response import Response

from media.api.serializers import PhotoSerializer, PhotoUploadSerializer
from media.models import Photo
from media.services import DuplicatePhoto


class PhotoViewSet(mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Upload photos (multipart). Needs the ``media.add_photo`` permission.

    201 with the photo; 400 naming the field and the reason; 409 when the same file is
    already in the library, with that photo in ``error.photo`` (nothing is created).
    Reading photos is the public API's business, not this endpoint's.
    """

    queryset = Photo.objects.with_texts()
    serializer_class = PhotoUploadSerializer
    # Model permissions: POST needs media.add_photo; anonymous users get nothing.
    permission_classes = [permissions.DjangoModelPermissions]
    parser_classes = [parsers.MultiPartParser, parsers.FormParser]

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
