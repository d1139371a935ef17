"""Benchmark: the full rendition set from a 24- and a 12-megapixel JPEG, ours against libvips.

    pip install -e .[bench]        # pyvips with a bundled libvips (pyvips-binary)
    python bench/renditions.py     # --repeat N, --sizes 24,12, --keep DIR

Each contender runs in its own child process (so peak memory is that process's own,
read from its ``VmHWM`` at its end), single-threaded
(``VIPS_CONCURRENCY=1``; Pillow's resampling and encoders use one thread), on the same
file, in turns (round after round, so load from elsewhere hits all alike), producing
the same outputs: every declared spec (4 sizes x 4 crops x JPEG and
WebP = 32 files) with the credits embedded as XMP and EXIF.

Contenders:

``newsroom``      ``media.imaging.render``: one decode, EXIF orientation, sRGB, one
                  Lanczos resize per size (``reducing_gap`` 3), crops cut from it.
``vips``          ``pyvips.Image.thumbnail(file, width)`` once per size (shrink-on-load,
                  as libvips recommends), the same crops, ``jpegsave``/``webpsave``.
``vips-1decode``  one full decode kept in memory, then ``thumbnail_image`` per size.
``naive``         Pillow the obvious way: open, Lanczos resize from full size, save, per
                  output (the "naive Pillow" line of the issue).

Quality: the PSNR of our pixels (before encoding) against the reference, a
full-resolution decode resized straight to each crop with Lanczos; the bar is 50 dB.
libvips' PSNR against the same reference is printed for information.
"""

