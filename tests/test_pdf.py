"""`guidekit pdf`: guides printed to tagged A4 PDFs by headless Chromium, read back with pypdf.

One guide per language is printed here; the command itself (which prints every
guide) is run for one language.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor

import pytest
from pypdf import PdfReader

from conftest import require_tool

from guidekit.addresses import absolute_url, display_url, load_plan, page_url, short_url
from guidekit.languages import LANGUAGES
from guidekit.pdf import CHROMIUM, GuidePage, find_guides, print_guides
from html_tools import parse_html

HTML_LANG = {"fi": "fi", "sv": "sv", "en": "en", "selko": "fi"}
A4_POINTS = (595.28, 841.89)


def guidekit(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "guidekit.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def words(text: str) -> str:
    # NFKC turns the PDF's ligatures (ﬂ, ﬁ) back into letters.
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def plan(root):
    return load_plan(root)


@pytest.fixture(scope="module")
def printed(built_site, plan, tmp_path_factory):
    """The first guide of each language, printed once for the tests below."""
    require_tool(CHROMIUM, "Chromium")
    guides = []
    for lang in LANGUAGES:
        guide = plan.inventory.guides(lang)[0]
        prefix = "" if lang == "fi" else f"{lang}/"
        guides.append(GuidePage(lang, plan.inventory.short_of(guide.path), prefix + page_url(guide.path)))
    out = tmp_path_factory.mktemp("pdf")
    # In a thread of its own: Playwright's sync API allows one Playwright per thread,
    # and the tests in tests/browser keep theirs open for the whole session.
    with ThreadPoolExecutor(max_workers=1) as pool:
        files = pool.submit(print_guides, built_site, out, guides=guides).result()
    return {guide.lang: (guide, path) for guide, path in zip(guides, files)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_has_the_title_the_steps_and_the_short_address(printed, built_site, root, lang):
    guide, path = printed[lang]
    text = words(" ".join(page.extract_text() for page in PdfReader(path).pages))
    html = parse_html(built_site / guide.url_path / "index.html")
    title = html.find_all("h1")[0].text
    steps = [li.text for ol in html.find_all("div", class_="gk-page")[0].find_all("ol") for li in ol.children]
    assert len(steps) >= 3
    assert words(title) in text
    for step in steps[:3]:
        # Word by word: the PDF's text runs are not in the HTML's element order.
        missing = [w for w in re.findall(r"\w{4,}", step) if w not in text]
        assert not missing, (step, missing)
    site_url = re.search(r"(?m)^site_url:\s*(\S+)", (root / "mkdocs.yml").read_text(encoding="utf-8")).group(1)
    assert display_url(absolute_url(site_url, lang, short_url(guide.short_id))) in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_is_a_tagged_a4_document_with_an_outline_and_the_pages_language(printed, lang):
    _guide, path = printed[lang]
    reader = PdfReader(path)
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True  # BooleanObject is always truthy
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]) == HTML_LANG[lang]
    assert reader.outline, "no bookmarks from the headings"
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1


def test_find_guides_finds_every_guide_of_every_language(built_site, plan):
    found = {(g.lang, g.url_path) for g in find_guides(built_site)}
    expected = set()
    for lang in LANGUAGES:
        prefix = "" if lang == "fi" else f"{lang}/"
        expected |= {(lang, prefix + page_url(g.path)) for g in plan.inventory.guides(lang)}
    assert found == expected


def test_pdf_command_writes_one_pdf_per_guide_of_the_language(built_site, plan, tmp_path):
    require_tool(CHROMIUM, "Chromium")
    result = guidekit("pdf", "--site", str(built_site), "--out", str(tmp_path), "--lang", "selko")
    assert result.returncode == 0, result.stdout + result.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.pdf"))
    expected = sorted(f"selko/{plan.inventory.short_of(g.path)}.pdf" for g in plan.inventory.guides("selko"))
    assert written == expected
    assert all(PdfReader(tmp_path / name).pages for name in written)


def test_pdf_command_explains_a_folder_without_a_site(tmp_path):
    result = guidekit("pdf", "--site", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert str(tmp_path) in result.stderr and "index.html" in result.stderr
    assert "Traceback" not in result.stderr


def test_pdf_command_explains_a_missing_browser(built_site, tmp_path):
    result = guidekit("pdf", "--site", str(built_site), "--out", str(tmp_path),
                      env={"GUIDEKIT_CHROMIUM": str(tmp_path / "no-chromium")})
    assert result.returncode == 2
    assert "no-chromium" in result.stderr and "./dev setup --browser" in result.stderr
    assert "Traceback" not in result.stderr
