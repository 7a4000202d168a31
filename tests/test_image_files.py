"""Image files: guidekit/images.py (inspect, find, strip, WebP) and the file rules IMG201–IMG209.

Fixture images are drawn with Pillow in each test; pages are written in fi, sv and en.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageDraw, PngImagePlugin

from guidekit.images import (
    WEBP_LOSSLESS_METHOD,
    candidate_paths,
    find_image,
    inspect_image,
    strip_metadata,
    webp_copy,
)
from guidekit.lint import lint_file, make_context, pages_under
from guidekit.bench import ADDRESS_HISTORY  # the real site's address record belongs to its pages

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("fi", "sv", "en")
ALT = {
    "fi": "Kirjautumisnäkymä. Kirjaudu-painike on alareunassa.",
    "sv": "Inloggningsvyn. Knappen Logga in finns längst ner.",
    "en": "The sign-in screen. The Sign in button is at the bottom.",
}
GOOD_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="600" viewBox="0 0 360 600" '
    'font-family="system-ui, sans-serif"><title>Näkymä</title><rect width="360" height="600" fill="#fff"/>'
    '<text x="20" y="40">Kirjaudu</text></svg>'
)


# --- Fixture helpers ------------------------------------------------------------------------


def project(tmp_path: Path) -> Path:
    """A repository in tmp_path with the real guidekit.yml and data, and an empty docs/."""
    shutil.copy(ROOT / "guidekit.yml", tmp_path / "guidekit.yml")
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns(*ADDRESS_HISTORY))
    (tmp_path / "docs").mkdir()
    return tmp_path


def page(root: Path, lang: str, text: str, name: str = "ohjeet/kirjaudu.md") -> Path:
    path = root / "docs" / lang / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# Otsikko\n\n{text}\n", encoding="utf-8")
    return path


def findings(root: Path, path: Path, rule: str) -> list:
    ctx = make_context(root)
    return [f for f in lint_file(path, ctx) if f.rule == rule]


def screenshot(size=(360, 600), colour=(0, 90, 156)) -> Image.Image:
    """Something like a phone screenshot: flat colours, bars and text."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for y in range(20, size[1] - 40, 60):
        draw.rectangle((20, y, size[0] - 20, y + 36), fill=colour if y % 120 else (230, 233, 237))
        draw.text((30, y + 10), f"Painike {y}", fill="black")
    return image


def save_png(path: Path, image: Image.Image | None = None, **options) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    (image or screenshot()).save(path, "PNG", **options)
    return path


def identifying_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "Matti Meikäläinen"
    exif[ExifTags.Base.Make] = "Kamera Oy"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = "SN-004711"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({1: "N", 2: (60.0, 27.0, 0.0), 3: "E", 4: (22.0, 16.0, 0.0)})
    return exif


def images_dir(root: Path, lang: str = "fi") -> Path:
    folder = root / "docs" / lang / "assets" / "images"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def image_line(lang: str, file_name: str) -> str:
    return f"![{ALT[lang]}](../assets/images/{file_name})"


# --- inspect_image ---------------------------------------------------------------------------


def test_inspect_png_reports_format_size_and_dimensions(tmp_path):
    path = save_png(tmp_path / "a.png", screenshot((300, 500)))
    info = inspect_image(path)
    assert (info.format, info.width, info.height, info.frames, info.error) == ("PNG", 300, 500, 1, None)
    assert info.size_bytes == path.stat().st_size
    assert info.metadata == ()


def test_inspect_names_identifying_exif_xmp_and_comment_in_jpeg(tmp_path):
    path = tmp_path / "photo.jpg"
    screenshot().save(path, "JPEG", exif=identifying_exif(), xmp=b"<x:xmpmeta xmlns:x='adobe:ns:meta/'/>", comment=b"Matti")
    names = set(inspect_image(path).metadata)
    assert {"GPSInfo", "BodySerialNumber", "Artist", "XMP", "Comment"} <= names


def test_inspect_names_png_text_chunks_and_xmp(tmp_path):
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Matti")
    text.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta xmlns:x='adobe:ns:meta/'/>")
    info = inspect_image(save_png(tmp_path / "a.png", pnginfo=text))
    assert {"Author", "XMP"} <= set(info.metadata)
    assert "XML:com.adobe.xmp" not in info.metadata


