"""guidekit images [PATH…] [--strip] [--sample]

Lists the site's image files with what the build does to them: size, pixels,
metadata, and the WebP copy hooks/images.py would publish (bytes saved, time
taken). This is the image benchmark: it measures, it asserts nothing.

--strip  rewrites the named files without metadata (EXIF, XMP, IPTC, comments),
         pixels unchanged: the fix for finding IMG207.
--sample measures drawn sample images (phone and desktop screenshots, a photo),
         for when the site itself has no raster images yet.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from guidekit import atomicfile
from guidekit.config import ConfigError, load_config
from guidekit.images import inspect_image, strip_metadata, webp_copy

SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff"}


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="kuvat tai kansiot (oletus: docs/ ja overrides/assets/)")
    parser.add_argument("--strip", action="store_true", help="poista metatiedot nimetyistä tiedostoista")
    parser.add_argument("--sample", action="store_true", help="mittaa piirretyillä esimerkkikuvilla")


def image_files(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()))
        elif path.is_file():
            found.append(path)
    return found


def measure(path: Path, settings: dict) -> dict:
    """One image: what it is and what its WebP copy would save."""
    info = inspect_image(path)
    row = {"path": path, "info": info, "webp": None, "seconds": 0.0, "published": info.size_bytes}
    if info.error or info.is_svg or info.animated or info.format == "WEBP":
        return row
    start = time.perf_counter()
    copy = webp_copy(path, int(settings["publish_max_side"]), int(settings["webp_quality"]))
    row["seconds"] = time.perf_counter() - start
    row["webp"] = copy
    if copy is not None and len(copy.data) <= info.size_bytes * (1 - float(settings["webp_min_saving"])):
        row["published"] = len(copy.data)  # what a browser with WebP downloads
    return row


def describe(row: dict, base: Path) -> str:
    info = row["info"]
    try:
        name = row["path"].resolve().relative_to(base).as_posix()
    except ValueError:
        name = row["path"].as_posix()
    if info.error:
        return f"{name}: ei voi lukea ({info.error})"
    text = f"{name}: {info.format} {info.width}×{info.height}, {info.size_bytes / 1024:.1f} kt"
    if info.metadata:
        text += f", metatiedot: {', '.join(info.metadata)}"
    copy = row["webp"]
    if copy is not None:
        saving = 1 - len(copy.data) / info.size_bytes
        used = "julkaistaan" if row["published"] < info.size_bytes else "ei julkaista"
        text += (
            f" → WebP {copy.width}×{copy.height} {len(copy.data) / 1024:.1f} kt "
            f"({saving:+.0%} säästö, {used}; {row['seconds'] * 1000:.0f} ms)"
        )
    return text


def draw_samples(folder: Path) -> list[Path]:
    """Typical images of a help guide, drawn with Pillow (no files from outside)."""
    import random

    from PIL import Image, ImageDraw

    def screenshot(size, bar_height):
        image = Image.new("RGB", size, (245, 247, 250))
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, size[0], bar_height), fill=(0, 90, 156))
        for y in range(bar_height + 30, size[1] - 80, bar_height):
            draw.rounded_rectangle((40, y, size[0] - 40, y + bar_height - 24), radius=18, fill="white", outline=(200, 205, 210), width=3)
            for line in range(3):
                draw.text((70, y + 20 + line * 22), f"Esimerkkiteksti rivi {line + 1} kohdassa {y}", fill=(30, 30, 30))
        return image

    phone = folder / "puhelin-kuvakaappaus.png"
    screenshot((1170, 2532), 180).save(phone, optimize=True)
    desktop = folder / "tietokone-kuvakaappaus.png"
    screenshot((1920, 1080), 120).save(desktop, optimize=True)
    rng = random.Random(1)
    # Smooth colour areas with fine noise, like a photo: small random pixels scaled up.
    small = Image.new("RGB", (40, 30))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(40 * 30)])
    photo = small.resize((1600, 1200), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((1600, 1200), 12).convert("RGB")
    photo = Image.blend(photo, grain, 0.08)
    photo_path = folder / "valokuva.jpg"
    photo.save(photo_path, quality=90)
    return [phone, desktop, photo_path]


def run(args) -> int:
    try:
        config = load_config()
    except ConfigError as error:
        print(error)
        return 2
    settings = config.section("images")
    base = config.root
    if args.strip:
        return strip(image_files([p.resolve() for p in args.paths]), base)
    with tempfile.TemporaryDirectory() as temporary:
        if args.sample:
            files = draw_samples(Path(temporary))
            base = Path(temporary).resolve()
        else:
            paths = [p.resolve() for p in args.paths] or [base / "docs", base / "overrides" / "assets"]
            files = image_files(paths)
        rows = [measure(path, settings) for path in files]
        for row in rows:
            print(describe(row, base))
    original = sum(r["info"].size_bytes for r in rows)
    published = sum(r["published"] for r in rows)
    raster = [r for r in rows if r["webp"] is not None]
    print(
        f"{len(rows)} kuvaa, {len(raster)} rasterikuvaa: {original / 1024:.1f} kt → {published / 1024:.1f} kt "
        f"WebP-kopioilla (säästö {original - published} tavua, {(1 - published / original) if original else 0:.0%}); "
        f"WebP-kopioiden teko {sum(r['seconds'] for r in rows):.2f} s"
    )
    return 0


def strip(files: list[Path], base: Path) -> int:
    if not files:
        print("anna poistettavat kuvat: guidekit images --strip docs/fi/assets/images/kuva.jpg")
        return 2
    for path in files:
        info = inspect_image(path)
        if info.error:
            print(f"{path}: ei voi lukea ({info.error})")
            continue
        if not info.metadata:
            continue
        atomicfile.write_bytes(path, strip_metadata(path.read_bytes(), info))
        print(f"{path}: poistettu {', '.join(info.metadata)}")
    return 0
