"""Publishing services: the one writer of published versions and of the publication state.

The workflow (``articles.workflow``), the fixture loader and the background re-render all
call these functions; nothing else writes an ``ArticleVersion`` or bumps the publication
generation.

Two kinds of columns live on a version, and each has one writer:

- the *publication* columns (``is_live``, ``visible_from``, ``visible_until``,
  ``withdrawn_at``, ``withdrawal_notice``) say whether readers see it; only the moves
  below change them, each under the article's row lock;
- the *rendered* columns (``RENDERED_COLUMNS``: the public JSON, formats, search text)
  are rebuilt from the frozen content whenever something shared changes. A render
  writes only those, under the same lock, and only while the version is still live and
  not withdrawn: a render queued before a kill can never bring the story back.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import (
    Article,
    ArticleStatus,
    ArticleVersion,
    PublicationState,
    PublishedQuote,
    VersionPhoto,
    publication_changed,
)
from articles.publishing import events, snapshots
from articles.publishing.formats.jsonld import article_jsonld
from articles.publishing.formats.ninjs import article_ninjs

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


def publication_state_refresh():
    """Record the publication state, or start a new generation when a scheduled change of
    visibility (a schedule, an embargo, an expiry) has come: the first public read after
    that moment calls this, so no cached answer from before it is served."""
    state = PublicationState.objects.current()  # the first public read records one
    if state.is_stale():
        publication_changed()


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


def article_lock(article):
    """Lock ``article`` and the other articles of its translation family, in id order,
    for the current transaction; return ``article`` fresh from the database.

    Every publication move and every render takes this lock, so they run one after the
    other. Locking the whole family in one order lets two translations be published at
    once without deadlocking (publishing one re-renders the others).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("article_lock() must run inside transaction.atomic().")
    root_id = (
        Article.objects.filter(pk=article.pk).values_list("translation_of_id", flat=True).first()
        or article.pk
    )
    family = Article.objects.filter(pk=root_id) | Article.objects.filter(translation_of_id=root_id)
    list(family.select_for_update().order_by("pk").values_list("pk", flat=True))
    return Article.objects.select_for_update().get(pk=article.pk)


# --- Moves: what readers see ---------------------------------------------------------------


def version_publish(*, article, user=None, note="", at=None):
    """Publish the current content of ``article`` as its new live version.

    ``at`` schedules publication for a later time; an embargo on the article delays
    visibility further. Returns the new ArticleVersion. Raises ValidationError (and
    changes nothing) when the article cannot be published. Checks no permission: the
    workflow (``articles.workflow.article_publish``) does.
    """
    now = timezone.now()
    publish_at = at or now
    with transaction.atomic():
        article = article_lock(article)
        problems = publication_problems(article, at=publish_at)
        if problems:
            raise ValidationError(problems)
        visible_from = max(publish_at, article.embargo_until or publish_at)
        previous = article.versions.live().first()
        article.versions.live().update(is_live=False)
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
        rendering = version_prepare(version, at=now)
        version.save(force_insert=True)
        versions_write_relations([(version, rendering)])

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
        _rerender_family_of(article)
        publication_changed()
        events.announce(
            events.UPDATED if previous else events.PUBLISHED, version=version, previous=previous
        )
    return version


def version_unpublish(*, article, user=None):
    """Take ``article``'s live version off the public API; the versions stay on record.

    The article goes back to draft. Raises ValidationError when nothing is live.
    """
    with transaction.atomic():
        article = article_lock(article)
        live = article.versions.live().first()
        if live is None:
            raise ValidationError(_("The article is not published."))
        article.versions.live().update(is_live=False)
        article.status = ArticleStatus.DRAFT
        article.updated_by = user or article.updated_by
        article.save(update_fields=["status", "updated_by", "updated_at"])
        _rerender_family_of(article)
        publication_changed()
        events.announce(events.UNPUBLISHED, version=live)
    return article


