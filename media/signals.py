"""Side effects of photo changes: fixture files, and keeping renditions fresh.

A fixture can only carry the storage name of an image. Files shipped beside fixtures
under ``<app>/fixtures/media/<storage name>`` are copied into the default storage when
the row is loaded, so ``manage.py loaddata seed_article`` is enough on a fresh install
(local disk or object storage alike).

Renditions embed the focal point's crop and the credits, so a change to the photo, its
captions or its agency queues their regeneration after the transaction commits (the
task skips renditions that are still fresh). Fixture loads (``raw``) queue nothing;
``manage.py regenerate_renditions`` makes theirs.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from media.models import Agency, Photo, PhotoText, file_digest
from media.tasks import enqueue_renditions


class FixtureImageMissing(Exception):
    pass


def fixture_media_dirs():
    dirs = [Path(app.path) / "fixtures" / "media" for app in apps.get_app_configs()]
    dirs += [Path(d) / "media" for d in getattr(settings, "FIXTURE_DIRS", [])]
    return [d for d in dirs if d.is_dir()]


def find_fixture_file(name):
    for directory in fixture_media_dirs():
        candidate = (directory / name).resolve()
        # The name comes from a fixture file: never let it climb out of the folder.
        if candidate.is_relative_to(directory.resolve()) and candidate.is_file():
            return candidate
    return None


@receiver(post_save, sender=Photo, dispatch_uid="media_copy_fixture_image")
def copy_fixture_image(sender, instance, raw, **kwargs):
    if not raw or not instance.image:
        return
    storage = instance.image.storage
    name = instance.image.name
    if storage.exists(name):
        return
    source = find_fixture_file(name)
    if source is None:
        raise FixtureImageMissing(
            f"Photo {instance.checksum[:12]} names the file {name!r}, which is neither in "
            "storage nor in any app's fixtures/media/ folder."
        )
    with source.open("rb") as handle:
        saved = storage.save(name, File(handle, name=name))
    instance.image.name = saved
    instance.image.open("rb")
    try:
        checksum, _ = file_digest(instance.image)
    finally:
        instance.image.close()
    if checksum != instance.checksum:
        raise FixtureImageMissing(
            f"The file {name!r} does not match the checksum its fixture row declares."
        )


@receiver(post_save, sender=Photo, dispatch_uid="media_photo_renditions")
def photo_saved(sender, instance, raw, update_fields=None, **kwargs):
    if raw or not instance.image:
        return
    if update_fields is not None and set(update_fields) <= {"updated_at"}:
        return  # a touch after renditions were written: nothing they depend on changed
    enqueue_renditions(instance.pk)


@receiver(post_save, sender=PhotoText, dispatch_uid="media_photo_text_renditions_saved")
@receiver(post_delete, sender=PhotoText, dispatch_uid="media_photo_text_renditions_deleted")
def photo_text_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        enqueue_renditions(instance.photo_id)


@receiver(post_save, sender=Agency, dispatch_uid="media_agency_renditions")
def agency_changed(sender, instance, raw, created=False, **kwargs):
    if raw or created:
        return
    for photo_id in instance.photos.values_list("pk", flat=True):
        enqueue_renditions(photo_id)
