"""Printed guides: print button, print sheet with the short address and a QR code that
leads back to the same guide, the organisations page, and a site under a sub-path.

Static checks cover every guide in every language; the browser checks (real Chromium,
QR codes decoded with zbarimg) print one guide per language to keep the run short.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from conftest import ROOT, build_small_site_at, require_tool
from guidekit.addresses import absolute_url, display_url, load_plan, page_url, short_url
from guidekit.facts import format_date
from guidekit.frontmatter import read_front_matter
from guidekit.languages import LANGUAGES
from guidekit.localserver import serve_folder
from guidekit.pdf import CHROMIUM, launch
from guidekit.qr import qr_svg
from html_tools import parse_html

LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English", "selko": "Selkosuomi"}
HTML_LANG = {"fi": "fi", "sv": "sv", "en": "en", "selko": "fi"}
ZBARIMG = shutil.which("zbarimg") or "/usr/bin/zbarimg"
A4_VIEWPORT = {"width": 794, "height": 1123}  # 210 x 297 mm at 96 px per inch


def site_url_of(config_file: Path) -> str:
    return re.search(r"^site_url:\s*(\S+)", config_file.read_text(encoding="utf-8"), re.MULTILINE).group(1)


def prefix(lang: str) -> str:
    return "" if lang == "fi" else f"{lang}/"


def built_file(site: Path, lang: str, relative: str) -> Path:
    return site / prefix(lang) / relative / "index.html"


def follow_redirect(site: Path, redirect: Path) -> Path:
    """The file a static redirect page leads to (its meta refresh, resolved in the site)."""
    html = parse_html(redirect)
    content = html.find_all("meta", **{"http-equiv": "refresh"})[0].attrs["content"]
    delay, _, target = content.partition(";")
    assert delay.strip() == "0"
    href = target.strip().removeprefix("url=")
    assert [a.attrs["href"] for a in html.find_all("a")] == [href]
    url = urljoin("/" + redirect.relative_to(site).as_posix(), href)
    path = site / unquote(urlsplit(url).path).lstrip("/")
    return path / "index.html" if url.endswith("/") else path


def qr_modules(svg_text: str) -> str:
    """The dark modules of a QR SVG (its stroke path): equal paths encode the same data."""
    return re.search(r'<path stroke="#000" d="([^"]+)"', svg_text).group(1)


def qr_in(page_file: Path, css_class: str) -> list[str]:
    """The QR drawings inside elements of css_class on a built page, in order."""
    text = page_file.read_text(encoding="utf-8")
    blocks = re.findall(rf'class="{css_class}".*?</svg>', text, re.DOTALL)
    return [qr_modules(block) for block in blocks]


def file_of_address(site: Path, site_url: str, address: str) -> Path:
    """The built file behind an absolute address of the site, following one redirect."""
    assert address.startswith(site_url), (address, site_url)
    path = site / address[len(site_url):] / "index.html"
    assert path.exists(), address
    return follow_redirect(site, path) if 'http-equiv="refresh"' in path.read_text(encoding="utf-8") else path


@pytest.fixture(scope="module")
def plan(root):
    return load_plan(root)


@pytest.fixture(scope="module")
def ui(root):
    return yaml.safe_load((root / "data" / "ui.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site_url(root):
    return site_url_of(root / "mkdocs.yml")


def finnish_guides(root: Path) -> set[str]:
    """The Finnish guides (a `service` in the front matter), read from the tree itself."""
    folder = root / "docs" / "fi"
    return {
        page.relative_to(folder).as_posix()
        for page in folder.rglob("*.md")
        if read_front_matter(page.read_text(encoding="utf-8")).data.get("service")
    }


def guides_of(plan, lang):
    """Every guide a reader of `lang` gets: each Finnish guide, translated or not."""
    guides = plan.inventory.guides(lang)
    expected = finnish_guides(ROOT)
    assert expected and expected <= {guide.path for guide in guides}, lang
    return guides


# --- every guide, every language (built HTML) ---------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_guide_has_a_print_button_right_after_its_title(built_site, plan, ui, lang):
    for guide in guides_of(plan, lang):
        html = parse_html(built_file(built_site, lang, page_url(guide.path)))
        content = html.find_all("div", class_="gk-page")[0]
        order = [e for e in content.iter() if e.tag in ("h1", "h2", "p", "ol", "ul", "button")]
        # The other button is the short address's copy button (partials/share.html), further down.
        buttons = [e for e in order if e.tag == "button" and "gk-print-button" in e.attrs.get("class", "")]
        assert len(buttons) == 1, guide.path
        button = buttons[0]
        assert button.attrs.get("type") == "button" and "gk-print-button" in button.attrs["class"]
        assert button.text == ui[lang]["print_button"]
        # Reading order: the title, then the button, then the guide's own text.
        assert order[0].tag == "h1" and order[1] is button, (guide.path, [e.tag for e in order[:3]])
        assert button.lang() == HTML_LANG[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_guide_has_a_print_sheet_with_language_date_short_address_and_qr(built_site, root, plan, ui, site_url, lang):
    for guide in guides_of(plan, lang):
        html = parse_html(built_file(built_site, lang, page_url(guide.path)))
        (sheet,) = html.find_all("div", class_="gk-print-sheet")
        assert "hidden" in sheet.attrs, "the sheet must stay out of the screen and of screen readers"
        short_id = plan.inventory.short_of(guide.path)
        address = absolute_url(site_url, lang, short_url(short_id))
        assert sheet.attrs["data-gk-short"] == short_id
        translated = (root / "docs" / lang / guide.path).exists()
        assert LANGUAGE_NAMES[lang if translated else "fi"] in sheet.text
        reviewed = html.find_all("time")[0].attrs["datetime"]
        date = format_date(dt.date.fromisoformat(reviewed), lang)
        assert f"{ui[lang]['reviewed']} {date}" in sheet.text
        assert [a.attrs["href"] for a in sheet.find_all("a")] == [address]
        assert display_url(address) in sheet.text
        (qr,) = sheet.find_all("svg")
        assert qr.attrs["role"] == "img" and display_url(address) in qr.attrs["aria-label"]
        # The code encodes the short address (decoded for real in the browser tests below).
        assert qr_in(built_file(built_site, lang, page_url(guide.path)), "gk-print-sheet") == [
            qr_modules(qr_svg(address, "QR"))
        ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_short_address_leads_to_its_guide_in_the_same_language(built_site, plan, site_url, lang):
    for guide in guides_of(plan, lang):
        short_id = plan.inventory.short_of(guide.path)
        redirect = built_file(built_site, lang, short_url(short_id))
        html = parse_html(redirect)
        assert html.find_all("html")[0].attrs["lang"] == HTML_LANG[lang]
        assert follow_redirect(built_site, redirect) == built_file(built_site, lang, page_url(guide.path))
        canonical = html.find_all("link", rel="canonical")[0].attrs["href"]
        assert canonical == absolute_url(site_url, lang, page_url(guide.path))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_organisations_page_lists_every_guide_with_short_address_and_qr(built_site, plan, ui, site_url, lang):
    page = built_file(built_site, lang, "organisaatioille")
    html = parse_html(page)
    cards = html.find_all("li", class_="gk-guide-card")
    expected = {absolute_url(site_url, lang, short_url(plan.inventory.short_of(g.path))): g for g in guides_of(plan, lang)}
    found = {}
    for card in cards:
        # The card's other links are its files (tests/test_qr_files.py, tests/test_publish_pdf.py).
        (title_link,) = card.find_all("p", class_="gk-guide-card__title")[0].find_all("a")
        (short_link,) = card.find_all("a", class_="gk-short-address")
        found[short_link.attrs["href"]] = title_link
        guide = expected[short_link.attrs["href"]]
        assert title_link.text == guide.title
        target = urlsplit(urljoin("/" + page.relative_to(built_site).as_posix(), title_link.attrs["href"])).path
        assert built_site / target.lstrip("/") / "index.html" == built_file(built_site, lang, page_url(guide.path))
        assert f"{ui[lang]['short_address']}:" in card.text
        (qr,) = card.find_all("svg")
        assert qr.attrs["role"] == "img" and display_url(short_link.attrs["href"]) in qr.attrs["aria-label"]
    assert set(found) == set(expected)
    drawn = qr_in(page, "gk-guide-card")
    assert sorted(drawn) == sorted(qr_modules(qr_svg(address, "QR")) for address in expected)


# --- in Chromium: one guide per language ---------------------------------------------

CHROME = (".md-header", ".md-sidebar--primary", ".md-search", ".md-select", ".md-footer",
          ".gk-print-button", ".gk-feedback")
LINK_AFTER = (
    "[...document.querySelectorAll('.gk-page a')].map(a =>"
    " [a.getAttribute('href'), a.textContent.trim(), getComputedStyle(a, '::after').content])"
)


def with_browser(work):
    """work(browser) in a thread of its own, with its own Chromium.

    Playwright's sync API allows one Playwright per thread, and the tests in
    tests/browser keep theirs open for the whole session."""
    require_tool(CHROMIUM, "Chromium")

    def run():
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                return work(browser)
            finally:
                browser.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def view_on_screen_and_paper(browser, url: str, shot: Path) -> dict:
    """What a reader sees of a guide on screen and in print (A4 width); the print sheet
    is saved as an image for the QR decoder."""
    page = browser.new_page(viewport=A4_VIEWPORT)
    try:
        page.goto(url)
        seen = {
            "button_on_screen": page.locator(".gk-print-button").is_visible(),
            "sheet_on_screen": page.locator(".gk-print-sheet").is_visible(),
        }
        page.emulate_media(media="print")
        seen.update(
            chrome_on_paper=[selector for selector in CHROME if page.locator(selector).first.is_visible()],
            sheet_on_paper=page.locator(".gk-print-sheet").is_visible(),
            title=page.locator("h1").first.inner_text(),
            first_step_on_paper=page.locator(".gk-page ol > li").first.is_visible(),
            body_px=page.evaluate("parseFloat(getComputedStyle(document.querySelector('.gk-page > p')).fontSize)"),
            steps_with_images=[item.evaluate("e => getComputedStyle(e).breakInside")
                               for item in page.locator(".gk-page li:has(img)").all()],
            link_after=page.evaluate(LINK_AFTER),
        )
        page.locator(".gk-print-sheet").screenshot(path=str(shot), timeout=5000)
        return seen
    finally:
        page.close()


def decode_qr(png: Path) -> list[str]:
    require_tool(ZBARIMG, "zbarimg (zbar-tools)")
    result = subprocess.run([ZBARIMG, "--raw", "-q", str(png)], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line.strip()]


def first_guide(plan, lang):
    return guides_of(plan, lang)[0]


@pytest.fixture(scope="module")
def printed_views(built_site, plan, tmp_path_factory):
    """The first guide of each language, seen on screen and on paper."""
    shots = tmp_path_factory.mktemp("print-shots")
    with serve_folder(built_site) as base:
        return with_browser(lambda browser: {
            lang: (view_on_screen_and_paper(
                browser, f"{base}/{prefix(lang)}" + page_url(first_guide(plan, lang).path), shots / f"{lang}.png"
            ), shots / f"{lang}.png")
            for lang in LANGUAGES
        })


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_guide_shows_title_and_steps_and_its_qr_code_leads_back_to_it(printed_views, built_site, plan, site_url, lang):
    guide = first_guide(plan, lang)
    seen, shot = printed_views[lang]
    # On screen: the button (its keyboard use is tested in tests/browser), no sheet.
    assert seen["button_on_screen"] and not seen["sheet_on_screen"]
    # On paper: no site chrome, nor the button; the sheet, title and steps are there.
    assert seen["chrome_on_paper"] == []
    assert seen["sheet_on_paper"] and seen["first_step_on_paper"]
    assert seen["title"] == guide.title
    assert seen["body_px"] >= 16, "body text under 12 pt"
    assert set(seen["steps_with_images"]) <= {"avoid"}
    expected = absolute_url(site_url, lang, short_url(plan.inventory.short_of(guide.path)))
    assert decode_qr(shot) == [expected]
    assert file_of_address(built_site, site_url, expected) == built_file(built_site, lang, page_url(guide.path))


# --- a site under a sub-path, and how links print --------------------------------------

SUB_PATH_URL = "https://example.test/ohjeet-palvelu/"
SCREEN_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="300" viewBox="0 0 200 300">'
    '<rect width="200" height="300" fill="#eee"/></svg>'
)
SUB_PATH_GUIDE = """---
title: Kysy chatissa
description: Näin kysyt chatissa.
service: chat
reviewed: 2026-11-23
owner: Digituki
short: chat
---

