"""Pixel work for renditions: decode once, orient, convert to sRGB, resize, crop, encode.

Pure Pillow, no Django, so the benchmark can run it in a bare process. The pipeline:

1. Decode the original once. JPEG draft mode (DCT scaling in libjpeg) is used only when
   the largest size we need is at least ``QUALITY_GAP`` times smaller than the decoded
   image, so the Lanczos step that follows still does at least a 3x reduction.
2. Apply the EXIF orientation (once: renditions carry no Orientation tag afterwards).
3. Convert to sRGB with the embedded ICC profile (LittleCMS); untagged means sRGB.
4. For each *size* (the width of the whole picture at that size), resize with Lanczos
   and ``reducing_gap=QUALITY_GAP``: Pillow first reduces by an integer factor with a
   box filter only while the final Lanczos step still shrinks at least 3x.
5. Cut every *crop* (16:9, 4:3, 1:1 around the focal point) out of that resized
   picture on whole pixels. A crop cut from the resized picture is the same pixels a
   full-resolution Lanczos resize of that crop's box would give, so one resize per
   size serves all crops.

Quality bar: every rendition must reach PSNR >= 50 dB against a full-resolution decode
resized with Lanczos (``reference_rendition``). ``QUALITY_GAP = 3`` is the smallest gap
that keeps the box-filter shortcut above that bar on noisy, detailed pictures (2.0
measured 48 dB); ``bench/renditions.py`` and the tests check it.
"""

import io
import math
from dataclasses import dataclass, field

from PIL import Image, ImageChops, ImageCms, ImageOps, ImageStat

from media.embed import EmbeddedMetadata, exif_block, jpeg_with_metadata, xmp_packet

QUALITY_GAP = 3.0
LANCZOS = Image.Resampling.LANCZOS

CONTENT_TYPES = {"jpeg": "image/jpeg", "webp": "image/webp"}
EXTENSIONS = {"jpeg": "jpg", "webp": "webp"}


@dataclass(frozen=True)
class Crop:
    """A named aspect ratio (``ratio`` None keeps the picture's own)."""

    name: str
    ratio: tuple[int, int] | None = None


@dataclass(frozen=True)
class RenditionSpec:
    """One declared rendition: a crop of the picture at a size, in a format."""

    crop: Crop
    width: int
    format: str

    @property
    def name(self):
        return f"{self.crop.name}-{self.width}-{self.format}"

    @property
    def content_type(self):
        return CONTENT_TYPES[self.format]

    @property
    def extension(self):
        return EXTENSIONS[self.format]


@dataclass
class EncodeOptions:
    jpeg_quality: int = 82
    webp_quality: int = 80
    webp_method: int = 4


@dataclass
class Output:
    spec: RenditionSpec
    data: bytes
    width: int
    height: int
    pixels: Image.Image | None = field(default=None, repr=False)


def build_specs(widths, crops, formats):
    """Return every (crop, size, format) combination as RenditionSpecs."""
    specs = []
    for crop_name, ratio in crops.items():
        crop = Crop(crop_name, tuple(ratio) if ratio else None)
        for width in sorted(widths):
            for image_format in formats:
                if image_format not in CONTENT_TYPES:
                    raise ValueError(f"Unsupported rendition format {image_format!r}.")
                specs.append(RenditionSpec(crop, int(width), image_format))
    return specs


# --- Decoding ----------------------------------------------------------------------------


def oriented_size(image):
    """Return (width, height) as displayed, after the EXIF orientation."""
    orientation = image.getexif().get(0x0112, 1)
    width, height = image.size
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def decode(source, *, largest_width=None):
    """Open ``source`` (path or file) and return the oriented, sRGB picture to resize.

    ``largest_width`` is the widest size that will be cut from it; JPEG draft mode
    decodes at a reduced scale only while that leaves a reduction of ``QUALITY_GAP``
    or more for Lanczos. Returns (picture, original oriented size).
    """
    return _decode_opened(Image.open(source), largest_width)


