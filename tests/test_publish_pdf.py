"""The publish build's PDFs (issue 17): `./dev build` = a build with GUIDEKIT_PUBLISH_PDF=1,
then `guidekit pdf --publish`. Every guide links its regular and large-print PDF, every
printed page has a footer with the guide's title, short address and "sivu x/y", large
print is at least 1.3 times the regular text, and the handout pack holds every guide
after a contents page whose page numbers are right. Run for one language (selko) to keep
the suite fast; the other languages go through the same code."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, require_tool, run_build
from guidekit.facts import load_facts
from guidekit.pdf import CHROMIUM, LARGE_PRINT, REGULAR, find_guides, footer_html
from html_tools import parse_html

LANG = "selko"
SCREENSHOTS = ROOT / "test-output" / "print"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    require_tool(CHROMIUM, "Chromium")
    site = tmp_path_factory.mktemp("published")
    result = run_build(ROOT / "mkdocs.yml", site, {"GUIDEKIT_PUBLISH_PDF": "1", "GUIDEKIT_CHECKS": "0"})
    assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run([sys.executable, "-m", "guidekit.cli", "pdf", "--site", str(site), "--out",
                             str(site / "pdf"), "--publish", "--lang", LANG, "--root", str(ROOT)],
                            capture_output=True, text=True, env={**os.environ})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def texts(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def body_font_size(path: Path) -> float:
    """The median size of the text on the PDF's pages, in points (text matrix × font size)."""
    sizes = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes.append(abs(size * tm[3] * cm[3]) or abs(size))
    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return statistics.median(sizes)


def test_footer_text_is_escaped():
    footer = footer_html('Kysy <img src=x onerror="alert(1)">', "asioi.example/o/chat/", "sivu")
    assert "<img" not in footer and "&lt;img" in footer
    assert 'class="pageNumber"' in footer and 'class="totalPages"' in footer


def test_every_guide_links_its_pdfs_and_they_exist(published):
    guides = [g for g in find_guides(published) if g.lang == LANG]
    assert guides
    for guide in guides:
        page = published / guide.url_path / "index.html"
        links = [a.attrs["href"] for ul in parse_html(page).find_all("ul", class_="gk-pdf-links") for a in ul.find_all("a")]
        assert len(links) == 2, guide
        for href, style in zip(links, (REGULAR, LARGE_PRINT)):
            target = (page.parent / href).resolve()
            assert target == (published / "pdf" / guide.pdf_name(style)).resolve()
            assert target.exists(), target


def test_a_normal_build_links_no_pdfs(built_site):
    # Without the publish step there are no files to link to (previews, tests).
    guide = find_guides(built_site)[0]
    assert not parse_html(built_site / guide.url_path / "index.html").find_all("ul", class_="gk-pdf-links")


def test_every_printed_page_has_title_short_address_and_page_x_of_y(published):
    word = load_facts(ROOT / "data" / "ui.yml")[LANG]["print_page"]
    for guide in (g for g in find_guides(published) if g.lang == LANG):
        html = parse_html(published / guide.url_path / "index.html")
        address = html.find_all("p", class_="gk-print-sheet__address")[0].find_all("a")[0].text.replace(" ", "")
        title = " ".join(html.find_all("h1")[0].text.split())
        for style in (REGULAR, LARGE_PRINT):
            pages = texts(published / "pdf" / guide.pdf_name(style))
            for number, text in enumerate(pages, start=1):
                assert f"{word} {number}/{len(pages)}" in text, (guide, style, number)
                assert address in text.replace(" ", ""), (guide, number)
                assert title in text, (guide, number)


def test_large_print_is_at_least_1_3_times_the_regular_text(published):
    for guide in (g for g in find_guides(published) if g.lang == LANG):
        regular = body_font_size(published / "pdf" / guide.pdf_name(REGULAR))
        large = body_font_size(published / "pdf" / guide.pdf_name(LARGE_PRINT))
        assert large >= 1.3 * regular, (guide, regular, large)
        assert large >= 16


def test_handout_pack_has_every_guide_and_right_page_numbers(published):
    ui = load_facts(ROOT / "data" / "ui.yml")[LANG]
    pack = published / "pdf" / LANG / f"{ui['handout_file']}.pdf"
    pages = texts(pack)
    guides = [g for g in find_guides(published) if g.lang == LANG]
    contents = pages[0]
    for guide in guides:
        title = " ".join(parse_html(published / guide.url_path / "index.html").find_all("h1")[0].text.split())
        listed = re.search(re.escape(title) + r" (\d+)", contents)
        assert listed, (title, contents)
        start = int(listed.group(1))
        assert pages[start - 1].startswith(title) or title in pages[start - 1][: len(title) + 80], (title, start)
    assert f"{ui['print_page']} 1/{len(pages)}" in pages[0]


def test_rendered_pages_for_a_reviewer(published):
    """pdftoppm draws the pack's contents page and a large-print page into test-output/print/."""
    require_tool("/usr/bin/pdftoppm", "pdftoppm (poppler-utils)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    ui = load_facts(ROOT / "data" / "ui.yml")[LANG]
    guide = next(g for g in find_guides(published) if g.lang == LANG)
    for source, name in ((published / "pdf" / LANG / f"{ui['handout_file']}.pdf", "handout"),
                         (published / "pdf" / guide.pdf_name(LARGE_PRINT), "large-print")):
        result = subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(source),
                                 str(SCREENSHOTS / f"{LANG}-{name}")], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        written = list(SCREENSHOTS.glob(f"{LANG}-{name}*.png"))
        assert written and written[0].stat().st_size > 1000
