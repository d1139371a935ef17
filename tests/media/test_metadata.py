"""Metadata import, proved on the real reference files (../shared/standards/photo-metadata)."""

import datetime

import pytest
from PIL import Image

from media.metadata import decode_iim, read_metadata
from media.services import photo_ingest
from tests.media import files

pytestmark = pytest.mark.django_db

REFERENCE_NAMES = [
    "IPTC-PhotometadataRef-Std2021.1.jpg",
    "exiftool-IPTC.jpg",
    "exiftool-XMP.jpg",
    "SOURCE.txt",
]


@pytest.mark.parametrize("name", REFERENCE_NAMES)
def test_vendored_reference_files_are_the_shared_ones(name):
    shared = files.SHARED_REFERENCE_DIR / name
    if not shared.is_file():
        pytest.skip("the shared standards folder is not beside the repo")
    assert (files.REFERENCE_DIR / name).read_bytes() == shared.read_bytes()


def test_iptc_reference_image_fills_every_field_it_carries():
    photo = photo_ingest(file=files.reference_file("IPTC-PhotometadataRef-Std2021.1.jpg"))
    texts = {text.language: text for text in photo.texts.all()}
    assert set(texts) == {"en"}
    assert texts["en"].caption == "The description aka caption (ref2021.1)"
    # Alt text from the accessibility field, never from the caption.
    assert texts["en"].alt_text == (
        "This is the Alt Text description to support accessibility in 2021.1"
    )
    assert photo.title == "The Title (ref2021.1)"
    assert photo.credit_creator == "Creator1 (ref2021.1)"
    assert photo.credit_agency.name == "Credit Line (ref2021.1)"
    assert photo.credit_line == "PHOTO/Creator1 (ref2021.1)/Credit Line (ref2021.1)"
    assert photo.copyright_notice == ("Copyright (Notice) 2021.1 IPTC - www.iptc.org  (ref2021.1)")
    assert photo.usage_terms == "Rights Usage Terms (ref2021.1)"
    assert photo.taken_on == datetime.date(2021, 10, 20)
    assert photo.taken_place == (
        "Sublocation (Core) (ref2021.1), City (Core) (ref2021.1), "
        "Province/State(Core)(ref2021.1), Country (Core) (ref2021.1)"
    )
    assert photo.keywords == ["Keyword1ref2021.1", "Keyword2ref2021.1", "Keyword3ref2021.1"]
    # Every value the file carries is kept raw, all three kinds of metadata.
    assert photo.metadata["iim"]["Headline"] == ["The Headline (ref2021.1)"]
    assert photo.metadata["iim"]["Writer-Editor"] == ["Description Writer (ref2021.1)"]
    assert "WebStatementOfRights/2021.1" in photo.metadata["xmp"]
    assert photo.metadata["exif"]["Artist"] == "Creator1 (ref2021.1)"
    assert (photo.width, photo.height) == (2000, 1000)


def test_exiftool_iptc_file_is_read_from_iim_alone():
    upload = files.reference_file("exiftool-IPTC.jpg")
    image = Image.open(upload)
    assert not image.info.get("xmp")
    assert not image.getexif()
    photo = photo_ingest(file=upload)
    assert photo.texts.get().caption == "A witty caption"
    assert photo.texts.get().alt_text == ""
    assert photo.credit_creator == "Phil Harvey"
    assert photo.credit_agency.name == "My Credit"
    assert photo.copyright_notice == "Copyright 2004 Phil Harvey"
    assert photo.title == "Test IPTC picture"
    assert photo.taken_on == datetime.date(2004, 2, 26)
    assert photo.taken_place == "Kingston, Ont, Canada"
    assert photo.keywords == ["ExifTool", "Test", "IPTC"]
    assert photo.metadata["iim"]["Source"] == ["I'm the source"]
    assert photo.metadata["xmp"] == ""
    assert photo.metadata["exif"] == {}


def test_exiftool_xmp_file_is_read_from_utf16_xmp_and_exif():
    upload = files.reference_file("exiftool-XMP.jpg")
    assert Image.open(upload).info["xmp"][:2] == b"\x00<"  # UTF-16 big-endian
    photo = photo_ingest(file=upload)
    assert photo.texts.get().caption == "UTF-16 (big-endian) encoded XMP"
    assert photo.credit_creator == "Phil Harvey"
    assert photo.credit_agency.name == "My Credit"
    assert photo.copyright_notice == "Copyright 2004 Phil Harvey"
    assert photo.keywords == ["ExifTool", "Test", "XMP"]
    assert photo.taken_on == datetime.date(2004, 2, 26)
    assert photo.metadata["iim"] == {}
    assert photo.metadata["xmp"].startswith("<?xpacket")
    assert photo.metadata["exif"]["Artist"] == "Phil Harvey"
    assert photo.metadata["exif"]["ImageDescription"] == "A witty caption"
    assert photo.metadata["exif"]["Copyright"] == "Copyright 2004 Phil Harvey"


def test_xmp_lang_alt_gives_a_caption_per_language():
    # The seed's stand-in photos carry their captions in Spanish and English.
    with open("articles/fixtures/media/photos/seed/blinken-al-thani-doha.jpg", "rb") as handle:
        photo = photo_ingest(file=files.upload("doha.jpg", handle.read()))
    captions = {text.language: text.caption for text in photo.texts.all()}
    assert set(captions) == {"en", "es"}
    assert captions["es"].startswith("El secretario de Estado")
    assert captions["en"].startswith("U.S. Secretary of State")
    assert photo.credit_line == "PHOTO/Mark Schiefelbein/POOL/AFP"
    assert photo.credit_pool is True
    assert photo.credit_agency.slug == "afp"


def test_iim_without_charset_is_utf8_with_windows_1252_fallback():
    assert decode_iim("Zürich".encode()) == "Zürich"
    assert decode_iim("Zürich".encode("cp1252")) == "Zürich"
    data = files.iim_jpeg({(2, 120): "Café in Zürich".encode("cp1252"), (2, 80): b"Jane"})
    meta = read_metadata(
        Image.open(files.upload("cafe.jpg", data)), languages=["en"], default_language="en"
    )
    assert meta.captions == {"en": "Café in Zürich"}


def test_iim_declared_utf8_is_decoded_as_utf8():
    data = files.iim_jpeg({(1, 90): b"\x1b%G", (2, 120): "Kraków, Łódź".encode()})
    meta = read_metadata(
        Image.open(files.upload("pl.jpg", data)), languages=["en"], default_language="en"
    )
    assert meta.captions == {"en": "Kraków, Łódź"}


def test_given_fields_win_over_the_files_metadata():
    photo = photo_ingest(
        file=files.reference_file("exiftool-IPTC.jpg"),
        credit_creator="Our Staff",
        copyright_notice="(c) Newsroom",
        captions={"en": "Our own caption"},
    )
    assert photo.credit_line == "PHOTO/Our Staff"
    assert photo.credit_agency is None
    assert photo.copyright_notice == "(c) Newsroom"
    assert photo.texts.get(language="en").caption == "Our own caption"
