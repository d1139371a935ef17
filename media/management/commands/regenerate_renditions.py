"""Make the renditions of all or some photos again: ``manage.py regenerate_renditions``.

Without ``--force`` only missing and stale renditions are made (stale: the original,
the focal point, the credits or the spec changed), so running it again after an
interruption (Ctrl-C, a deploy) picks up where it stopped: it is resumable by design.
Each photo is finished (files stored, rows saved) before the next starts, so stopping
between two photos loses nothing. ``--force`` remakes everything; ``--from-id`` resumes
a forced run at the photo it names.
"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

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
        current = None
        self.stderr.ending = ""  # tqdm writes its own line ends and carriage returns
        bar = tqdm(total=total, unit="photo", file=self.stderr, disable=options["verbosity"] == 0)
        try:
            for photo in photos.iterator(chunk_size=100):
                current = photo.pk
                try:
                    written += photo_renditions_generate(photo=photo, specs=specs, force=force)
                except (OSError, ValueError) as error:
                    failed += 1
                    bar.write(f"Photo {photo.pk}: {error}", file=self.stderr, end="\n")
                done += 1
                bar.update()
                bar.set_postfix(files=written)
        except KeyboardInterrupt:
            self.stdout.write("")
            resume = f" --from-id {current}" if force and current else ""
            raise CommandError(
                f"Interrupted at photo {current} ({done} of {total} done). Run again to "
                f"continue{': regenerate_renditions --force' + resume if resume else ''}."
            ) from None
        finally:
            bar.close()
        self.stdout.write(
            self.style.SUCCESS(
                f"{done} photos checked, {written} renditions written"
                + (f", {failed} photos failed" if failed else "")
                + "."
            )
        )