@pytest.mark.parametrize("fmt", ["GIF", "PNG", "WEBP"])
def test_inspect_counts_animation_frames(tmp_path, fmt):
    frames = [Image.new("RGB", (20, 20), colour) for colour in ("red", "green", "blue")]
    path = tmp_path / f"moving.{fmt.lower()}"
    frames[0].save(path, fmt, save_all=True, append_images=frames[1:], duration=100, loop=0)
    info = inspect_image(path)
    assert info.animated and info.frames == 3


@pytest.mark.parametrize(
    "content",
    [b"", b"not an image at all", None],  # None: a PNG cut in half
    ids=["empty", "text", "truncated"],
)
def test_inspect_reports_corrupt_raster_as_error_not_exception(tmp_path, content):
    path = tmp_path / "broken.png"
    if content is None:
        whole = save_png(tmp_path / "whole.png", screenshot((400, 400))).read_bytes()
        content = whole[: len(whole) // 2]
    path.write_bytes(content)
    info = inspect_image(path)
    assert info.error and info.format is None


def test_inspect_missing_file_is_an_error(tmp_path):
    assert inspect_image(tmp_path / "nothing.png").error


@pytest.mark.parametrize(
    ("svg", "size"),
    [
        (GOOD_SVG, (360, 600)),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"/>', (200, 100)),
        ('<svg xmlns="http://www.w3.org/2000/svg" width="400" viewBox="0 0 200 100"/>', (400, 200)),
        ('<svg xmlns="http://www.w3.org/2000/svg" width="10mm" height="1in"/>', (38, 96)),
    ],
    ids=["width-height", "viewbox", "width-and-viewbox", "units"],
)
def test_inspect_svg_intrinsic_size(tmp_path, svg, size):
    path = tmp_path / "a.svg"
    path.write_text(svg, encoding="utf-8")
    info = inspect_image(path)
    assert info.format == "SVG" and info.error is None and info.has_size
    assert (info.width, info.height) == size


@pytest.mark.parametrize(
    ("svg", "expected"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>alert(1)</script></svg>', "<script>"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="x()"/>', 'onload="…"'),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 1 1">'
            '<image xlink:href="https://cdn.example.com/a.png"/></svg>',
            "https://cdn.example.com/a.png",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><style>@import url(https://fonts.example.com/x.css);</style></svg>',
            "@import url(https://fonts.example.com/x.css)",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><style>@font-face { font-family: X; src: url(x.woff2) }</style></svg>',
            "@font-face",
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect style="fill: url(//evil.example/p.svg#g)"/></svg>', "url(//evil.example/p.svg#g)"),
    ],
    ids=["script", "event-handler", "remote-href", "css-import", "web-font", "css-remote-url"],
)
def test_inspect_svg_finds_scripts_and_outside_references(tmp_path, svg, expected):
    path = tmp_path / "a.svg"
    path.write_text(svg, encoding="utf-8")
    info = inspect_image(path)
    assert info.error is None
    assert expected in info.svg_problems


def test_inspect_svg_local_references_are_fine(tmp_path):
    path = tmp_path / "a.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
        '<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/><use xlink:href="#g"/></svg>',
        encoding="utf-8",
    )
    assert inspect_image(path).svg_problems == ()


@pytest.mark.parametrize(
    "svg",
    [
        '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>',
        '<html><body/></html>',
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        '<svg><rect/></svg>',
    ],
    ids=["not-well-formed", "not-svg", "entity", "no-namespace"],
)
def test_inspect_svg_corrupt_is_an_error(tmp_path, svg):
    path = tmp_path / "a.svg"
    path.write_text(svg, encoding="utf-8")
    info = inspect_image(path)
    assert info.format == "SVG" and info.error


def test_inspect_svg_without_any_size(tmp_path):
    path = tmp_path / "a.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>', encoding="utf-8")
    info = inspect_image(path)
    assert info.error is None and not info.has_size and info.width is None


# --- Finding the file as the published site does -----------------------------------------


def test_find_image_falls_back_from_language_to_finnish_to_docs_root(tmp_path):
    docs = tmp_path / "docs"
    for folder in ("sv/assets", "fi/assets", "assets"):
        (docs / folder).mkdir(parents=True)
    (docs / "assets" / "a.png").write_bytes(b"x")
    sv_page = docs / "sv" / "ohjeet" / "y.md"
    assert find_image("../assets/a.png", sv_page, docs, "sv") == docs / "assets" / "a.png"
    (docs / "fi" / "assets" / "a.png").write_bytes(b"x")
    assert find_image("../assets/a.png", sv_page, docs, "sv") == docs / "fi" / "assets" / "a.png"
    (docs / "sv" / "assets" / "a.png").write_bytes(b"x")
    assert find_image("../assets/a.png", sv_page, docs, "sv") == docs / "sv" / "assets" / "a.png"
    # selko (like every other language) falls back to Finnish
    assert find_image("../assets/a.png", docs / "selko" / "ohjeet" / "y.md", docs, "selko") == docs / "fi" / "assets" / "a.png"


