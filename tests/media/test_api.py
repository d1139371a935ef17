import pytest

from media.models import Photo
from tests.factories import AgencyFactory, UserFactory
from tests.media import files

pytestmark = pytest.mark.django_db

URL = "/api/v1/photos/"


def post(client, data=None, **fields):
    payload = {"image": files.upload("photo.jpg", data or files.jpeg_bytes()), **fields}
    return client.post(URL, payload, format="multipart")


def test_upload_without_login_is_refused(api_client, stored_files):
    response = post(api_client, credit_creator="Jane")
    assert response.status_code in (401, 403)
    assert response.json()["error"]["code"] == "not_authenticated"
    assert not Photo.objects.exists()
    assert stored_files() == []


def test_upload_without_the_add_photo_permission_is_forbidden(api_client, stored_files):
    api_client.force_authenticate(UserFactory())
    response = post(api_client, credit_creator="Jane")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert not Photo.objects.exists()
    assert stored_files() == []


def test_upload_creates_the_photo(api_client, photo_desk_user, django_capture_on_commit_callbacks):
    api_client.force_authenticate(photo_desk_user)
    agency = AgencyFactory(name="AFP", slug="afp")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            api_client,
            credit_creator="Mark Schiefelbein",
            credit_agency="afp",
            credit_pool="true",
            caption="Blinken en Doha",
            language="es",
            focal_point_x="0.25",
        )
    assert response.status_code == 201, response.content
    body = response.json()
    photo = Photo.objects.get(pk=body["id"])
    assert photo.uploaded_by == photo_desk_user
    assert photo.credit_agency == agency
    assert body["credit_line"] == "PHOTO/Mark Schiefelbein/POOL/AFP"
    assert body["texts"] == {"es": {"caption": "Blinken en Doha", "alt_text": ""}}
    assert body["focal_point"] == {"x": 0.25, "y": 0.5}
    assert body["checksum"] == photo.checksum
    # Renditions are made after commit, in the background: the answer does not wait.
    assert body["renditions"] == []
    assert {r.content_type for r in photo.renditions.all()} == {"image/jpeg", "image/webp"}


def test_upload_prefills_from_the_files_metadata(api_client, photo_desk_user):
    api_client.force_authenticate(photo_desk_user)
    upload = files.reference_file("exiftool-IPTC.jpg")
    response = api_client.post(URL, {"image": upload}, format="multipart")
    assert response.status_code == 201, response.content
    assert response.json()["credit_line"] == "PHOTO/Phil Harvey/My Credit"
    assert response.json()["texts"]["en"]["caption"] == "A witty caption"


def test_bad_file_answers_400_naming_the_field(api_client, photo_desk_user, stored_files):
    api_client.force_authenticate(photo_desk_user)
    response = post(api_client, files.truncated_jpeg(), credit_creator="Jane")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert "truncated" in error["fields"]["image"][0]
    assert not Photo.objects.exists()
    assert stored_files() == []


def test_missing_credit_answers_400(api_client, photo_desk_user, stored_files):
    api_client.force_authenticate(photo_desk_user)
    response = post(api_client)
    assert response.status_code == 400
    assert "Every photo needs a credit" in response.json()["error"]["fields"]["credit"][0]
    assert stored_files() == []


def test_unknown_language_and_agency_answer_400(api_client, photo_desk_user):
    api_client.force_authenticate(photo_desk_user)
    response = post(api_client, credit_agency="nobody", language="xx", credit_creator="Jane")
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"credit_agency", "language"}


def test_duplicate_upload_answers_409_with_the_existing_photo(
    api_client, photo_desk_user, stored_files
):
    api_client.force_authenticate(photo_desk_user)
    data = files.jpeg_bytes()
    first = post(api_client, data, credit_creator="Jane").json()
    response = post(api_client, data, credit_creator="Jane")
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "duplicate"
    assert error["photo"]["id"] == first["id"]
    assert Photo.objects.count() == 1


def test_public_photos_are_those_of_published_articles_only(api_client, seed_article):
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import PhotoFactory

    unpublished = PhotoFactory()
    listing = api_client.get(URL).json()["results"]
    ids = {photo["id"] for photo in listing}
    assert unpublished.pk not in ids
    assert len(ids) == 2
    assert api_client.get(f"{URL}{unpublished.pk}/").status_code == 404
    lead = seed_article.lead_photo
    spanish = api_client.get(f"{URL}{lead.pk}/?lang=es").json()
    assert spanish["caption_language"] == "es"
    assert spanish["credit_line"] == "PHOTO/X/@SecBlinken"
    assert api_client.get(f"{URL}{lead.pk}/?lang=xx").status_code == 400
    type(lead).objects.filter(pk=lead.pk).update(
        rights_expire_at=timezone.now() - timedelta(days=1)
    )
    from django.core.cache import cache

    cache.clear()
    assert api_client.get(f"{URL}{lead.pk}/").status_code == 404


def test_photo_cut_off_inside_its_metadata_is_refused_as_truncated(
    api_client, photo_desk_user, stored_files
):
    api_client.force_authenticate(photo_desk_user)
    response = api_client.post(
        "/api/v1/photos/",
        {
            "image": files.upload("cut.jpg", files.jpeg_cut_inside_metadata()),
            "credit_creator": "A",
        },
        format="multipart",
    )
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert "truncated" in error["fields"]["image"][0]
    assert not Photo.objects.exists()
    assert stored_files() == []


def test_iptc_reference_image_cut_after_4000_bytes_is_refused_as_truncated(
    api_client, photo_desk_user
):
    path = files.SHARED_REFERENCE_DIR / "IPTC-PhotometadataRef-Std2021.1.jpg"
    if not path.exists():
        pytest.skip("../shared/standards/photo-metadata is not here")
    api_client.force_authenticate(photo_desk_user)
    response = api_client.post(
        "/api/v1/photos/",
        {"image": files.upload("iptc.jpg", path.read_bytes()[:4000]), "credit_creator": "A"},
        format="multipart",
    )
    assert response.status_code == 400, response.content
    assert "truncated" in response.json()["error"]["fields"]["image"][0]
