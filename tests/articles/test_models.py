import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from articles.models import ArticleVersion, Block, BlockKind, Byline, Quote, Section
from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    BlockFactory,
    BylineFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TagFactory,
    article_with_body,
)

pytestmark = pytest.mark.django_db


def refused(callable_, *args, **kwargs):
    """Run in a savepoint and say whether the database refused it."""
    try:
        with transaction.atomic():
            callable_(*args, **kwargs)
    except IntegrityError:
        return True
    return False


# --- Sections ------------------------------------------------------------------------------


def test_section_path_follows_the_tree_and_moves_with_it():
    world = SectionFactory(name="World", slug="world")
    middle_east = SectionFactory(name="Middle East", slug="middle-east", parent=world)
    gaza = SectionFactory(name="Gaza", slug="gaza", parent=middle_east)
    assert gaza.path == "world/middle-east/gaza"
    assert str(gaza) == "World > Middle East > Gaza"
    world.slug = "international"
    world.save()
    gaza.refresh_from_db()
    assert gaza.path == "international/middle-east/gaza"
    assert set(Section.objects.subtree("international").values_list("slug", flat=True)) == {
        "international",
        "middle-east",
        "gaza",
    }


def test_sibling_sections_cannot_share_a_slug():
    world = SectionFactory(slug="world")
    SectionFactory(slug="africa", parent=world)
    assert refused(SectionFactory, slug="africa", parent=world)
    assert not refused(SectionFactory, slug="africa")  # a root of the same slug is elsewhere


def test_section_cannot_move_under_its_own_subsection():
    world = SectionFactory(slug="world")
    africa = SectionFactory(slug="africa", parent=world)
    world.parent = africa
    with pytest.raises(ValidationError, match="inside itself"):
        world.full_clean()


def test_section_in_use_cannot_be_deleted():
    article = ArticleFactory()
    with pytest.raises(ProtectedError):
        article.section.delete()


# --- Articles ------------------------------------------------------------------------------


def test_slug_is_unique_per_language_only():
    ArticleFactory(slug="gaza", language="en")
    assert not refused(ArticleFactory, slug="gaza", language="es")
    assert refused(ArticleFactory, slug="gaza", language="en")


def test_all_digit_slug_is_refused_by_validation():
    article = ArticleFactory.build(slug="2024", section=SectionFactory())
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "slug" in error.value.message_dict


def test_one_translation_per_language():
    original = ArticleFactory(language="en")
    ArticleFactory(language="es", translation_of=original)
    assert refused(ArticleFactory, language="es", translation_of=original)


def test_translation_must_change_language_and_point_at_the_original():
    original = ArticleFactory(language="en")
    same_language = ArticleFactory.build(
        language="en", translation_of=original, section=original.section
    )
    with pytest.raises(ValidationError, match="another language"):
        same_language.clean()
    spanish = ArticleFactory(language="es", translation_of=original)
    chained = ArticleFactory.build(language="fr", translation_of=spanish, section=original.section)
    with pytest.raises(ValidationError, match="original"):
        chained.clean()


def test_embargo_must_lift_before_expiry():
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    assert refused(
        ArticleFactory, embargo_until=now + timedelta(hours=2), expires_at=now + timedelta(hours=1)
    )


def test_each_save_bumps_the_edit_version():
    article = ArticleFactory()
    assert article.version == 1
    article.headline = "Changed"
    article.save()
    article.save(update_fields=["headline"])
    article.refresh_from_db()
    assert article.version == 3


def test_article_str_names_headline_and_language():
    assert str(ArticleFactory(headline="Truce talks", language="es")) == "Truce talks [es]"


def test_published_article_cannot_be_deleted():
    from articles.publishing import version_publish

    article = article_with_body()
    version_publish(article=article)
    with pytest.raises(ProtectedError):
        article.delete()


# --- Blocks --------------------------------------------------------------------------------


def test_block_positions_are_unique_per_article():
    block = BlockFactory(position=0)
    assert refused(BlockFactory, article=block.article, position=0)


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": BlockKind.PHOTO, "text": ""},  # a photo block without a photo
        {"kind": BlockKind.PARAGRAPH, "text": ""},  # an empty paragraph
        {"kind": BlockKind.EMBED, "text": "", "url": ""},  # an embed without a URL
        {"kind": BlockKind.HEADING, "text": "Title", "level": 7},  # no such heading level
        {"kind": "gallery", "text": "x"},  # an unknown kind
    ],
)
def test_invalid_blocks_are_refused_by_the_database(fields):
    assert refused(BlockFactory, **fields)


