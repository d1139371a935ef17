import io
import itertools

import pytest
from PIL import Image

from media import imaging
from media.models import Photo, Rendition
from media.renditions import (
    UnknownRendition,
    declared_specs,
    photo_renditions_generate,
    spec_by_name,
)
from media.services import photo_ingest
from tests.factories import PhotoTextFactory
from tests.media import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingest(django_capture_on_commit_callbacks):
    """Ingest a file and let the rendition task run, as the worker would after commit."""

    def run(data, name="photo.jpg", **fields):
        fields.setdefault("credit_creator", "Jane Photographer")
        with django_capture_on_commit_callbacks(execute=True):
            photo = photo_ingest(file=files.upload(name, data), **fields)
        return Photo.objects.with_texts().get(pk=photo.pk)

    return run


def rendition_image(photo, spec):
    rendition = photo.renditions.get(spec=spec)
    with rendition.file.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return rendition, image


@pytest.mark.parametrize(
    ("size", "ratio"),
    list(itertools.product([(1600, 1067), (600, 900), (1000, 1000)], [(16, 9), (4, 3), (1, 1)])),
)
@pytest.mark.parametrize("focal", [(0, 0), (1, 1), (0.5, 0.5), (0.93, 0.07), (0.12, 0.8)])
def test_focal_point_lies_inside_every_crop(size, ratio, focal):
    left, top, right, bottom = imaging.crop_box(size, ratio, focal)
    assert 0 <= left < right <= size[0]
    assert 0 <= top < bottom <= size[1]
    assert left <= focal[0] * size[0] <= right
    assert top <= focal[1] * size[1] <= bottom
    assert abs((right - left) / (bottom - top) - ratio[0] / ratio[1]) < 0.01


def test_renditions_are_made_for_every_declared_spec_once(ingest, stored_files):
    photo = ingest(files.jpeg_bytes(files.detailed_picture(1800, 1200)))
    names = {rendition.spec for rendition in photo.renditions.all()}
    assert names == {spec.name for spec in declared_specs()}
    assert len(names) == 32
    full = photo.renditions.get(spec="full-1600-jpeg")
    assert (full.width, full.height, full.content_type) == (1600, 1067, "image/jpeg")
    square = photo.renditions.get(spec="1x1-800-webp")
    assert (square.width, square.height, square.content_type) == (533, 533, "image/webp")
    assert len(stored_files()) == 33  # the original and 32 renditions
    # Running again makes nothing: every rendition is fresh.
    assert photo_renditions_generate(photo=photo) == 0


def test_small_originals_are_never_enlarged(ingest):
    photo = ingest(files.jpeg_bytes(files.detailed_picture(300, 200)))
    sizes = {(r.spec, r.width, r.height) for r in photo.renditions.all()}
    assert ("full-400-jpeg", 300, 200) in sizes
    assert all(width <= 300 for _, width, _ in sizes)
    assert not photo.renditions.filter(spec__contains="-800-").exists()


