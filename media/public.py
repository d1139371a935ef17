"""The public JSON of a photo: what the publishing side shows readers.

``photo_public_document`` is the one shape: the article snapshots embed it
(``articles/snapshots.py``) and a public photo endpoint should return it too. A photo
whose usage rights have expired has no public document at all.
"""

from django.utils import timezone

from media.renditions import renditions_document


def photo_public_document(photo, language, *, at=None):
    """Return the public JSON of ``photo`` for a reader of ``language`` at ``at`` (now),
    or None when its rights have expired by then.

    Caption and alt text fall back to another language when there is none in
    ``language`` (``caption_language`` says which). ``renditions`` lists the declared
    renditions made so far, srcset-ready (``name``, ``crop``, ``url``,
    ``content_type``, ``width``, ``height``, ``size``); ``focal_point`` (0..1 from the
    top left) lets a front-end crop further around the same spot. Use
    ``Photo.objects.with_texts()`` to fetch photos, so this costs no query.
    """
    if photo.rights_expired(at):
        return None
    text = photo.text_in(language)
    credit = photo.credit
    return {
        "id": photo.pk,
        "url": photo.image.url,
        "width": photo.width,
        "height": photo.height,
        "caption": text.caption if text else "",
        "caption_language": text.language if text else None,
        "alt_text": "" if photo.is_decorative or text is None else text.alt_text,
        "is_decorative": photo.is_decorative,
        "credit_line": credit.line(),
        "credit": credit.as_dict(),
        "copyright_notice": photo.copyright_notice,
        "usage_terms": photo.usage_terms,
        "taken_on": photo.taken_on,
        "taken_place": photo.taken_place,
        "focal_point": {"x": photo.focal_point_x, "y": photo.focal_point_y},
        "renditions": renditions_document(photo),
    }


def photo_teaser_document(document, *, max_width=800):
    """Return the short photo of a teaser (lists): the key facts and the renditions up
    to ``max_width`` pixels wide, which is what a list's cards use."""
    if document is None:
        return None
    keys = ("id", "url", "width", "height", "alt_text", "caption", "credit_line", "focal_point")
    teaser = {key: document[key] for key in keys}
    teaser["renditions"] = [
        rendition for rendition in document["renditions"] if rendition["width"] <= max_width
    ]
    return teaser


def photos_visible_until(photos, at=None):
    """Return the earliest future rights expiry among ``photos``, or None: the moment a
    rendering showing them must be refreshed."""
    at = at or timezone.now()
    return min(
        (
            photo.rights_expire_at
            for photo in photos
            if photo.rights_expire_at is not None and photo.rights_expire_at > at
        ),
        default=None,
    )
