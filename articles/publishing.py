"""Publishing services: the one place that turns editorial content into public versions.

The admin, the API and management commands all call these functions; none of them
writes an ArticleVersion itself.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import events, snapshots
from articles.formats.jsonld import article_jsonld
from articles.formats.ninjs import article_ninjs
from articles.models import (
    Article,
    ArticleStatus,
    ArticleVersion,
    PublishedQuote,
    VersionPhoto,
    publication_changed,
)


def publication_problems(article, *, at=None):
    """Return the reasons ``article`` cannot be published at ``at``, in editors' words."""
    at = at or timezone.now()
    problems = []
    if not article.blocks.exists():
        problems.append(_("The article has no body."))
    if article.expires_at is not None and article.expires_at <= at:
        problems.append(_("The expiry time has passed; clear or move it first."))
    clash = (
        ArticleVersion.objects.live()
        .filter(language=article.language, slug=article.slug)
        .exclude(article=article)
        .first()
    )
    if clash is not None:
        problems.append(
            _("The address %(slug)s is used by another published article (%(other)s).")
            % {"slug": article.slug, "other": clash.article}
        )
    return problems


def article_publish(*, article, user=None, note="", at=None):
    """Publish the current content of ``article`` as its new live version.

    ``at`` schedules publication for a later time; an embargo on the article delays
    visibility further. Returns the new ArticleVersion. Raises ValidationError (and
    changes nothing) when the article cannot be published.
    """
    now = timezone.now()
    publish_at = at or now
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        problems = publication_problems(article, at=publish_at)
        if problems:
            raise ValidationError(problems)
        visible_from = max(publish_at, article.embargo_until or publish_at)
        previous = article.versions.filter(is_live=True).first()
        article.versions.filter(is_live=True).update(is_live=False)
        number = (article.versions.aggregate(last=Max("number"))["last"] or 0) + 1
        version = ArticleVersion(
            article=article,
            number=number,
            is_live=True,
            language=article.language,
            slug=article.slug,
            first_published_at=article.first_published_at or visible_from,
            published_at=publish_at,
            visible_from=visible_from,
            visible_until=article.expires_at,
            content=snapshots.freeze(Article.objects.with_body().get(pk=article.pk)),
            published_by=user,
            note=note,
        )
        version_render(version, at=now)

        article.status = (
            ArticleStatus.PUBLISHED if visible_from <= now else ArticleStatus.SCHEDULED
        )
        article.first_published_at = version.first_published_at
        article.published_at = publish_at
        article.updated_by = user or article.updated_by
        article.save(
            update_fields=[
                "status",
                "first_published_at",
                "published_at",
                "updated_by",
                "updated_at",
            ]
        )
        # Translations list each other: render them in the same transaction.
        rerender_translations_of(article)
        events.announce(
            events.UPDATED if previous else events.PUBLISHED, version=version, previous=previous
        )
    return version


def article_unpublish(*, article, user=None, note=""):
    """Take ``article`` off the public API. Its versions stay on record."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        live = article.versions.filter(is_live=True).first()
        taken_down = article.versions.filter(is_live=True).update(is_live=False)
        if not taken_down:
            raise ValidationError(_("The article is not published."))
        events.announce(events.UNPUBLISHED, version=live)
        publication_changed()
        article.status = ArticleStatus.DRAFT
        article.updated_by = user or article.updated_by
        article.save(update_fields=["status", "updated_by", "updated_at"])
        # Translations list each other: render them in the same transaction.
        rerender_translations_of(article)
    return article


def version_render(version, *, at=None, resolver=None):
    """Render ``version``'s frozen content into its public JSON and formats; save it."""
    rendering = version_prepare(version, at=at, resolver=resolver)
    with transaction.atomic():
        version.save()
        versions_write_relations([(version, rendering)])
    return version


def version_prepare(version, *, at=None, resolver=None):
    """Fill ``version``'s rendered fields from its frozen content, without saving.

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


def versions_rerender(versions):
    """Render the given live versions again (after a shared thing changed)."""
    count = 0
    for version in versions.filter(is_live=True).select_related(None).order_by("pk"):
        version_render(version)
        count += 1
    return count


def rerender_translations_of(article):
    root_id = article.translation_of_id or article.pk
    family = Article.objects.filter(Q(pk=root_id) | Q(translation_of_id=root_id)).exclude(
        pk=article.pk
    )
    return versions_rerender(ArticleVersion.objects.filter(article__in=family))


def versions_refresh_due(versions, *, at=None):
    """Render again, in place, those of ``versions`` whose rendering depends on a moment
    that has passed (a photo's rights expired, a translation went public)."""
    at = at or timezone.now()
    for index, version in enumerate(versions):
        if version.rendering_valid_until is not None and version.rendering_valid_until <= at:
            versions[index] = version_render(ArticleVersion.objects.get(pk=version.pk), at=at)
    return versions


def version_public_document(version, *, at=None):
    """Return the JSON text a reader gets for ``version``, refreshed first if a time
    it depends on (a translation's schedule, say) has passed."""
    at = at or timezone.now()
    if version.rendering_valid_until is not None and version.rendering_valid_until <= at:
        version = version_render(ArticleVersion.objects.get(pk=version.pk), at=at)
    return version.document


def _article_reference(document):
    keys = ("id", "language", "slug", "headline", "api_url", "web_url", "published_at")
    return {key: document[key] for key in keys}
