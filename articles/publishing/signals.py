"""Keep published renderings in step with the shared things they show.

A published version freezes what the editors wrote; photos, people, tags, agencies
and sections are shared and resolved when rendering. When one of them changes, the
live versions that show it (``ArticleVersion.objects.showing()``) are rendered again by
the task worker, queued once the transaction commits. The render itself is a
publishing service (``articles.publishing.version_render``): it writes only the
rendered columns, so it can never undo a move made in the meantime.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from articles.models import ArticleVersion, Person, Section, Tag
from articles.publishing import version_before_load, version_complete_loaded
from articles.publishing.tasks import rerender_versions
from media.models import Agency, Photo, PhotoText


@receiver(pre_save, sender=ArticleVersion, dispatch_uid="articles_make_room_for_fixture")
def make_room_for_fixture_version(sender, instance, raw, **kwargs):
    """A fixture loaded again (the seed story after editors republished it) takes the
    live place back; never that of a withdrawn article."""
    if raw and instance.is_live:
        version_before_load(instance)


@receiver(post_save, sender=ArticleVersion, dispatch_uid="articles_render_fixture_version")
def render_fixture_version(sender, instance, raw, **kwargs):
    """A fixture may carry a published version without content: the publishing side
    freezes the article as the fixture loaded it, then renders."""
    if raw and not instance.content:
        version_complete_loaded(instance)


def _rerender_on_commit(obj):
    """Once the change to ``obj`` commits, queue the live versions that show it for
    re-rendering by the task worker: a photo used in a thousand articles never holds up
    the save."""

    def queue():
        shown = ArticleVersion.objects.live().showing(obj)
        ids = sorted(set(shown.values_list("pk", flat=True)))
        if ids:
            rerender_versions.enqueue(ids)

    transaction.on_commit(queue)


@receiver(post_save, sender=Photo, dispatch_uid="articles_photo_changed")
@receiver(post_save, sender=PhotoText, dispatch_uid="articles_photo_text_saved")
@receiver(post_delete, sender=PhotoText, dispatch_uid="articles_photo_text_deleted")
@receiver(post_save, sender=Agency, dispatch_uid="articles_agency_changed")
@receiver(post_save, sender=Section, dispatch_uid="articles_section_changed")
@receiver(post_save, sender=Person, dispatch_uid="articles_person_changed")
@receiver(post_save, sender=Tag, dispatch_uid="articles_tag_changed")
def shared_thing_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _rerender_on_commit(instance)