import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The rendition set of newsroom/settings.py (NEWSROOM_RENDITIONS' defaults).
WIDTHS = (400, 800, 1200, 1600)
CROPS = {"full": None, "16x9": (16, 9), "4x3": (4, 3), "1x1": (1, 1)}
FORMATS = ("jpeg", "webp")
FOCAL_POINT = (0.3, 0.6)
JPEG_QUALITY, WEBP_QUALITY, WEBP_EFFORT = 82, 80, 4
INPUTS = {24: (6000, 4000), 12: (4240, 2832)}


# --- Test pictures -----------------------------------------------------------------------


def make_picture(path, size, seed=2024):
    """Write a photo-like JPEG: textured multi-scale colour noise, shapes with hard edges,
    text and sensor grain, so resampling has real detail to get right (flat colour
    would flatter every method)."""
    from PIL import Image, ImageChops, ImageDraw, ImageFont

    width, height = size
    rnd = random.Random(seed)
    channels = []
    for channel in range(3):
        accumulated, total = Image.new("L", size, 0), 0
        for cells, weight in ((6, 8), (24, 4), (96, 2), (384, 1)):
            noise = Image.effect_noise((cells, max(2, cells * height // width)), 60 + 10 * channel)
            layer = noise.resize(size, Image.Resampling.BICUBIC)
            accumulated = Image.blend(accumulated, layer, weight / (total + weight))
            total += weight
        channels.append(accumulated)
    picture = Image.merge("RGB", channels)
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    picture = Image.blend(picture, gradient, 0.25)
    draw = ImageDraw.Draw(picture)
    for _ in range(400):
        x, y = rnd.randrange(width), rnd.randrange(height)
        radius = rnd.randrange(10, width // 12)
        colour = tuple(rnd.randrange(256) for _ in range(3))
        if rnd.random() < 0.5:
            draw.ellipse((x, y, x + radius, y + radius * 0.7), fill=colour)
        else:
            end = (x + radius, y + rnd.randrange(-radius, radius))
            draw.line((x, y, *end), fill=colour, width=rnd.randrange(1, 6))
    font = ImageFont.load_default(size=max(12, height // 40))
    for _ in range(30):
        position = (rnd.randrange(width), rnd.randrange(height))
        draw.text(position, "Newsroom bench 2024", fill=(250, 250, 240), font=font)
    grain = Image.effect_noise(size, 12).convert("RGB")
    picture = ImageChops.add(picture, grain, scale=1.0, offset=-128)
    picture.save(path, "JPEG", quality=92)


def specs():
    from media import imaging

    return imaging.build_specs(WIDTHS, CROPS, FORMATS)


def metadata():
    from media.embed import EmbeddedMetadata

    return EmbeddedMetadata(
        captions={"en": "A benchmark picture.", "es": "Una imagen de prueba."},
        creator="Jane Photographer",
        credit_line="PHOTO/Jane Photographer/POOL/AFP",
        copyright_notice="(c) 2024 AFP",
    )


# --- Contenders (run in a child process) -------------------------------------------------


def run_newsroom(path):
    from media import imaging

    outputs = imaging.render(path, specs(), focal_point=FOCAL_POINT, metadata=metadata())
    return sum(len(output.data) for output in outputs), len(outputs)


def run_naive(path):
    import io

    from PIL import Image

    from media import imaging

    total = count = 0
    for spec in specs():
        with Image.open(path) as image:
            size = imaging.size_at(image.size, spec.width)
            left, top, right, bottom = imaging.crop_box(size, spec.crop.ratio, FOCAL_POINT)
            scale_x, scale_y = size[0] / image.width, size[1] / image.height
            box = (left / scale_x, top / scale_y, right / scale_x, bottom / scale_y)
            resized = image.resize((right - left, bottom - top), Image.Resampling.LANCZOS, box=box)
            buffer = io.BytesIO()
            resized.save(buffer, "JPEG" if spec.format == "jpeg" else "WEBP", quality=80)
            total, count = total + buffer.tell(), count + 1
    return total, count


def _vips_outputs(path, thumbnail_of):
    import pyvips

    from media import imaging
    from media.embed import exif_block, xmp_packet

    meta = metadata()
    xmp, exif = xmp_packet(meta), exif_block(meta).tobytes()
    probe = pyvips.Image.new_from_file(path)
    original_size = (probe.width, probe.height)
    total = count = 0
    by_size = {}
    for spec in specs():
        by_size.setdefault(imaging.size_at(original_size, spec.width), []).append(spec)
    for size, group in by_size.items():
        thumbnail = thumbnail_of(size).copy_memory()
        for spec in group:
            left, top, right, bottom = imaging.crop_box(
                (thumbnail.width, thumbnail.height), spec.crop.ratio, FOCAL_POINT
            )
            region = thumbnail.crop(left, top, right - left, bottom - top).copy()
            region.set_type(pyvips.GValue.blob_type, "xmp-data", xmp)
            region.set_type(pyvips.GValue.blob_type, "exif-data", exif)
            if spec.format == "jpeg":
                data = region.jpegsave_buffer(Q=JPEG_QUALITY, optimize_coding=True)
            else:
                data = region.webpsave_buffer(Q=WEBP_QUALITY, effort=WEBP_EFFORT)
            total, count = total + len(data), count + 1
    return total, count


def run_vips(path):
    import pyvips

    return _vips_outputs(
        path, lambda size: pyvips.Image.thumbnail(path, size[0], height=size[1] * 2)
    )


def run_vips_one_decode(path):
    import pyvips

    decoded = pyvips.Image.new_from_file(path).copy_memory()
    return _vips_outputs(path, lambda size: decoded.thumbnail_image(size[0], height=size[1] * 2))


CONTENDERS = {
    "newsroom": run_newsroom,
    "vips": run_vips,
    "vips-1decode": run_vips_one_decode,
    "naive": run_naive,
}


def child(name, path):
    """Run one contender once and print its figures as JSON."""
    if name.startswith("vips"):
        import pyvips

        pyvips.cache_set_max(0)
    started = time.perf_counter()
    total_bytes, count = CONTENDERS[name](path)
    seconds = time.perf_counter() - started
    print(
        json.dumps({"seconds": seconds, "peak": peak_rss(), "bytes": total_bytes, "files": count})
    )


def peak_rss():
    """Return this process's peak resident memory in bytes.

    ``VmHWM`` is the high-water mark of this process image alone; ``ru_maxrss`` of a
    freshly started child can include its parent's (Linux carries it across fork and
    exec), so it is only the fallback.
    """
    import resource

    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def quality(path):
    """Print the worst PSNR of ours and of libvips against the Lanczos reference."""
    from PIL import Image

    from media import imaging

    ours = imaging.render(path, specs(), focal_point=FOCAL_POINT, keep_pixels=True)
    worst, vips_worst = math.inf, math.inf
    try:
        import pyvips
    except ImportError:
        pyvips = None
    seen = set()
    for output in ours:
        key = (output.spec.crop, output.spec.width)
        if key in seen:
            continue
        seen.add(key)
        reference = imaging.reference_rendition(path, output.spec, focal_point=FOCAL_POINT)
        worst = min(worst, imaging.psnr(reference, output.pixels))
        if pyvips is not None:
            size = imaging.size_at(Image.open(path).size, output.spec.width)
            thumbnail = pyvips.Image.thumbnail(path, size[0], height=size[1] * 2)
            left, top, right, bottom = imaging.crop_box(
                (thumbnail.width, thumbnail.height), output.spec.crop.ratio, FOCAL_POINT
            )
            region = thumbnail.crop(left, top, right - left, bottom - top)
            pixels = Image.frombytes(
                "RGB", (region.width, region.height), region.write_to_memory()
            )
            if pixels.size == reference.size:
                vips_worst = min(vips_worst, imaging.psnr(reference, pixels))
    print(json.dumps({"newsroom": worst, "vips": vips_worst}))


# --- Parent ------------------------------------------------------------------------------


def run_child(name, path):
    env = {**os.environ, "VIPS_CONCURRENCY": "1", "OMP_NUM_THREADS": "1"}
    result = subprocess.run(
        [sys.executable, __file__, "--child", name, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1:]}
    return json.loads(result.stdout)


def measure(names, path, repeat):
    """Run the contenders in turn, ``repeat`` rounds (naive Pillow once: it is only a
    reference line), so a burst of load on a shared machine hits them alike. Time is
    the best round (the usual figure for a noisy machine); the median is kept too."""
    runs = {name: [] for name in names}
    for round_number in range(repeat):
        for name in names:
            if name == "naive" and round_number:
                continue
            runs[name].append(run_child(name, path))
    results = {}
    for name, name_runs in runs.items():
        errors = [run for run in name_runs if "error" in run]
        if errors:
            results[name] = errors[0]
            continue
        results[name] = {
            "seconds": min(run["seconds"] for run in name_runs),
            "median": statistics.median(run["seconds"] for run in name_runs),
            "peak": max(run["peak"] for run in name_runs),
            "bytes": name_runs[0]["bytes"],
            "files": name_runs[0]["files"],
        }
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", nargs=2, metavar=("CONTENDER", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--quality", metavar="FILE", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=5, help="rounds (best and median)")
    parser.add_argument("--sizes", default="24,12", help="megapixels, from 24 and 12")
    parser.add_argument("--keep", help="folder for the generated pictures (kept)")
    parser.add_argument("--skip-naive", action="store_true", help="leave out naive Pillow")
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.quality:
        quality(args.quality)
        return
    try:
        import pyvips

        vips_version = f"libvips {pyvips.version(0)}.{pyvips.version(1)}.{pyvips.version(2)}"
    except ImportError:
        sys.exit("pyvips is missing: pip install -e .[bench]")
    import PIL

    folder = Path(args.keep or tempfile.mkdtemp(prefix="newsroom-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    names = [name for name in CONTENDERS if not (args.skip_naive and name == "naive")]
    print(
        f"Pillow {PIL.__version__}, {vips_version}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, single-threaded, best and median of {args.repeat} rounds"
    )
    print(
        f"Output set: {len(WIDTHS)} sizes x {len(CROPS)} crops x {len(FORMATS)} formats "
        f"= {len(WIDTHS) * len(CROPS) * len(FORMATS)} files, credits embedded\n"
    )
    header = (
        f"{'input':<8}{'contender':<14}{'best s':>8}{'median s':>10}{'peak MB':>9}"
        f"{'x vips':>8}{'x 1decode':>10}{'out KB':>8}"
    )
    print(header)
    print("-" * len(header))
    summary = []
    for megapixels in (int(value) for value in args.sizes.split(",")):
        path = folder / f"bench-{megapixels}mp.jpg"
        if not path.exists():
            make_picture(path, INPUTS[megapixels])
        results = measure(names, path, args.repeat)
        vips = results["vips"].get("seconds")
        one_decode = results["vips-1decode"].get("seconds")
        for name, result in results.items():
            if "error" in result:
                print(f"{megapixels:>2} MP    {name:<14} failed: {result['error']}")
                continue
            print(
                f"{megapixels:>2} MP    {name:<14}{result['seconds']:>8.2f}"
                f"{result['median']:>10.2f}{result['peak'] / 2**20:>9.0f}"
                f"{result['seconds'] / vips:>8.2f}"
                f"{result['seconds'] / one_decode:>10.2f}{result['bytes'] / 1024:>8.0f}"
            )
        psnr = subprocess.run(
            [sys.executable, __file__, "--quality", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        worst = json.loads(psnr.stdout)
        print(
            f"         worst PSNR against full-resolution Lanczos: newsroom "
            f"{worst['newsroom']:.1f} dB, libvips thumbnail {worst['vips']:.1f} dB\n"
        )
        summary.append((megapixels, results, worst))
    for megapixels, results, worst in summary:
        ours = results["newsroom"]
        versus_thumbnail = ours["seconds"] / results["vips"]["seconds"]
        versus_one_decode = ours["seconds"] / results["vips-1decode"]["seconds"]
        print(
            f"{megapixels} MP: time {versus_thumbnail:.2f}x libvips thumbnail (target <= 1.15), "
            f"{versus_one_decode:.2f}x libvips one-decode; "
            f"peak {ours['peak'] / 2**20:.0f} MB (target < 150 for 24 MP); "
            f"PSNR {worst['newsroom']:.1f} dB (bar 50)"
        )
    if not args.keep:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
