from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import ArticleStatus, ArticleVersion, Block, BlockKind
from articles.publishing import version_publish, version_unpublish
from tests.factories import (
    ArticleFactory,
    BlockFactory,
    PhotoTextFactory,
    SectionFactory,
    UserFactory,
    article_with_body,
)

pytestmark = pytest.mark.django_db


def public_headline(client, article):
    response = client.get(f"/api/v1/articles/{article.pk}/")
    return response.json()["headline"] if response.status_code == 200 else response.status_code


def test_draft_is_invisible_to_public_api(api_client):
    article = article_with_body()
    assert public_headline(api_client, article) == 404
    assert api_client.get("/api/v1/articles/").json()["results"] == []


def test_publishing_makes_a_live_version(api_client):
    editor = UserFactory()
    article = article_with_body(headline="First")
    version = version_publish(article=article, user=editor, note="ok")
    article.refresh_from_db()
    assert version.number == 1
    assert version.is_live
    assert version.published_by == editor
    assert article.status == ArticleStatus.PUBLISHED
    assert article.first_published_at == version.first_published_at
    assert public_headline(api_client, article) == "First"


def test_draft_edit_is_invisible_to_public_api(api_client):
    article = article_with_body(headline="Published headline")
    version_publish(article=article)
    article.refresh_from_db()
    article.headline = "Unpublished edit"
    article.save()
    block = article.blocks.filter(kind=BlockKind.PARAGRAPH).first()
    block.text = "A secret new paragraph."
    block.save()

    document = api_client.get(f"/api/v1/articles/{article.slug}/").json()
    assert document["headline"] == "Published headline"
    assert "A secret new paragraph." not in str(document["body"])


def test_republishing_creates_a_new_version_and_keeps_the_old(api_client):
    article = article_with_body(headline="One")
    first = version_publish(article=article)
    article.refresh_from_db()
    article.headline = "Two"
    article.save()
    second = version_publish(article=article)
    first.refresh_from_db()
    assert (first.number, first.is_live) == (1, False)
    assert (second.number, second.is_live) == (2, True)
    assert second.first_published_at == first.first_published_at
    assert public_headline(api_client, article) == "Two"
    assert api_client.get(f"/api/v1/articles/{article.pk}/").json()["version"] == 2


def test_unpublishing_hides_the_article_and_keeps_its_versions(api_client):
    article = article_with_body()
    version_publish(article=article)
    version_unpublish(article=article)
    article.refresh_from_db()
    assert article.status == ArticleStatus.DRAFT
    assert public_headline(api_client, article) == 404
    assert ArticleVersion.objects.filter(article=article).count() == 1


def test_unpublishing_a_draft_is_refused():
    article = article_with_body()
    with pytest.raises(ValidationError, match="not published"):
        version_unpublish(article=article)


def test_publishing_without_a_body_is_refused_and_changes_nothing():
    article = ArticleFactory()
    version_before = article.version
    with pytest.raises(ValidationError, match="no body"):
        version_publish(article=article)
    article.refresh_from_db()
    assert article.status == ArticleStatus.DRAFT
    assert article.version == version_before
    assert not ArticleVersion.objects.exists()


def test_publishing_over_a_live_address_of_another_article_is_refused():
    first = article_with_body(slug="same-address")
    version_publish(article=first)
    first.slug = "moved-address"
    first.save()  # the live version still answers at same-address
    second = article_with_body(slug="same-address")
    with pytest.raises(ValidationError, match="same-address"):
        version_publish(article=second)


def test_scheduled_publication_appears_on_time_without_any_job(api_client):
    article = article_with_body(headline="Later")
    start = timezone.now()
    version_publish(article=article, at=start + timedelta(hours=2))
    article.refresh_from_db()
    assert article.status == ArticleStatus.SCHEDULED
    assert public_headline(api_client, article) == 404
    with time_machine.travel(start + timedelta(hours=2, seconds=1)):
        assert public_headline(api_client, article) == "Later"


def test_embargo_delays_visibility_and_expiry_ends_it(api_client):
    start = timezone.now()
    article = article_with_body(
        headline="Embargoed",
        embargo_until=start + timedelta(hours=1),
        expires_at=start + timedelta(hours=3),
    )
    version_publish(article=article)
    assert public_headline(api_client, article) == 404
    with time_machine.travel(start + timedelta(hours=1, seconds=1)):
        assert public_headline(api_client, article) == "Embargoed"
    with time_machine.travel(start + timedelta(hours=3, seconds=1)):
        assert public_headline(api_client, article) == 404


def test_publishing_after_expiry_is_refused():
    article = article_with_body(expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError, match="expiry"):
        version_publish(article=article)