def test_find_image_ignores_query_and_decodes_escapes(tmp_path):
    docs = tmp_path / "docs"
    (docs / "fi" / "assets").mkdir(parents=True)
    (docs / "fi" / "assets" / "oma kuva.png").write_bytes(b"x")
    assert find_image("../assets/oma%20kuva.png?v=2#x", docs / "fi" / "ohjeet" / "y.md", docs, "fi") is not None


def test_find_image_never_leaves_docs(tmp_path):
    docs = tmp_path / "docs"
    (docs / "fi").mkdir(parents=True)
    (tmp_path / "secret.png").write_bytes(b"x")
    page_path = docs / "fi" / "y.md"
    assert find_image("../../secret.png", page_path, docs, "fi") is None
    assert candidate_paths("../../secret.png", page_path, docs, "fi") == [tmp_path / "secret.png"]
    assert candidate_paths("https://example.com/a.png", page_path, docs, "fi") == []


# --- Published copies ---------------------------------------------------------------------


def pixels(data: bytes) -> bytes:
    import io

    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB").tobytes()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_strip_metadata_removes_everything_and_keeps_pixels(tmp_path, fmt):
    path = tmp_path / f"a.{fmt.lower()}"
    options = {"exif": identifying_exif(), "xmp": b"<x:xmpmeta xmlns:x='adobe:ns:meta/'/>"}
    if fmt == "WEBP":
        options["lossless"] = True
    screenshot((120, 80)).save(path, fmt, **options)
    before = inspect_image(path)
    assert "GPSInfo" in before.metadata
    stripped = strip_metadata(path.read_bytes(), before)
    out = tmp_path / f"out.{fmt.lower()}"
    out.write_bytes(stripped)
    after = inspect_image(out)
    assert after.error is None and after.metadata == ()
    assert pixels(stripped) == pixels(path.read_bytes())  # no re-encoding: not one pixel changes


def test_strip_metadata_turns_rotated_jpeg_upright(tmp_path):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # camera held sideways: shown rotated 90°
    path = tmp_path / "a.jpg"
    screenshot((120, 80)).save(path, "JPEG", exif=exif)
    out = tmp_path / "out.jpg"
    out.write_bytes(strip_metadata(path.read_bytes(), inspect_image(path)))
    after = inspect_image(out)
    assert (after.width, after.height, after.metadata) == (80, 120, ())


def test_strip_metadata_of_gif_keeps_animation(tmp_path):
    frames = [Image.new("RGB", (20, 20), colour) for colour in ("red", "green", "blue")]
    path = tmp_path / "a.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0, comment=b"Matti")
    out = tmp_path / "out.gif"
    out.write_bytes(strip_metadata(path.read_bytes(), inspect_image(path)))
    after = inspect_image(out)
    assert after.metadata == () and after.frames == 3


def test_strip_metadata_of_svg_removes_metadata_element_and_editor_paths(tmp_path):
    path = tmp_path / "a.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" '
        'viewBox="0 0 10 10" sodipodi:docname="/home/matti/kuvat/a.svg"><metadata><rdf>Matti</rdf></metadata>'
        '<rect width="10" height="10"/></svg>',
        encoding="utf-8",
    )
    before = inspect_image(path)
    assert set(before.metadata) == {"metadata", "docname"}
    out = tmp_path / "out.svg"
    out.write_bytes(strip_metadata(path.read_bytes(), before))
    after = inspect_image(out)
    assert after.error is None and after.metadata == ()
    assert b"matti" not in out.read_bytes().lower()


def test_strip_metadata_leaves_clean_files_byte_for_byte(tmp_path):
    path = save_png(tmp_path / "a.png")
    assert strip_metadata(path.read_bytes(), inspect_image(path)) == path.read_bytes()


def photo(size: tuple[int, int]) -> Image.Image:
    """Smooth colour areas with grain, like a photograph."""
    import random

    rng = random.Random(7)
    small = Image.new("RGB", (32, 24))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(32 * 24)])
    grain = Image.effect_noise(size, 12).convert("RGB")
    return Image.blend(small.resize(size, Image.Resampling.BICUBIC), grain, 0.08)


