import pytest
from django.core.exceptions import ValidationError

from media.models import Agency, Photo
from media.services import DuplicatePhoto, photo_ingest, photo_replace_image
from tests.factories import UserFactory
from tests.media import files

pytestmark = pytest.mark.django_db


def test_reuploading_the_same_file_offers_the_existing_photo(stored_files):
    data = files.jpeg_bytes()
    first = photo_ingest(file=files.upload("a.jpg", data), credit_creator="Jane")
    with pytest.raises(DuplicatePhoto) as caught:
        photo_ingest(file=files.upload("renamed.jpg", data), credit_creator="Someone Else")
    assert caught.value.photo == first
    assert caught.value.error_dict["image"][0].code == "duplicate"
    assert Photo.objects.count() == 1
    assert stored_files() == [first.image.name]


def test_ingest_records_uploader_size_checksum_and_orientation():
    user = UserFactory()
    photo = photo_ingest(file=files.upload("turned.jpg", files.oriented_jpeg()), uploaded_by=user)
    assert photo.uploaded_by == user
    # Stored as shot (60 x 40), shown turned: the photo's size is the displayed one.
    assert (photo.width, photo.height) == (40, 60)
    assert photo.file_size == photo.image.size
    assert photo.credit_creator == "Jane Photographer"  # from EXIF Artist


def test_agencies_named_in_files_are_reused_not_duplicated():
    afp = Agency.objects.create(name="AFP", slug="afp")
    with open("articles/fixtures/media/photos/seed/blinken-al-thani-doha.jpg", "rb") as handle:
        photo = photo_ingest(file=files.upload("doha.jpg", handle.read()))
    assert photo.credit_agency == afp
    assert Agency.objects.count() == 1


def test_refused_upload_creates_no_agency(stored_files):
    data = files.iim_jpeg({(2, 110): b"Brand New Agency"})
    with pytest.raises(ValidationError) as caught:
        photo_ingest(file=files.upload("a.jpg", data), focal_point_x=2)
    assert "focal_point" in str(caught.value)
    assert not Agency.objects.exists()
    assert not Photo.objects.exists()
    assert stored_files() == []
    photo = photo_ingest(file=files.upload("a.jpg", data))
    assert photo.credit_agency.name == "Brand New Agency"


def test_replacing_the_file_keeps_the_editorial_fields(
    stored_files, django_capture_on_commit_callbacks
):
    photo = photo_ingest(
        file=files.upload("a.jpg", files.jpeg_bytes()),
        credit_creator="Jane",
        captions={"en": "A caption"},
    )
    old_name, old_checksum = photo.image.name, photo.checksum
    new_file = files.upload("b.png", files.png_bytes(files.detailed_picture(seed=9)))
    with django_capture_on_commit_callbacks(execute=True):
        replaced = photo_replace_image(photo=photo, file=new_file)
    assert replaced.checksum != old_checksum
    assert replaced.image.name.endswith(".png")
    assert replaced.credit_creator == "Jane"
    assert replaced.texts.get().caption == "A caption"
    assert old_name not in stored_files()