def test_photo_credit_change_rerenders_the_published_version(
    api_client, django_capture_on_commit_callbacks
):
    article = article_with_body()
    version_publish(article=article)
    photo = article.blocks.get(kind=BlockKind.PHOTO).photo
    with django_capture_on_commit_callbacks(execute=True):
        photo.credit_creator = "Someone Else"
        photo.save()
    document = api_client.get(f"/api/v1/articles/{article.pk}/").json()
    photo_block = next(block for block in document["body"] if block["type"] == "photo")
    assert photo_block["photo"]["credit_line"].startswith("PHOTO/Someone Else/")


def test_section_rename_rerenders_but_draft_edits_stay_private(
    api_client, django_capture_on_commit_callbacks
):
    world = SectionFactory(name="World", slug="world")
    article = article_with_body(section=SectionFactory(name="Africa", slug="africa", parent=world))
    version_publish(article=article)
    article.headline = "Draft-only headline"
    article.save()
    with django_capture_on_commit_callbacks(execute=True):
        world.name = "International"
        world.save()
    document = api_client.get(f"/api/v1/articles/{article.pk}/").json()
    assert [crumb["name"] for crumb in document["section"]["breadcrumbs"]] == [
        "International",
        "Africa",
    ]
    assert document["headline"] != "Draft-only headline"


def test_translations_link_both_ways_once_published(
    api_client, django_capture_on_commit_callbacks
):
    original = article_with_body(slug="truce")
    translation = article_with_body(slug="tregua", language="es", translation_of=original)
    with django_capture_on_commit_callbacks(execute=True):
        version_publish(article=original)
    assert api_client.get(f"/api/v1/articles/{original.pk}/").json()["translations"] == []
    with django_capture_on_commit_callbacks(execute=True):
        version_publish(article=translation)
    links = api_client.get(f"/api/v1/articles/{original.pk}/").json()["translations"]
    assert [(link["language"], link["slug"]) for link in links] == [("es", "tregua")]
    back = api_client.get(f"/api/v1/articles/{translation.pk}/").json()["translations"]
    assert [(link["language"], link["slug"]) for link in back] == [("en", "truce")]


def test_scheduled_translation_is_linked_only_once_public(
    api_client, django_capture_on_commit_callbacks
):
    start = timezone.now()
    original = article_with_body(slug="truce")
    translation = article_with_body(slug="tregua", language="es", translation_of=original)
    with django_capture_on_commit_callbacks(execute=True):
        version_publish(article=original)
        version_publish(article=translation, at=start + timedelta(hours=1))
    assert api_client.get(f"/api/v1/articles/{original.pk}/").json()["translations"] == []
    with time_machine.travel(start + timedelta(hours=1, seconds=1)):
        links = api_client.get(f"/api/v1/articles/{original.pk}/").json()["translations"]
    assert [link["slug"] for link in links] == ["tregua"]


def test_removing_a_photo_from_a_published_article_keeps_it_protected():
    article = article_with_body()
    version_publish(article=article)
    block = article.blocks.get(kind=BlockKind.PHOTO)
    photo = block.photo
    block.delete()
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        photo.delete()


def test_caption_in_the_article_language_with_fallback(api_client):
    article = article_with_body(language="es", slug="con-foto")
    photo = article.blocks.get(kind=BlockKind.PHOTO).photo
    assert photo.texts.get().language == "en"
    version_publish(article=article)
    document = api_client.get(f"/api/v1/articles/{article.pk}/").json()
    block = next(block for block in document["body"] if block["type"] == "photo")
    assert block["photo"]["caption_language"] == "en"  # no Spanish caption: fall back
    PhotoTextFactory(photo=photo, language="es", caption="Pie de foto")
    version_publish(article=article)
    document = api_client.get(f"/api/v1/articles/{article.pk}/").json()
    block = next(block for block in document["body"] if block["type"] == "photo")
    assert (block["photo"]["caption"], block["photo"]["caption_language"]) == ("Pie de foto", "es")


def test_quotes_in_the_document_point_at_their_block():
    article = article_with_body()
    paragraph = article.blocks.filter(kind=BlockKind.PARAGRAPH).first()
    paragraph.text = 'He said "we will win" loudly.'
    paragraph.save()
    from tests.factories import QuoteFactory

    QuoteFactory(text="we will win", article=article, block=paragraph, offset=9)
    version = version_publish(article=article)
    import json

    document = json.loads(version.document)
    quote = document["quotes"][0]
    block = document["body"][quote["block"]]
    assert block["html"][quote["offset"] : quote["offset"] + len("we will win")] == "we will win"
    assert quote["speaker"]["name"]


def test_body_blocks_keep_their_order():
    article = ArticleFactory()
    for position, text in [(5, "Third"), (1, "First"), (3, "Second")]:
        BlockFactory(article=article, position=position, text=text)
    version = version_publish(article=article)
    import json

    assert [block["html"] for block in json.loads(version.document)["body"]] == [
        "First",
        "Second",
        "Third",
    ]
    assert Block.objects.filter(article=article).count() == 3
