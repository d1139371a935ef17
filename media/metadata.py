"""Read the IPTC IIM, XMP and EXIF a photo carries, and map them to our fields.

Precedence follows IPTC's guidance (and Google's): XMP first, then IIM, then EXIF.
Alt text comes only from the IPTC accessibility field (``Iptc4xmpCore:AltTextAccessibility``),
never from the caption. Everything read is also kept raw (``PhotoMetadata.raw``), so
nothing in the file is lost even when we have no field for it.

Character sets: IIM declares its charset in dataset 1:90 (``ESC % G`` is UTF-8); without
it, text is decoded as UTF-8 and, when that fails, as Windows-1252 (what Photoshop wrote
for years). XMP is read by Pillow with defusedxml, in UTF-8 or UTF-16.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from PIL import ExifTags, IptcImagePlugin

IIM_UTF8 = b"\x1b%G"
EXIF_IFD = 0x8769

IIM_NAMES = {
    (1, 90): "CodedCharacterSet",
    (2, 5): "ObjectName",
    (2, 25): "Keywords",
    (2, 40): "SpecialInstructions",
    (2, 55): "DateCreated",
    (2, 60): "TimeCreated",
    (2, 80): "By-line",
    (2, 85): "By-lineTitle",
    (2, 90): "City",
    (2, 92): "Sub-location",
    (2, 95): "Province-State",
    (2, 100): "Country-PrimaryLocationCode",
    (2, 101): "Country-PrimaryLocationName",
    (2, 103): "OriginalTransmissionReference",
    (2, 105): "Headline",
    (2, 110): "Credit",
    (2, 115): "Source",
    (2, 116): "CopyrightNotice",
    (2, 120): "Caption-Abstract",
    (2, 122): "Writer-Editor",
}


@dataclass
class PhotoMetadata:
    """What a file says about itself, mapped to our fields (empty when it says nothing)."""

    captions: dict = field(default_factory=dict)  # language -> caption
    alt_texts: dict = field(default_factory=dict)  # language -> alt text
    title: str = ""
    headline: str = ""
    creator: str = ""
    credit_line: str = ""
    source: str = ""
    copyright_notice: str = ""
    usage_terms: str = ""
    taken_on: date | None = None
    taken_place: str = ""
    city: str = ""
    country: str = ""
    keywords: list = field(default_factory=list)
    raw: dict = field(default_factory=dict)


def read_metadata(image, *, languages, default_language):
    """Return the PhotoMetadata of an open Pillow ``image``.

    ``languages`` are the content languages we keep captions in; ``x-default`` (and a
    caption without a language) is taken as ``default_language`` unless the same text
    is also given in a language of its own.
    """
    iim = read_iim(image)
    xmp = read_xmp(image)
    exif = read_exif(image)

    def first(*values):
        return next((value.strip() for value in values if value and value.strip()), "")

    meta = PhotoMetadata()
    meta.captions = _languages(xmp.get("description"), languages, default_language)
    if not meta.captions and (caption := first(_one(iim.get("Caption-Abstract")))):
        meta.captions = {default_language: caption}
    if not meta.captions and (description := first(exif.get("ImageDescription"))):
        meta.captions = {default_language: description}
    meta.alt_texts = _languages(xmp.get("AltTextAccessibility"), languages, default_language)
    meta.title = first(_default_text(xmp.get("title")), _one(iim.get("ObjectName")))
    meta.headline = first(xmp.get("Headline"), _one(iim.get("Headline")))
    meta.creator = first(
        ", ".join(_list(xmp.get("creator"))), ", ".join(iim.get("By-line", [])), exif.get("Artist")
    )
    meta.credit_line = first(xmp.get("Credit"), _one(iim.get("Credit")))
    meta.source = first(xmp.get("Source"), _one(iim.get("Source")))
    meta.copyright_notice = first(
        _default_text(xmp.get("rights")), _one(iim.get("CopyrightNotice")), exif.get("Copyright")
    )
    meta.usage_terms = first(_default_text(xmp.get("UsageTerms")))
    meta.taken_on = (
        _xmp_date(xmp.get("DateCreated"))
        or _iim_date(_one(iim.get("DateCreated")))
        or _exif_date(exif.get("DateTimeOriginal") or exif.get("DateTime"))
    )
    meta.city = first(xmp.get("City"), _one(iim.get("City")))
    meta.country = first(xmp.get("Country"), _one(iim.get("Country-PrimaryLocationName")))
    place = [
        first(xmp.get("Location"), _one(iim.get("Sub-location"))),
        meta.city,
        first(xmp.get("State"), _one(iim.get("Province-State"))),
        meta.country,
    ]
    meta.taken_place = ", ".join(part for part in place if part)[:200]
    meta.keywords = [k.strip() for k in _list(xmp.get("subject")) or iim.get("Keywords", [])]
    meta.keywords = [keyword for keyword in meta.keywords if keyword]
    meta.raw = {
        "iim": iim,
        "xmp": xmp_text(image),
        "exif": exif,
    }
    return meta


# --- IIM ---------------------------------------------------------------------------------


def read_iim(image):
    """Return IIM datasets by name (unknown ones as "r:dd"), every value a list of text."""
    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except (OSError, SyntaxError, ValueError, IndexError):
        return {}
    declared = info.get((1, 90))
    declared = declared[0] if isinstance(declared, list) else declared
    out = {}
    for key, values in info.items():
        if key[0] == 1 or key == (2, 0):
            continue  # envelope and record version: not editorial content
        values = values if isinstance(values, list) else [values]
        name = IIM_NAMES.get(key, f"{key[0]}:{key[1]:02d}")
        out[name] = [decode_iim(value, declared) for value in values]
    return out


def decode_iim(value, declared=None):
    """Decode an IIM value: UTF-8 when declared or when it decodes, else Windows-1252."""
    if declared == IIM_UTF8:
        return value.decode("utf-8", errors="replace")
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("cp1252", errors="replace")


# --- XMP ---------------------------------------------------------------------------------


def read_xmp(image):
    """Return the top-level XMP properties by local name (``dc:description`` is
    ``description``), merged over every ``rdf:Description``."""
    try:
        packet = image.getxmp()
    except (SyntaxError, ValueError, TypeError, AttributeError):
        return {}
    descriptions = packet.get("xmpmeta", {}).get("RDF", {}).get("Description", [])
    if isinstance(descriptions, dict):
        descriptions = [descriptions]
    properties = {}
    for description in descriptions:
        if isinstance(description, dict):
            for name, value in description.items():
                properties.setdefault(name, value)
    return properties


def xmp_text(image):
    """Return the raw XMP packet as text (it may be UTF-8 or UTF-16), or ""."""
    packet = image.info.get("xmp") or b""
    if isinstance(packet, str):
        return packet
    for bom, encoding in ((b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le")):
        if packet.startswith(bom):
            return packet[2:].decode(encoding, errors="replace")
    if packet[:2] == b"\x00<":
        return packet.decode("utf-16-be", errors="replace")
    if packet[:2] == b"<\x00":
        return packet.decode("utf-16-le", errors="replace")
    return packet.decode("utf-8", errors="replace")


def _items(value):
    """Return the items of an RDF container (Alt, Bag, Seq) or the value itself, as a list."""
    if isinstance(value, dict):
        for container in ("Alt", "Bag", "Seq"):
            if container in value:
                items = value[container].get("li", []) if value[container] else []
                return items if isinstance(items, list) else [items]
        return [value]
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def _list(value):
    return [item for item in _items(value) if isinstance(item, str)]


def _lang_alt(value):
    """Return [(language, text)] of an XMP lang-alt (a plain string is x-default)."""
    entries = []
    for item in _items(value):
        if isinstance(item, dict):
            entries.append((item.get("lang", "x-default"), (item.get("text") or "").strip()))
        elif isinstance(item, str):
            entries.append(("x-default", item.strip()))
    return [(language, text) for language, text in entries if text]


def _default_text(value):
    entries = _lang_alt(value)
    for language, text in entries:
        if language == "x-default":
            return text
    return entries[0][1] if entries else ""


def _languages(value, languages, default_language):
    """Map a lang-alt onto our content languages: ``en-GB`` counts as ``en``; x-default is
    the default language unless it repeats a text given in its own language."""
    entries = _lang_alt(value)
    out = {}
    for language, text in entries:
        if language == "x-default":
            continue
        code = language.lower().split("-")[0]
        if code in languages and code not in out:
            out[code] = text
    default_text = next((text for language, text in entries if language == "x-default"), "")
    if default_text and default_text not in out.values() and default_language not in out:
        out[default_language] = default_text
    return out


# --- EXIF --------------------------------------------------------------------------------


def read_exif(image):
    """Return EXIF tags by name (IFD0 and the Exif IFD), values made JSON-safe."""
    try:
        exif = image.getexif()
        tags = dict(exif)
        tags.update(exif.get_ifd(EXIF_IFD))
    except (OSError, SyntaxError, ValueError, TypeError, KeyError):
        return {}
    out = {}
    for tag, value in tags.items():
        name = ExifTags.TAGS.get(tag, f"0x{tag:04x}")
        if tag in (EXIF_IFD, 0x8825, 0xA005, 0x927C, 0x9286):  # pointers, maker notes
            continue
        if isinstance(value, bytes):
            continue
        if isinstance(value, tuple):
            value = [_json_safe(item) for item in value]
        out[name] = _json_safe(value)
    return out


def _json_safe(value):
    if isinstance(value, str):
        return value.replace("\x00", "").strip()
    if isinstance(value, int | float | bool) or value is None:
        return value
    try:
        return float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return str(value)


# --- Dates -------------------------------------------------------------------------------


def _one(values):
    return values[0] if values else ""


def _xmp_date(value):
    if not isinstance(value, str) or not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if not match or not match.group(2):
        return None
    return _date(match.group(1), match.group(2), match.group(3) or "01")


def _iim_date(value):
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", (value or "").strip())
    return _date(*match.groups()) if match else None


def _exif_date(value):
    try:
        return datetime.strptime(str(value).strip()[:19], "%Y:%m:%d %H:%M:%S").date()
    except ValueError:
        return None


def _date(year, month, day):
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
