"""The publish build's PDFs (issue 17): `./dev build` = a build with GUIDEKIT_PUBLISH_PDF=1,
then `guidekit pdf --publish`. Every guide links its regular and large-print PDF, every
printed page has a footer with the guide's title, short address and "sivu x/y", large
print is at least 1.3 times the regular text, and the handout pack holds every guide
after a contents page whose page numbers are right.

The printing is the same code for any content, so it runs on a small site (two selko
guides, one of them three pages long with a cross-reference, one in a sub-folder with a
short id of its own): the same two commands as `./dev build`, for one language (selko).
The real site's publish build is checked without printing: every guide of every language
links the files `guidekit pdf --publish` writes (their names come from the same
find_guides), and the organisations page lists them. The real guides themselves are
printed by tests/test_pdf.py."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, build_small_site_at, require_tool, run_build
from guidekit.addresses import embed_snippet
from guidekit.facts import load_facts
from guidekit.languages import LANGUAGES
from guidekit.pdf import CHROMIUM, LARGE_PRINT, REGULAR, find_guides, footer_html, pdf_path
from guidekit.qr import qr_file_name
from html_tools import parse_html, parse_html_string

LANG = "selko"
SCREENSHOTS = ROOT / "test-output" / "print"
PUBLISH = {"GUIDEKIT_PUBLISH_PDF": "1"}


def guide(title: str, short: str, service: str, body: str) -> str:
    return (f"---\ntitle: {title}\ndescription: Näin teet sen.\nservice: {service}\nreviewed: 2026-11-23\n"
            f"owner: Digituki\nshort: {short}\n---\n\n# {title}\n\n{body}")


# Long enough for three printed pages, with a reference to its own section (printed twice:
# the second time with the section's page number).
CHAT_STEPS = "".join(f"{n}. Lue kohta {n}. Tee se, mitä kohdassa lukee. Sitten jatka.\n" for n in range(1, 61))
CHAT_BODY = "Tarvitsetko apua? Lue [kohta Apua](#apua).\n\n## Näin toimit\n\n" + CHAT_STEPS + "\n## Apua {#apua}\n\nSoita meille.\n"
MANDATE_BODY = "## Näin toimit\n\n1. Avaa sovellus.\n2. Valitse Valtuudet.\n3. Anna valtuus.\n"
ORGANISATIONS = "---\ntitle: {title}\ndescription: Ohjeet jaettaviksi.\n---\n\n# {title}\n\n<!-- guidekit: guide-list -->\n"
SMALL_SITE_PAGES = {
    "fi/index.md": "---\ntitle: Etusivu\ndescription: Etusivu.\n---\n# Etusivu\n\nTervetuloa.\n",
    "fi/ohjeet/chat.md": guide("Kysy chatissa", "chat", "chat", CHAT_BODY),
    "fi/ohjeet/valtuudet/anna.md": guide("Anna valtuus", "valtuus", "valtuudet", MANDATE_BODY),
    "fi/organisaatioille.md": ORGANISATIONS.format(title="Järjestöille"),
    "selko/index.md": "---\ntitle: Etusivu\ndescription: Etusivu.\n---\n# Etusivu\n\nTervetuloa.\n",
    "selko/ohjeet/chat.md": guide("Kysy chatissa", "chat", "chat", CHAT_BODY),
    "selko/ohjeet/valtuudet/anna.md": guide("Anna valtuus", "valtuus", "valtuudet", MANDATE_BODY),
    "selko/organisaatioille.md": ORGANISATIONS.format(title="Järjestöille ja kirjastoille"),
}


def publish_pdfs(site: Path, root: Path) -> None:
    """`guidekit pdf --publish` for LANG, as `./dev build` runs it."""
    result = subprocess.run([sys.executable, "-m", "guidekit.cli", "pdf", "--site", str(site), "--out",
                             str(site / "pdf"), "--publish", "--lang", LANG, "--root", str(root)],
                            capture_output=True, text=True, env={**os.environ})
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The small site's publish build, with its selko PDFs printed."""
    require_tool(CHROMIUM, "Chromium")
    folder = tmp_path_factory.mktemp("published")
    site = build_small_site_at(folder, SMALL_SITE_PAGES, "https://asioi.esimerkkila.example/", PUBLISH)
    publish_pdfs(site, folder / "src")
    guides = [g for g in find_guides(site) if g.lang == LANG]
    assert len(guides) == 2, guides
    assert len(PdfReader(site / "pdf" / LANG / "chat.pdf").pages) >= 3, "the long guide no longer spans pages"
    return site


@pytest.fixture(scope="module")
def published_real(tmp_path_factory):
    """The real site's publish build (the pages only: they link the PDFs)."""
    site = tmp_path_factory.mktemp("published-real")
    result = run_build(ROOT / "mkdocs.yml", site, {**PUBLISH, "GUIDEKIT_CHECKS": "0"})
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
        links = pdf_links(page)
        assert len(links) == 2, guide
        for href, style in zip(links, (REGULAR, LARGE_PRINT)):
            target = (page.parent / href).resolve()
            assert target == (published / "pdf" / guide.pdf_name(style)).resolve()
            assert target.exists(), target


