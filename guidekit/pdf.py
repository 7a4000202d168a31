"""PDFs of the guides from headless Chromium's print-to-PDF, with the site's print stylesheet.

The built site is served on 127.0.0.1 (pages load their CSS as on the web), every
guide page (one with a print sheet) is opened and printed as a tagged A4 PDF with
an outline. Kept out of the normal build so that previews stay fast.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from guidekit.languages import DEFAULT_LANGUAGE, LANGUAGES
from guidekit.localserver import serve_folder

CHROMIUM = os.environ.get("GUIDEKIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# The print sheet marks a guide and carries its short id (overrides/partials/print-sheet.html).
PRINT_SHEET = re.compile(r'class="gk-print-sheet"[^>]*\bdata-gk-short="([a-z0-9-]+)"')


class PdfError(RuntimeError):
    """Something the user can fix: the message says what and how."""


@dataclass(frozen=True)
class PrintStyle:
    """One printed edition of a guide: the regular one, or large print for low vision."""
    suffix: str  # added to the file name
    stylesheet: str | None  # site-root path of a stylesheet added on top of print.css


REGULAR = PrintStyle("", None)
# Body text 18 pt instead of 13 pt (1.38 times), more space between lines and steps.
LARGE_PRINT = PrintStyle("-large", "assets/stylesheets/large-print.css")
EDITIONS = (REGULAR, LARGE_PRINT)


@dataclass(frozen=True)
class GuidePage:
    lang: str
    short_id: str
    url_path: str  # from the site root, e.g. "sv/ohjeet/chat/"

    def pdf_name(self, style: PrintStyle = REGULAR) -> str:
        return pdf_path(self.lang, self.short_id, style)


def pdf_path(lang: str, short_id: str, style: PrintStyle = REGULAR) -> str:
    """Where a guide's PDF is, relative to the PDF folder (site/pdf/ when published)."""
    return f"{lang}/{short_id}{style.suffix}.pdf"


# Chromium draws this on every page below the text (pageNumber and totalPages are filled
# in by Chromium itself). Its own default font size is tiny, so the style is explicit.
FOOTER_TEMPLATE = (
    '<div style="font-family: DejaVu Sans, sans-serif; font-size: 9pt; color: #000; width: 100%; '
    'margin: 0 16mm; display: flex; justify-content: space-between; gap: 6mm;">'
    '<span>{label}</span>'
    '<span style="white-space: nowrap;">{page_word} <span class="pageNumber"></span>/<span class="totalPages"></span></span>'
    "</div>"
)


def footer_html(title: str, address: str, page_word: str) -> str:
    """The page footer of a printed guide: its title and short address, and "sivu x/y"."""
    label = " · ".join(html.escape(part) for part in (title, address) if part)
    return FOOTER_TEMPLATE.format(label=label, page_word=html.escape(page_word))


# What the footer needs, read from the page itself (print sheet, overrides/partials/print-sheet.html).
_FOOTER_FIELDS = """() => {
  const sheet = document.querySelector(".gk-print-sheet");
  const h1 = document.querySelector("article h1, h1");
  const address = sheet && sheet.querySelector(".gk-print-sheet__address a");
  return {title: h1 ? h1.textContent.trim() : document.title,
          address: address ? address.textContent.trim() : "",
          pageWord: sheet ? (sheet.dataset.gkPageWord || "") : ""};
}"""


