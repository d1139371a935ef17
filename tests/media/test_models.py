import pytest
from django.db import IntegrityError, transaction

from media.models import Photo
from tests.factories import AgencyFactory, PhotoFactory, PhotoTextFactory
from tests.images import uploaded_image

pytestmark = pytest.mark.django_db


def test_photo_records_size_dimensions_and_checksum():
    photo = PhotoFactory(image=uploaded_image(width=120, height=80))
    assert (photo.width, photo.height) == (120, 80)
    assert photo.file_size == photo.image.size
    assert len(photo.checksum) == 64


def test_photo_without_any_credit_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        PhotoFactory(credit_creator="", credit_agency=None)
    assert not Photo.objects.exists()


@pytest.mark.parametrize(
    "credit",
    [
        {"credit_creator": "Jane Doe", "credit_agency": None},
        {"credit_creator": "", "credit_handle": "@someone", "credit_agency": None},
    ],
)
def test_any_one_credit_part_is_enough(credit):
    assert PhotoFactory(**credit).pk


def test_the_same_file_cannot_be_stored_twice():
    PhotoFactory(image=uploaded_image(name="a.jpg", color=(1, 2, 3)))
    with pytest.raises(IntegrityError), transaction.atomic():
        PhotoFactory(image=uploaded_image(name="b.jpg", color=(1, 2, 3)))


def test_focal_point_must_lie_inside_the_image():
    with pytest.raises(IntegrityError), transaction.atomic():
        PhotoFactory(focal_point_x=1.5)


def test_one_caption_per_language():
    text = PhotoTextFactory(language="es")
    with pytest.raises(IntegrityError), transaction.atomic():
        PhotoTextFactory(photo=text.photo, language="es")


def test_text_in_falls_back_to_another_language():
    english = PhotoTextFactory(language="en", caption="English")
    photo = english.photo
    assert photo.text_in("es") == english
    spanish = PhotoTextFactory(photo=photo, language="es", caption="Español")
    assert photo.text_in("es") == spanish
    assert PhotoFactory().text_in("en") is None


def test_agency_in_use_cannot_be_deleted():
    from django.db.models import ProtectedError

    photo = PhotoFactory(credit_agency=AgencyFactory())
    with pytest.raises(ProtectedError):
        photo.credit_agency.delete()


def test_photo_str_gives_title_and_credit():
    photo = PhotoFactory(title="Harbour at dawn", credit_creator="Jane Doe", credit_agency=None)
    assert str(photo) == "Harbour at dawn (PHOTO/Jane Doe)"
