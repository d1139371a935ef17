"""Decide whether an uploaded file is a photo we accept, before anything is stored.

Nothing the client says is trusted: not the file name, not the content type. The bytes
are identified by their signature, scanned for markup that a browser could execute,
checked for data hidden after the end of the image, measured (bytes, pixels, sides,
aspect) from the header before any decoding, and finally decoded in full by Pillow, so
a truncated or corrupt file is refused too. Every refusal is a ValidationError on the
``image`` field with a code and a sentence an editor understands.
"""

import hashlib
import re
import struct
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# Pillow format name -> (our name, file extensions that may carry it).
ACCEPTED_FORMATS = {
    "JPEG": ("JPEG", (".jpg", ".jpeg", ".jpe", ".jfif")),
    "MPO": ("JPEG", (".jpg", ".jpeg", ".jpe", ".jfif", ".mpo")),  # camera JPEG + preview
    "PNG": ("PNG", (".png",)),
    "WEBP": ("WebP", (".webp",)),
}
SIGNATURES = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP"),
)
# Markup a browser would render or run if it ever sniffed the file as a document.
# Patterns are long enough that compressed pixel data does not form them by chance (the
# shortest, "<html>", about once in 10^12 bytes); a crafted file forms them on purpose.
ACTIVE_CONTENT = re.compile(
    rb"<script|<!doctype\s+html|<html[\s>]|<svg[\s/>][^>]{0,256}?(?:xmlns|on[a-z]+\s*=)"
    rb"|<iframe|<object|<embed[\s>]|<\?php|javascript:",
    re.IGNORECASE,
)
# What Pillow raises on a file it cannot read to the end: cut short, or inconsistent.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error)
SCAN_CHUNK = 1024 * 1024
SCAN_OVERLAP = 64


@dataclass
class CheckedUpload:
    """What validation learnt about an accepted file."""

    format: str  # Pillow's name: JPEG, MPO, PNG, WEBP
    extension: str  # the one we store it under
    width: int  # as stored (before EXIF orientation)
    height: int
    size: int  # bytes
    checksum: str  # SHA-256, hex


def limits():
    """Return the configured limits, with defaults (see docs/photos.md)."""
    return {
        "max_bytes": getattr(settings, "NEWSROOM_PHOTO_MAX_BYTES", 50 * 1024 * 1024),
        "max_pixels": getattr(settings, "NEWSROOM_PHOTO_MAX_PIXELS", 60_000_000),
        "max_side": getattr(settings, "NEWSROOM_PHOTO_MAX_SIDE", 16_000),
        "min_side": getattr(settings, "NEWSROOM_PHOTO_MIN_SIDE", 8),
        "max_aspect_ratio": getattr(settings, "NEWSROOM_PHOTO_MAX_ASPECT_RATIO", 10),
    }


def refuse(message, code, **params):
    raise ValidationError({"image": ValidationError(message, code=code, params=params or None)})


