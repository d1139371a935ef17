"""The seed fixture reproduces the seed story completely and faithfully."""

import io
import json
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError
from PIL import Image, IptcImagePlugin

from articles.desk import workflow
from articles.desk.editing import article_save
from articles.management import seed
from articles.models import Article, ArticleVersion, Block, Person, Quote, Section, Tag
from articles.sanitize import plain_text
from media.models import Agency, Photo, PhotoText
from tests.desk import make_user

REPOSITORY = Path(__file__).resolve().parents[2]
SHARED_SEED = REPOSITORY.parent / "shared" / "seed" / "seed-article.txt"
VENDORED_SEED = REPOSITORY / "articles" / "fixtures" / "seed-article.txt"
CREDITS = ("PHOTO/X/@SecBlinken", "PHOTO/Mark Schiefelbein/POOL/AFP")

pytestmark = pytest.mark.django_db


def seed_text():
    return (SHARED_SEED if SHARED_SEED.is_file() else VENDORED_SEED).read_text(encoding="utf-8")


def seed_lines():
    """The seed's non-empty lines, stripped, without the printed table of contents."""
    lines = [line.strip() for line in seed_text().splitlines() if line.strip()]
    return [line for line in lines if not re.match(r"^\d+\.\s", line)]


def rendered_lines(document):
    """The document as the seed prints it: dek, headline, captions, body in order."""
    lines = [document["dek"], document["headline"]]

    def photo_lines(photo_id):
        photo = Photo.objects.get(pk=photo_id)
        credit = photo.credit_line
        return [f"{photo.texts.get(language=lang).caption} - {credit}" for lang in ("es", "en")]

    lines += photo_lines(document["lead_photo"]["id"])
    for block in document["body"]:
        if block["type"] == "paragraph":
            lines.append(plain_text(block["html"]))
        elif block["type"] == "heading":
            lines.append(block["text"])
        elif block["type"] == "photo":
            lines += photo_lines(block["photo"]["id"])
    return lines


@pytest.mark.skipif(
    not SHARED_SEED.is_file(), reason="the shared seed folder is not beside the repo"
)
def test_vendored_seed_text_is_the_shared_one():
    assert VENDORED_SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_published_document_reproduces_every_line_of_the_seed_in_order(seed_article, api_client):
    document = api_client.get(f"/api/v1/articles/{seed_article.slug}/").json()
    assert rendered_lines(document) == seed_lines()


def test_table_of_contents_is_the_two_subheadings(seed_article, api_client):
    document = api_client.get(f"/api/v1/articles/{seed_article.pk}/").json()
    assert document["table_of_contents"] == [
        {"text": "Children in fear", "anchor": "children-in-fear", "level": 2},
        {"text": "Diplomatic pressure", "anchor": "diplomatic-pressure", "level": 2},
    ]
    printed = re.findall(r"^\s+\d+\.\s+(.+)$", seed_text(), flags=re.MULTILINE)
    assert [entry["text"] for entry in document["table_of_contents"]] == printed


def test_every_direct_quotation_is_a_quote_placed_where_it_stands(seed_article):
    quoted = {words.rstrip(",.") for words in re.findall(r'"([^"]*)"', seed_text())}
    quotes = Quote.objects.select_related("block")
    assert {quote.text for quote in quotes} == quoted
    assert len(quoted) == 12
    for quote in quotes:
        assert quote.article == seed_article
        assert quote.block.kind == "paragraph"
        placed = plain_text(quote.block.text)[quote.offset : quote.offset + len(quote.text)]
        assert placed == quote.text


