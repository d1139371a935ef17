"""Freeze an article's editorial content and render its public representation.

Publishing is two steps. ``freeze`` captures what the editors wrote, with references
to shared things by id (photos, people, tags, the section). ``render`` resolves those
ids into the public JSON a reader gets: credit lines, captions in the article's
language, section breadcrumbs, translations. Rendering never looks at the article's
current draft, so it can run again whenever a shared thing changes.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleVersion, BlockKind, Person, Section, Tag
from articles.publishing import links
from articles.publishing.formats.html import body_text
from media.models import Agency, Photo
from media.public import photo_public_document, photo_teaser_document, photos_visible_until
from newsroom import jsontext

CONTENT_SCHEMA = 1


def dumps(value):
    """Serialise to compact JSON text, datetimes in UTC with a Z, safe to inline in HTML
    (``newsroom.jsontext``)."""
    return jsontext.dumps(value).decode()


def _iso(value):
    return value.isoformat() if isinstance(value, date | datetime) else value


# --- Freezing ----------------------------------------------------------------------------


def freeze(article):
    """Return the editorial content of ``article`` as plain data, shared things by id.

    Reads the prefetched relations of ``Article.objects.with_body()`` when present.
    """
    blocks = sorted(article.blocks.all(), key=lambda block: block.position)
    index_of_block = {block.pk: index for index, block in enumerate(blocks)}
    quotes = sorted(
        (quote for quote in article.quotes.all()),
        key=lambda q: (index_of_block.get(q.block_id, len(blocks)), q.offset or 0, q.pk),
    )
    return {
        "schema": CONTENT_SCHEMA,
        "id": article.pk,
        "language": article.language,
        "slug": article.slug,
        "kicker": article.kicker,
        "headline": article.headline,
        "dek": article.dek,
        "dateline": article.dateline,
        "source": article.source,
        "section_id": article.section_id,
        "lead_photo_id": article.lead_photo_id,
        "translation_of_id": article.translation_of_id,
        "bylines": [
            {"person_id": byline.person_id, "agency_id": byline.agency_id}
            for byline in sorted(article.bylines.all(), key=lambda byline: byline.position)
        ],
        "blocks": [_freeze_block(block) for block in blocks],
        "quotes": [_freeze_quote(quote, index_of_block.get(quote.block_id)) for quote in quotes],
        "tag_ids": sorted(tag.pk for tag in article.tags.all()),
        "person_ids": sorted(person.pk for person in article.people.all()),
        "embargo_until": _iso(article.embargo_until),
        "expires_at": _iso(article.expires_at),
        "corrections": _freeze_corrections(article),
    }


def _freeze_corrections(article):
    """The typed public notes (correction, clarification, update), oldest first."""
    notes = sorted(article.corrections.all(), key=lambda note: (note.created_at, note.pk))
    return [
        {
            "kind": note.kind,
            "text": note.text,
            # Frozen content is stored as JSON: the date as UTC text, like the API's dates.
            "date": note.created_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        }
        for note in notes
    ]


def _freeze_block(block):
    kind = block.kind
    if kind == BlockKind.PARAGRAPH:
        return {"kind": kind, "html": block.text}
    if kind == BlockKind.HEADING:
        return {"kind": kind, "text": block.text, "anchor": block.anchor, "level": block.level}
    if kind == BlockKind.PHOTO:
        return {"kind": kind, "photo_id": block.photo_id}
    if kind == BlockKind.QUOTE:
        return {"kind": kind, "quote": _freeze_quote(block.quote, None)}
    if kind == BlockKind.LIST:
        return {"kind": kind, "items": list(block.items)}
    return {"kind": kind, "url": block.url, "caption": block.text}


def _freeze_quote(quote, block_index):
    return {
        "id": quote.pk,
        "text": quote.text,
        "language": quote.language,
        "speaker_id": quote.speaker_id,
        "speaker_role": quote.speaker_role,
        "said_on": _iso(quote.said_on),
        "said_where": quote.said_where,
        "block": block_index,
        "offset": quote.offset if block_index is not None else None,
    }


# --- Rendering ---------------------------------------------------------------------------


@dataclass
class Rendering:
    document: dict
    teaser: dict
    section_path: str
    search_text: str = ""
    valid_until: datetime | None = None
    photo_ids: set = field(default_factory=set)
    person_ids: set = field(default_factory=set)
    tag_ids: set = field(default_factory=set)
    author_ids: set = field(default_factory=set)
    author_agency_ids: set = field(default_factory=set)


class Resolver:
    """Fetch the shared things renderings need, one query per kind, and remember them.

    A fresh resolver per rendering is the default; a bulk job (generating an archive,
    re-rendering many versions) can pass one resolver to many renderings.
    """

    def __init__(self):
        self.photos, self.people, self.agencies, self.tags, self.sections = {}, {}, {}, {}, {}
        self.translation_links = {}

    def load(self, content):
        bylines = content["bylines"]
        person_ids = {q["speaker_id"] for q in _all_quotes(content)} | set(content["person_ids"])
        person_ids |= {b["person_id"] for b in bylines if b["person_id"]}
        self._fetch(self.photos, Photo.objects.with_texts(), _photo_ids(content))
        self._fetch(self.people, Person.objects.all(), person_ids)
        self._fetch(self.agencies, Agency.objects.all(), {b["agency_id"] for b in bylines})
        self._fetch(self.tags, Tag.objects.all(), set(content["tag_ids"]))
        return self

    def section_chain(self, section_id):
        """Return the sections from the root down to ``section_id``."""
        if section_id not in self.sections:
            section = Section.objects.filter(pk=section_id).first()
            chain = []
            if section is not None:
                depth = section.path.count("/")
                prefixes = [section.path.rsplit("/", n)[0] for n in range(depth, 0, -1)]
                chain = [*Section.objects.filter(path__in=prefixes).order_by("path"), section]
            self.sections[section_id] = chain
        return self.sections[section_id]

    def translations(self, content, at):
        """Links to the readable translations and when that changes, read once per
        article and moment however many parts of the rendering ask."""
        key = (content["id"], at)
        if key not in self.translation_links:
            self.translation_links[key] = _translations(content, at)
        return self.translation_links[key]

    @staticmethod
    def _fetch(cache, queryset, ids):
        missing = {pk for pk in ids if pk is not None and pk not in cache}
        if missing:
            cache.update(queryset.in_bulk(missing))


def render(content, *, version=None, at=None, resolver=None):
    """Render frozen ``content`` into the public document and teaser.

    ``version`` supplies the publication facts (number, dates); without it (a
    preview) the document says version 0 and carries no dates.
    """
    at = at or timezone.now()
    resolved = (resolver or Resolver()).load(content)
    chain = resolved.section_chain(content["section_id"])
    section_path = chain[-1].path if chain else ""
    headline_fields = _headline_fields(content, version, chain, resolved)
    document = {**headline_fields, **_story_fields(content, resolved, at)}
    teaser = {**headline_fields, "lead_photo": _teaser_photo(document["lead_photo"])}
    return Rendering(
        document=document,
        teaser=teaser,
        section_path=section_path,
        search_text=search_text(document),
        valid_until=_valid_until(content, resolved, at),
        photo_ids=_photo_ids(content) & set(resolved.photos),
        person_ids={q["speaker_id"] for q in _all_quotes(content)} | set(content["person_ids"]),
        tag_ids=set(content["tag_ids"]),
        author_ids={b["person_id"] for b in content["bylines"] if b["person_id"]},
        author_agency_ids={b["agency_id"] for b in content["bylines"] if b["agency_id"]},
    )


def _headline_fields(content, version, chain, resolved):
    """What a teaser and the whole article both carry: identity, addresses, headline,
    section, bylines, dates."""
    section = chain[-1] if chain else None
    return {
        "id": content["id"],
        "version": version.number if version else 0,
        "api_url": reverse("api:article-detail", kwargs={"lookup": content["id"]}),
        "web_url": links.article_web_url(
            section_path=section.path if section else "",
            slug=content["slug"],
            article_id=content["id"],
            language=content["language"],
        ),
        "language": content["language"],
        "slug": content["slug"],
        "kicker": content["kicker"],
        "headline": content["headline"],
        "dek": content["dek"],
        "section": _section_document(chain),
        "bylines": [_byline_document(byline, resolved) for byline in content["bylines"]],
        "source": content["source"],
        "dateline": content["dateline"],
        **_dates(version),
    }


def _story_fields(content, resolved, at):
    """What only the whole article carries: photos, body, contents, quotes, entities,
    translations and public notes."""
    language = content["language"]
    photo = resolved.photos.get(content["lead_photo_id"])
    body = [_render_block(block, resolved, language, at) for block in content["blocks"]]
    translations, _valid = resolved.translations(content, at)
    return {
        "lead_photo": _photo_document(photo, language, at) if photo else None,
        "body": body,
        "table_of_contents": [
            {"text": block["text"], "anchor": block["anchor"], "level": block["level"]}
            for block in body
            if block["type"] == BlockKind.HEADING
        ],
        "quotes": [_quote_document(quote, resolved) for quote in content["quotes"]],
        "people": [
            _person_document(resolved.people[pk])
            for pk in content["person_ids"]
            if pk in resolved.people
        ],
        "tags": [
            {"name": tag.name, "slug": tag.slug, "kind": tag.kind}
            for pk in content["tag_ids"]
            if (tag := resolved.tags.get(pk))
        ],
        "translations": translations,
        # Public notes; content frozen before they existed has none.
        "corrections": content.get("corrections", []),
    }


def _section_document(chain):
    if not chain:
        return None
    section = chain[-1]
    return {
        "id": section.pk,
        "name": section.name,
        "slug": section.slug,
        "path": section.path,
        "breadcrumbs": [{"name": s.name, "slug": s.slug, "path": s.path} for s in chain],
    }


def _valid_until(content, resolved, at):
    """When this rendering stops being right by itself: a translation goes public, or a
    photo's rights expire (it disappears then: the first read after that moment renders
    again, ``articles.publishing.version_public_document``)."""
    _links, translations_change = resolved.translations(content, at)
    shown = [resolved.photos[pk] for pk in _photo_ids(content) if pk in resolved.photos]
    moments = (translations_change, photos_visible_until(shown, at))
    return min((moment for moment in moments if moment), default=None)


def _photo_ids(content):
    ids = {content["lead_photo_id"]}
    ids |= {b["photo_id"] for b in content["blocks"] if b["kind"] == BlockKind.PHOTO}
    ids.discard(None)
    return ids


def _all_quotes(content):
    pulls = [b["quote"] for b in content["blocks"] if b["kind"] == BlockKind.QUOTE]
    return content["quotes"] + pulls


def published_quotes(document):
    """Return the distinct quotes a document shows, pull quotes included, in order."""
    seen, quotes = set(), []
    pulls = [b["quote"] for b in document["body"] if b["type"] == BlockKind.QUOTE]
    for quote in [*document["quotes"], *pulls]:
        if quote["id"] not in seen and quote["speaker"]:
            seen.add(quote["id"])
            quotes.append(quote)
    return quotes


def search_text(document):
    """Return the plain text full-text search looks at: headline, dek and body."""
    parts = [document["kicker"], document["headline"], document["dek"], body_text(document)]
    return "\n".join(part for part in parts if part)


def _dates(version):
    if version is None:
        return {"published_at": None, "updated_at": None}
    return {"published_at": version.first_published_at, "updated_at": version.visible_from}


def _render_block(block, resolved, language, at):
    kind = block["kind"]
    if kind == BlockKind.PARAGRAPH:
        return {"type": kind, "html": block["html"]}
    if kind == BlockKind.HEADING:
        return {
            "type": kind,
            "text": block["text"],
            "anchor": block["anchor"],
            "level": block["level"],
        }
    if kind == BlockKind.PHOTO:
        photo = resolved.photos.get(block["photo_id"])
        return {"type": kind, "photo": _photo_document(photo, language, at) if photo else None}
    if kind == BlockKind.QUOTE:
        return {"type": kind, "quote": _quote_document(block["quote"], resolved)}
    if kind == BlockKind.LIST:
        return {"type": kind, "items": block["items"]}
    return {"type": kind, "url": block["url"], "caption": block["caption"]}


def _photo_document(photo, language, at=None):
    """The public photo (``media.public``), or None when its rights have expired: a lead
    photo then disappears and a photo block keeps its place with ``photo: null``."""
    return photo_public_document(photo, language, at=at)


def _teaser_photo(photo_document):
    return photo_teaser_document(photo_document)


def _person_document(person):
    return {"id": person.pk, "name": person.name, "slug": person.slug}


def _quote_document(quote, resolved):
    speaker = resolved.people.get(quote["speaker_id"])
    return {
        "id": quote["id"],
        "text": quote["text"],
        "language": quote["language"],
        "speaker": {**_person_document(speaker), "description": speaker.description}
        if speaker
        else None,
        "speaker_role": quote["speaker_role"],
        "said_on": quote["said_on"],
        "said_where": quote["said_where"],
        "block": quote["block"],
        "offset": quote["offset"],
    }


def _byline_document(byline, resolved):
    if byline["person_id"]:
        person = resolved.people.get(byline["person_id"])
        return {"type": "person", "name": person.name, "slug": person.slug}
    agency = resolved.agencies.get(byline["agency_id"])
    return {"type": "agency", "name": agency.name, "slug": agency.slug}


def _translations(content, at):
    """Return links to the translations a reader can see now, and until when that holds."""
    at = at or timezone.now()
    root_id = content["translation_of_id"] or content["id"]
    family = Article.objects.filter(Q(pk=root_id) | Q(translation_of_id=root_id)).exclude(
        pk=content["id"]
    )
    links, changes = [], []
    for version in (
        ArticleVersion.objects.live()
        .filter(article__in=family, withdrawn_at__isnull=True)
        .only("article_id", "language", "slug", "visible_from", "visible_until")
        .order_by("language")
    ):
        if version.visible_from > at:
            changes.append(version.visible_from)
            continue
        if version.visible_until is not None:
            if version.visible_until <= at:
                continue
            changes.append(version.visible_until)
        links.append(
            {
                "id": version.article_id,
                "language": version.language,
                "slug": version.slug,
                "api_url": reverse("api:article-detail", kwargs={"lookup": version.article_id}),
            }
        )
    return links, min(changes, default=None)


__all__ = [
    "Rendering",
    "Resolver",
    "dumps",
    "freeze",
    "published_quotes",
    "render",
    "search_text",
]