def test_crops_follow_the_focal_point(ingest):
    picture = Image.new("RGB", (1600, 900), (250, 250, 250))
    picture.paste((200, 0, 0), (1500, 0, 1600, 900))  # a red strip at the right edge
    photo = ingest(files.jpeg_bytes(picture))
    _, centred = rendition_image(photo, "1x1-400-jpeg")
    assert centred.getpixel((centred.width - 2, centred.height // 2))[1] > 200  # no red
    photo.focal_point_x = 0.97
    photo.save()
    photo_renditions_generate(photo=photo)
    _, moved = rendition_image(photo, "1x1-400-jpeg")
    red, green, _ = moved.getpixel((moved.width - 2, moved.height // 2))
    assert red > 150
    assert green < 60


def test_focal_point_change_regenerates_renditions_with_new_urls(
    ingest, django_capture_on_commit_callbacks
):
    photo = ingest(files.jpeg_bytes(files.detailed_picture(900, 600)))
    before = {r.spec: r.file.name for r in photo.renditions.all()}
    with django_capture_on_commit_callbacks(execute=True):
        photo.focal_point_x = 0.1
        photo.save()
    after = {r.spec: r.file.name for r in Rendition.objects.filter(photo=photo)}
    crops = [spec for spec in before if not spec.startswith("full-")]
    assert all(before[spec] != after[spec] for spec in crops)
    assert not photo.renditions.first().file.storage.exists(before[crops[0]])


@pytest.mark.parametrize("spec", ["full-800-jpeg", "16x9-400-webp"])
def test_renditions_carry_the_credits_in_xmp_and_exif(ingest, spec):
    photo = ingest(
        files.jpeg_bytes(files.detailed_picture(900, 600)),
        credit_creator="Mark Schiefelbein",
        credit_pool=True,
        copyright_notice="(c) 2024 AFP",
        captions={"en": "Blinken in Doha", "es": "Blinken en Doha"},
    )
    _, image = rendition_image(photo, spec)
    xmp = image.getxmp()["xmpmeta"]["RDF"]["Description"]
    assert xmp["creator"]["Seq"]["li"] == "Mark Schiefelbein"
    assert xmp["Credit"] == "PHOTO/Mark Schiefelbein/POOL"
    captions = {item["lang"]: item["text"] for item in xmp["description"]["Alt"]["li"]}
    assert captions == {
        "x-default": "Blinken in Doha",
        "en": "Blinken in Doha",
        "es": "Blinken en Doha",
    }
    assert xmp["rights"]["Alt"]["li"]["text"] == "(c) 2024 AFP"
    exif = image.getexif()
    assert exif[0x013B] == "Mark Schiefelbein"  # Artist
    assert exif[0x8298] == "(c) 2024 AFP"  # Copyright
    assert exif[0x010E] == "Blinken in Doha"  # ImageDescription
    assert 0x0112 not in exif  # orientation already applied


def test_caption_change_is_written_into_the_renditions(ingest, django_capture_on_commit_callbacks):
    photo = ingest(files.jpeg_bytes(), captions={"en": "First caption"})
    with django_capture_on_commit_callbacks(execute=True):
        PhotoTextFactory(photo=photo, language="fr", caption="Légende")
    _, image = rendition_image(photo, "full-400-jpeg")
    captions = image.getxmp()["xmpmeta"]["RDF"]["Description"]["description"]["Alt"]["li"]
    assert {"lang": "fr", "text": "Légende"} in captions


def test_exif_orientation_is_applied_once(ingest):
    photo = ingest(files.oriented_jpeg())
    rendition, image = rendition_image(photo, "full-400-jpeg")
    assert (rendition.width, rendition.height) == (40, 60) == image.size
    red_top = image.getpixel((20, 5))
    blue_bottom = image.getpixel((20, 55))
    assert red_top[0] > 150
    assert red_top[2] < 90
    assert blue_bottom[2] > 150
    assert blue_bottom[0] < 90
    assert image.getexif().get(0x0112, 1) == 1


def test_cmyk_original_gives_rgb_renditions_and_stays_untouched(ingest):
    data = files.cmyk_jpeg()
    photo = ingest(data)
    _, image = rendition_image(photo, "full-400-jpeg")
    assert image.mode == "RGB"
    red, green, blue = image.getpixel((10, 10))
    assert red < 60
    assert green > 180
    assert blue > 180
    with photo.image.open("rb") as original:
        assert original.read() == data


def test_icc_profile_is_converted_to_srgb(ingest):
    # Tagged with a profile that swaps red and blue: "red" pixels are really blue.
    picture = Image.new("RGB", (64, 48), (255, 0, 0))
    photo = ingest(files.jpeg_bytes(picture, icc_profile=files.swapped_rgb_profile()))
    for spec in ("full-400-jpeg", "full-400-webp"):
        _, image = rendition_image(photo, spec)
        red, _, blue = image.convert("RGB").getpixel((10, 10))
        assert blue > 200, spec
        assert red < 60, spec
        assert "icc_profile" not in image.info  # sRGB, untagged


def test_png_with_transparency_is_flattened_for_jpeg_and_kept_for_webp(ingest):
    picture = Image.new("RGBA", (64, 48), (0, 0, 0, 0))
    picture.paste((0, 128, 0, 255), (0, 0, 32, 48))
    photo = ingest(files.encoded(picture, "PNG"), name="logo.png")
    _, jpeg = rendition_image(photo, "full-400-jpeg")
    assert jpeg.getpixel((50, 20))[0] > 240  # transparent became white
    _, webp = rendition_image(photo, "full-400-webp")
    assert webp.mode == "RGBA"
    assert webp.getpixel((50, 20))[3] == 0


def test_renditions_match_a_full_resolution_lanczos_resize():
    # PSNR >= 50 dB against the slow, exact way, draft mode and reducing_gap included.
    data = files.jpeg_bytes(files.detailed_picture(2600, 1700, seed=3))
    specs = imaging.build_specs([400, 800], {"full": None, "1x1": (1, 1)}, ["jpeg"])
    outputs = imaging.render(io.BytesIO(data), specs, focal_point=(0.3, 0.6), keep_pixels=True)
    for output in outputs:
        reference = imaging.reference_rendition(
            io.BytesIO(data), output.spec, focal_point=(0.3, 0.6)
        )
        assert imaging.psnr(reference, output.pixels) >= 50, output.spec.name


def test_draft_mode_is_used_only_with_room_for_a_3x_lanczos_step():
    data = files.jpeg_bytes(files.detailed_picture(2600, 1700))
    picture, size = imaging.decode(io.BytesIO(data), largest_width=400)
    assert size == (2600, 1700)
    assert picture.width == 1300  # 1/2 scale: 1300 >= 3 x 400
    picture, _ = imaging.decode(io.BytesIO(data), largest_width=1600)
    assert picture.width == 2600


def test_undeclared_renditions_cannot_be_requested(ingest):
    assert spec_by_name("16x9-800-webp").width == 800
    for name in ("16x9-5000-webp", "full-99999-jpeg", "../../etc-800-jpeg", "1x1-800-gif"):
        with pytest.raises(UnknownRendition):
            spec_by_name(name)
    photo = ingest(files.jpeg_bytes())
    with pytest.raises(UnknownRendition):
        photo_renditions_generate(photo=photo, specs=["full-4000-jpeg"], force=True)


def test_renditions_no_longer_declared_are_removed(
    ingest, settings, stored_files, django_capture_on_commit_callbacks
):
    photo = ingest(files.jpeg_bytes(files.detailed_picture(900, 600)))
    settings.NEWSROOM_RENDITIONS = {**settings.NEWSROOM_RENDITIONS, "formats": ["webp"]}
    with django_capture_on_commit_callbacks(execute=True):
        photo_renditions_generate(photo=photo)
    assert not photo.renditions.filter(content_type="image/jpeg").exists()
    assert not [
        name for name in stored_files() if name.startswith("renditions/") and name.endswith(".jpg")
    ]
