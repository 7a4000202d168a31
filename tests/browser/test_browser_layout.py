"""Reflow and zoom: no sideways scrolling at 320 CSS px (WCAG 1.4.10); text at 200 %, by
page zoom or by the browser's text size, neither overlaps nor gets cut off (WCAG 1.4.4)."""

from __future__ import annotations

import pytest

from browser.browser_tools import (
    DESKTOP,
    horizontal_overflow,
    layout_problems,
    open_site_page,
    representative_pages,
    set_text_size,
    text_problems,
)
from guidekit.languages import LANGUAGES

NARROWEST = {"width": 320, "height": 640}
# 200 % page zoom of a 1280 × 900 window: half as many CSS pixels, each drawn twice as big.
ZOOMED = {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}


def check_pages(tab, base_url, chosen, where) -> list[str]:
    found = []
    for site_page in chosen:
        open_site_page(tab, base_url, site_page)
        found += [f"{site_page} ({where}): {problem}" for problem in layout_problems(tab)]
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_reflows_at_320_px_and_at_200_percent_text(new_page, site_url, pages, lang):
    own = [page for page in pages if page.lang == lang]
    narrow = new_page(NARROWEST)
    large_text = new_page(DESKTOP)
    set_text_size(large_text, 200)
    problems = check_pages(narrow, site_url, own, "320 px") + check_pages(large_text, site_url, own, "text 200 %")
    assert not problems, "\n".join(problems)


def test_page_zoom_200_percent_keeps_text_readable(new_page, site_url, pages):
    """Each template in each language, zoomed like a 1280 px window at 200 %."""
    tab = new_page(ZOOMED["viewport"], device_scale_factor=ZOOMED["device_scale_factor"])
    problems = check_pages(tab, site_url, representative_pages(pages), "zoom 200 %")
    assert not problems, "\n".join(problems)


def test_text_size_setting_reaches_the_site(new_page, site_url):
    """The text-size check means something only if the site's text follows the setting."""
    tab = new_page(DESKTOP)
    tab.goto(site_url + "/")
    normal = tab.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    set_text_size(tab, 200)
    tab.reload()
    large = tab.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    assert large == pytest.approx(2 * normal), (normal, large)
    assert normal >= 16, f"body text is {normal} px; the site promises at least 1rem"


def test_layout_checks_find_planted_problems(new_page, small_site):
    tab = new_page(NARROWEST)
    tab.goto(small_site.url + "/planted-layout.html")
    overflow = horizontal_overflow(tab)
    assert overflow["scroll_width"] > overflow["width"]
    assert any(found.startswith("div#too-wide ends at") for found in overflow["overflowing"]), overflow
    problems = text_problems(tab)
    assert any("overlaps" in problem and "Seuraava kappale" in problem for problem in problems), problems
    assert any('"Tämä rivi ei mahdu' in problem and "cut off by p#cut" in problem for problem in problems), problems
