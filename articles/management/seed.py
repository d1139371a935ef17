"""Build the ``seed_article`` fixture from the seed story's text.

The layout (dek, headline, paragraphs, subheadings, photo captions) is read from the
text itself; what a text file cannot say (who each speaker is, the structured credits,
the entities) is written down here. ``manage.py build_seed_fixture`` runs this and
writes ``articles/fixtures/seed_article.json`` plus the stand-in photos beside it.
"""

import hashlib
import io
import re
import textwrap
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from articles.models import BlockKind, TagKind
from articles.sanitize import clean_inline_html
from media.credits import Credit
from media.embed import EmbeddedMetadata, jpeg_with_metadata
from media.models import AgencyCategory

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"  # articles/fixtures
SEED_TEXT = FIXTURES / "seed-article.txt"
PUBLISHED_AT = "2024-02-07T17:00:00Z"  # Wednesday 7 February 2024, the day the story tells
QUOTE_NAMESPACE = uuid.UUID("6f1d4c0e-8d52-4b8a-9a3e-2f0c2b7f5e11")

ARTICLE = {"language": "en", "slug": "blinken-presses-israel-for-gaza-truce", "source": "AFP"}
SECTIONS = [("World", "world", None), ("Middle East", "middle-east", "world")]
AGENCIES = [("AFP", "afp", AgencyCategory.WIRE)]


@dataclass
class SeedPhoto:
    credit_line: str
    credit: Credit
    agency_slug: str | None
    file_name: str
    title: str
    taken_on: date | None = None
    taken_place: str = ""
    city: str = ""
    country: str = ""
    captions: dict = field(default_factory=dict)


PHOTOS = [
    SeedPhoto(
        credit_line="PHOTO/X/@SecBlinken",
        credit=Credit(platform="X", handle="@SecBlinken"),
        agency_slug=None,
        file_name="photos/seed/blinken-netanyahu-jerusalem.jpg",
        title="Blinken and Netanyahu (stand-in)",
    ),
    SeedPhoto(
        credit_line="PHOTO/Mark Schiefelbein/POOL/AFP",
        credit=Credit(creator="Mark Schiefelbein", agency="AFP", pool=True),
        agency_slug="afp",
        file_name="photos/seed/blinken-al-thani-doha.jpg",
        title="Blinken and al-Thani at Diwan Annex, Doha (stand-in)",
        taken_on=date(2024, 2, 6),
        taken_place="Diwan Annex, Doha, Qatar",
        city="Doha",
        country="Qatar",
    ),
]

PEOPLE = [
    ("Antony Blinken", "antony-blinken", "United States Secretary of State."),
    ("Benjamin Netanyahu", "benjamin-netanyahu", "Prime Minister of Israel."),
    (
        "Mohamed bin Abdulrahman al-Thani",
        "mohamed-bin-abdulrahman-al-thani",
        "Prime Minister and Foreign Minister of Qatar.",
    ),
    ("Jens Laerke", "jens-laerke", "Spokesman for the UN humanitarian office, OCHA."),
    ("Mohammad Abu Nada", "mohammad-abu-nada", "Resident of Rafah, in the Gaza Strip."),
    ("Yoav Gallant", "yoav-gallant", "Defence Minister of Israel."),
    ("Safia Marouf", "safia-marouf", "Displaced Gazan who took refuge in Rafah with her family."),
    (
        "Tommaso della Longa",
        "tommaso-della-longa",
        "Spokesman for the International Federation of Red Cross and Red Crescent Societies.",
    ),
]
PEOPLE_IN_THE_STORY = [
    "antony-blinken",
    "benjamin-netanyahu",
    "mohamed-bin-abdulrahman-al-thani",
    "yoav-gallant",
]

