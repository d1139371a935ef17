"""A photo whose rights have expired leaves public surfaces on time, with no job running."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from articles.models import BlockKind
from articles.publishing import version_publish
from tests.factories import PhotoTextFactory, UserFactory, article_with_body

pytestmark = pytest.mark.django_db

START = datetime(2030, 3, 1, 12, 0, tzinfo=UTC)


def photo_block(document):
    return next(block for block in document["body"] if block["type"] == BlockKind.PHOTO)


@pytest.fixture
def published(django_capture_on_commit_callbacks):
    with (
        time_machine.travel(START, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        article = article_with_body()
        lead = PhotoTextFactory(photo__rights_expire_at=START + timedelta(days=1)).photo
        article.lead_photo = lead
        article.save()
        body_photo = article.blocks.get(kind=BlockKind.PHOTO).photo
        body_photo.rights_expire_at = START + timedelta(days=2)
        body_photo.save()
        version = version_publish(article=article)
    version.refresh_from_db()
    return article, version, lead, body_photo


def test_expired_photos_disappear_from_the_article_at_their_expiry(published, api_client):
    article, version, lead, body_photo = published
    url = f"/api/v1/articles/{article.pk}/"
    assert version.rendering_valid_until == START + timedelta(days=1)

    with time_machine.travel(START + timedelta(hours=23), tick=False):
        document = api_client.get(url).json()
    assert document["lead_photo"]["id"] == lead.pk
    assert document["lead_photo"]["renditions"]  # srcset-ready list
    assert photo_block(document)["photo"]["id"] == body_photo.pk

    with time_machine.travel(START + timedelta(days=1, minutes=1), tick=False):
        document = api_client.get(url).json()
    assert document["lead_photo"] is None
    assert photo_block(document)["photo"]["id"] == body_photo.pk  # not expired yet

    with time_machine.travel(START + timedelta(days=2, minutes=1), tick=False):
        document = api_client.get(url).json()
    # The block keeps its place in the body, with no photo in it.
    assert photo_block(document) == {"type": "photo", "photo": None}
    assert f"/renditions/{lead.pk}/" not in str(document)
    assert lead.image.url not in str(document)


def test_extending_the_rights_brings_the_photo_back(
    published, api_client, django_capture_on_commit_callbacks
):
    article, _version, lead, _body_photo = published
    with time_machine.travel(START + timedelta(days=1, minutes=1), tick=False):
        assert api_client.get(f"/api/v1/articles/{article.pk}/").json()["lead_photo"] is None
        with django_capture_on_commit_callbacks(execute=True):
            lead.rights_expire_at = START + timedelta(days=30)
            lead.save()
        document = api_client.get(f"/api/v1/articles/{article.pk}/").json()
    assert document["lead_photo"]["id"] == lead.pk


def test_public_photo_document_lists_renditions_and_focal_point(published):
    from media.models import Photo
    from media.public import photo_public_document

    _article, _version, lead, _ = published
    photo = Photo.objects.with_texts().get(pk=lead.pk)
    document = photo_public_document(photo, "en", at=START)
    assert document["focal_point"] == {"x": 0.5, "y": 0.5}
    rendition = document["renditions"][0]
    assert set(rendition) == {"name", "crop", "url", "content_type", "width", "height", "size"}
    assert rendition["size"] > 0
    assert rendition["url"].startswith("/media/renditions/")
    assert photo_public_document(photo, "en", at=START + timedelta(days=1)) is None


def test_admin_flags_expired_photos_and_lists_the_articles_affected(published, client):
    article, _version, lead, _ = published
    with time_machine.travel(START + timedelta(days=1, minutes=1), tick=False):
        client.force_login(UserFactory(username="editor", is_staff=True, is_superuser=True))
        changelist = client.get(reverse("admin:media_photo_changelist") + "?rights=expired")
        change = client.get(reverse("admin:media_photo_change", args=[lead.pk]))
    assert changelist.status_code == 200, changelist
    page = changelist.content.decode()
    assert "whose rights have expired is still in articles" in page
    assert "Expired 2030-03-02 12:00: hidden from readers" in page
    detail = change.content.decode()
    assert reverse("admin:articles_article_change", args=[article.pk]) in detail
    assert "readers see no photo: rights expired" in detail


def test_ninjs_and_json_ld_list_the_renditions(published):
    from articles.publishing.formats.jsonld import lead_images
    from articles.publishing.formats.ninjs import renditions_ninjs
    from media.models import Photo
    from media.public import photo_public_document

    _article, _version, lead, _ = published
    document = photo_public_document(Photo.objects.with_texts().get(pk=lead.pk), "en", at=START)
    ninjs = renditions_ninjs(document)
    assert ninjs[0]["name"] == "original"
    assert set(ninjs[1]) == {"name", "href", "contentType", "width", "height", "sizeInBytes"}
    assert len(ninjs) == 1 + len(document["renditions"])
    images = lead_images(document)
    assert [image["width"] / image["height"] for image in images] == pytest.approx(
        [16 / 9, 4 / 3, 1], rel=0.01
    )
    assert images[0]["contentUrl"].startswith("http://127.0.0.1:8000/media/renditions/")
    assert images[0]["creditText"] == document["credit_line"]
    assert images[0]["creator"] == {"@type": "Person", "name": "Jane Photographer"}


def test_expired_lead_photo_leaves_list_teasers_without_any_job(published, api_client):
    _article, _version, lead, _ = published
    with time_machine.travel(START):
        before = api_client.get("/api/v1/articles/").json()["results"][0]["lead_photo"]
    assert before is not None
    with time_machine.travel(lead.rights_expire_at + timedelta(seconds=1)):
        after = api_client.get("/api/v1/articles/").json()["results"][0]["lead_photo"]
    assert after is None
