"""Screenshots for a reviewer: each language's front page and first guide, 360 and 1280 px
wide, in test-output/screenshots/ (not checked in)."""

from __future__ import annotations

import io

from browser.browser_tools import DESKTOP, MOBILE
from guidekit.languages import LANGUAGES

WIDTHS = {"360": MOBILE, "1280": DESKTOP}


def test_front_page_and_a_guide_per_language_are_saved_as_screenshots(new_page, site_url, pages, screenshot_dir):
    from PIL import Image

    for old in screenshot_dir.glob("*.png"):
        old.unlink()
    saved = []
    for width, viewport in WIDTHS.items():
        tab = new_page(viewport)
        for lang in LANGUAGES:
            for kind in ("front", "guide"):
                site_page = next((p for p in pages if p.lang == lang and p.kind == kind), None)
                assert site_page, f"no {kind} page in {lang}"
                tab.goto(site_url + site_page.url_path)
                # Lazy images load only near the window; a full-page picture needs them all.
                tab.evaluate(
                    """() => Promise.all([...document.images].map(image => {
                      image.loading = "eager";
                      return image.complete ? null : new Promise(done => { image.onload = image.onerror = done; });
                    }))"""
                )
                path = screenshot_dir / f"{width}-{lang}-{kind}.png"
                path.write_bytes(tab.screenshot(full_page=True))
                saved.append(path)
    assert len(saved) == len(WIDTHS) * len(LANGUAGES) * 2
    for path in saved:
        image = Image.open(io.BytesIO(path.read_bytes()))
        assert image.width == int(path.name.split("-")[0]), path.name
        # A page that failed to render is one flat colour.
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 20) or range(1 << 20)) > 50, path.name