TAGS = [
    ("Israel-Hamas war", "israel-hamas-war", TagKind.EVENT),
    ("Ceasefire negotiations", "ceasefire-negotiations", TagKind.TOPIC),
    ("Humanitarian crisis", "humanitarian-crisis", TagKind.TOPIC),
    ("Diplomacy", "diplomacy", TagKind.TOPIC),
    ("Hamas", "hamas", TagKind.ORGANISATION),
    ("Mossad", "mossad", TagKind.ORGANISATION),
    (
        "UN Office for the Coordination of Humanitarian Affairs (OCHA)",
        "ocha",
        TagKind.ORGANISATION,
    ),
    (
        "International Federation of Red Cross and Red Crescent Societies",
        "ifrc",
        TagKind.ORGANISATION,
    ),
    ("Hezbollah", "hezbollah", TagKind.ORGANISATION),
    ("Houthis", "houthis", TagKind.ORGANISATION),
    (
        "Syrian Observatory for Human Rights",
        "syrian-observatory-for-human-rights",
        TagKind.ORGANISATION,
    ),
    ("Israel", "israel", TagKind.PLACE),
    ("Gaza Strip", "gaza-strip", TagKind.PLACE),
    ("Rafah", "rafah", TagKind.PLACE),
    ("Jerusalem", "jerusalem", TagKind.PLACE),
    ("Qatar", "qatar", TagKind.PLACE),
    ("Doha", "doha", TagKind.PLACE),
    ("Egypt", "egypt", TagKind.PLACE),
    ("United States", "united-states", TagKind.PLACE),
    ("Lebanon", "lebanon", TagKind.PLACE),
    ("Iraq", "iraq", TagKind.PLACE),
    ("Syria", "syria", TagKind.PLACE),
    ("Homs", "homs", TagKind.PLACE),
    ("Yemen", "yemen", TagKind.PLACE),
    ("Red Sea", "red-sea", TagKind.PLACE),
]

# Every direct quotation: the words, who said them, their role as the story gives it,
# and when and where when the story says so.
QUOTES = [
    (
        "The response includes some comments, but overall it is positive",
        "mohamed-bin-abdulrahman-al-thani",
        "Qatari Prime Minister",
        date(2024, 2, 6),
        "Doha",
    ),
    ("much work remains to be done", "antony-blinken", "US Secretary of State", None, ""),
    (
        "that an agreement is possible and certainly essential",
        "antony-blinken",
        "US Secretary of State",
        None,
        "",
    ),
    (
        "We are on the road to total victory and they will not stop us",
        "benjamin-netanyahu",
        "Israeli head of government",
        date(2024, 2, 6),
        "",
    ),
    (
        "The escalation of hostilities in Rafah in this situation could lead to large-scale "
        "loss of civilian life and we must do what we can to prevent that",
        "jens-laerke",
        "spokesman for the UN humanitarian office, OCHA",
        None,
        "",
    ),
    ("is a nightmare", "mohammad-abu-nada", "", None, "Najjar hospital, Rafah"),
    (
        "intensifies the aggression to show him that it rejects the truce",
        "mohammad-abu-nada",
        "",
        None,
        "Najjar hospital, Rafah",
    ),
    (
        "will reach places where we have not yet fought ... until the last stronghold of "
        "Hamas, which is Rafah",
        "yoav-gallant",
        "Israeli Defence Minister",
        None,
        "",
    ),
    (
        "The children are living in fear, and if we want to leave Rafah, we don't know where "
        "to go. What will be our fate and that of our children",
        "safia-marouf",
        "",
        None,
        "Rafah",
    ),
    (
        "The humanitarian situation in the Gaza Strip is beyond catastrophic",
        "tommaso-della-longa",
        "spokesman for the Federation of Red Cross and Red Crescent Societies",
        None,
        "",
    ),
    ("optimistic", "mohamed-bin-abdulrahman-al-thani", "Qatari ruler", None, ""),
    ("demands that we will not accept", "benjamin-netanyahu", "Israeli Prime Minister", None, ""),
]

TOC_LINE = re.compile(r"^\s+\d+\.\s+(?P<text>.+)$")


@dataclass
class SeedLayout:
    dek: str
    headline: str
    body: list  # ("paragraph", text) | ("heading", text) | ("photo", index)
    captions: list  # per photo: {"es": ..., "en": ...}
    toc: list


def parse_seed(text):
    """Read the seed story's layout from its text."""
    lines = [line.rstrip() for line in text.splitlines()]
    blocks = [line for line in lines if line.strip()]
    dek, headline, rest = blocks[0].strip(), blocks[1].strip(), blocks[2:]
    toc = [m["text"].strip() for line in rest if (m := TOC_LINE.match(line))]
    credits = {photo.credit_line: index for index, photo in enumerate(PHOTOS)}
    captions = [{} for _ in PHOTOS]
    body, lead_index = [], None
    for line in rest:
        if TOC_LINE.match(line):
            continue
        caption, _, credit = line.rpartition(" - ")
        if caption and credit in credits:
            index = credits[credit]
            language = "es" if not captions[index] else "en"
            captions[index][language] = caption.strip()
            if language == "es":
                if not body:
                    lead_index = index
                else:
                    body.append(("photo", index))
            continue
        stripped = line.strip()
        body.append(("heading" if stripped in toc else "paragraph", stripped))
    if lead_index != 0:
        raise ValueError("The seed's first photo should stand above the text as its lead.")
    return SeedLayout(dek=dek, headline=headline, body=body, captions=captions, toc=toc)


