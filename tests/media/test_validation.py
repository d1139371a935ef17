"""Every refusal reason, with the file built here: each leaves no file and no row."""

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from media.models import Photo, PhotoText
from media.services import photo_ingest
from tests.media import files

pytestmark = pytest.mark.django_db


def refusal(upload, **fields):
    fields.setdefault("credit_creator", "Jane Photographer")
    with pytest.raises(ValidationError) as caught:
        photo_ingest(file=upload, **fields)
    return caught.value


def assert_refused(upload, code, stored_files, **fields):
    error = refusal(upload, **fields)
    codes = [e.code for e in error.error_dict["image"]]
    assert codes == [code], error.message_dict
    assert not Photo.objects.exists()
    assert not PhotoText.objects.exists()
    assert stored_files() == []
    return error.message_dict["image"][0]


def test_html_renamed_jpg_is_refused_as_markup(stored_files):
    message = assert_refused(files.upload("photo.jpg", files.HTML), "markup", stored_files)
    assert "not a photo" in message


def test_svg_renamed_jpg_is_refused_as_markup(stored_files):
    assert_refused(files.upload("photo.jpg", files.SVG), "markup", stored_files)


def test_polyglot_jpeg_with_html_inside_is_refused(stored_files):
    upload = files.upload("photo.jpg", files.polyglot_jpeg())
    # It really is a decodable JPEG: only the markup gives it away.
    Image.open(upload).load()
    message = assert_refused(upload, "polyglot", stored_files)
    assert "polyglot" in message


def test_jpeg_with_data_after_its_end_is_refused(stored_files):
    data = files.jpeg_bytes() + b"PK\x03\x04" + b"\x01" * 5000  # a zip riding along
    assert_refused(files.upload("photo.jpg", data), "trailing_data", stored_files)


def test_jpeg_with_html_appended_is_refused(stored_files):
    upload = files.upload("photo.jpg", files.jpeg_with_appended_html())
    assert_refused(upload, "polyglot", stored_files)


def test_truncated_jpeg_is_refused(stored_files):
    message = assert_refused(
        files.upload("photo.jpg", files.truncated_jpeg()), "truncated", stored_files
    )
    assert "truncated" in message


def test_decompression_bomb_is_refused_before_decoding(stored_files):
    # 144 megapixels declared in 17 kB: over the default limit of 60.
    upload = files.upload("bomb.png", files.png_declaring(12_000, 12_000), "image/png")
    assert upload.size < 50_000
    message = assert_refused(upload, "decompression_bomb", stored_files)
    assert "60 megapixels" in message


def test_pixel_limit_is_configurable(settings, stored_files):
    settings.NEWSROOM_PHOTO_MAX_PIXELS = 50_000
    upload = files.upload("photo.png", files.png_bytes(files.detailed_picture(300, 200)))
    assert_refused(upload, "decompression_bomb", stored_files)


@pytest.mark.parametrize("size", [(4000, 20), (20, 4000), (5, 300)])
def test_absurd_dimensions_are_refused(size, stored_files):
    picture = Image.new("RGB", size, (10, 200, 30))
    upload = files.upload("odd.png", files.encoded(picture, "PNG"), "image/png")
    message = assert_refused(upload, "absurd_dimensions", stored_files)
    assert "absurd dimensions" in message


def test_side_longer_than_the_limit_is_refused(settings, stored_files):
    settings.NEWSROOM_PHOTO_MAX_SIDE = 200
    upload = files.upload("wide.png", files.png_bytes(files.detailed_picture(300, 200)))
    assert_refused(upload, "absurd_dimensions", stored_files)


def test_oversize_file_is_refused(settings, stored_files):
    settings.NEWSROOM_PHOTO_MAX_BYTES = 10_000
    data = files.jpeg_bytes(files.detailed_picture(400, 300))
    assert len(data) > 10_000
    message = assert_refused(files.upload("big.jpg", data), "too_large", stored_files)
    assert "largest accepted" in message


def test_empty_file_is_refused(stored_files):
    assert_refused(files.upload("empty.jpg", b""), "empty", stored_files)


@pytest.mark.parametrize(
    ("image_format", "name"),
    [("GIF", "anim.gif"), ("BMP", "photo.bmp"), ("TIFF", "scan.tif")],
)
def test_unsupported_formats_are_refused(image_format, name, stored_files):
    data = files.encoded(files.detailed_picture(), image_format)
    message = assert_refused(files.upload(name, data), "unsupported_format", stored_files)
    assert "Upload a JPEG, PNG or WebP" in message


def test_unsupported_format_renamed_jpg_is_still_refused(stored_files):
    data = files.encoded(files.detailed_picture(), "GIF")
    assert_refused(files.upload("photo.jpg", data), "unsupported_format", stored_files)


def test_png_named_jpg_is_refused_as_wrong_type(stored_files):
    upload = files.upload("photo.jpg", files.png_bytes())
    message = assert_refused(upload, "wrong_extension", stored_files)
    assert "PNG image but its name ends in .jpg" in message


def test_random_bytes_are_not_an_image(stored_files):
    assert_refused(files.upload("photo.jpg", bytes(range(256)) * 8), "not_an_image", stored_files)


def test_animated_webp_is_refused(stored_files):
    frames = [files.detailed_picture(seed=seed) for seed in (1, 2)]
    buffer = files.encoded(frames[0], "WEBP", save_all=True, append_images=frames[1:])
    upload = files.upload("anim.webp", buffer, "image/webp")
    assert_refused(upload, "animated", stored_files)


def test_photo_without_any_credit_is_refused_with_a_field_message(stored_files):
    error = refusal(files.upload("photo.jpg", files.jpeg_bytes()), credit_creator="")
    assert "Every photo needs a credit" in error.message_dict["credit"][0]
    assert not Photo.objects.exists()
    assert stored_files() == []


@pytest.mark.parametrize(
    ("image_format", "name"), [("JPEG", "photo.jpg"), ("PNG", "photo.png"), ("WEBP", "p.webp")]
)
def test_accepted_formats_are_stored_under_their_checksum(image_format, name, stored_files):
    data = files.encoded(files.detailed_picture(), image_format)
    photo = photo_ingest(file=files.upload(name, data), credit_creator="Jane Photographer")
    assert photo.image.name.endswith(f"{photo.checksum[:20]}.{name.rsplit('.', 1)[1]}")
    assert stored_files() == [photo.image.name]