def test_webp_copy_of_photo_is_scaled_down_and_smaller(tmp_path):
    path = tmp_path / "photo.jpg"
    photo((2400, 1800)).save(path, quality=90)
    copy = webp_copy(path, max_side=1600)
    assert (copy.width, copy.height) == (1600, 1200)
    assert len(copy.data) < path.stat().st_size


def test_webp_copy_of_screenshot_is_lossless_and_the_smallest_of_scaled_and_full_size(tmp_path):
    import io

    image = screenshot((2400, 1200))
    path = save_png(tmp_path / "big.png", image, optimize=True)
    copy = webp_copy(path, max_side=1600)
    assert len(copy.data) < path.stat().st_size

    def lossless_size(picture):
        buffer = io.BytesIO()
        picture.save(buffer, "WEBP", lossless=True, quality=80, method=WEBP_LOSSLESS_METHOD)
        return len(buffer.getvalue())

    scaled = image.copy()
    scaled.thumbnail((1600, 1600), Image.Resampling.LANCZOS)
    assert len(copy.data) == min(lossless_size(image), lossless_size(scaled))
    small = save_png(tmp_path / "small.png", screenshot((300, 200)))
    same_size = webp_copy(small, max_side=1600)
    assert (same_size.width, same_size.height) == (300, 200)
    assert pixels(same_size.data) == pixels(small.read_bytes())  # PNG → lossless WebP


def test_webp_copy_has_no_metadata(tmp_path):
    path = tmp_path / "photo.jpg"
    screenshot().save(path, "JPEG", exif=identifying_exif())
    out = tmp_path / "copy.webp"
    out.write_bytes(webp_copy(path, 1600).data)
    assert inspect_image(out).metadata == ()


def test_webp_copy_is_not_made_of_svg_animation_or_broken_files(tmp_path):
    svg = tmp_path / "a.svg"
    svg.write_text(GOOD_SVG, encoding="utf-8")
    frames = [Image.new("RGB", (20, 20), c) for c in ("red", "blue")]
    gif = tmp_path / "a.gif"
    frames[0].save(gif, save_all=True, append_images=frames[1:], duration=100)
    broken = tmp_path / "b.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    assert [webp_copy(p, 1600) for p in (svg, gif, broken)] == [None, None, None]


# --- File rules, each with a passing and a failing page in fi, sv and en ---------------------


@pytest.mark.parametrize("lang", LANGS)
def test_img201_missing_file_is_reported_at_page_line(tmp_path, lang):
    root = project(tmp_path)
    save_png(images_dir(root) / "olemassa.png")
    good = page(root, lang, image_line(lang, "olemassa.png"))
    bad = page(root, lang, "Teksti.\n\n" + image_line(lang, "puuttuu.png"), "ohjeet/huono.md")
    assert findings(root, good, "IMG201") == []
    [finding] = findings(root, bad, "IMG201")
    assert finding.line == 5 and finding.path == f"docs/{lang}/ohjeet/huono.md"
    assert "puuttuu.png" in finding.message
    # the message names where it looked, with the fallback to Finnish
    assert f"docs/{lang}/assets/images/puuttuu.png" in finding.message
    assert "docs/fi/assets/images/puuttuu.png" in finding.message


@pytest.mark.parametrize("lang", LANGS)
def test_img201_html_img_is_resolved_too(tmp_path, lang):
    root = project(tmp_path)
    save_png(images_dir(root) / "olemassa.png")
    good = page(root, lang, f'<img src="../assets/images/olemassa.png" alt="{ALT[lang]}">')
    bad = page(root, lang, f'<img src="../assets/kuvat/olemassa.png" alt="{ALT[lang]}">', "ohjeet/huono.md")
    assert findings(root, good, "IMG201") == []
    assert len(findings(root, bad, "IMG201")) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_img202_external_image(tmp_path, lang):
    root = project(tmp_path)
    save_png(images_dir(root) / "oma.png")
    good = page(root, lang, image_line(lang, "oma.png"))
    bad = page(root, lang, f"![{ALT[lang]}](https://cdn.example.com/kuva.png)\n\n"
               f'<img src="//cdn.example.com/b.png" alt="{ALT[lang]}">', "ohjeet/huono.md")
    assert findings(root, good, "IMG202") == []
    found = findings(root, bad, "IMG202")
    assert [f.line for f in found] == [3, 5]
    assert "https://cdn.example.com/kuva.png" in found[0].message
    assert findings(root, bad, "IMG201") == []  # one finding per problem


