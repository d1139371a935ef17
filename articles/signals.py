"""Keep published renderings in step with the shared things they show.

A published version freezes what the editors wrote; photos, people, tags, agencies
and sections are shared and resolved when rendering. When one of them changes, the
live versions that show it are rendered again by the task worker, queued once the
transaction commits.
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Article, ArticleVersion, Person, Section, Tag, publication_changed
from articles.publishing import version_render
from articles.snapshots import freeze
from articles.tasks import rerender_versions
from media.models import Agency, Photo, PhotoText


@receiver(post_save, sender=ArticleVersion, dispatch_uid="articles_render_fixture_version")
def render_fixture_version(sender, instance, raw, **kwargs):
    """A fixture may carry a published version without content: freeze the article as
    the fixture loaded it, then render. This is how ``loaddata seed_article`` arrives
    published with nothing else to run."""
    if raw and not instance.content:
        instance.content = freeze(Article.objects.with_body().get(pk=instance.article_id))
        version_render(instance)


@receiver(post_save, sender=ArticleVersion, dispatch_uid="articles_version_saved")
def version_saved(sender, instance, **kwargs):
    """Any saved version may change what readers see: start a new generation."""
    publication_changed()


def _rerender_on_commit(versions):
    """Once the change commits, queue the live versions that show it for re-rendering
    by the task worker: a photo used in a thousand articles never holds up the save."""

    def queue():
        ids = list(versions.filter(is_live=True).distinct().values_list("pk", flat=True))
        if ids:
            rerender_versions.enqueue(ids)

    transaction.on_commit(queue)


@receiver(post_save, sender=Photo, dispatch_uid="articles_photo_changed")
def photo_changed(sender, instance, raw, **kwargs):
    if not raw:
        _rerender_on_commit(ArticleVersion.objects.filter(photos=instance))


@receiver(post_save, sender=PhotoText, dispatch_uid="articles_photo_text_saved")
@receiver(post_delete, sender=PhotoText, dispatch_uid="articles_photo_text_deleted")
def photo_text_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _rerender_on_commit(ArticleVersion.objects.filter(photos=instance.photo_id))


@receiver(post_save, sender=Agency, dispatch_uid="articles_agency_changed")
def agency_changed(sender, instance, raw, **kwargs):
    if not raw:
        _rerender_on_commit(
            ArticleVersion.objects.filter(
                Q(photos__credit_agency=instance) | Q(article__bylines__agency=instance)
            )
        )


@receiver(post_save, sender=Section, dispatch_uid="articles_section_changed")
def section_changed(sender, instance, raw, **kwargs):
    if not raw:
        _rerender_on_commit(
            ArticleVersion.objects.filter(
                Q(section=instance) | Q(section__path__startswith=f"{instance.path}/")
            )
        )


@receiver(post_save, sender=Person, dispatch_uid="articles_person_changed")
def person_changed(sender, instance, raw, **kwargs):
    if not raw:
        _rerender_on_commit(ArticleVersion.objects.filter(people=instance))


@receiver(post_save, sender=Tag, dispatch_uid="articles_tag_changed")
def tag_changed(sender, instance, raw, **kwargs):
    if not raw:
        _rerender_on_commit(ArticleVersion.objects.filter(tags=instance))