def version_withdraw(*, article, notice, at=None):
    """Withdraw ``article``'s live version: readers get ``notice`` (410) in its place.

    Raises ValidationError when there is no published version to withdraw, or it has
    not appeared yet (unpublish that instead). Returns the withdrawn version.
    """
    at = at or timezone.now()
    with transaction.atomic():
        article = article_lock(article)
        version = article.versions.live().first()
        if version is None or version.withdrawn_at is not None:
            raise ValidationError(_("Only a published article can be withdrawn."))
        if version.visible_from > at:
            raise ValidationError(
                _("This article has not appeared yet: unpublish it instead of withdrawing it.")
            )
        version.withdrawn_at = at
        version.withdrawal_notice = notice
        ArticleVersion.objects.filter(pk=version.pk).update(
            withdrawn_at=at, withdrawal_notice=notice
        )
        # Its translations stop linking to it.
        _rerender_family_of(article)
        publication_changed()
        events.announce(events.WITHDRAWN, version=version)
    return version


KEEP = object()  # version_set_window: leave this end of the window as it is


def version_set_window(*, article, visible_from=KEEP, visible_until=KEEP, at=None):
    """Move the visibility window of ``article``'s live version and render it again
    (the formats say when it appears and expires).

    A new ``visible_from`` applies only to a version that has not appeared yet: it then
    also becomes its first publication time. ``visible_until`` is the expiry (None:
    never). Returns the version, or None when nothing is live.
    """
    at = at or timezone.now()
    with transaction.atomic():
        article = article_lock(article)
        version = article.versions.live().filter(withdrawn_at__isnull=True).first()
        if version is None:
            return None
        changes = {}
        if visible_until is not KEEP:
            changes["visible_until"] = visible_until
        if visible_from is not KEEP and version.visible_from > at:
            if version.first_published_at == version.visible_from:
                # It never appeared: it will first appear when it becomes visible.
                changes["first_published_at"] = visible_from
                article.first_published_at = visible_from
                Article.objects.filter(pk=article.pk).update(first_published_at=visible_from)
            changes["visible_from"] = visible_from
        ArticleVersion.objects.filter(pk=version.pk).update(**changes)
        publication_changed()
        return version_render(version, at=at)


# --- Rendering: the public JSON of live versions ---------------------------------------------


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


def versions_publish_archive(articles, *, resolver=None):
    """Publish never-published ``articles`` (with their body, ``Article.objects.
    with_body()``) as of their own ``first_published_at``, in bulk: an archive brought
    in from elsewhere, or the benchmark's. One live version each, frozen, rendered and
    written at once; one new generation. Returns the versions."""
    versions, pairs = [], []
    with transaction.atomic():
        for article in articles:
            version = ArticleVersion(
                article=article,
                number=1,
                is_live=True,
                language=article.language,
                slug=article.slug,
                first_published_at=article.first_published_at,
                published_at=article.published_at or article.first_published_at,
                visible_from=article.first_published_at,
                content=snapshots.freeze(article),
            )
            pairs.append((version, version_prepare(version, resolver=resolver)))
            versions.append(version)
        ArticleVersion.objects.bulk_create(versions)
        versions_write_relations(pairs)
        publication_changed()
    return versions


def version_before_load(version):
    """Make room for a published version a fixture is about to load (``loaddata
    seed_article`` run again): the article's other live versions go down, so the loaded
    one is the live one. A fixture never brings back a withdrawn article: that raises
    ValidationError and the whole load rolls back."""
    others = ArticleVersion.objects.filter(article_id=version.article_id).exclude(pk=version.pk)
    if others.filter(withdrawn_at__isnull=False).exists() or (
        ArticleVersion.objects.filter(pk=version.pk, withdrawn_at__isnull=False).exists()
    ):
        raise ValidationError(
            _("This article was withdrawn; loading a fixture never brings it back.")
        )
    if others.filter(is_live=True).update(is_live=False):
        publication_changed()


def version_complete_loaded(version):
    """Finish a published version that a fixture loaded without content: freeze the
    article as the fixture loaded it, and render. This is how ``loaddata seed_article``
    arrives published with nothing else to run."""
    content = snapshots.freeze(Article.objects.with_body().get(pk=version.article_id))
    ArticleVersion.objects.filter(pk=version.pk).update(content=content)
    return version_render(version)


def _rerender_family_of(article):
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