@pytest.mark.parametrize(
    ("words", "speaker", "role"),
    [
        (
            "The escalation of hostilities",
            "Jens Laerke",
            "spokesman for the UN humanitarian office, OCHA",
        ),
        (
            "The humanitarian situation",
            "Tommaso della Longa",
            "spokesman for the Federation of Red Cross and Red Crescent Societies",
        ),
        ("will reach places", "Yoav Gallant", "Israeli Defence Minister"),
        ("much work remains", "Antony Blinken", "US Secretary of State"),
        ("The response includes", "Mohamed bin Abdulrahman al-Thani", "Qatari Prime Minister"),
    ],
)
def test_quotes_carry_speaker_and_role(seed_article, words, speaker, role):
    quote = Quote.objects.get(text__startswith=words)
    assert quote.speaker.name == speaker
    assert quote.speaker_role == role
    assert quote.article == seed_article


def test_captions_in_spanish_and_english_and_exact_credit_lines(seed_article):
    photos = list(Photo.objects.order_by("pk"))
    assert [photo.credit_line for photo in photos] == list(CREDITS)
    for photo in photos:
        assert set(photo.texts.values_list("language", flat=True)) == {"es", "en"}
    second = photos[1]
    assert second.credit_creator == "Mark Schiefelbein"
    assert second.credit_pool is True
    assert second.credit_agency.name == "AFP"
    assert photos[0].credit_platform == "X"
    assert photos[0].credit_handle == "@SecBlinken"
    assert seed_article.lead_photo == photos[0]
    assert seed_article.blocks.filter(kind="photo", photo=second).exists()


def test_section_language_and_entities(seed_article):
    assert str(seed_article.section) == "World > Middle East"
    assert seed_article.language == "en"
    tags = set(seed_article.tags.values_list("name", flat=True))
    assert {"Hamas", "Rafah", "Gaza Strip", "Qatar"} <= tags
    assert set(seed_article.tags.values_list("kind", flat=True)) >= {
        "organisation",
        "place",
        "topic",
    }
    assert {"Antony Blinken", "Benjamin Netanyahu"} <= set(
        seed_article.people.values_list("name", flat=True)
    )


def test_loading_twice_neither_fails_nor_duplicates(seed_article):
    models = [
        Article,
        ArticleVersion,
        Block,
        Quote,
        Person,
        Tag,
        Section,
        Photo,
        PhotoText,
        Agency,
    ]
    before = {model: model.objects.count() for model in models}
    call_command("loaddata", "seed_article", verbosity=0)
    assert {model: model.objects.count() for model in models} == before
    assert ArticleVersion.objects.get().is_live


def test_seed_arrives_published_with_its_snapshot(seed_article, api_client):
    version = ArticleVersion.objects.get(article=seed_article)
    assert version.is_live
    assert version.number == 1
    assert version.content["headline"] == "Blinken presses Israel for Gaza truce"
    response = api_client.get("/api/v1/articles/")
    assert [item["slug"] for item in response.json()["results"]] == [seed_article.slug]


def test_stand_in_photos_carry_captions_and_credits_as_metadata(seed_article):
    for photo in Photo.objects.all():
        with photo.image.open("rb") as handle:
            image = Image.open(io.BytesIO(handle.read()))
        xmp = image.getxmp()["xmpmeta"]["RDF"]["Description"]
        captions = {item["lang"]: item["text"] for item in xmp["description"]["Alt"]["li"]}
        assert captions["es"] == photo.texts.get(language="es").caption
        assert captions["en"] == photo.texts.get(language="en").caption
        assert xmp["Credit"] == photo.credit_line
        iim = IptcImagePlugin.getiptcinfo(image)
        assert iim[(2, 110)].decode() == photo.credit_line
        assert iim[(1, 90)] == b"\x1b%G"  # declared UTF-8


def test_fixture_naming_a_missing_image_fails_and_loads_nothing(tmp_path, settings):
    fixture = (REPOSITORY / "articles" / "fixtures" / "seed_article.json").read_text()
    broken = tmp_path / "broken_seed.json"
    broken.write_text(fixture.replace("blinken-al-thani-doha.jpg", "no-such-file.jpg"))
    with pytest.raises(Exception, match=r"no-such-file\.jpg"):
        call_command("loaddata", str(broken), verbosity=0)
    assert not Article.objects.exists()
    assert not Photo.objects.exists()