def _decode_opened(image, largest_width):
    size = oriented_size(image)
    if largest_width and image.format == "JPEG" and largest_width * QUALITY_GAP < size[0]:
        scale = largest_width * QUALITY_GAP / size[0]
        image.draft(image.mode, (math.ceil(image.width * scale), math.ceil(image.height * scale)))
    image.load()
    # In place: without a rotation to apply, the default would copy the whole picture.
    ImageOps.exif_transpose(image, in_place=True)
    return to_srgb(image), size


def to_srgb(image):
    """Return ``image`` as RGB (or RGBA) in sRGB, converting with its ICC profile."""
    icc = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if image.mode in ("1", "P", "PA", "LA", "La"):
        has_alpha = image.mode in ("PA", "LA", "La") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    if icc and not _is_srgb(icc):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            srgb = ImageCms.createProfile("sRGB")
            alpha = image.getchannel("A") if image.mode == "RGBA" else None
            base = image.convert("RGB") if alpha is not None else image
            out_mode = "RGB"
            converted = ImageCms.profileToProfile(
                base, source, srgb, renderingIntent=ImageCms.Intent.PERCEPTUAL, outputMode=out_mode
            )
            if alpha is not None:
                converted.putalpha(alpha)
            image = converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            # A broken or mismatched profile (an RGB profile on a CMYK file...): fall
            # back to Pillow's plain conversion rather than refuse a usable photo.
            pass
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGB")
    image.info.pop("icc_profile", None)
    return image


def _is_srgb(icc):
    try:
        description = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc)))
    except (ImageCms.PyCMSError, OSError):
        return False
    return "srgb" in description.lower().replace(" ", "")


# --- Geometry ----------------------------------------------------------------------------


def size_at(original_size, width):
    """Return the size of the whole picture at ``width`` (never larger than itself)."""
    original_width, original_height = original_size
    width = min(width, original_width)
    return width, max(1, round(original_height * width / original_width))