def stand_in_jpeg(photo, captions):
    """Draw a stand-in picture that says what it stands for, with the real metadata."""
    width, height = 1600, 1067
    ramp = Image.linear_gradient("L").resize((width, height)).rotate(90, expand=False)
    image = ImageOps.colorize(ramp, black="#1c3550", white="#d7dee6").convert("RGB")
    draw = ImageDraw.Draw(image)
    title_font = ImageFont.load_default(size=56)
    text_font = ImageFont.load_default(size=34)
    draw.text((80, 80), "Stand-in image, not the real photo", fill="#ffffff", font=title_font)
    y = 200
    for line in textwrap.wrap(captions["en"], width=70):
        draw.text((80, y), line, fill="#ffffff", font=text_font)
        y += 46
    draw.text((80, height - 120), photo.credit_line, fill="#102030", font=text_font)
    meta = EmbeddedMetadata(
        captions=captions,
        creator=photo.credit.creator or photo.credit.handle,
        credit_line=photo.credit_line,
        source=photo.credit.agency or photo.credit.platform,
        date_created=photo.taken_on,
        city=photo.city,
        country=photo.country,
    )
    return jpeg_with_metadata(image, meta, quality=82, optimize=True)


def build_fixture(text, media_dir):
    """Return the fixture objects for the seed story, writing its photos to ``media_dir``."""
    layout = parse_seed(text)
    article_key = [ARTICLE["language"], ARTICLE["slug"]]
    objects = [
        {"model": "media.agency", "fields": {"name": name, "slug": slug, "category": category}}
        for name, slug, category in AGENCIES
    ]
    photo_keys = []
    for photo, captions in zip(PHOTOS, layout.captions, strict=True):
        photo_objects = _photo_objects(photo, captions, media_dir)
        photo_keys.append(photo_objects[0]["fields"]["checksum"])
        objects += photo_objects
    objects += _section_objects()
    objects += _entity_objects()
    objects.append(_article_object(layout, lead_photo=[photo_keys[0]]))
    objects.append(
        {
            "model": "articles.byline",
            "fields": {"article": article_key, "position": 0, "person": None, "agency": ["afp"]},
        }
    )
    blocks, paragraphs = _block_objects(layout, article_key, [[key] for key in photo_keys])
    objects += blocks
    objects += _quote_objects(paragraphs, article_key)
    # Last: loading this row freezes the article just loaded and renders it (see
    # articles.publishing.signals.render_fixture_version). It names no many-to-many
    # fields: loaddata would set them after that render and wipe what it recorded (the
    # people and tags the public API lists).
    objects.append(_version_object(article_key))
    return objects


def _photo_objects(photo, captions, media_dir):
    """The photo row (first) and its captions, its stand-in file written to disk."""
    if photo.credit.line() != photo.credit_line:
        raise ValueError(f"The structured credit renders {photo.credit.line()!r}.")
    data = stand_in_jpeg(photo, captions)
    path = Path(media_dir) / photo.file_name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    checksum = hashlib.sha256(data).hexdigest()
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
    row = {
        "model": "media.photo",
        "fields": {
            "image": photo.file_name,
            "width": width,
            "height": height,
            "file_size": len(data),
            "checksum": checksum,
            "title": photo.title,
            "is_decorative": False,
            "focal_point_x": 0.5,
            "focal_point_y": 0.5,
            "credit_creator": photo.credit.creator,
            "credit_agency": [photo.agency_slug] if photo.agency_slug else None,
            "credit_pool": photo.credit.pool,
            "credit_platform": photo.credit.platform,
            "credit_handle": photo.credit.handle,
            "copyright_notice": "",
            "usage_terms": "",
            "rights_expire_at": None,
            "taken_on": photo.taken_on.isoformat() if photo.taken_on else None,
            "taken_place": photo.taken_place,
            "uploaded_by": None,
            "created_at": PUBLISHED_AT,
            "updated_at": PUBLISHED_AT,
        },
    }
    texts = [
        {
            "model": "media.phototext",
            "fields": {
                "photo": [checksum],
                "language": language,
                "caption": caption,
                "alt_text": "",
            },
        }
        for language, caption in captions.items()
    ]
    return [row, *texts]