def validate_upload(file):
    """Check an uploaded file (any Django File) and return a CheckedUpload.

    Raises ValidationError naming the reason. Reads the file in chunks for the checksum
    and the markup scan; decodes it once with Pillow.
    """
    config = limits()
    size = file.size
    if not size:
        refuse(_("The file is empty."), "empty")
    if size > config["max_bytes"]:
        refuse(
            _("The file is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(config["max_bytes"])},
            "too_large",
        )
    file.seek(0)
    head = file.read(64)
    kind = sniff(head)
    if kind is None:
        if looks_like_markup(head):
            refuse(
                _(
                    "This is a text document (HTML, SVG or XML), not a photo, even though "
                    "its name says otherwise. Upload a JPEG, PNG or WebP image."
                ),
                "markup",
            )
        refuse(
            _("This file is not an image we can read. Upload a JPEG, PNG or WebP image."),
            "not_an_image",
        )
    if kind not in ("JPEG", "PNG", "WEBP"):
        refuse(
            _("%(kind)s files are not accepted. Upload a JPEG, PNG or WebP image.")
            % {"kind": kind},
            "unsupported_format",
        )

    checksum, markup = _scan(file)
    if markup:
        refuse(
            _(
                "The file carries HTML or script code inside the image data (a polyglot "
                "file that a browser could run). It is refused; re-export the photo."
            ),
            "polyglot",
        )

    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(_Unclosable(file), formats=["JPEG", "PNG", "WEBP"])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        refuse_bomb(config)
    except UnidentifiedImageError:
        refuse(
            _("The file starts like a %(kind)s image but Pillow cannot read it; it is damaged.")
            % {"kind": kind},
            "damaged",
        )
    except DECODE_ERRORS as error:
        # Opening reads the headers and metadata segments: a file cut off inside them
        # fails here ("Truncated File Read"), before any pixel is decoded.
        refuse_damaged(error)
    pillow_format = image.format
    our_name, extensions = ACCEPTED_FORMATS[pillow_format]
    extension = _extension(getattr(file, "name", "") or "")
    if extension and extension not in extensions:
        refuse(
            _(
                "The file is a %(kind)s image but its name ends in %(extension)s: a wrong or "
                "spoofed type. Rename it to end in %(expected)s and upload it again."
            )
            % {"kind": our_name, "extension": extension, "expected": extensions[0]},
            "wrong_extension",
        )
    width, height = image.size
    _check_dimensions(width, height, config)
    if getattr(image, "n_frames", 1) > 1 and pillow_format != "MPO":
        refuse(_("Animated images are not accepted; upload a still photo."), "animated")
    if pillow_format != "MPO" and _has_trailing_data(pillow_format, file, size):
        refuse(
            _(
                "There is data after the end of the image (a polyglot or a file with "
                "something appended). It is refused; re-export the photo."
            ),
            "trailing_data",
        )
    _decode_fully(image, kind)
    return CheckedUpload(
        format=pillow_format,
        extension=extensions[0].lstrip("."),
        width=width,
        height=height,
        size=size,
        checksum=checksum,
    )


class _Unclosable:
    """The upload, as Pillow sees it: Pillow closes what it opened when it is done (the
    PNG reader does), but the service still needs the file afterwards."""

    def __init__(self, file):
        self._file = file

    def __getattr__(self, name):
        return getattr(self._file, name)

    def close(self):
        pass


def sniff(head):
    """Return the file kind from its first bytes, or None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def looks_like_markup(head):
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return text.startswith(b"<")


def refuse_bomb(config):
    refuse(
        _(
            "The image declares more pixels than we accept (%(limit)s megapixels): a "
            "decompression bomb or an absurdly large picture."
        )
        % {"limit": f"{config['max_pixels'] / 1e6:g}"},
        "decompression_bomb",
    )


def _check_dimensions(width, height, config):
    if width * height > config["max_pixels"]:
        refuse_bomb(config)
    longest, shortest = max(width, height), min(width, height)
    if shortest < config["min_side"] or longest > config["max_side"]:
        refuse(
            _(
                "The image is %(width)s x %(height)s pixels: absurd dimensions. Sides must be "
                "between %(min)s and %(max)s pixels."
            )
            % {
                "width": width,
                "height": height,
                "min": config["min_side"],
                "max": config["max_side"],
            },
            "absurd_dimensions",
        )
    if longest > shortest * config["max_aspect_ratio"]:
        refuse(
            _(
                "The image is %(width)s x %(height)s pixels: absurd dimensions (longer than "
                "%(ratio)s times its width or height)."
            )
            % {"width": width, "height": height, "ratio": config["max_aspect_ratio"]},
            "absurd_dimensions",
        )


def _decode_fully(image, kind):
    """Decode every pixel, so truncated and corrupt files are refused now, not later.

    A JPEG is decoded at 1/8 scale: libjpeg still reads and entropy-decodes the whole
    stream (so damage is found) but builds an image 64 times smaller.
    """
    try:
        with warnings.catch_warnings():
            # Only errors refuse a file; a warning (odd EXIF, say) does not.
            warnings.simplefilter("ignore")
            if image.format in ("JPEG", "MPO"):
                image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except DECODE_ERRORS as error:
        refuse_damaged(error)


def refuse_damaged(error):
    """Refuse a file Pillow failed to read with ``error``: truncated or damaged."""
    detail = str(error) or error.__class__.__name__
    if "truncated" in detail.lower():
        refuse(
            _("The file is truncated: the image data stops before the picture ends."), "truncated"
        )
    refuse(
        _("The image data is damaged and cannot be decoded (%(detail)s).") % {"detail": detail},
        "damaged",
    )


def _scan(file):
    """Return (sha256 hex, whether active markup occurs), reading in chunks."""
    digest = hashlib.sha256()
    previous = b""
    markup = False
    file.seek(0)
    while chunk := file.read(SCAN_CHUNK):
        digest.update(chunk)
        if not markup and ACTIVE_CONTENT.search(previous[-SCAN_OVERLAP:] + chunk):
            markup = True
        previous = chunk
    return digest.hexdigest(), markup


def _extension(name):
    name = name.rsplit("/", 1)[-1].lower()
    return f".{name.rsplit('.', 1)[-1]}" if "." in name else ""


def _has_trailing_data(pillow_format, file, size):
    """Return whether bytes follow the format's end marker (beyond a little padding)."""
    if pillow_format == "WEBP":
        file.seek(4)
        (riff_size,) = struct.unpack("<I", file.read(4))
        return size > 8 + riff_size + (riff_size & 1)
    end = _png_end(file) if pillow_format == "PNG" else _jpeg_end(file)
    if end is None:
        return False  # no end found: the full decode reports the damage
    file.seek(end)
    rest = file.read(4096 + 1)
    return len(rest) > 4096 or rest.strip(b"\x00\r\n\xff") != b""


def _png_end(file):
    position = 8
    file.seek(position)
    while True:
        header = file.read(8)
        if len(header) < 8:
            return None
        length, kind = struct.unpack(">I4s", header)
        position += 12 + length
        if kind == b"IEND":
            return position
        file.seek(position)


def _jpeg_end(file):
    """Return the offset just past the JPEG's EOI marker, walking segments and scans."""
    file.seek(0)
    data = file.read()
    position = 2
    length = len(data)
    while position + 4 <= length:
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:
            position += 1
            continue
        if marker == 0xD9:
            return position + 2
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            position += 2
            continue
        (segment,) = struct.unpack(">H", data[position + 2 : position + 4])
        position += 2 + segment
        if marker == 0xDA:
            # Entropy-coded data: skip to the next marker that is not a stuffed 0xFF00
            # or a restart marker.
            while True:
                position = data.find(b"\xff", position)
                if position < 0 or position + 1 >= length:
                    return None
                following = data[position + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:
                    position += 2
                    continue
                break
    return None