def crop_box(size, ratio, focal_point=(0.5, 0.5)):
    """Return the whole-pixel box of ``ratio`` in a picture of ``size``, as large as fits,
    centred on the focal point (x, y in 0..1) and moved inwards at the edges, so the
    focal point always lies inside it."""
    width, height = size
    if ratio is None:
        return (0, 0, width, height)
    ratio_w, ratio_h = ratio
    if width * ratio_h > height * ratio_w:
        crop_w, crop_h = max(1, min(width, round(height * ratio_w / ratio_h))), height
    else:
        crop_w, crop_h = width, max(1, min(height, round(width * ratio_h / ratio_w)))
    focal_x, focal_y = focal_point
    left = min(max(round(focal_x * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(focal_y * height - crop_h / 2), 0), height - crop_h)
    return (left, top, left + crop_w, top + crop_h)


def sizes_needed(specs, original_size):
    """Return the distinct picture sizes the specs need, without upscaling.

    A spec wider than the picture is served at the picture's own width, once: a small
    original still gets one rendition per crop and format, never an enlargement.
    """
    return sorted({size_at(original_size, spec.width) for spec in specs}, reverse=True)


def effective_specs(specs, original_size):
    """Return the specs that apply to a picture of ``original_size``: those not wider
    than it, plus, when none is, the smallest (served at the picture's width)."""
    width = original_size[0]
    fitting = [spec for spec in specs if spec.width <= width]
    if fitting:
        return fitting
    smallest = min(spec.width for spec in specs)
    return [spec for spec in specs if spec.width == smallest]


# --- Rendering ---------------------------------------------------------------------------


def render(
    source,
    specs,
    *,
    focal_point=(0.5, 0.5),
    metadata=None,
    options=None,
    keep_pixels=False,
):
    """Produce every rendition in ``specs`` from ``source`` with one decode.

    Returns a list of ``Output`` (encoded bytes and size; the pixels too when
    ``keep_pixels``, for quality checks).
    """
    options = options or EncodeOptions()
    metadata = metadata or EmbeddedMetadata()
    image = Image.open(source)
    original_size = oriented_size(image)
    specs = effective_specs(specs, original_size)
    widths = {size_at(original_size, spec.width)[0] for spec in specs}
    picture, original_size = _decode_opened(image, max(widths))
    del image
    exif = exif_block(metadata)
    xmp = xmp_packet(metadata)
    by_size = {}
    for spec in specs:
        by_size.setdefault(size_at(original_size, spec.width), []).append(spec)
    # Resize to every size first, then let the full decode go before encoding: the
    # decoded original is by far the largest thing in memory.
    resized_by_size = {size: resize(picture, size) for size in sorted(by_size, reverse=True)}
    del picture
    outputs = []
    for size, group in by_size.items():
        resized = resized_by_size.pop(size)
        crops = {}
        for spec in group:
            key = spec.crop
            if key not in crops:
                box = crop_box(size, spec.crop.ratio, focal_point)
                crops[key] = resized if box == (0, 0, *size) else resized.crop(box)
            pixels = crops[key]
            data = encode(pixels, spec.format, metadata, options, exif=exif, xmp=xmp)
            outputs.append(
                Output(spec, data, pixels.width, pixels.height, pixels if keep_pixels else None)
            )
        del resized, crops
    return outputs


def resize(picture, size, *, band_rows=64):
    """Return ``picture`` resized to ``size`` with Lanczos, ``band_rows`` output rows at a
    time.

    Each band's box is the exact slice of the source its rows sample, so the bands
    join into the same picture as one call, while the intermediate buffer of Pillow's
    two-pass resampler stays a band high instead of the whole picture (about 25 MB
    less at 24 megapixels).
    """
    if size == picture.size:
        return picture
    width, height = size
    if height <= band_rows:
        return picture.resize(size, LANCZOS, reducing_gap=QUALITY_GAP)
    out = Image.new(picture.mode, size)
    rows_per_output_row = picture.height / height
    for top in range(0, height, band_rows):
        bottom = min(top + band_rows, height)
        box = (0, top * rows_per_output_row, picture.width, bottom * rows_per_output_row)
        band = picture.resize((width, bottom - top), LANCZOS, box=box, reducing_gap=QUALITY_GAP)
        out.paste(band, (0, top))
    return out


def encode(pixels, image_format, metadata, options, *, exif=None, xmp=None):
    """Encode one rendition with the photo's credits embedded. Return bytes."""
    if image_format == "jpeg":
        if pixels.mode != "RGB":
            pixels = flatten(pixels)
        return jpeg_with_metadata(
            pixels, metadata, quality=options.jpeg_quality, optimize=True, progressive=False
        )
    buffer = io.BytesIO()
    pixels.save(
        buffer,
        "WEBP",
        quality=options.webp_quality,
        method=options.webp_method,
        exif=exif if exif is not None else exif_block(metadata),
        xmp=xmp if xmp is not None else xmp_packet(metadata),
    )
    return buffer.getvalue()


def flatten(pixels, background=(255, 255, 255)):
    """Composite a picture with transparency onto ``background`` (JPEG has no alpha)."""
    if pixels.mode != "RGBA":
        return pixels.convert("RGB")
    base = Image.new("RGB", pixels.size, background)
    base.paste(pixels, mask=pixels.getchannel("A"))
    return base


# --- Quality -----------------------------------------------------------------------------


def reference_rendition(source, spec, *, focal_point=(0.5, 0.5)):
    """Return the pixels of ``spec`` made the slow, exact way: a full-resolution decode,
    oriented and in sRGB, with the crop's box resized straight to size by Lanczos."""
    image = Image.open(source)
    image.load()
    picture = to_srgb(ImageOps.exif_transpose(image))
    size = size_at(picture.size, spec.width)
    left, top, right, bottom = crop_box(size, spec.crop.ratio, focal_point)
    scale_x, scale_y = size[0] / picture.width, size[1] / picture.height
    box = (left / scale_x, top / scale_y, right / scale_x, bottom / scale_y)
    return picture.resize((right - left, bottom - top), LANCZOS, box=box)


def psnr(first, second):
    """Return the peak signal-to-noise ratio of two same-sized pictures, in dB."""
    if first.size != second.size:
        raise ValueError(f"Sizes differ: {first.size} and {second.size}.")
    if first.mode != second.mode:
        second = second.convert(first.mode)
    stat = ImageStat.Stat(ImageChops.difference(first, second))
    mse = sum(stat.sum2) / (len(stat.sum2) * first.width * first.height)
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)
