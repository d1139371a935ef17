"""Write a photo's caption, credit and rights into the image file itself.

Credits must travel with the picture: a file saved from the site should still say
whose it is. We write the same facts three ways, as IPTC recommends:

* XMP (``dc``, ``photoshop``, ``xmpRights``, ``Iptc4xmpCore``), captions in every
  language as an ``rdf:Alt``;
* IPTC IIM in a Photoshop APP13 segment (Pillow reads IIM but cannot write it, so the
  segment is assembled here), declared UTF-8 with dataset 1:90;
* EXIF Artist, Copyright and ImageDescription.
"""

import io
import struct
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from PIL import Image

XMP_NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
}
EXIF_IMAGE_DESCRIPTION = 0x010E
EXIF_ARTIST = 0x013B
EXIF_COPYRIGHT = 0x8298


@dataclass
class EmbeddedMetadata:
    """The facts written into a file. ``captions`` and ``alt_texts`` map language to text."""

    captions: dict = field(default_factory=dict)
    alt_texts: dict = field(default_factory=dict)
    creator: str = ""
    credit_line: str = ""
    source: str = ""
    copyright_notice: str = ""
    usage_terms: str = ""
    date_created: date | None = None
    city: str = ""
    country: str = ""
    keywords: list = field(default_factory=list)
    default_language: str = "en"


def xmp_packet(meta):
    """Return an XMP packet (UTF-8 bytes) carrying ``meta``."""
    properties = []
    if meta.creator:
        properties.append(_xmp_seq("dc:creator", [meta.creator]))
    if meta.captions:
        properties.append(_xmp_alt("dc:description", meta.captions, meta.default_language))
    if meta.copyright_notice:
        properties.append(_xmp_alt("dc:rights", {"x-default": meta.copyright_notice}, None))
    if meta.keywords:
        properties.append(_xmp_bag("dc:subject", meta.keywords))
    for name, value in (
        ("photoshop:Credit", meta.credit_line),
        ("photoshop:Source", meta.source),
        ("photoshop:City", meta.city),
        ("photoshop:Country", meta.country),
        ("photoshop:DateCreated", meta.date_created.isoformat() if meta.date_created else ""),
    ):
        if value:
            properties.append(f"<{name}>{escape(value)}</{name}>")
    if meta.usage_terms:
        properties.append(_xmp_alt("xmpRights:UsageTerms", {"x-default": meta.usage_terms}, None))
    if meta.alt_texts:
        properties.append(
            _xmp_alt("Iptc4xmpCore:AltTextAccessibility", meta.alt_texts, meta.default_language)
        )
    namespaces = " ".join(
        f"xmlns:{prefix}={quoteattr(uri)}" for prefix, uri in XMP_NAMESPACES.items()
    )
    body = "\n   ".join(properties)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f'  <rdf:Description rdf:about="" {namespaces}>\n   {body}\n  </rdf:Description>\n'
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


def _xmp_seq(name, values):
    items = "".join(f"<rdf:li>{escape(value)}</rdf:li>" for value in values)
    return f"<{name}><rdf:Seq>{items}</rdf:Seq></{name}>"


def _xmp_bag(name, values):
    items = "".join(f"<rdf:li>{escape(value)}</rdf:li>" for value in values)
    return f"<{name}><rdf:Bag>{items}</rdf:Bag></{name}>"


def _xmp_alt(name, texts, default_language):
    entries = dict(texts)
    if default_language and default_language in entries and "x-default" not in entries:
        entries = {"x-default": entries[default_language], **entries}
    items = "".join(
        f"<rdf:li xml:lang={quoteattr(language)}>{escape(text)}</rdf:li>"
        for language, text in entries.items()
    )
    return f"<{name}><rdf:Alt>{items}</rdf:Alt></{name}>"


def iim_block(meta):
    """Return IPTC IIM datasets (record 1 and 2) carrying ``meta``, UTF-8 encoded."""
    datasets = [(1, 90, b"\x1b%G"), (2, 0, b"\x00\x04")]
    caption = meta.captions.get(meta.default_language) or next(iter(meta.captions.values()), "")
    for number, value in (
        (80, meta.creator),
        (110, meta.credit_line),
        (115, meta.source),
        (116, meta.copyright_notice),
        (90, meta.city),
        (101, meta.country),
        (55, meta.date_created.strftime("%Y%m%d") if meta.date_created else ""),
        (120, caption),
    ):
        if value:
            datasets.append((2, number, value.encode("utf-8")))
    datasets += [(2, 25, keyword.encode("utf-8")) for keyword in meta.keywords]
    out = bytearray()
    for record, number, data in datasets:
        if len(data) > 0x7FFF:
            data = data[:0x7FFF]
        out += struct.pack(">BBBH", 0x1C, record, number, len(data)) + data
    return bytes(out)


def app13_segment(iim):
    """Wrap IIM data in a Photoshop 3.0 image resource block (0x0404) as a JPEG APP13."""
    resource = (
        b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    )
    if len(iim) % 2:
        resource += b"\x00"
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def insert_after_app_segments(jpeg, segment):
    """Return ``jpeg`` with ``segment`` inserted after its leading APPn segments."""
    if jpeg[:2] != b"\xff\xd8":
        raise ValueError("Not a JPEG stream.")
    position = 2
    while jpeg[position] == 0xFF and 0xE0 <= jpeg[position + 1] <= 0xEF:
        (length,) = struct.unpack(">H", jpeg[position + 2 : position + 4])
        position += 2 + length
    return jpeg[:position] + segment + jpeg[position:]


def exif_block(meta):
    exif = Image.Exif()
    caption = meta.captions.get(meta.default_language) or next(iter(meta.captions.values()), "")
    for tag, value in (
        (EXIF_IMAGE_DESCRIPTION, caption),
        (EXIF_ARTIST, meta.creator or meta.credit_line),
        (EXIF_COPYRIGHT, meta.copyright_notice),
    ):
        if value:
            exif[tag] = value
    return exif


def jpeg_with_metadata(image, meta, **save_options):
    """Encode ``image`` as a JPEG carrying ``meta`` in XMP, IIM and EXIF. Return bytes."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif_block(meta), xmp=xmp_packet(meta), **save_options)
    return insert_after_app_segments(buffer.getvalue(), app13_segment(iim_block(meta)))