def test_paragraph_block_with_a_photo_is_refused():
    assert refused(BlockFactory, kind=BlockKind.PARAGRAPH, photo=PhotoFactory())


def test_paragraph_html_is_sanitised_on_save():
    block = BlockFactory(
        text='<p onclick="x()">Hi <b>there</b> <a href="javascript:alert(1)">x</a>'
        '<a href="https://example.org" onmouseover="y()">ok</a><script>alert(1)</script></p>'
    )
    assert "<script" not in block.text
    assert "onclick" not in block.text
    assert "onmouseover" not in block.text
    assert "javascript:" not in block.text
    assert "<b>there</b>" in block.text
    assert 'href="https://example.org"' in block.text


def test_heading_gets_a_unique_anchor():
    article = ArticleFactory()
    first = BlockFactory(article=article, kind=BlockKind.HEADING, text="Children in fear")
    second = BlockFactory(article=article, kind=BlockKind.HEADING, text="Children <i>in</i> fear")
    assert (first.anchor, second.anchor) == ("children-in-fear", "children-in-fear-2")
    assert second.text == "Children in fear"


def test_photo_in_a_block_cannot_be_deleted():
    block = BlockFactory(kind=BlockKind.PHOTO, text="", photo=PhotoFactory())
    with pytest.raises(ProtectedError):
        block.photo.delete()


def test_block_str_is_readable():
    block = BlockFactory(position=4, text="A" * 80)
    assert str(block).startswith("Paragraph 4: AAAA")
    assert str(block).endswith("…")


# --- Quotes, bylines -----------------------------------------------------------------------


def test_quote_needs_words_and_a_speaker():
    assert refused(QuoteFactory, text="")
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.create(text="Words")


def test_placed_quote_needs_its_offset():
    block = BlockFactory(text="He said hello.")
    assert refused(QuoteFactory, text="hello", block=block, article=block.article, offset=None)


def test_quote_offset_must_point_at_the_words():
    block = BlockFactory(text="He said <b>hello</b> twice.")
    good = QuoteFactory.build(
        text="hello", block=block, article=block.article, offset=8, speaker=PersonFactory()
    )
    good.clean()
    bad = QuoteFactory.build(
        text="hello", block=block, article=block.article, offset=3, speaker=PersonFactory()
    )
    with pytest.raises(ValidationError, match="offset"):
        bad.clean()
    elsewhere = QuoteFactory.build(text="hello", block=block, article=ArticleFactory(), offset=8)
    with pytest.raises(ValidationError, match="another article"):
        elsewhere.clean()


def test_speaker_with_quotes_cannot_be_deleted():
    quote = QuoteFactory()
    with pytest.raises(ProtectedError):
        quote.speaker.delete()


def test_quote_str_shows_words_and_speaker():
    quote = QuoteFactory(text="We will win", speaker=PersonFactory(name="Ann Lee"))
    assert str(quote) == "“We will win” (Ann Lee)"


def test_byline_names_a_person_or_an_agency_not_both():
    assert refused(BylineFactory, agency=AgencyFactory())
    assert refused(BylineFactory, person=None)
    byline = BylineFactory(person=None, agency=AgencyFactory(name="AFP"))
    assert str(byline) == "AFP"
    assert Byline.objects.count() == 1


def test_deleting_an_article_takes_its_blocks_and_quotes():
    article = article_with_body()
    block = article.blocks.filter(kind=BlockKind.PARAGRAPH).first()
    QuoteFactory(text="Paragraph", article=article, block=block, offset=0)
    article.delete()
    assert not Block.objects.exists()
    assert not Quote.objects.exists()


def test_tag_str_names_its_kind():
    assert str(TagFactory(name="Hamas", kind="organisation")) == "Hamas (organisation)"


# --- Published versions --------------------------------------------------------------------


def test_only_one_live_version_per_article():
    from articles.publishing import version_publish

    article = article_with_body()
    version = version_publish(article=article)
    duplicate = ArticleVersion(
        article=article,
        number=2,
        is_live=True,
        language="en",
        slug="other",
        first_published_at=version.first_published_at,
        published_at=version.published_at,
        visible_from=version.visible_from,
    )
    assert refused(duplicate.save)
