"""Publishing services: the one place that turns editorial content into public versions.

The admin, the API and management commands all call these functions; none of them
writes an ArticleVersion itself.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import snapshots
from articles.models import Article, ArticleStatus, ArticleVersion


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
        transaction.on_commit(lambda: rerender_translations_of(article))
    return version


def article_unpublish(*, article, user=None, note=""):
    """Take ``article`` off the public API. Its versions stay on record."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        taken_down = article.versions.filter(is_live=True).update(is_live=False)
        if not taken_down:
            raise ValidationError(_("The article is not published."))
        article.status = ArticleStatus.DRAFT
        article.updated_by = user or article.updated_by
        article.save(update_fields=["status", "updated_by", "updated_at"])
        transaction.on_commit(lambda: rerender_translations_of(article))
    return article


def version_render(version, *, at=None):
    """Render ``version``'s frozen content into its public JSON and save it."""
    rendering = snapshots.render(version.content, version=version, at=at)
    version.document = snapshots.dumps(rendering.document)
    version.teaser = snapshots.dumps(rendering.teaser)
    version.section_id = version.content.get("section_id")
    version.section_path = rendering.section_path
    version.rendered_at = timezone.now()
    version.rendering_valid_until = rendering.valid_until
    version.save()
    version.photos.set(rendering.photo_ids)
    version.people.set(rendering.person_ids)
    version.tags.set(rendering.tag_ids)
    return version


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


def version_public_document(version, *, at=None):
    """Return the JSON text a reader gets for ``version``, refreshed first if a time
    it depends on (a translation's schedule, say) has passed."""
    at = at or timezone.now()
    if version.rendering_valid_until is not None and version.rendering_valid_until <= at:
        version = version_render(ArticleVersion.objects.get(pk=version.pk), at=at)
    return version.document
