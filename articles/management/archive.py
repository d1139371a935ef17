"""A synthetic archive shaped like the seed story, for benchmarks and load tests.

Each article has about 25 paragraphs, 2 subheadings, 4 quotes and 2 photos, bylines,
tags and people, and is published through the same rendering as real articles
(``articles.publishing.versions_publish_archive``), written in bulk.
"""

import io
import random
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from articles.models import (
    Article,
    ArticleStatus,
    Block,
    BlockKind,
    Byline,
    Person,
    Quote,
    Section,
    Tag,
    TagKind,
)
from articles.publishing import snapshots, versions_publish_archive
from media.models import Agency, Photo, PhotoText

SYLLABLES = (
    "ba be bi bo bu da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro "
    "sa se si so ta te ti to va ve vi za"
).split()
COMMON = (
    "the of and to in a is that for on said with as was by at from it his an were are which "
    "this be has had not but have its their they after been who more also over government war "
    "talks minister city people country officials president week year new two security aid"
).split()
TOPICS = 2000  # rare words: each article carries one, so a search finds about 1 in 2,000


class ArchiveResolver(snapshots.Resolver):
    """The archive has no translations: skip looking for them, once per article."""

    def translations(self, content, at):
        return [], None


class ArchiveGenerator:
    def __init__(self, *, seed=1, start=None, spacing=timedelta(minutes=7)):
        self.random = random.Random(seed)
        self.start = start or timezone.now()
        self.spacing = spacing
        self.topics = [self._word(3) + "x" for _ in range(TOPICS)]
        self.sentences = [self._sentence(self.random.randint(8, 16)) for _ in range(20_000)]

    def _word(self, syllables=None):
        return "".join(
            self.random.choice(SYLLABLES) for _ in range(syllables or self.random.randint(1, 3))
        )

    def _sentence(self, words):
        chosen = [
            self.random.choice(COMMON) if self.random.random() < 0.6 else self._word()
            for _ in range(words)
        ]
        return " ".join(chosen).capitalize() + "."

    # --- Shared things ----------------------------------------------------------------

    def shared(self):
        """Create (or reuse) the sections, people, tags, agencies and photos to draw on."""
        sections = []
        for root_index in range(5):
            root, _ = Section.objects.get_or_create(
                path=f"archive-{root_index}",
                defaults={"name": f"Archive {root_index}", "slug": f"archive-{root_index}"},
            )
            sections.append(root)
            for child_index in range(4):
                slug = f"part-{child_index}"
                child, _ = Section.objects.get_or_create(
                    path=f"{root.path}/{slug}",
                    defaults={"name": f"Part {child_index}", "slug": slug, "parent": root},
                )
                sections.append(child)
        people = [
            Person.objects.get_or_create(
                slug=f"archive-person-{i}",
                defaults={"name": f"Person {i}", "description": "A recurring voice."},
            )[0]
            for i in range(200)
        ]
        tags = [
            Tag.objects.get_or_create(
                slug=f"archive-tag-{i}",
                defaults={
                    "name": f"Tag {i}",
                    "kind": [TagKind.TOPIC, TagKind.PLACE, TagKind.ORGANISATION][i % 3],
                },
            )[0]
            for i in range(60)
        ]
        agency, _ = Agency.objects.get_or_create(
            slug="archive-wire", defaults={"name": "Archive Wire"}
        )
        photos = [self._photo(i, agency) for i in range(40)]
        return sections, people, tags, agency, photos

    def _photo(self, index, agency):
        title = f"Archive photo {index}"
        existing = Photo.objects.filter(title=title).first()
        if existing:
            return existing
        buffer = io.BytesIO()
        Image.new("RGB", (1200, 800), (index * 6 % 256, 90, 160)).save(buffer, "JPEG", quality=70)
        photo = Photo.objects.create(
            title=title,
            image=SimpleUploadedFile(f"archive-{index}.jpg", buffer.getvalue(), "image/jpeg"),
            credit_creator=f"Photographer {index % 7}",
            credit_agency=agency,
        )
        PhotoText.objects.create(
            photo=photo, language="en", caption=self._sentence(14), alt_text=self._sentence(8)
        )
        return photo

    # --- Articles ---------------------------------------------------------------------

    def create(self, count, *, first_index=0, batch_size=250, progress=None):
        sections, people, tags, agency, photos = self.shared()
        resolver = ArchiveResolver()
        for offset in range(0, count, batch_size):
            size = min(batch_size, count - offset)
            self._batch(
                first_index + offset, size, sections, people, tags, agency, photos, resolver
            )
            if progress:
                progress(size)

    @transaction.atomic
    def _batch(self, first, size, sections, people, tags, agency, photos, resolver):
        articles = []
        for index in range(first, first + size):
            published = self.start - self.spacing * index
            articles.append(
                Article(
                    language="en",
                    headline=f"{self._sentence(7)[:-1]} {self.topics[index % TOPICS]}",
                    slug=f"archive-story-{index}",
                    dek=self._sentence(18),
                    section=self.random.choice(sections),
                    lead_photo=self.random.choice(photos),
                    source="Archive Wire",
                    status=ArticleStatus.PUBLISHED,
                    first_published_at=published,
                    published_at=published,
                )
            )
        Article.objects.bulk_create(articles)
        blocks, quotes, bylines = [], [], []
        for article in articles:
            article_blocks = self._blocks(article, photos)
            blocks += article_blocks
            bylines.append(Byline(article=article, position=0, agency=agency))
        Block.objects.bulk_create(blocks)
        paragraphs = {}
        for block in blocks:
            if block.kind == BlockKind.PARAGRAPH:
                paragraphs.setdefault(block.article_id, []).append(block)
        for article in articles:
            for block in self.random.sample(paragraphs[article.pk], 4):
                words = block.text.split(" ")[:6]
                quotes.append(
                    Quote(
                        text=" ".join(words),
                        speaker=self.random.choice(people),
                        speaker_role="spokesperson",
                        article=article,
                        block=block,
                        offset=0,
                    )
                )
        Quote.objects.bulk_create(quotes)
        Byline.objects.bulk_create(bylines)
        Through = Article.tags.through
        Through.objects.bulk_create(
            Through(article_id=a.pk, tag_id=t.pk)
            for a in articles
            for t in self.random.sample(tags, 4)
        )
        PeopleThrough = Article.people.through
        PeopleThrough.objects.bulk_create(
            PeopleThrough(article_id=a.pk, person_id=p.pk)
            for a in articles
            for p in self.random.sample(people, 3)
        )

        versions_publish_archive(
            Article.objects.with_body().filter(pk__in=[a.pk for a in articles]), resolver=resolver
        )

    def _blocks(self, article, photos):
        kinds = [BlockKind.PARAGRAPH] * 25
        kinds.insert(8, BlockKind.HEADING)
        kinds.insert(17, BlockKind.HEADING)
        kinds.insert(12, BlockKind.PHOTO)
        blocks = []
        for position, kind in enumerate(kinds):
            block = Block(article=article, position=position, kind=kind)
            if kind == BlockKind.PARAGRAPH:
                block.text = " ".join(self.random.sample(self.sentences, 3))
            elif kind == BlockKind.HEADING:
                block.text = self._sentence(4)[:-1]
                block.anchor = f"part-{position}"
            else:
                block.photo = self.random.choice(photos)
            blocks.append(block)
        return blocks
