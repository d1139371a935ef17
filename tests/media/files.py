"""Files for photo tests, built in memory: good photos, and every kind of bad upload."""

import io
import random
import struct
import zlib
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

SHARED_REFERENCE_DIR = (
    Path(__file__).resolve().parents[3] / "shared" / "standards" / "photo-metadata"
)
# Copies of the reference images (tests/data/photo-metadata/SOURCE.txt), so the suite
# runs wherever the checkout is; test_metadata proves they equal the shared ones.
REFERENCE_DIR = Path(__file__).resolve().parents[1] / "data" / "photo-metadata"


def reference_file(name):
    """Return a reference image (../shared/standards/photo-metadata) as an upload."""
    path = REFERENCE_DIR / name
    return SimpleUploadedFile(name, path.read_bytes(), content_type="image/jpeg")


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def detailed_picture(width=320, height=240, seed=1):
    """A picture with edges, gradients and noise (resampling has something to get wrong)."""
    rnd = random.Random(seed)
    picture = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(picture)
    for _ in range(40):
        x, y = rnd.randrange(width), rnd.randrange(height)
        colour = tuple(rnd.randrange(256) for _ in range(3))
        draw.rectangle((x, y, x + rnd.randrange(4, 60), y + rnd.randrange(4, 40)), fill=colour)
    noise = Image.effect_noise((width, height), 20).convert("RGB")
    return Image.blend(picture, noise, 0.2)


def jpeg_bytes(picture=None, **options):
    picture = picture or detailed_picture()
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90, **options)
    return buffer.getvalue()


def png_bytes(picture=None, **options):
    picture = picture or detailed_picture()
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", **options)
    return buffer.getvalue()


def encoded(picture, image_format, **options):
    buffer = io.BytesIO()
    picture.save(buffer, image_format, **options)
    return buffer.getvalue()


# --- Bad uploads -------------------------------------------------------------------------

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b'<rect width="10" height="10"/></svg>'
)


def polyglot_jpeg():
    """A real JPEG whose comment segment is an HTML page: valid image, valid-ish HTML."""
    data = jpeg_bytes()
    comment = b"*/" + HTML + b"/*"
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    return data[:2] + segment + data[2:]


def jpeg_with_appended_html():
    return jpeg_bytes() + HTML


def truncated_jpeg():
    data = jpeg_bytes(detailed_picture(400, 300))
    return data[: len(data) * 2 // 3]


def jpeg_cut_inside_metadata(cut=4000, metadata_bytes=30_000):
    """The first ``cut`` bytes of a JPEG whose metadata segment (an XMP packet in APP1,
    as cameras and agencies write them) is ``metadata_bytes`` long: the file ends before
    the image data even starts, as the first 4,000 bytes of the IPTC reference image do."""
    packet = b"http://ns.adobe.com/xap/1.0/\x00" + b"<x:xmpmeta>" + b" " * metadata_bytes
    segment = b"\xff\xe1" + struct.pack(">H", len(packet) + 2) + packet
    data = jpeg_bytes()
    return (data[:2] + segment + data[2:])[:cut]


def png_declaring(width, height):
    """A tiny PNG whose header declares ``width`` x ``height`` pixels (a decompression
    bomb: a few hundred bytes that would decode to gigabytes)."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b""
    # Compress one row at a time: the declared picture is never held in memory here.
    rows_per_chunk = 4096
    chunk = row * rows_per_chunk
    for _ in range(height // rows_per_chunk):
        data += compressor.compress(chunk)
    data += compressor.compress(row * (height % rows_per_chunk)) + compressor.flush()

    def chunk_bytes(kind, payload):
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk_bytes(b"IHDR", header)
        + chunk_bytes(b"IDAT", data)
        + chunk_bytes(b"IEND", b"")
    )


# --- Colour and orientation --------------------------------------------------------------


def _s15(value):
    return struct.pack(">i", round(value * 65536))


def swapped_rgb_profile():
    """An ICC v2 RGB profile whose red and blue primaries are sRGB's blue and red.

    Pixels tagged with it that read (255, 0, 0) are, in truth, blue: a converter that
    honours the profile turns them blue in sRGB; one that ignores it leaves them red.
    """
    # sRGB primaries adapted to D50 (as in the sRGB profile), red and blue swapped.
    red, green, blue = (0.1431, 0.0606, 0.7141), (0.3851, 0.7169, 0.0971), (0.4361, 0.2225, 0.0139)
    white = (0.9642, 1.0, 0.8249)

    def xyz(values):
        return b"XYZ " + b"\x00" * 4 + b"".join(_s15(v) for v in values)

    curve = b"curv" + b"\x00" * 4 + struct.pack(">I", 1) + struct.pack(">H", 0x0233)  # 2.2
    description = b"Swapped RB test"
    desc = (
        b"desc"
        + b"\x00" * 4
        + struct.pack(">I", len(description) + 1)
        + description
        + b"\x00"
        + b"\x00" * 12
        + b"\x00" * 70
    )
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(white)),
        (b"rXYZ", xyz(red)),
        (b"gXYZ", xyz(green)),
        (b"bXYZ", xyz(blue)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text" + b"\x00" * 4 + b"none\x00"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, payload in tags:
        while (offset + len(data)) % 4:
            data += b"\x00"
        table += signature + struct.pack(">II", offset + len(data), len(payload))
        data += payload
    body = struct.pack(">I", len(tags)) + table + data
    size = 128 + len(body)
    header = (
        struct.pack(">I", size)
        + b"none"
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + struct.pack(">6H", 2024, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"\x00" * 4
        + struct.pack(">I", 0)
        + b"\x00" * 8
        + b"\x00" * 8
        + struct.pack(">I", 0)
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)
        + b"\x00" * 4
        + b"\x00" * 16
        + b"\x00" * 28
    )
    return header + body


def oriented_jpeg():
    """A 60 x 40 JPEG, red left half and blue right half, tagged EXIF orientation 6
    (displayed turned 90 degrees clockwise: 40 x 60, red on top, blue below)."""
    picture = Image.new("RGB", (60, 40), (220, 20, 20))
    picture.paste((20, 20, 220), (30, 0, 60, 40))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x013B] = "Jane Photographer"
    return jpeg_bytes(picture, exif=exif)


def cmyk_jpeg():
    """A CMYK JPEG of pure cyan (no profile)."""
    picture = Image.new("CMYK", (64, 48), (255, 0, 0, 0))
    return encoded(picture, "JPEG", quality=95)


def iim_jpeg(datasets):
    """A JPEG carrying IPTC IIM ``datasets`` ({(record, number): bytes}) in APP13."""
    from media.embed import app13_segment, insert_after_app_segments

    iim = b"".join(
        struct.pack(">BBBH", 0x1C, record, number, len(value)) + value
        for (record, number), value in datasets.items()
    )
    return insert_after_app_segments(jpeg_bytes(), app13_segment(iim))
