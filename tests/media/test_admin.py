import pytest
from django.urls import reverse

from media.models import Photo
from tests.factories import PhotoFactory, UserFactory
from tests.media import files

pytestmark = pytest.mark.django_db

ADD = "admin:media_photo_add"


@pytest.fixture
def desk_client(client, photo_desk_user):
    client.force_login(photo_desk_user)
    return client


def test_admin_upload_reads_the_file_and_opens_the_photo_for_review(desk_client):
    page = desk_client.get(reverse(ADD))
    assert page.status_code == 200
    assert "Upload a photo" in page.content.decode()
    response = desk_client.post(
        reverse(ADD),
        {"image": files.reference_file("IPTC-PhotometadataRef-Std2021.1.jpg"), "language": "en"},
        follow=True,
    )
    photo = Photo.objects.get()
    assert response.redirect_chain[-1][0] == reverse("admin:media_photo_change", args=[photo.pk])
    content = response.content.decode()
    assert "Uploaded. From the file: credit PHOTO/Creator1 (ref2021.1)/Credit Line" in content
    assert "focal-point.js" in content  # the picker
    assert 'data-focal-point data-input-x="id_focal_point_x"' in content
    assert photo.uploaded_by.username == "photodesk"


def test_admin_upload_refusal_shows_the_reason_and_stores_nothing(desk_client, stored_files):
    response = desk_client.post(
        reverse(ADD),
        {"image": files.upload("photo.jpg", files.HTML), "language": "en", "credit_creator": "J"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "The photo was not uploaded" in content
    assert "not a photo" in content
    assert not Photo.objects.exists()
    assert stored_files() == []


def test_admin_upload_of_a_known_file_links_to_the_existing_photo(desk_client):
    data = files.jpeg_bytes()
    first = desk_client.post(
        reverse(ADD),
        {"image": files.upload("a.jpg", data), "language": "en", "credit_creator": "J"},
    )
    assert first.status_code == 302
    existing = Photo.objects.get()
    response = desk_client.post(
        reverse(ADD),
        {"image": files.upload("b.jpg", data), "language": "en", "credit_creator": "J"},
    )
    assert response.status_code == 200
    assert reverse("admin:media_photo_change", args=[existing.pk]) in response.content.decode()
    assert Photo.objects.count() == 1


def test_admin_upload_needs_the_add_permission(client):
    client.force_login(UserFactory(username="reader", is_staff=True))
    assert client.get(reverse(ADD)).status_code == 403


def test_setting_the_focal_point_in_the_admin_saves_it(desk_client, photo_desk_user):
    photo = PhotoFactory()
    change = reverse("admin:media_photo_change", args=[photo.pk])
    page = desk_client.get(change)
    form = page.context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if key in form.fields and value is not None
    }
    data.update(
        {
            "focal_point_x": "0.8",
            "focal_point_y": "0.2",
            "credit_agency": photo.credit_agency_id,
            "keywords": "[]",
            "texts-TOTAL_FORMS": "0",
            "texts-INITIAL_FORMS": "0",
            "renditions-TOTAL_FORMS": "0",
            "renditions-INITIAL_FORMS": "0",
        }
    )
    response = desk_client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo.refresh_from_db()
    assert photo.focal_point == (0.8, 0.2)