def test_fixture_with_bad_data_fails_and_loads_nothing(tmp_path):
    objects = json.loads((REPOSITORY / "articles" / "fixtures" / "seed_article.json").read_text())
    paragraph = next(o for o in objects if o["model"] == "articles.block" and o["fields"]["text"])
    paragraph["fields"]["text"] = ""  # a paragraph without text breaks a database constraint
    broken = tmp_path / "bad_seed.json"
    broken.write_text(json.dumps(objects))
    with pytest.raises(IntegrityError, match=r"text_not_empty|CHECK constraint"):
        call_command("loaddata", str(broken), verbosity=0)
    assert not Article.objects.exists()
    assert not Block.objects.exists()


# --- Running the newsroom again (scripts/run) keeps editors' work ---------------------------


def edited_and_republished(seed_article):
    editor = make_user("editor")
    article = Article.objects.get(pk=seed_article.pk)
    article.kicker = "Analysis"
    article_save(article=article, user=editor, expected_version=article.version)
    workflow.article_add_correction(
        article=article, user=editor, kind="correction", text="An earlier version misspelt Laerke."
    )
    return editor


def test_seed_newsroom_again_keeps_editors_edits_and_republications(seed_article, api_client):
    edited_and_republished(seed_article)
    article = Article.objects.get(pk=seed_article.pk)
    article.kicker = "Unpublished edit"
    article_save(
        article=article,
        user=make_user("editor", username="other"),
        expected_version=article.version,
    )

    call_command("seed_newsroom", verbosity=0)

    assert Article.objects.get(pk=seed_article.pk).kicker == "Unpublished edit"
    live = ArticleVersion.objects.live().get(article=seed_article)
    assert live.number == 2
    body = api_client.get(f"/api/v1/articles/{seed_article.pk}/").json()
    assert body["kicker"] == "Analysis"
    assert [note["kind"] for note in body["corrections"]] == ["correction"]


def test_seed_newsroom_on_an_empty_newsroom_loads_the_story(db, api_client):
    call_command("seed_newsroom", verbosity=0)
    call_command("seed_newsroom", verbosity=0)
    assert ArticleVersion.objects.live().count() == 1
    assert api_client.get("/api/v1/articles/").json()["results"][0]["slug"] == (
        "blinken-presses-israel-for-gaza-truce"
    )


def test_loaddata_after_a_republication_puts_the_fixture_back_without_failing(seed_article):
    edited_and_republished(seed_article)
    call_command("loaddata", "seed_article", verbosity=0)
    live = ArticleVersion.objects.live().get(article=seed_article)
    assert live.number == 1
    assert ArticleVersion.objects.filter(article=seed_article).count() == 2


def test_loaddata_never_brings_a_withdrawn_seed_story_back(seed_article, api_client):
    editor = make_user("editor")
    workflow.article_withdraw(article=seed_article, user=editor, notice="Withdrawn.")
    with pytest.raises(ValidationError):
        call_command("loaddata", "seed_article", verbosity=0)
    assert Article.objects.get(pk=seed_article.pk).status == "withdrawn"
    assert api_client.get(f"/api/v1/articles/{seed_article.pk}/").status_code == 410


def test_the_seed_story_lists_its_people_and_tags(seed_article, api_client):
    people = {person["slug"] for person in api_client.get("/api/v1/people/").json()["results"]}
    speakers = set(Quote.objects.values_list("speaker__slug", flat=True))
    assert speakers <= people
    assert "antony-blinken" in people
    assert api_client.get("/api/v1/people/antony-blinken/").status_code == 200
    tags = api_client.get("/api/v1/tags/?page_size=100").json()["results"]
    assert len(tags) == Tag.objects.count() == 25


def test_committed_fixture_is_what_the_builder_makes_of_the_seed_text(tmp_path):
    committed = json.loads(
        (REPOSITORY / "articles" / "fixtures" / "seed_article.json").read_text()
    )
    assert seed.build_fixture(seed_text(), tmp_path) == committed