def language_of_output(relative: str) -> str:
    first = relative.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def find_guides(site_dir: Path, languages=LANGUAGES) -> list[GuidePage]:
    """Every guide page in a built site: the pages that have a print sheet."""
    guides = []
    for path in sorted(Path(site_dir).rglob("index.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        match = PRINT_SHEET.search(text)
        if not match:
            continue
        relative = path.parent.relative_to(site_dir).as_posix()
        url_path = "" if relative == "." else relative + "/"
        lang = language_of_output(url_path)
        if lang in languages:
            guides.append(GuidePage(lang, match.group(1), url_path))
    return guides


def check_chromium() -> None:
    if not (Path(CHROMIUM).exists() and os.access(CHROMIUM, os.X_OK)):
        raise PdfError(f"Chromiumia ei löydy ({CHROMIUM}): asenna se komennolla `./dev setup --browser`")


def launch(playwright):
    check_chromium()
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# A cross-reference inside the guide ("lue kohta Apua", a link to #apua) gets the page its
# heading is printed on: a span after the link, filled in after a first print from the
# PDF's named destinations (Chromium makes one per element id that a link points to).
_CROSS_REFERENCES = """() => {
  const headings = [];
  for (const link of document.querySelectorAll('.gk-page a[href^="#"]')) {
    let target = null;
    try { target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1))); } catch (e) {}
    if (!target || !/^H[1-6]$/.test(target.tagName) || target.closest(".gk-print-sheet")) continue;
    const span = document.createElement("span");
    span.className = "gk-xref-page";
    link.after(span);
    headings.push(target.id);
  }
  return headings;
}"""

_SET_CROSS_REFERENCE_PAGES = """([word, numbers]) => {
  document.querySelectorAll(".gk-xref-page").forEach((span, i) => {
    span.textContent = numbers[i] ? ` (${word} ${numbers[i]})` : "";
  });
}"""


def print_page(page, url: str, target: Path, style: PrintStyle = REGULAR, site_root: str = "") -> Path:
    """Open url and print it to target as a tagged A4 PDF with an outline and page footers;
    cross-references to the guide's own sections say on which page they are."""
    page.goto(url, wait_until="load")
    if style.stylesheet:
        page.add_style_tag(url=f"{site_root}/{style.stylesheet}")
    fields = page.evaluate(_FOOTER_FIELDS)
    footer = footer_html(fields["title"], fields["address"], fields["pageWord"])
    headings = page.evaluate(_CROSS_REFERENCES)
    if headings and fields["pageWord"]:
        # Room for a two-digit number first, so that filling in the numbers moves no line.
        page.evaluate(_SET_CROSS_REFERENCE_PAGES, [fields["pageWord"], ["00"] * len(headings)])
        _save_pdf(page, target, footer)
        pages = anchor_pages(target)
        page.evaluate(_SET_CROSS_REFERENCE_PAGES, [fields["pageWord"], [pages.get(h) for h in headings]])
    return _save_pdf(page, target, footer)


def anchor_pages(pdf_file: Path) -> dict[str, int]:
    """The page (1-based) of each named destination of a PDF (an element id of the page)."""
    from pypdf import PdfReader

    reader = PdfReader(pdf_file)
    return {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()}


def heading_pages(pdf_file: Path) -> dict[str, int]:
    """The page (1-based) of each bookmark of a PDF by its title (Chromium makes one per
    heading); the first one wins when two headings have the same text."""
    from pypdf import PdfReader

    reader = PdfReader(pdf_file)
    found: dict[str, int] = {}

    def visit(items):
        for item in items:
            if isinstance(item, list):
                visit(item)
            else:
                found.setdefault(" ".join(str(item.title).split()), reader.get_destination_page_number(item) + 1)
    visit(reader.outline)
    return found


def _save_pdf(page, target: Path, footer: str) -> Path:
    """The open page as a tagged A4 PDF with an outline and the given footer on every page."""
    target.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(target), format="A4", tagged=True, outline=True, print_background=True,
             prefer_css_page_size=True, display_header_footer=True, header_template="<span></span>",
             footer_template=footer)
    return target


def print_guides(site_dir: Path, out_dir: Path, languages=LANGUAGES, guides: list[GuidePage] | None = None,
                 progress=None, editions: tuple[PrintStyle, ...] = (REGULAR,)) -> list[Path]:
    """Print each guide of the built site to out_dir/<lang>/<short>.pdf (and <short>-large.pdf)."""
    from playwright.sync_api import sync_playwright

    check_chromium()
    guides = find_guides(site_dir, languages) if guides is None else guides
    if not guides:
        raise PdfError(f"{site_dir}: sivustossa ei ole yhtään ohjetta; rakenna sivusto ensin (`./dev build`)")
    written = []
    with serve_folder(site_dir) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            for guide in guides:
                for style in editions:
                    target = print_page(page, f"{base}/{guide.url_path}", Path(out_dir) / guide.pdf_name(style),
                                        style, base)
                    written.append(target)
                    if progress:
                        progress(guide, target)
        finally:
            browser.close()
    return written


def build_site(root: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` of the site in root into site_dir."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        raise PdfError("sivuston rakentaminen epäonnistui:\n" + (result.stdout + result.stderr).strip())


@contextlib.contextmanager
def built_site(root: Path, site_dir: Path | None):
    """The given built site, or a fresh build in a temporary folder."""
    if site_dir is not None:
        if not (Path(site_dir) / "index.html").exists():
            raise PdfError(f"{site_dir}: kansiossa ei ole rakennettua sivustoa (index.html puuttuu)")
        yield Path(site_dir)
        return
    folder = Path(tempfile.mkdtemp(prefix="guidekit-pdf-"))
    try:
        build_site(root, folder)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class HandoutText:
    """The words of a handout pack's cover, in its language (data/ui.yml)."""
    title: str
    contents: str
    page_word: str
    file_name: str  # without .pdf


# Runs in the first guide's page, so the pack has the site's print CSS and the page's
# language: every guide's content (read with the browser's own HTML parser) follows a
# cover with a table of contents. Texts go in as textContent, never as markup.
_BUILD_HANDOUT = """async ({urls, title, contents}) => {
  const article = document.querySelector("article");
  const topic = document.querySelector(".md-header__topic");
  const siteName = topic ? topic.textContent.trim() : "";
  const cover = document.createElement("section");
  cover.className = "gk-handout-cover";
  const h1 = cover.appendChild(document.createElement("h1"));
  h1.textContent = title;
  cover.appendChild(document.createElement("p")).textContent = siteName;
  cover.appendChild(document.createElement("h2")).textContent = contents;
  const toc = cover.appendChild(document.createElement("ol"));
  toc.className = "gk-handout-toc";
  const sections = [];
  for (const url of urls) {
    const text = await (await fetch(url)).text();
    const doc = new DOMParser().parseFromString(text, "text/html");
    const body = doc.querySelector(".gk-page");
    // Addresses in the guide are relative to the guide's own page.
    for (const node of body.querySelectorAll("[src], [href]")) {
      for (const name of ["src", "href"]) {
        const value = node.getAttribute(name);
        if (value && !value.startsWith("#")) node.setAttribute(name, new URL(value, url).href);
      }
    }
    const section = document.createElement("section");
    section.className = "gk-handout-guide";
    section.append(...document.importNode(body, true).childNodes);
    sections.push(section);
    const item = toc.appendChild(document.createElement("li"));
    item.appendChild(document.createElement("span")).textContent = doc.querySelector("h1").textContent.trim();
    const number = item.appendChild(document.createElement("span"));
    number.className = "gk-handout-toc__page";
  }
  article.replaceChildren(cover, ...sections);
  document.title = title;
  return siteName;
}"""

_SET_PAGE_NUMBERS = """(numbers) => {
  document.querySelectorAll(".gk-handout-toc__page").forEach((node, i) => { node.textContent = String(numbers[i]); });
}"""


def _top_level_pages(pdf_file: Path) -> list[int]:
    """The page (1-based) of each top-level bookmark: Chromium makes one per h1."""
    from pypdf import PdfReader

    reader = PdfReader(pdf_file)
    return [reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)]


def print_handout(page, base: str, guides: list[GuidePage], target: Path, text: HandoutText) -> Path:
    """One PDF with every guide of a language after a cover and a table of contents whose
    page numbers are those of the printed pack (printed twice: the second time with them)."""
    page.goto(f"{base}/{guides[0].url_path}", wait_until="load")
    site_name = page.evaluate(_BUILD_HANDOUT, {"urls": [f"{base}/{g.url_path}" for g in guides],
                                               "title": text.title, "contents": text.contents})

    footer = footer_html(text.title, site_name, text.page_word)
    page.evaluate(_SET_PAGE_NUMBERS, ["000"] * len(guides))  # the numbers' room, so no line moves
    _save_pdf(page, target, footer)
    starts = _top_level_pages(target)[1:]  # the first bookmark is the cover's title
    if len(starts) != len(guides):
        raise PdfError(f"{target}: käsiohjepaketin sisällystä ei saatu laskettua ({len(starts)}/{len(guides)} ohjetta)")
    page.evaluate(_SET_PAGE_NUMBERS, starts)
    return _save_pdf(page, target, footer)


def handout_text(ui: dict) -> HandoutText:
    return HandoutText(ui["handout_title"], ui["handout_contents"], ui["print_page"], ui["handout_file"])


def publish(site_dir: Path, out_dir: Path, ui: dict, languages=LANGUAGES, progress=None) -> list[Path]:
    """What `./dev build` publishes under site/pdf/: every guide regular and in large print,
    and a handout pack per language (out_dir/<lang>/<handout_file>.pdf)."""
    from playwright.sync_api import sync_playwright

    guides = find_guides(site_dir, languages)
    written = print_guides(site_dir, out_dir, languages, guides, progress, editions=EDITIONS)
    with serve_folder(site_dir) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            for lang in languages:
                own = [g for g in guides if g.lang == lang]
                if not own:
                    continue
                text = handout_text(ui[lang])
                target = print_handout(page, base, own, Path(out_dir) / lang / f"{text.file_name}.pdf", text)
                written.append(target)
                if progress:
                    progress(GuidePage(lang, text.file_name, ""), target)
        finally:
            browser.close()
    return written
