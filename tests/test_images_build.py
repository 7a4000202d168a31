"""Images in the built site (hooks/images.py) and image findings failing the strict build.

Small sites are built with the real configuration, templates, hooks and data
(conftest.make_site); their images are drawn with Pillow.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageDraw

from conftest import make_site, run_build
from guidekit.images import inspect_image
from html_tools import parse_html

FRONT = "---\ntitle: {title}\ndescription: {description}\n---\n"
FI_PAGE = FRONT.format(title="Kuvat", description="Sivu, jossa on kuvia.") + (
    "# Kuvat\n\n"
    "Katso ruutua.\n\n"
    "![Kirjautumisnäkymä. Kirjaudu-painike on alareunassa.](assets/images/ruutu.png)\n\n"
    "![Valikko. Koti on ylimpänä.](assets/images/valikko.svg)\n\n"
    "![](assets/images/koriste.svg){.decorative}\n\n"
    # Raw HTML written like a Markdown image: relative to this .md file.
    '<img src="assets/images/kuvake.png" alt="Talon kuva kuvakkeena.">\n\n'
    "<!-- guidekit-disable IMG207: testi tarkistaa, että julkaistusta kopiosta poistuvat metatiedot -->\n"
    "![Talo ja piha kesällä.](assets/images/valokuva.jpg)\n\n"
    "![Järvi ja metsä iltavalossa.](assets/images/maisema.jpg)\n"
)
SV_PAGE = FRONT.format(title="Bilder", description="En sida med bilder.") + (
    "# Bilder\n\n"
    "Titta på skärmen.\n\n"
    "![Inloggningsvyn. Knappen Logga in finns längst ner.](assets/images/ruutu.png)\n\n"
    "![Menyn. Hem står överst.](assets/images/valikko.svg)\n"
)
SELKO_PAGE = FRONT.format(title="Kuvat", description="Sivulla on kuvia.") + (
    "# Kuvat\n\n"
    "Katso kuvaa.\n\n"
    '<img src="assets/images/valikko.svg" alt="Valikko. Ylhäällä on Koti.">\n'
)
INDEX = {
    "fi/index.md": FRONT.format(title="Etusivu", description="Sivuston etusivu.") + "# Etusivu\n\nTervetuloa sivustolle.\n",
    "sv/index.md": FRONT.format(title="Startsida", description="Webbplatsens startsida.") + "# Startsida\n\nVälkommen till webbplatsen.\n",
    "selko/index.md": FRONT.format(title="Etusivu", description="Sivuston etusivu.") + "# Etusivu\n\nTervetuloa sivulle.\n",
}
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="600" viewBox="0 0 360 600" '
    'font-family="system-ui, sans-serif"><rect width="360" height="600" fill="#fff"/>{extra}</svg>'
)


def screenshot(size: tuple[int, int]) -> Image.Image:
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for y in range(20, size[1] - 40, 60):
        draw.rectangle((20, y, size[0] - 20, y + 36), fill=(0, 90, 156) if y % 120 else (230, 233, 237))
        draw.text((30, y + 10), f"Painike {y}", fill="black")
    return image


def draw_images(docs: Path) -> None:
    folder = docs / "fi" / "assets" / "images"
    folder.mkdir(parents=True, exist_ok=True)
    screenshot((1800, 1100)).save(folder / "ruutu.png", optimize=True)
    screenshot((64, 64)).save(folder / "kuvake.png")
    (folder / "valikko.svg").write_text(SVG.format(extra='<text x="20" y="40">Koti</text>'), encoding="utf-8")
    (folder / "koriste.svg").write_text(SVG.format(extra='<circle cx="9" cy="9" r="9"/>'), encoding="utf-8")
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "Matti Meikäläinen"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({1: "N", 2: (60.0, 27.0, 0.0)})
    screenshot((200, 150)).save(folder / "valokuva.jpg", "JPEG", exif=exif, xmp=b"<x:xmpmeta xmlns:x='adobe:ns:meta/'/>")
    photo((2000, 1500)).save(folder / "maisema.jpg", quality=70)  # under the 200 kB budget (IMG205)


def photo(size: tuple[int, int]) -> Image.Image:
    """Smooth colour areas with grain, like a photograph."""
    import random

    rng = random.Random(7)
    small = Image.new("RGB", (32, 24))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(32 * 24)])
    grain = Image.effect_noise(size, 12).convert("RGB")
    return Image.blend(small.resize(size, Image.Resampling.BICUBIC), grain, 0.08)


@pytest.fixture(scope="module")
def image_site(tmp_path_factory) -> tuple[Path, Path]:
    """(source folder, built site) of a small site with good images."""
    base = tmp_path_factory.mktemp("images")
    config = make_site(base / "src", {**INDEX, "fi/kuvat.md": FI_PAGE, "sv/kuvat.md": SV_PAGE, "selko/kuvat.md": SELKO_PAGE})
    draw_images(base / "src" / "docs")
    site = base / "site"
    result = run_build(config, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return base / "src", site


def content_images(page: Path) -> list:
    article = [a for a in parse_html(page).find_all("article") if "md-content__inner" in a.attrs.get("class", "")]
    assert article, f"no content in {page}"
    return article[0].find_all("img")


def target(page: Path, src: str) -> Path:
    """The file an address on a built page points to."""
    return Path(posixpath.normpath((page.parent / src).as_posix()))


def test_images_get_width_height_and_lazy_loading_after_the_first(image_site):
    _, site = image_site
    images = content_images(site / "kuvat" / "index.html")
    assert len(images) == 6
    assert [(i.attrs.get("width"), i.attrs.get("height")) for i in images] == [
        ("1800", "1100"), ("360", "600"), ("360", "600"), ("64", "64"), ("200", "150"), ("2000", "1500"),
    ]
    assert "loading" not in images[0].attrs  # the first image is shown at once
    assert [i.attrs.get("loading") for i in images[1:]] == ["lazy"] * 5


def test_decorative_markdown_image_renders_empty_alt(image_site):
    _, site = image_site
    decorative = [i for i in content_images(site / "kuvat" / "index.html") if "decorative" in i.attrs.get("class", "")]
    assert len(decorative) == 1 and decorative[0].attrs["alt"] == ""


def test_webp_copy_is_published_in_picture_when_it_saves_bytes(image_site):
    _, site = image_site
    page = site / "kuvat" / "index.html"
    pictures = parse_html(page).find_all("picture")
    webp = {}
    for picture in pictures:
        [source], [img] = picture.find_all("source"), picture.find_all("img")
        assert source.attrs["type"] == "image/webp"
        webp[img.attrs["src"]] = source
    # the original stays the fallback <img>; its copy sits next to it
    assert set(webp) >= {"../assets/images/ruutu.png", "../assets/images/maisema.jpg"}
    assert not any("valikko" in src for src in webp)  # SVG gets no copy
    for src, source in webp.items():
        assert source.attrs["srcset"] == src + ".webp"
        copy, original = target(page, source.attrs["srcset"]), target(page, src)
        assert copy.stat().st_size < original.stat().st_size
        info = inspect_image(copy)
        assert info.format == "WEBP"
        assert (source.attrs["width"], source.attrs["height"]) == (str(info.width), str(info.height))
    # a large photo is scaled down to publish_max_side (guidekit.yml images:)
    assert webp["../assets/images/maisema.jpg"].attrs["width"] == "1600"


def test_a_second_build_reuses_the_webp_copies_and_publishes_the_same_files(image_site, tmp_path):
    import re
    import subprocess

    from conftest import MKDOCS

    source, site = image_site
    # The fixture's build left its artefacts in source/.cache/guidekit/artifacts.sqlite3.
    again = tmp_path / "again"
    result = subprocess.run([*MKDOCS, "build", "--strict", "-v", "-f", str(source / "mkdocs.yml"), "-d", str(again)],
                            cwd=source, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    (last,) = re.findall(r"välimuisti \(\.cache/guidekit/artifacts\.sqlite3\): (.*)", result.stdout + result.stderr)[-1:]
    counts = {kind: (int(made), int(reused)) for kind, made, reused in re.findall(r"([\w-]+) (\d+) tehty / (\d+) uudelleen", last)}
    assert counts["webp"][0] == 0 and counts["webp"][1] >= 2, last
    assert counts["image-info"][0] == 0, last
    published = sorted(p.relative_to(site) for p in site.rglob("*.webp"))
    assert published and published == sorted(p.relative_to(again) for p in again.rglob("*.webp"))
    for path in published:
        assert (again / path).read_bytes() == (site / path).read_bytes()


def test_every_image_address_on_the_built_pages_exists(image_site):
    _, site = image_site
    for page in (site / lang / "kuvat" / "index.html" for lang in ("", "sv", "selko")):
        for element in parse_html(page).find_all("img") + parse_html(page).find_all("source"):
            address = element.attrs.get("src") or element.attrs.get("srcset")
            assert target(page, address).is_file(), f"{page}: {address}"


def test_raw_html_img_written_like_markdown_gets_the_published_address(image_site):
    _, site = image_site
    [icon] = [i for i in content_images(site / "kuvat" / "index.html") if "kuvake" in i.attrs["src"]]
    assert icon.attrs["src"] == "../assets/images/kuvake.png"
    # selko has no image of its own: the Finnish one, at the site root
    [menu] = content_images(site / "selko" / "kuvat" / "index.html")
    assert menu.attrs["src"] == "../../assets/images/valikko.svg"
    assert (menu.attrs["width"], menu.attrs["height"]) == ("360", "600")


def test_swedish_page_uses_the_finnish_image_with_its_own_alt(image_site):
    _, site = image_site
    images = content_images(site / "sv" / "kuvat" / "index.html")
    assert images[0].attrs["alt"].startswith("Inloggningsvyn")
    assert (images[0].attrs["width"], images[1].attrs.get("loading")) == ("1800", "lazy")


def test_published_image_files_carry_no_metadata(image_site):
    source, site = image_site
    original = inspect_image(source / "docs" / "fi" / "assets" / "images" / "valokuva.jpg")
    assert {"GPSInfo", "Artist", "XMP"} <= set(original.metadata)
    published = inspect_image(site / "assets" / "images" / "valokuva.jpg")
    assert published.error is None and published.metadata == ()
    assert (published.width, published.height) == (200, 150)


# --- A bad image fails the strict build, naming file and line ---------------------------------

BAD_PAGE = FRONT.format(title="Etusivu", description="Sivuston etusivu.") + (
    "# Etusivu\n\n"
    "Tervetuloa sivustolle.\n\n"
    "![Kirjautumisnäkymä. Kirjaudu-painike on alareunassa.](assets/images/rikki.png)\n\n"
    "![Kuvakaappaus](assets/images/ehja.svg)\n\n"
    "![Valikko. Koti on ylimpänä.](https://cdn.example.com/valikko.png)\n"
)


def test_strict_build_fails_on_bad_images_naming_file_and_line(tmp_path):
    config = make_site(tmp_path / "src", {"fi/index.md": BAD_PAGE})
    folder = tmp_path / "src" / "docs" / "fi" / "assets" / "images"
    folder.mkdir(parents=True)
    (folder / "rikki.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (folder / "ehja.svg").write_text(SVG.format(extra=""), encoding="utf-8")
    result = run_build(config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "[IMG203] docs/fi/index.md:9: kuvatiedostoa docs/fi/assets/images/rikki.png ei voi lukea" in output
    assert "[IMG102] docs/fi/index.md:11: alt-teksti ”Kuvakaappaus” ei kerro" in output
    assert "[IMG202] docs/fi/index.md:13: kuva ladataan sivuston ulkopuolelta" in output
    assert "Traceback" not in output


def test_real_site_images_have_size_and_lazy_loading(built_site):
    """Every content image of every built page of the real site."""
    pages = sorted(built_site.rglob("index.html"))
    checked = 0
    for page in pages:
        article = [a for a in parse_html(page).find_all("article") if "md-content__inner" in a.attrs.get("class", "")]
        if not article:
            continue
        images = article[0].find_all("img")
        for position, image in enumerate(images):
            checked += 1
            assert image.attrs.get("width") and image.attrs.get("height"), f"{page}: {image.attrs}"
            assert (image.attrs.get("loading") == "lazy") == (position > 0), f"{page}: {image.attrs}"
            assert target(page, image.attrs["src"]).is_file(), f"{page}: {image.attrs['src']}"
    assert checked > 0
