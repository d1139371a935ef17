"""Publishing services: the one writer of published versions and of the publication state.

The workflow (``articles.workflow``), the fixture loader and the background re-render all
call these functions; nothing else writes an ``ArticleVersion`` or bumps the publication
generation.

Two kinds of columns live on a version, and each has one writer:

- the *publication* columns (``is_live``, ``visible_from``, ``visible_until``,
  ``withdrawn_at``, ``withdrawal_notice``) say whether readers see it; only the moves
  below change them, each under the article's row lock;
- the *rendered* columns (``rendering.RENDERED_COLUMNS``: the public JSON, formats,
  search text) are rebuilt from the frozen content whenever something shared changes
  (``articles.publishing.rendering``). A render writes only those, under the same lock,
  and only while the version is still live and not withdrawn: a render queued before a
  kill can never bring the story back.
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
    publication_changed,
)
from articles.publishing import events, snapshots
from articles.publishing.locks import article_lock
from articles.publishing.rendering import (
    version_prepare,
    version_render,
    versions_rerender_family,
    versions_write_relations,
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
        versions_rerender_family(article)
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
        versions_rerender_family(article)
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
        versions_rerender_family(article)
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
