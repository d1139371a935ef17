"""Background work for photos, run by the task worker (``manage.py db_worker``)."""

from django.db import transaction
from django_tasks import task

from media.models import Photo
from media.renditions import photo_renditions_generate


@task()
def generate_renditions(photo_id):
    """Make the missing or stale renditions of one photo (a no-op when all are fresh)."""
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None:  # deleted since it was queued
        return 0
    return photo_renditions_generate(photo=photo)


def enqueue_renditions(photo_id):
    """Queue rendition generation for ``photo_id`` once the current transaction commits,
    so the editor's save never waits for pixels."""
    transaction.on_commit(lambda: generate_renditions.enqueue(photo_id))