def pdf_links(page: Path) -> list[str]:
    return [a.attrs["href"] for ul in parse_html(page).find_all("ul", class_="gk-pdf-links") for a in ul.find_all("a")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_real_guide_links_the_pdfs_the_publish_step_writes(published_real, lang):
    # find_guides gives the names `guidekit pdf --publish` writes (the small site above shows it does).
    guides = [g for g in find_guides(published_real) if g.lang == lang]
    assert guides
    for guide in guides:
        page = published_real / guide.url_path / "index.html"
        links = pdf_links(page)
        assert len(links) == 2, guide
        for href, style in zip(links, (REGULAR, LARGE_PRINT)):
            assert (page.parent / href).resolve() == (published_real / "pdf" / guide.pdf_name(style)).resolve()


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


def test_every_published_pdf_is_tagged_and_in_its_pages_language(published):
    """pdfinfo says "Tagged: yes" (a structure tree for screen readers) and the catalog's
    /Lang is the page's <html lang> (selko: fi), so a reader speaks it in the right voice."""
    require_tool("/usr/bin/pdfinfo", "pdfinfo (poppler-utils)")
    ui = load_facts(ROOT / "data" / "ui.yml")[LANG]
    files = [(published / "pdf" / guide.pdf_name(style), published / guide.url_path / "index.html")
             for guide in find_guides(published) if guide.lang == LANG for style in (REGULAR, LARGE_PRINT)]
    first_guide = files[0][1]
    files.append((published / "pdf" / LANG / f"{ui['handout_file']}.pdf", first_guide))
    for pdf, page in files:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
        assert info.returncode == 0, info.stderr
        assert re.search(r"^Tagged:\s+yes$", info.stdout, re.MULTILINE), (pdf, info.stdout)
        html_lang = parse_html(page).find_all("html")[0].attrs["lang"]
        catalog = PdfReader(pdf).trailer["/Root"]
        assert catalog.get("/Lang") == html_lang, (pdf, catalog.get("/Lang"))
        assert bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog


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


# --- the organisations page of every language (the NGO kit) ------------------------------


def organisations_page(site: Path, lang: str) -> Path:
    return site / ("" if lang == "fi" else lang) / "organisaatioille" / "index.html"


def check_organisations_page(site: Path, lang: str, printed: bool) -> None:
    """Each card links the PDFs that `guidekit pdf --publish` writes and the QR files of the
    build; the pack link leads to the pack. With printed, the PDFs and the pack exist."""
    ui = load_facts(ROOT / "data" / "ui.yml")[lang]
    page = organisations_page(site, lang)
    html = parse_html(page)

    def target(link):
        return (page.parent / link.attrs["href"]).resolve()

    (pack,) = [a for p in html.find_all("p", class_="gk-handout-link") for a in p.find_all("a")]
    assert target(pack) == (site / "pdf" / lang / f"{ui['handout_file']}.pdf").resolve()
    assert pack.text == ui["handout_download"]
    cards = html.find_all("li", class_="gk-guide-card")
    shorts = {g.short_id for g in find_guides(site) if g.lang == lang}
    assert len(cards) == len(shorts) >= (2 if printed else 5)
    for card in cards:
        short_id = card.find_all("a", class_="gk-short-address")[0].attrs["href"].rstrip("/").rsplit("/", 1)[1]
        links = [a for ul in card.find_all("ul", class_="gk-guide-card__files") for a in ul.find_all("a")]
        expected = [site / "pdf" / pdf_path(lang, short_id, REGULAR),
                    site / "pdf" / pdf_path(lang, short_id, LARGE_PRINT),
                    site / qr_file_name(lang, short_id, "png"), site / qr_file_name(lang, short_id, "svg")]
        assert [target(a) for a in links] == [path.resolve() for path in expected], short_id
        assert [a.text for a in links] == [ui[key] for key in
                                           ("pdf_download", "pdf_large_print", "qr_download_png", "qr_download_svg")]
        for path in expected[2:] + (expected[:2] if printed else []):
            assert path.exists(), path
    if printed:
        assert target(pack).exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_organisations_page_links_every_guides_pdfs_and_qr_files_and_the_handout_pack(published_real, lang):
    """The real site: every guide's card in every language (the QR files exist: every build writes them)."""
    check_organisations_page(published_real, lang, printed=False)


def test_organisations_page_links_lead_to_the_printed_pdfs_and_pack(published):
    """The small site, printed: the same links lead to files `guidekit pdf --publish` wrote."""
    check_organisations_page(published, LANG, printed=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_organisations_page_shows_an_escaped_embed_snippet_for_each_guide(published_real, lang):
    html = parse_html(organisations_page(published_real, lang))
    for card in html.find_all("li", class_="gk-guide-card"):
        title = card.find_all("p", class_="gk-guide-card__title")[0].text.strip()
        address = card.find_all("a", class_="gk-short-address")[0].attrs["href"]
        (pre,) = card.find_all("pre", class_="gk-embed")
        (code,) = pre.find_all("code")
        # Shown as text, not as a link: the snippet's markup was escaped.
        assert not code.find_all("a") and not pre.find_all("a")
        # Its text exactly (the <wbr> line-break chances are no text): what a reader copies.
        assert {child.tag for child in code.children} <= {"wbr"}
        snippet = "".join(code.text_parts)
        assert snippet == embed_snippet(address, title)
        pasted = parse_html_string(snippet)
        (link,) = pasted.find_all("a")
        assert link.attrs["href"] == address and link.text == title
