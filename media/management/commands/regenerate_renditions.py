"""Make the renditions of all or some photos again: ``manage.py regenerate_renditions``.

Without ``--force`` only missing and stale renditions are made (stale: the original,
the focal point, the credits or the spec changed), so running it again after an
interruption (Ctrl-C, a deploy) picks up where it stopped: it is resumable by design.
Each photo is finished (files stored, rows saved) before the next starts, so stopping
between two photos loses nothing. ``--force`` remakes everything; ``--from-id`` resumes
a forced run at the photo it names.
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from media.models import Photo
from media.renditions import UnknownRendition, photo_renditions_generate, spec_by_name


class Command(BaseCommand):
    help = "Make missing or stale renditions (all with --force), with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument("photo_ids", nargs="*", type=int, help="only these photos")
        parser.add_argument(
            "--spec", action="append", default=[], help="only this declared spec (repeatable)"
        )
        parser.add_argument("--force", action="store_true", help="remake fresh ones too")
        parser.add_argument(
            "--from-id", type=int, default=None, help="start at this photo id (resume)"
        )

    def handle(self, *args, photo_ids, spec, force, from_id, **options):
        try:
            specs = [spec_by_name(name) for name in spec] or None
        except UnknownRendition as error:
            raise CommandError(str(error)) from None
        photos = Photo.objects.order_by("pk")
        if photo_ids:
            photos = photos.filter(pk__in=photo_ids)
        if from_id is not None:
            photos = photos.filter(pk__gte=from_id)
        total = photos.count()
        written = failed = done = 0
        started = time.monotonic()
        current = None
        try:
            for photo in photos.iterator(chunk_size=100):
                current = photo.pk
                try:
                    written += photo_renditions_generate(photo=photo, specs=specs, force=force)
                except (OSError, ValueError) as error:
                    failed += 1
                    self.stderr.write(f"\nPhoto {photo.pk}: {error}")
                done += 1
                self._progress(done, total, started, written)
        except KeyboardInterrupt:
            self.stdout.write("")
            resume = f" --from-id {current}" if force and current else ""
            raise CommandError(
                f"Interrupted at photo {current} ({done} of {total} done). Run again to "
                f"continue{': regenerate_renditions --force' + resume if resume else ''}."
            ) from None
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"{done} photos checked, {written} renditions written"
                + (f", {failed} photos failed" if failed else "")
                + "."
            )
        )

    def _progress(self, done, total, started, written):
        width = 30
        filled = round(width * done / total) if total else width
        elapsed = time.monotonic() - started
        eta = elapsed / done * (total - done) if done else 0
        line = (
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} photos, "
            f"{written} files, {elapsed:.0f}s elapsed, ~{eta:.0f}s left"
        )
        stream = self.stdout
        stream.write(line, ending="")
        if hasattr(sys.stdout, "flush"):
            stream.flush()
