"""Each guide's QR code as files to download (issue 17): site/qr/<lang>/<short>.svg and .png,
linked from the guide page next to its short address and copy button.

Every PNG is decoded with zbarimg; each SVG file draws the same modules as the print
sheet's QR code, and one SVG per language is drawn by Chromium and decoded too.
"""

from __future__ import annotations

import html

import pytest
import segno

from guidekit.addresses import absolute_url, display_url, embed_snippet, embed_snippet_html, page_url, short_url
from guidekit.languages import LANGUAGES
from guidekit.localserver import serve_folder
from guidekit.qr import qr_file_name, qr_files, qr_svg
from html_tools import parse_html
from test_print import built_file, decode_qr, guides_of, prefix, qr_in, qr_modules, with_browser
from test_print import plan, site_url, ui  # noqa: F401  (fixtures shared with the print tests)


def share_box(site, lang, guide):
    page = built_file(site, lang, page_url(guide.path))
    (box,) = parse_html(page).find_all("div", class_="gk-share")
    return page, box


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_guide_links_its_qr_files_and_they_decode_to_its_short_address(built_site, plan, ui, site_url, lang):
    for guide in guides_of(plan, lang):
        short_id = plan.inventory.short_of(guide.path)
        address = absolute_url(site_url, lang, short_url(short_id))
        page, box = share_box(built_site, lang, guide)
        links = {a.attrs["type"]: a for ul in box.find_all("ul", class_="gk-qr-links") for a in ul.find_all("a")}
        assert set(links) == {"image/png", "image/svg+xml"}, guide.path
        for kind, link in (("png", links["image/png"]), ("svg", links["image/svg+xml"])):
            target = (page.parent / link.attrs["href"]).resolve()
            assert target == (built_site / qr_file_name(lang, short_id, kind)).resolve(), (guide.path, kind)
            assert link.attrs["download"] == f"{short_id}-{lang}-qr.{kind}"
            assert link.text == ui[lang][f"qr_download_{kind}"]
        png = built_site / qr_file_name(lang, short_id, "png")
        assert decode_qr(png) == [address], guide.path
        svg = (built_site / qr_file_name(lang, short_id, "svg")).read_text(encoding="utf-8")
        assert qr_modules(svg) == qr_modules(qr_svg(address, "QR")), guide.path
        assert f"<title>{display_url(address)}" in svg or display_url(address) in svg


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_short_address_is_a_plain_link_with_a_copy_button_and_a_live_status(built_site, plan, ui, site_url, lang):
    for guide in guides_of(plan, lang):
        address = absolute_url(site_url, lang, short_url(plan.inventory.short_of(guide.path)))
        _page, box = share_box(built_site, lang, guide)
        (link,) = [a for a in box.find_all("a") if "gk-short-address" in a.attrs.get("class", "")]
        # Without JavaScript the address is there to read, select and follow.
        assert link.attrs["href"] == address and link.text.replace(" ", "") == display_url(address)
        (button,) = box.find_all("button")
        assert button.attrs["type"] == "button" and button.attrs["data-gk-copy"] == address
        assert button.text.strip() == ui[lang]["copy_address"]  # its accessible name
        assert button.attrs["data-gk-copied"] == ui[lang]["address_copied"]
        (status,) = box.find_all("span", class_="gk-copy-status")
        assert status.attrs["role"] == "status" and status.attrs["aria-live"] == "polite"
        (image,) = box.find_all("svg")
        assert image.attrs["role"] == "img" and display_url(address) in image.attrs["aria-label"]
    page = built_file(built_site, lang, page_url(guides_of(plan, lang)[0].path))
    first = guides_of(plan, lang)[0]
    address = absolute_url(site_url, lang, short_url(plan.inventory.short_of(first.path)))
    assert qr_in(page, "gk-share__qr") == [qr_modules(qr_svg(address, "QR"))]


def test_qr_files_escape_the_title_and_have_a_quiet_zone():
    files = qr_files("https://asioi.example/o/chat/", 'Kysy <b>"chat"</b> & vastaa')
    svg = files["svg"].decode()
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    modules = segno.make("https://asioi.example/o/chat/", error="m").symbol_size(scale=1, border=0)[0]
    side = (modules + 2 * 4) * 10  # four light modules on each side, 10 px a module
    assert f'viewBox="0 0 {side} {side}"' in svg and '<path stroke="#000" d="M4 4.5' in svg
    assert files["png"].startswith(b"\x89PNG")


def test_qr_svg_files_decode_when_drawn_and_the_address_works_without_javascript(built_site, plan, site_url, tmp_path):
    """In Chromium: one SVG file per language is drawn and decoded; a guide page without
    JavaScript shows the address link but no copy button that could do nothing."""
    cases = {lang: guides_of(plan, lang)[0] for lang in LANGUAGES}

    def look(browser):
        seen = {}
        with serve_folder(built_site) as base:
            for lang, guide in cases.items():
                short_id = plan.inventory.short_of(guide.path)
                page = browser.new_page(viewport={"width": 500, "height": 500})
                page.goto(f"{base}/{qr_file_name(lang, short_id, 'svg')}")
                page.screenshot(path=str(tmp_path / f"{lang}.png"))
                page.close()
            page = browser.new_page(java_script_enabled=False)
            guide = cases["fi"]
            page.goto(f"{base}/{prefix('fi')}{page_url(guide.path)}")
            seen["address_visible"] = page.locator(".gk-share .gk-short-address").is_visible()
            seen["button_visible"] = page.locator("[data-gk-copy]").is_visible()
            page.close()
        return seen

    seen = with_browser(look)
    for lang, guide in cases.items():
        assert decode_qr(tmp_path / f"{lang}.png") == [absolute_url(site_url, lang, short_url(plan.inventory.short_of(guide.path)))]
    assert seen == {"address_visible": True, "button_visible": False}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_organisations_page_of_a_normal_build_links_qr_files_but_no_pdfs(built_site, plan, lang):
    # PDFs exist only after the publish build (tests/test_publish_pdf.py), so only it links them.
    page = built_file(built_site, lang, "organisaatioille")
    html = parse_html(page)
    assert not html.find_all("p", class_="gk-handout-link")
    cards = html.find_all("li", class_="gk-guide-card")
    assert len(cards) == len(guides_of(plan, lang))
    for card in cards:
        links = [a for ul in card.find_all("ul", class_="gk-guide-card__files") for a in ul.find_all("a")]
        assert [a.attrs["type"] for a in links] == ["image/png", "image/svg+xml"]
        for link in links:
            assert (page.parent / link.attrs["href"]).resolve().is_file(), link.attrs["href"]


def test_embed_snippet_is_escaped_twice_and_wraps_only_after_slashes():
    title, address = 'Kysy <b>chatissa</b> & "heti"', "https://asioi.example/o/chat/?a=1&b=2"
    snippet = embed_snippet(address, title)
    assert snippet == '<a href="https://asioi.example/o/chat/?a=1&amp;b=2">Kysy &lt;b&gt;chatissa&lt;/b&gt; &amp; "heti"</a>'
    shown = embed_snippet_html(address, title)
    assert "<a" not in shown and "<b>" not in shown
    assert shown.count("<wbr>") == 3 and "https://asioi" in shown  # after o/, chat/ and asioi.example/
    assert html.unescape(shown.replace("<wbr>", "")) == snippet
