"""Photo services: the one place that takes files in. The admin, the API and commands
call these; none of them stores a Photo's file itself.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image

from media import imaging
from media.credits import parse_credit_line
from media.metadata import read_metadata
from media.models import Agency, AgencyCategory, Photo, PhotoText
from media.validation import validate_upload

logger = logging.getLogger(__name__)

# What an uploader or the photo desk may set on a photo, in the order forms show it.
EDITABLE_FIELDS = (
    "title",
    "is_decorative",
    "focal_point_x",
    "focal_point_y",
    "credit_creator",
    "credit_agency",
    "credit_pool",
    "credit_platform",
    "credit_handle",
    "copyright_notice",
    "usage_terms",
    "rights_expire_at",
    "taken_on",
    "taken_place",
    "keywords",
)
CREDIT_FIELDS = ("credit_creator", "credit_agency", "credit_platform", "credit_handle")


class DuplicatePhoto(ValidationError):
    """The file is already in the library; ``photo`` is the photo that holds it."""

    def __init__(self, photo):
        self.photo = photo
        super().__init__(
            {
                "image": ValidationError(
                    _("This file is already in the library as photo %(id)s (%(photo)s).")
                    % {"id": photo.pk, "photo": photo},
                    code="duplicate",
                )
            }
        )


def photo_ingest(
    *, file, uploaded_by=None, language=None, captions=None, alt_texts=None, **fields
):
    """Take an uploaded file into the library and return the new Photo.

    Validates the file (``media.validation``), refuses a file already in the library
    (DuplicatePhoto, carrying the existing photo), reads its IPTC/XMP/EXIF to prefill
    what the caller left blank (``fields`` are Photo fields; ``captions`` and
    ``alt_texts`` map language to text; ``language`` is the language of a caption the
    file does not label), stores it, creates the Photo and its texts, and queues its
    renditions after commit. Raises ValidationError with messages per field; a refused
    upload leaves no file in storage and no row.
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"photo_ingest() got unexpected fields: {', '.join(sorted(unknown))}")
    language = language or settings.NEWSROOM_DEFAULT_LANGUAGE
    checked = validate_upload(file)
    existing = Photo.objects.filter(checksum=checked.checksum).first()
    if existing is not None:
        raise DuplicatePhoto(existing)

    file.seek(0)
    with Image.open(file) as image:
        meta = read_metadata(
            image, languages=settings.NEWSROOM_LANGUAGES, default_language=language
        )
        width, height = imaging.oriented_size(image)

    values, agency = _prefill(meta, fields)
    texts = _texts(meta, captions, alt_texts)
    photo = Photo(
        checksum=checked.checksum,
        file_size=checked.size,
        width=width,
        height=height,
        metadata=meta.raw,
        uploaded_by=uploaded_by,
        **values,
    )
    _check(photo, new_agency=agency)

    name = photo.image.field.generate_filename(
        photo, f"{checked.checksum[:20]}.{checked.extension}"
    )
    file.seek(0)
    stored = default_storage.save(name, file)
    try:
        with transaction.atomic():
            if agency is not None:
                photo.credit_agency = agency_for(*agency)
            photo.image.name = stored
            photo.save()  # queues the renditions, made after commit (media/signals.py)
            PhotoText.objects.bulk_create(
                PhotoText(photo=photo, language=code, **text) for code, text in texts.items()
            )
    except IntegrityError:
        default_storage.delete(stored)
        existing = Photo.objects.filter(checksum=checked.checksum).first()
        if existing is not None:  # the same file, uploaded by someone else just now
            raise DuplicatePhoto(existing) from None
        raise
    except BaseException:
        default_storage.delete(stored)
        raise
    logger.info("Photo %s ingested (%s x %s, %s)", photo.pk, width, height, checked.format)
    return photo


