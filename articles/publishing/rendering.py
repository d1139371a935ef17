"""Rendering: the public JSON and formats of live versions, from their frozen content.

A render writes only the rendered columns (``RENDERED_COLUMNS``), under the article's
lock (``articles.publishing.locks``), and only while the version is live and not
withdrawn: a render queued before a kill can never bring the story back.
"""

from django.db import transaction
from django.utils import timezone

from articles.models import (
    Article,
    ArticleVersion,
    PublishedQuote,
    VersionPhoto,
    publication_changed,
)
from articles.publishing import snapshots
from articles.publishing.formats.jsonld import article_jsonld
from articles.publishing.formats.ninjs import article_ninjs
from articles.publishing.locks import article_lock

# What a render writes, and nothing else (attribute names, as ``update()`` takes them).
RENDERED_COLUMNS = (
    "document",
    "teaser",
    "ninjs",
    "jsonld",
    "search_text",
    "headline",
    "web_url",
    "section_id",
    "section_path",
    "section_root",
    "rendered_at",
    "changed_at",
    "family_id",
    "rendering_valid_until",
)


def version_render(version, *, at=None, resolver=None):
    """Render ``version``'s frozen content again into its public JSON and formats.

    Writes the rendered columns only, under the article's lock, and only while the
    version is live and not withdrawn: returns the fresh version, or None (and writes
    nothing) when a move took it down in the meantime.
    """
    with transaction.atomic():
        article_lock(Article(pk=version.article_id))
        fresh = (
            ArticleVersion.objects.live().filter(pk=version.pk, withdrawn_at__isnull=True).first()
        )
        if fresh is None:
            return None
        rendering = version_prepare(fresh, at=at, resolver=resolver)
        ArticleVersion.objects.filter(pk=fresh.pk).update(
            **{name: getattr(fresh, name) for name in RENDERED_COLUMNS}
        )
        versions_write_relations([(fresh, rendering)])
        publication_changed()
    return fresh


def version_prepare(version, *, at=None, resolver=None):
    """Fill ``version``'s rendered columns from its frozen content, without saving.

    Returns the Rendering, whose relations ``versions_write_relations`` stores once the
    version has a primary key. Bulk jobs prepare many versions, then write them at once.
    """
    rendering = snapshots.render(version.content, version=version, at=at, resolver=resolver)
    document = rendering.document
    version.document = snapshots.dumps(document)
    version.teaser = snapshots.dumps(rendering.teaser)
    version.ninjs = snapshots.dumps(
        article_ninjs(
            document,
            embargo_until=version.content.get("embargo_until"),
            expires_at=version.visible_until,
        )
    )
    version.jsonld = snapshots.dumps(article_jsonld(document))
    version.search_text = rendering.search_text
    version.headline = document["headline"]
    version.web_url = document["web_url"]
    version.section_id = version.content.get("section_id")
    version.section_path = rendering.section_path
    version.section_root = rendering.section_path.split("/", 1)[0]
    version.rendered_at = timezone.now()
    version.changed_at = max(version.rendered_at, version.visible_from)
    version.family_id = version.content.get("translation_of_id") or version.article_id
    version.rendering_valid_until = rendering.valid_until
    return rendering


def versions_write_relations(pairs):
    """Store what each (saved version, rendering) shows, replacing what was stored:
    photos, people, tags, authors and its public quotes."""
    relations = (
        ("photos", "photo_ids", "photo_id"),
        ("people", "person_ids", "person_id"),
        ("tags", "tag_ids", "tag_id"),
        ("authors", "author_ids", "person_id"),
        ("author_agencies", "author_agency_ids", "agency_id"),
    )
    version_ids = [version.pk for version, _ in pairs]
    for name, attribute, column in relations:
        through = getattr(ArticleVersion, name).through
        owner = "version_id" if through is VersionPhoto else "articleversion_id"
        through.objects.filter(**{f"{owner}__in": version_ids}).delete()
        through.objects.bulk_create(
            through(**{owner: version.pk, column: pk})
            for version, rendering in pairs
            for pk in getattr(rendering, attribute)
        )
    PublishedQuote.objects.filter(version_id__in=version_ids).delete()
    PublishedQuote.objects.bulk_create(
        PublishedQuote(
            version=version,
            quote_id=quote["id"],
            position=position,
            text=quote["text"],
            language=quote["language"],
            speaker_id=quote["speaker"]["id"],
            speaker_role=quote["speaker_role"],
            first_published_at=version.first_published_at,
            document=snapshots.dumps({**quote, "article": _article_reference(rendering.document)}),
        )
        for version, rendering in pairs
        for position, quote in enumerate(snapshots.published_quotes(rendering.document))
    )


def versions_rerender(version_ids):
    """Render again the live versions among ``version_ids`` (something they show
    changed), one at a time, each under its article's lock. Returns how many were."""
    count = 0
    for version in ArticleVersion.objects.filter(pk__in=list(version_ids)).order_by("pk"):
        if version_render(version) is not None:
            count += 1
    return count


def versions_rerender_family(article):
    """Render again the live versions of ``article``'s translations (they link to it)."""
    family = article.translation_family().exclude(pk=article.pk)
    ids = ArticleVersion.objects.live().filter(article__in=family).values_list("pk", flat=True)
    return versions_rerender(ids)


def versions_refresh_due(versions, *, at=None):
    """Render again, in place, those of ``versions`` whose rendering depends on a moment
    that has passed (a photo's rights expired, a translation went public). A version a
    move took down in the meantime is left out."""
    at = at or timezone.now()
    refreshed = []
    for version in versions:
        if version.rendering_valid_until is not None and version.rendering_valid_until <= at:
            version = version_render(version, at=at)
        if version is not None:
            refreshed.append(version)
    return refreshed


def version_public_document(version, *, at=None):
    """Return the JSON text a reader gets for ``version``, refreshed first if a time
    it depends on (a translation's schedule, say) has passed; None when the version
    was taken down in the meantime."""
    at = at or timezone.now()
    if version.rendering_valid_until is not None and version.rendering_valid_until <= at:
        version = version_render(version, at=at)
    return version.document if version is not None else None


def _article_reference(document):
    keys = ("id", "language", "slug", "headline", "api_url", "web_url", "published_at")
    return {key: document[key] for key in keys}
