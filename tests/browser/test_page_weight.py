"""Page budget on the real site: every guide page of every language, loaded in a fresh
Chromium from a plain static server (no compression), fetches at most 400 kB in all
(HTML, CSS, JS, images, search data) even when the reader scrolls to the end; no
picture has more than twice the pixels it is shown with at 1280 px and 360 px; and
nothing in <head> blocks the first paint without being used. Bytes, never times.
The accounting is guidekit/pageweight.py; the figures are in BENCHMARKS.md."""

from __future__ import annotations

import io

import pytest

from browser.browser_tools import DESKTOP, MOBILE, serve
from guidekit.languages import LANGUAGES
from guidekit.pageweight import BUDGET_BYTES, load_page, over_budget, oversized_images

IMAGE_WIDTHS = (DESKTOP["width"], MOBILE["width"])


@pytest.fixture(scope="module")
def guide_weights(browser, site_url, pages) -> dict:
    """url path -> PageWeight of every guide page, each loaded once in a fresh context."""
    guides = [page for page in pages if page.kind == "guide"]
    assert {page.lang for page in guides} == set(LANGUAGES), "every language has guide pages"
    return {
        page.url_path: load_page(browser, site_url + page.url_path, DESKTOP, image_widths=IMAGE_WIDTHS, quiet_ms=300)
        for page in guides
    }


def weights_of(guide_weights: dict, lang: str) -> dict:
    root = "/" if lang == "fi" else f"/{lang}/"
    others = tuple(f"/{other}/" for other in LANGUAGES if other != "fi")
    return {
        path: weight
        for path, weight in guide_weights.items()
        if path.startswith(root) and (lang != "fi" or not path.startswith(others))
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_guide_page_fits_the_budget(guide_weights, lang):
    weights = weights_of(guide_weights, lang)
    assert weights, f"no guide pages in {lang}"
    problems = [problem for weight in weights.values() if (problem := over_budget(weight, BUDGET_BYTES))]
    assert problems == [], "\n".join(problems)
    for path, weight in weights.items():
        kinds = weight.by_kind()
        # What a page needs: its HTML, the stylesheets, Material's script and the pictures.
        assert kinds["html"] and kinds["css"] and kinds["js"], f"{path}: {weight.report()}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_search_data_is_fetched_before_the_reader_searches(guide_weights, lang):
    for path, weight in weights_of(guide_weights, lang).items():
        fetched = [r.url for r in weight.responses if r.kind == "search" or "/lunr/" in r.url]
        assert fetched == [], f"{path} fetched search data at load: {fetched}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pictures_are_no_larger_than_shown(guide_weights, lang):
    problems = []
    for path, weight in weights_of(guide_weights, lang).items():
        for width in IMAGE_WIDTHS:
            problems += [f"{path} at {width} px: {problem}" for problem in oversized_images(weight.images[width])]
    assert problems == [], "\n".join(problems)


def test_the_measurement_counts_lazy_pictures_and_catches_oversized_ones(browser, tmp_path):
    """The glue itself, on a page made for it: a picture four times too big for its box, one
    of the right size, and one far below that loads only when the reader scrolls."""
    from PIL import Image

    for name, size in (("big.png", (1200, 800)), ("fit.png", (600, 400)), ("later.png", (600, 400))):
        out = io.BytesIO()
        Image.new("RGB", size, "#00467f").save(out, "PNG")
        (tmp_path / name).write_bytes(out.getvalue())
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="fi"><title>t</title><body style="margin:0">'
        '<img src="big.png" alt="iso" style="width:300px">'
        '<img src="fit.png" alt="sopiva" style="width:300px;max-width:100%">'
        '<img src="later.png" alt="myöhemmin" loading="lazy" style="display:block;margin-top:4000px;width:300px">'
        "</body></html>",
        encoding="utf-8",
    )
    with serve(tmp_path) as url:
        weight = load_page(browser, url + "/", DESKTOP, image_widths=IMAGE_WIDTHS, quiet_ms=300)
    later = (tmp_path / "later.png").stat().st_size
    files = sum((tmp_path / name).stat().st_size for name in ("index.html", "big.png", "fit.png", "later.png"))
    assert weight.total() == files
    assert weight.total(first_load_only=True) == files - later
    for width in IMAGE_WIDTHS:
        problems = oversized_images(weight.images[width])
        assert len(problems) == 1 and "big.png: 1200×800 px, shown 300×200 px" in problems[0], problems


# Render-blocking stylesheets in <head> and the rules of each that the page uses
# (Chromium's rule usage, through the DevTools protocol).
def stylesheet_usage(browser, url: str) -> dict:
    context = browser.new_context(viewport=DESKTOP)
    try:
        tab = context.new_page()
        session = context.new_cdp_session(tab)
        sheets: dict[str, str] = {}
        session.on("CSS.styleSheetAdded", lambda event: sheets.__setitem__(event["header"]["styleSheetId"], event["header"]["sourceURL"]))
        session.send("DOM.enable")
        session.send("CSS.enable")
        session.send("CSS.startRuleUsageTracking")
        tab.goto(url, wait_until="load")
        tab.wait_for_timeout(200)
        usage = session.send("CSS.stopRuleUsageTracking")["ruleUsage"]
        blocking = tab.evaluate(
            """() => [...document.head.querySelectorAll('link[rel=stylesheet]')]
                 .filter(link => !link.media || matchMedia(link.media).matches)
                 .map(link => link.href)"""
        )
        used = {href: 0 for href in blocking}
        for rule in usage:
            href = sheets.get(rule["styleSheetId"])
            if href in used and rule["used"]:
                used[href] += 1
        return used
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_blocking_stylesheet_in_head_is_used(browser, site_url, pages, lang):
    guide = next(page for page in pages if page.kind == "guide" and page.lang == lang)
    used = stylesheet_usage(browser, site_url + guide.url_path)
    assert used, f"{guide}: no stylesheets found"
    unused = [href for href, rules in used.items() if rules == 0]
    assert unused == [], f"{guide}: stylesheets in <head> that block the page but style nothing on it: {unused}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_script_in_head_blocks_the_page(browser, site_url, pages, lang):
    guide = next(page for page in pages if page.kind == "guide" and page.lang == lang)
    context = browser.new_context(viewport=DESKTOP)
    try:
        tab = context.new_page()
        tab.goto(site_url + guide.url_path)
        blocking = tab.evaluate(
            "() => [...document.head.querySelectorAll('script[src]:not([async]):not([defer]):not([type=module])')].map(s => s.src)"
        )
    finally:
        context.close()
    assert blocking == [], f"{guide}: scripts in <head> that stop the page from showing: {blocking}"

