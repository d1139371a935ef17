"""Build small images in memory for tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(width=64, height=48, color=(200, 30, 30), image_format="JPEG", **options):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, image_format, **options)
    return buffer.getvalue()


def uploaded_image(name="photo.jpg", **kwargs):
    content_type = "image/png" if name.endswith(".png") else "image/jpeg"
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type=content_type)