@pytest.mark.parametrize("lang", LANGS)
def test_img203_corrupt_file(tmp_path, lang):
    root = project(tmp_path)
    folder = images_dir(root, lang)
    save_png(folder / "ehja.png")
    (folder / "rikki.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    (folder / "rikki.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', encoding="utf-8")
    good = page(root, lang, image_line(lang, "ehja.png"))
    bad = page(root, lang, image_line(lang, "rikki.png") + "\n\n" + image_line(lang, "rikki.svg"), "ohjeet/huono.md")
    assert findings(root, good, "IMG203") == []
    found = findings(root, bad, "IMG203")
    assert [f.line for f in found] == [3, 5]
    assert f"docs/{lang}/assets/images/rikki.png" in found[0].message
    assert "not well-formed" in found[1].message
    # a corrupt file is not also reported as too big, animated …
    other = [f for f in lint_file(bad, make_context(root)) if f.rule.startswith("IMG") and f.rule != "IMG203"]
    assert other == []


@pytest.mark.parametrize("lang", LANGS)
def test_img204_dimensions(tmp_path, lang):
    root = project(tmp_path)
    folder = images_dir(root)
    save_png(folder / "sopiva.png", Image.new("RGB", (2000, 1000), "white"))
    save_png(folder / "iso.png", Image.new("RGB", (1000, 2001), "white"))
    (folder / "iso.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="5000" height="5000"/>', encoding="utf-8"
    )
    good = page(root, lang, image_line(lang, "sopiva.png") + "\n\n" + image_line(lang, "iso.svg"))
    bad = page(root, lang, image_line(lang, "iso.png"), "ohjeet/huono.md")
    assert findings(root, good, "IMG204") == []
    [finding] = findings(root, bad, "IMG204")
    assert "1000 × 2001" in finding.message and "2000" in finding.fix


@pytest.mark.parametrize("lang", LANGS)
def test_img205_file_size(tmp_path, lang):
    import os

    root = project(tmp_path)
    folder = images_dir(root)
    save_png(folder / "kevyt.png")
    # random pixels do not compress: about 3 bytes a pixel
    noise = Image.frombytes("RGB", (300, 300), os.urandom(300 * 300 * 3))
    save_png(folder / "raskas.png", noise)
    (folder / "raskas.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9">' + "<!-- x -->" * 6000 + "</svg>", encoding="utf-8"
    )
    good = page(root, lang, image_line(lang, "kevyt.png"))
    bad = page(root, lang, image_line(lang, "raskas.png") + "\n\n" + image_line(lang, "raskas.svg"), "ohjeet/huono.md")
    assert findings(root, good, "IMG205") == []
    found = findings(root, bad, "IMG205")
    assert [f.line for f in found] == [3, 5]
    assert "(raja 200 kt)" in found[0].message and "(raja 50 kt)" in found[1].message


@pytest.mark.parametrize("lang", LANGS)
def test_img206_animated(tmp_path, lang):
    root = project(tmp_path)
    folder = images_dir(root)
    save_png(folder / "paikallaan.png")
    frames = [Image.new("RGB", (40, 40), c) for c in ("red", "green", "blue", "white")]
    frames[0].save(folder / "liikkuu.gif", save_all=True, append_images=frames[1:], duration=200, loop=0)
    good = page(root, lang, image_line(lang, "paikallaan.png"))
    bad = page(root, lang, image_line(lang, "liikkuu.gif"), "ohjeet/huono.md")
    assert findings(root, good, "IMG206") == []
    [finding] = findings(root, bad, "IMG206")
    assert "4" in finding.message


@pytest.mark.parametrize("lang", LANGS)
def test_img207_identifying_metadata(tmp_path, lang):
    root = project(tmp_path)
    folder = images_dir(root)
    # Make and Model alone do not identify a person: not reported
    harmless = Image.Exif()
    harmless[ExifTags.Base.Make] = "Kamera Oy"
    screenshot().save(folder / "puhdas.jpg", "JPEG", exif=harmless)
    screenshot().save(folder / "gps.jpg", "JPEG", exif=identifying_exif())
    good = page(root, lang, image_line(lang, "puhdas.jpg"))
    bad = page(root, lang, image_line(lang, "gps.jpg"), "ohjeet/huono.md")
    assert findings(root, good, "IMG207") == []
    [finding] = findings(root, bad, "IMG207")
    for field in ("GPSInfo", "BodySerialNumber", "Artist"):
        assert field in finding.message
    assert "Make" not in finding.message


@pytest.mark.parametrize("lang", LANGS)
def test_img208_svg_script_and_web_font(tmp_path, lang):
    root = project(tmp_path)
    folder = images_dir(root)
    (folder / "hyva.svg").write_text(GOOD_SVG, encoding="utf-8")
    (folder / "paha.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><style>@import url("https://fonts.googleapis.com/css2?family=Inter");</style>'
        "<script>fetch('https://example.com')</script></svg>",
        encoding="utf-8",
    )
    good = page(root, lang, image_line(lang, "hyva.svg"))
    bad = page(root, lang, image_line(lang, "paha.svg"), "ohjeet/huono.md")
    assert findings(root, good, "IMG208") == []
    [finding] = findings(root, bad, "IMG208")
    assert "<script>" in finding.message and "fonts.googleapis.com" in finding.message


@pytest.mark.parametrize("lang", LANGS)
def test_img209_svg_without_size(tmp_path, lang):
    root = project(tmp_path)
    folder = images_dir(root)
    (folder / "koko.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 600"/>', encoding="utf-8")
    (folder / "kooton.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9"/></svg>', encoding="utf-8")
    good = page(root, lang, image_line(lang, "koko.svg"))
    bad = page(root, lang, image_line(lang, "kooton.svg"), "ohjeet/huono.md")
    assert findings(root, good, "IMG209") == []
    [finding] = findings(root, bad, "IMG209")
    assert "docs/fi/assets/images/kooton.svg" in finding.message


def test_file_rule_finding_can_be_suppressed_with_a_reason(tmp_path):
    root = project(tmp_path)
    frames = [Image.new("RGB", (40, 40), c) for c in ("red", "green")]
    frames[0].save(images_dir(root) / "liikkuu.gif", save_all=True, append_images=frames[1:], duration=500)
    path = page(
        root,
        "fi",
        "<!-- guidekit-disable IMG206: latausanimaatio on palvelun oma, ja sen tunnistaminen on ohjeen asia -->\n"
        + image_line("fi", "liikkuu.gif"),
    )
    assert findings(root, path, "IMG206") == []


def test_english_messages(tmp_path):
    root = project(tmp_path)
    path = page(root, "en", image_line("en", "missing.png"))
    ctx = make_context(root, message_lang="en")
    [finding] = [f for f in lint_file(path, ctx) if f.rule == "IMG201"]
    assert finding.message.startswith("image “../assets/images/missing.png” not found")
    assert "docs/<language>/assets/images/" in finding.fix


def test_site_images_pass_every_image_rule(root):
    """The site's own pages and images: zero image findings."""
    ctx = make_context(root)
    found = [
        f.format()
        for page_path in pages_under([], root)
        for f in lint_file(page_path, ctx)
        if f.rule.startswith("IMG")
    ]
    assert found == []


def test_site_and_theme_image_files_are_clean(root):
    """Every image file in docs/ and overrides/: readable, sized, no scripts or metadata."""
    files = [
        p
        for folder in (root / "docs", root / "overrides")
        for p in folder.rglob("*")
        if p.suffix.lower() in {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
    ]
    assert files, "the site has images"
    problems = {}
    for path in files:
        info = inspect_image(path)
        bad = [info.error, info.svg_problems, info.metadata, info.animated, not info.has_size]
        if any(bad):
            problems[str(path.relative_to(root))] = bad
    assert problems == {}


# --- guidekit images ------------------------------------------------------------------------


def test_images_command_strips_metadata_in_place(tmp_path, capsys):
    from guidekit.cli import main

    path = tmp_path / "photo.jpg"
    screenshot().save(path, "JPEG", exif=identifying_exif())
    before = pixels(path.read_bytes())
    assert main(["images", "--strip", str(path)]) == 0
    assert inspect_image(path).metadata == ()
    assert pixels(path.read_bytes()) == before
    assert "GPSInfo" in capsys.readouterr().out


def test_images_command_reports_what_the_webp_copy_saves(tmp_path, capsys):
    from guidekit.cli import main

    save_png(tmp_path / "ruutu.png", screenshot((1200, 800)), optimize=True)
    (tmp_path / "kuva.svg").write_text(GOOD_SVG, encoding="utf-8")
    assert main(["images", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    [png] = [line for line in lines if "ruutu.png" in line]
    assert "→ WebP 1200×800" in png and "julkaistaan" in png
    [svg] = [line for line in lines if "kuva.svg" in line]
    assert "WebP" not in svg
    assert lines[-1].startswith("2 kuvaa, 1 rasterikuvaa")
