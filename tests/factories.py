import itertools

import factory
from django.contrib.auth import get_user_model

from articles.models import Article, Block, BlockKind, Byline, Person, Quote, Section, Tag
from articles.publishing import version_publish
from media.models import Agency, Photo, PhotoText
from tests.images import uploaded_image

_colors = itertools.count(1)


def _distinct_image(_):
    # A lossless file in a new colour each time, so every photo has its own checksum.
    n = next(_colors)
    return uploaded_image(
        name=f"photo-{n}.png", image_format="PNG", color=(n % 256, n // 256 % 256, 90)
    )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Agency {n}")
    slug = factory.Sequence(lambda n: f"agency-{n}")


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    image = factory.LazyAttribute(_distinct_image)
    credit_creator = "Jane Photographer"
    credit_agency = factory.SubFactory(AgencyFactory)


class PhotoTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PhotoText

    photo = factory.SubFactory(PhotoFactory)
    language = "en"
    caption = factory.Sequence(lambda n: f"Caption {n}")
    alt_text = factory.Sequence(lambda n: f"Alt text {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    headline = factory.Sequence(lambda n: f"Headline {n}")
    slug = factory.Sequence(lambda n: f"headline-{n}")
    dek = "A dek."
    section = factory.SubFactory(SectionFactory)
    language = "en"


class BlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Block

    article = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(lambda n: n)
    kind = BlockKind.PARAGRAPH
    text = factory.Sequence(lambda n: f"Paragraph {n}.")


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    text = "Words"
    speaker = factory.SubFactory(PersonFactory)


class BylineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Byline

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)


def article_with_body(paragraphs=3, **kwargs):
    """Create an article with ``paragraphs`` paragraphs, a heading and a photo."""
    article = ArticleFactory(**kwargs)
    position = 0
    for index in range(paragraphs):
        BlockFactory(
            article=article, position=position, text=f"Paragraph {index} of {article.slug}."
        )
        position += 1
        if index == 0:
            BlockFactory(
                article=article, position=position, kind=BlockKind.HEADING, text="A heading"
            )
            position += 1
    photo = PhotoTextFactory().photo
    BlockFactory(article=article, position=position, kind=BlockKind.PHOTO, text="", photo=photo)
    return article


def published_article(**kwargs):
    """Create an article with a body (see article_with_body) and publish it."""
    article = article_with_body(**kwargs)
    version_publish(article=article)
    article.refresh_from_db()
    return article
