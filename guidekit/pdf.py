"""PDFs of the guides from headless Chromium's print-to-PDF, with the site's print stylesheet.

The built site is served on 127.0.0.1 (pages load their CSS as on the web), every
guide page (one with a print sheet) is opened and printed as a tagged A4 PDF with
an outline. Kept out of the normal build so that previews stay fast.
"""

from __future__ import annotations

import contextlib
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
class GuidePage:
    lang: str
    short_id: str
    url_path: str  # from the site root, e.g. "sv/ohjeet/chat/"

    def pdf_name(self) -> str:
        return f"{self.lang}/{self.short_id}.pdf"


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


def print_page(page, url: str, target: Path) -> Path:
    """Open url and print it to target as a tagged A4 PDF with an outline."""
    page.goto(url, wait_until="load")
    target.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(target), format="A4", tagged=True, outline=True, print_background=True)
    return target


def print_guides(site_dir: Path, out_dir: Path, languages=LANGUAGES, guides: list[GuidePage] | None = None,
                 progress=None) -> list[Path]:
    """Print each guide of the built site to out_dir/<lang>/<short>.pdf."""
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
                target = print_page(page, f"{base}/{guide.url_path}", Path(out_dir) / guide.pdf_name())
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
