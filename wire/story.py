"""What a wire reader makes of a file: one ``WireStory``, whatever the format.

The shape is the article's: fields an editor knows (headline, dek, byline, dateline),
the body as ordered blocks, photos with their credits read into parts, and the agency's
own identity for the item (source, id, version), so a later import can create or update
a draft article without knowing which format the copy came in.
"""

from dataclasses import asdict, dataclass, field

PARAGRAPH = "paragraph"
HEADING = "heading"


@dataclass
class Block:
    """One piece of the body, in order: a paragraph or a subheading."""

    kind: str
    text: str


@dataclass
class Dateline:
    """Where and when the story was filed, as the agency printed it and in parts."""

    printed: str = ""
    place: str = ""
    agency: str = ""
    date: str = ""

    def __bool__(self):
        return bool(self.printed or self.place)


@dataclass
class CreditParts:
    """A photo credit read into the parts the photo desk stores (see media.credits)."""

    creator: str = ""
    agency: str = ""
    agency_category: str = ""
    pool: bool = False
    platform: str = ""
    handle: str = ""


@dataclass
class Photo:
    """A photo the copy describes: its caption (and the same caption in other
    languages, when the agency sends several) and its credit as printed and in parts."""

    caption: str = ""
    credit: str = ""
    credit_parts: CreditParts = field(default_factory=CreditParts)
    captions: dict = field(default_factory=dict)
    # Where it stands: the number of body blocks before it.
    position: int = 0


@dataclass
class Subject:
    """A subject code the agency attached (IPTC media topic, subject code or its own)."""

    code: str = ""
    name: str = ""


@dataclass
class WireStory:
    """One agency story, read from any of the formats in ``wire.formats``."""

    format: str
    format_version: str = ""
    language: str = ""
    headline: str = ""
    dek: str = ""
    byline: str = ""
    dateline: Dateline = field(default_factory=Dateline)
    blocks: list = field(default_factory=list)
    photos: list = field(default_factory=list)
    source: str = ""
    item_id: str = ""
    version: str = ""
    slugline: str = ""
    subjects: list = field(default_factory=list)
    keywords: list = field(default_factory=list)
    urgency: int | None = None
    embargo: str = ""
    created: str = ""
    updated: str = ""
    editorial_note: str = ""
    sign_off: list = field(default_factory=list)
    charset: str = ""

    @property
    def paragraphs(self):
        """Return the body's paragraphs (subheadings left out), in order."""
        return [block.text for block in self.blocks if block.kind == PARAGRAPH]

    def paragraph_block_indexes(self):
        """Return, for each paragraph in ``paragraphs``, its index in ``blocks``."""
        return [index for index, block in enumerate(self.blocks) if block.kind == PARAGRAPH]

    def article_fields(self):
        """Return the fields a draft article takes from this story.

        The keys are the article's (``articles.editing.ARTICLE_FIELDS`` plus the
        external identity that makes a second import of the same item an update).
        """
        return {
            "language": self.language,
            "headline": self.headline,
            "dek": self.dek,
            "dateline": self.dateline.place,
            "source": self.source,
            "external_source": self.source,
            "external_id": self.item_id,
        }

    def to_dict(self):
        """Return the story as plain data (lists and dicts), for JSON."""
        data = asdict(self)
        data["paragraphs"] = self.paragraphs
        return data
