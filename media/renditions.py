"""Renditions: the declared specs, and generating, storing and listing them for a photo.

Only the specs declared in ``NEWSROOM_RENDITIONS`` exist; ``spec_by_name`` refuses any
other name, so nothing a URL or a client says can make us resize to an arbitrary size.
Files go through the default storage (local or S3-compatible), rows into ``Rendition``.
Generation runs in a background task (``media.tasks``) after the transaction that
changed the photo commits; it is idempotent: a rendition whose ``source_key`` matches
the photo's current one is left alone.
"""

import hashlib
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from media import imaging
from media.embed import EmbeddedMetadata
from media.models import Photo, Rendition

logger = logging.getLogger(__name__)

DEFAULTS = {
    "widths": [400, 800, 1200, 1600],
    "crops": {"full": None, "16x9": [16, 9], "4x3": [4, 3], "1x1": [1, 1]},
    "formats": ["jpeg", "webp"],
    "jpeg_quality": 82,
    "webp_quality": 80,
}
# Bump when the pixel pipeline changes in a way that should remake every rendition.
PIPELINE_VERSION = "1"


class UnknownRendition(LookupError):
    """A rendition name that is not declared (and so will never be made)."""


def config():
    return {**DEFAULTS, **getattr(settings, "NEWSROOM_RENDITIONS", {})}


def declared_specs():
    """Return every declared RenditionSpec, in a stable order."""
    conf = config()
    return imaging.build_specs(conf["widths"], conf["crops"], conf["formats"])


def spec_by_name(name):
    """Return the declared spec called ``name``; raise UnknownRendition for any other."""
    for spec in declared_specs():
        if spec.name == name:
            return spec
    raise UnknownRendition(f"No rendition called {name!r} is declared.")


def embedded_metadata(photo):
    """Return what every rendition of ``photo`` carries in its XMP, IIM and EXIF."""
    credit = photo.credit
    texts = list(photo.texts.all())
    return EmbeddedMetadata(
        captions={text.language: text.caption for text in texts if text.caption},
        alt_texts={}
        if photo.is_decorative
        else {t.language: t.alt_text for t in texts if t.alt_text},
        creator=credit.creator or credit.handle,
        credit_line=credit.line(),
        source=credit.agency or credit.platform,
        copyright_notice=photo.copyright_notice,
        usage_terms=photo.usage_terms,
        date_created=photo.taken_on,
        keywords=list(photo.keywords or []),
        default_language=settings.NEWSROOM_DEFAULT_LANGUAGE,
    )


def source_key(photo, spec, metadata=None):
    """Fingerprint what ``spec`` of ``photo`` is made from: original, focal point, spec,
    embedded credits and pipeline. A different key means the rendition is stale."""
    metadata = metadata or embedded_metadata(photo)
    conf = config()
    parts = [
        PIPELINE_VERSION,
        photo.checksum,
        f"{photo.focal_point_x:.4f},{photo.focal_point_y:.4f}",
        spec.name,
        str(spec.crop.ratio),
        str(conf["jpeg_quality"] if spec.format == "jpeg" else conf["webp_quality"]),
        repr(sorted(metadata.__dict__.items(), key=lambda item: item[0])),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def applicable_specs(photo, specs=None):
    """Return the specs a photo of its size gets (no upscaling; see ``imaging``)."""
    specs = declared_specs() if specs is None else specs
    return imaging.effective_specs(specs, (photo.width, photo.height))


def stale_specs(photo, specs=None):
    """Return the applicable specs whose rendition is missing or out of date."""
    metadata = embedded_metadata(photo)
    current = {rendition.spec: rendition.source_key for rendition in photo.renditions.all()}
    return [
        spec
        for spec in applicable_specs(photo, specs)
        if current.get(spec.name) != source_key(photo, spec, metadata)
    ]


def rendition_name(photo, spec, key):
    return f"renditions/{photo.pk}/{spec.name}-{key[:12]}.{spec.extension}"


def photo_renditions_generate(*, photo, specs=None, force=False):
    """Make the missing or stale renditions of ``photo`` (all applicable ones with
    ``force``), store them, record them, and drop those no longer declared.

    ``specs`` names declared specs to limit the work to; an undeclared name raises
    UnknownRendition. Returns the number of files written.
    """
    photo = Photo.objects.with_texts().get(pk=photo.pk)
    if specs is not None:
        specs = [
            spec if isinstance(spec, imaging.RenditionSpec) else spec_by_name(spec)
            for spec in specs
        ]
    todo = applicable_specs(photo, specs) if force else stale_specs(photo, specs)
    metadata = embedded_metadata(photo)
    conf = config()
    options = imaging.EncodeOptions(
        jpeg_quality=conf["jpeg_quality"], webp_quality=conf["webp_quality"]
    )
    written = []
    if todo:
        with photo.image.open("rb") as original:
            outputs = imaging.render(
                original, todo, focal_point=photo.focal_point, metadata=metadata, options=options
            )
        for output in outputs:
            key = source_key(photo, output.spec, metadata)
            name = rendition_name(photo, output.spec, key)
            if default_storage.exists(name):
                default_storage.delete(name)  # left by an interrupted run
            saved = default_storage.save(name, ContentFile(output.data))
            written.append((output, key, saved))

    declared = {spec.name for spec in applicable_specs(photo)}
    old_files = []
    with transaction.atomic():
        existing = {r.spec: r for r in Rendition.objects.select_for_update().filter(photo=photo)}
        for output, key, saved in written:
            rendition = existing.get(output.spec.name)
            if rendition is not None and rendition.file.name != saved:
                old_files.append(rendition.file.name)
            Rendition.objects.update_or_create(
                photo=photo,
                spec=output.spec.name,
                defaults={
                    "file": saved,
                    "width": output.width,
                    "height": output.height,
                    "content_type": output.spec.content_type,
                    "file_size": len(output.data),
                    "source_key": key,
                },
            )
        for name, rendition in existing.items():
            if name not in declared:
                old_files.append(rendition.file.name)
                rendition.delete()
        if written or old_files:
            # Touch the photo so the published versions showing it are rendered again
            # with the new files (articles/signals.py), then remove the old files.
            Photo.objects.get(pk=photo.pk).save(update_fields=["updated_at"])
            transaction.on_commit(lambda: _delete_files(old_files))
    logger.info("Photo %s: %s renditions written", photo.pk, len(written))
    return len(written)


def _delete_files(names):
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("Could not delete the old rendition file %s", name)


def renditions_document(photo, *, max_width=None):
    """Return the public list of ``photo``'s renditions (srcset-ready), widest first.

    Reads the prefetched ``renditions`` when present. Each entry: ``name``, ``crop``,
    ``url``, ``content_type``, ``width``, ``height``, ``size`` (bytes).
    """
    crops = {spec.name: spec.crop.name for spec in declared_specs()}
    entries = []
    for rendition in photo.renditions.all():
        if rendition.spec not in crops:
            continue
        if max_width is not None and rendition.width > max_width:
            continue
        entries.append(
            {
                "name": rendition.spec,
                "crop": crops[rendition.spec],
                "url": rendition.file.url,
                "content_type": rendition.content_type,
                "width": rendition.width,
                "height": rendition.height,
                "size": rendition.file_size,
            }
        )
    entries.sort(key=lambda entry: (entry["crop"], -entry["width"], entry["content_type"]))
    return entries