def photo_replace_image(*, photo, file):
    """Replace the original file of ``photo`` (a better scan, a corrected crop...).

    The same checks as an upload; the editorial fields stay as they are, the file's
    metadata is kept for reference, and the renditions are made again from the new file.
    The old original is deleted after commit.
    """
    checked = validate_upload(file)
    existing = Photo.objects.filter(checksum=checked.checksum).first()
    if existing is not None:
        raise DuplicatePhoto(existing)
    file.seek(0)
    with Image.open(file) as image:
        meta = read_metadata(
            image,
            languages=settings.NEWSROOM_LANGUAGES,
            default_language=settings.NEWSROOM_DEFAULT_LANGUAGE,
        )
        width, height = imaging.oriented_size(image)
    name = photo.image.field.generate_filename(
        photo, f"{checked.checksum[:20]}.{checked.extension}"
    )
    file.seek(0)
    stored = default_storage.save(name, file)
    old_name = photo.image.name
    try:
        with transaction.atomic():
            photo = Photo.objects.select_for_update().get(pk=photo.pk)
            photo.image.name = stored
            photo.checksum, photo.file_size = checked.checksum, checked.size
            photo.width, photo.height = width, height
            photo.metadata = meta.raw
            photo.save()
            transaction.on_commit(lambda: default_storage.delete(old_name))
    except IntegrityError:
        default_storage.delete(stored)
        raise DuplicatePhoto(Photo.objects.get(checksum=checked.checksum)) from None
    except BaseException:
        default_storage.delete(stored)
        raise
    return photo


def _storage_name(photo, checked):
    """Name the original by its checksum (in the field's dated folder), never by what
    the client called it."""
    return photo.image.field.generate_filename(
        photo, f"{checked.checksum[:20]}.{checked.extension}"
    )


def _prefill(meta, fields):
    """Return (Photo field values, agency to file the credit under or None): the
    caller's values, with blanks filled from the metadata.

    The credit is all or nothing: when the caller gives any part of it, the file's
    credit line is not mixed in. The agency comes back as (name, category) and is
    created only once the upload is accepted.
    """
    values = {key: value for key, value in fields.items() if value not in (None, "")}
    agency = None
    if not any(values.get(key) for key in CREDIT_FIELDS):
        parsed = parse_credit_line(meta.credit_line, creator=meta.creator)
        values["credit_creator"] = parsed.creator[:200]
        values["credit_pool"] = values.get("credit_pool") or parsed.pool
        values["credit_platform"] = parsed.platform[:50]
        values["credit_handle"] = parsed.handle[:100]
        if parsed.agency:
            agency = (parsed.agency, parsed.agency_category)
    defaults = {
        "title": (meta.title or meta.headline)[:200],
        "copyright_notice": meta.copyright_notice[:300],
        "usage_terms": meta.usage_terms,
        "taken_on": meta.taken_on,
        "taken_place": meta.taken_place[:200],
        "keywords": meta.keywords,
    }
    for key, value in defaults.items():
        if not values.get(key) and value:
            values[key] = value
    return values, agency


def agency_for(name, category=""):
    """Return the Agency called ``name`` (by name or slug), creating it if needed."""
    name = name.strip()[:100]
    slug = slugify(name)[:100] or "agency"
    agency = Agency.objects.filter(name__iexact=name).first()
    if agency is None:
        valid = {choice.value for choice in AgencyCategory}
        agency, _created = Agency.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "category": category if category in valid else AgencyCategory.WIRE,
            },
        )
    return agency


def _texts(meta, captions, alt_texts):
    """Return {language: {"caption", "alt_text"}}: the caller's, over the file's."""
    captions = {**meta.captions, **{k: v for k, v in (captions or {}).items() if v}}
    alt_texts = {**meta.alt_texts, **{k: v for k, v in (alt_texts or {}).items() if v}}
    languages = set(settings.NEWSROOM_LANGUAGES)
    texts = {}
    for code in sorted(set(captions) | set(alt_texts)):
        if code not in languages:
            continue
        texts[code] = {
            "caption": captions.get(code, ""),
            "alt_text": alt_texts.get(code, "")[:500],
        }
    return texts


def _check(photo, *, new_agency=None):
    """Run the model's validation (fields and constraints) before anything is stored.

    The credit constraint is checked here in editors' words (an agency from the file
    is created only after the checks pass, so the model cannot see it yet).
    """
    errors = {}
    try:
        photo.full_clean(exclude=["image", "uploaded_by", "credit_agency"], validate_unique=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    if not photo.credit and new_agency is None:
        errors.setdefault("credit", []).append(
            _(
                "Every photo needs a credit: give a creator, an agency or a handle (the "
                "file's metadata names none)."
            )
        )
    if errors:
        raise ValidationError(errors)