def _section_objects():
    objects, full_names = [], {}
    for name, slug, parent in SECTIONS:
        full_names[slug] = f"{full_names[parent]} > {name}" if parent else name
        objects.append(
            {
                "model": "articles.section",
                "fields": {
                    "name": name,
                    "slug": slug,
                    "parent": [parent] if parent else None,
                    "path": f"{parent}/{slug}" if parent else slug,
                    "full_name": full_names[slug],
                    "position": 0,
                    "description": "",
                },
            }
        )
    return objects


def _entity_objects():
    """The people and the tags (organisations, places, topics) of the story."""
    people = [
        {
            "model": "articles.person",
            "fields": {
                "name": name,
                "slug": slug,
                "description": description,
                "wikidata_id": "",
                "user": None,
            },
        }
        for name, slug, description in PEOPLE
    ]
    tags = [
        {
            "model": "articles.tag",
            "fields": {
                "name": name,
                "slug": slug,
                "kind": kind,
                "description": "",
                "wikidata_id": "",
            },
        }
        for name, slug, kind in TAGS
    ]
    return people + tags


def _article_object(layout, *, lead_photo):
    return {
        "model": "articles.article",
        "fields": {
            **ARTICLE,
            "translation_of": None,
            "kicker": "",
            "headline": layout.headline,
            "dek": layout.dek,
            "section": ["world/middle-east"],
            "lead_photo": lead_photo,
            "tags": [[slug] for _, slug, _ in TAGS],
            "people": [[slug] for slug in PEOPLE_IN_THE_STORY],
            "dateline": "",
            "status": "published",
            "created_at": PUBLISHED_AT,
            "updated_at": PUBLISHED_AT,
            "first_published_at": PUBLISHED_AT,
            "published_at": PUBLISHED_AT,
            "embargo_until": None,
            "expires_at": None,
            "version": 1,
            "created_by": None,
        },
    }


def _block_objects(layout, article_key, photo_keys):
    """The body's blocks in order, and (position, text) of each paragraph."""
    objects, paragraphs = [], []
    for position, (kind, value) in enumerate(layout.body):
        fields = {
            "article": article_key,
            "position": position,
            "kind": kind,
            "text": "",
            "anchor": "",
            "level": 2,
            "photo": None,
            "quote": None,
            "items": [],
            "url": "",
        }
        if kind == BlockKind.PARAGRAPH:
            fields["text"] = clean_inline_html(value)
            paragraphs.append((position, value))
        elif kind == BlockKind.HEADING:
            fields["text"] = value
            fields["anchor"] = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
        else:
            fields["photo"] = photo_keys[value]
        objects.append({"model": "articles.block", "fields": fields})
    return objects, paragraphs


def _quote_objects(paragraphs, article_key):
    """Each quotation, placed where its words stand (in exactly one paragraph)."""
    objects = []
    for text, speaker, role, said_on, said_where in QUOTES:
        found = [
            (position, paragraph.find(text))
            for position, paragraph in paragraphs
            if text in paragraph
        ]
        if len(found) != 1:
            raise ValueError(
                f"The quote {text[:40]!r} stands in {len(found)} paragraphs, not one."
            )
        position, offset = found[0]
        objects.append(
            {
                "model": "articles.quote",
                "fields": {
                    "key": str(uuid.uuid5(QUOTE_NAMESPACE, text)),
                    "text": text,
                    "language": "en",
                    "speaker": [speaker],
                    "speaker_role": role,
                    "said_on": said_on.isoformat() if said_on else None,
                    "said_where": said_where,
                    "article": article_key,
                    "block": [*article_key, position],
                    "offset": offset,
                },
            }
        )
    return objects


def _version_object(article_key):
    return {
        "model": "articles.articleversion",
        "fields": {
            "article": article_key,
            "number": 1,
            "is_live": True,
            "language": ARTICLE["language"],
            "slug": ARTICLE["slug"],
            "section": None,
            "section_path": "",
            "first_published_at": PUBLISHED_AT,
            "published_at": PUBLISHED_AT,
            "visible_from": PUBLISHED_AT,
            "visible_until": None,
            "content": {},
            "document": "",
            "teaser": "",
            "rendered_at": None,
            "rendering_valid_until": None,
            "published_by": None,
            "note": "The seed story, as loaded by the seed_article fixture.",
        },
    }