# Kysy chatissa

Avaa [chat-palvelu](https://chat.example/) tai osoite <https://chat.example/>. Lue myös [kohta Apua](#apua).

1. Avaa chat.

    ![Chatin aloitusnäkymä.](../assets/images/chat.svg)

2. Kirjoita kysymys.

## Apua {#apua}

Soita meille.
"""


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    return build_small_site_at(tmp_path_factory.mktemp("subpath"), {
        "fi/index.md": "---\ntitle: Etusivu\ndescription: Etusivu.\n---\n# Etusivu\n\nTervetuloa.\n",
        "fi/ohjeet/chat.md": SUB_PATH_GUIDE,
        "fi/assets/images/chat.svg": SCREEN_SVG,
        "sv/index.md": "---\ntitle: Startsida\ndescription: Startsida.\n---\n# Startsida\n\nVälkommen.\n",
    }, SUB_PATH_URL)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_short_addresses_keep_the_sites_sub_path_and_resolve(sub_path_site, lang):
    expected = f"{SUB_PATH_URL}{prefix(lang)}o/chat/"
    html = parse_html(built_file(sub_path_site, lang, "ohjeet/chat"))
    (sheet,) = html.find_all("div", class_="gk-print-sheet")
    assert [a.attrs["href"] for a in sheet.find_all("a")] == [expected]
    assert file_of_address(sub_path_site, SUB_PATH_URL, expected) == built_file(sub_path_site, lang, "ohjeet/chat")
    canonical = parse_html(built_file(sub_path_site, lang, "o/chat")).find_all("link", rel="canonical")[0]
    assert canonical.attrs["href"] == f"{SUB_PATH_URL}{prefix(lang)}ohjeet/chat/"


@pytest.fixture(scope="module")
def sub_path_views(sub_path_site, tmp_path_factory):
    shots = tmp_path_factory.mktemp("sub-path-shots")
    with serve_folder(sub_path_site) as base:
        return with_browser(lambda browser: {
            lang: (view_on_screen_and_paper(browser, f"{base}/{prefix(lang)}ohjeet/chat/", shots / f"{lang}.png"),
                   shots / f"{lang}.png")
            for lang in ("fi", "sv")
        })


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_qr_code_under_a_sub_path_decodes_to_the_full_short_address(sub_path_views, lang):
    _seen, shot = sub_path_views[lang]
    assert decode_qr(shot) == [f"{SUB_PATH_URL}{prefix(lang)}o/chat/"]


def test_web_links_print_their_address_but_anchors_and_bare_addresses_do_not(sub_path_views):
    seen, _shot = sub_path_views["fi"]
    printed = {(href, text): content for href, text, content in seen["link_after"]}
    assert printed[("https://chat.example/", "chat-palvelu")] == '" (https://chat.example/)"'
    assert printed[("https://chat.example/", "https://chat.example/")] == "none"
    assert printed[("#apua", "kohta Apua")] == "none"


def test_a_step_with_its_picture_is_kept_on_one_page(sub_path_views):
    seen, _shot = sub_path_views["fi"]
    assert seen["steps_with_images"] == ["avoid"]
