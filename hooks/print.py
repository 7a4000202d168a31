"""MkDocs glue for printing and permanent addresses (logic: guidekit/addresses.py, guidekit/qr.py).

- checks published addresses once per build (moved pages, duplicate short ids);
- gives each guide's template its print sheet: language, short address, QR code;
- expands `<!-- guidekit: guide-list -->` into the list of guides (organisations page);
- writes the static redirect pages of each language after its build, and each guide's
  QR code as SVG and PNG files (site/qr/<lang>/<short>.svg, .png) to download.

static-i18n builds the default language, then each other language, into the same
site_dir with the same config; every event here runs once per language.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from guidekit.addresses import (
    absolute_url,
    display_url,
    display_url_html,
    language_prefix,
    load_plan,
    mark_bare_links,
    output_file,
    page_url,
    plan_redirects,
    is_redirect_page,
    redirect_html,
    relative_href,
    short_url,
)
from guidekit.facts import FactsError, load_facts
from guidekit.findings import Finding, log_finding
from guidekit.htmlsafe import plain_text
from guidekit.languages import BASE_LANGUAGE, DEFAULT_LANGUAGE
from guidekit.pdf import LARGE_PRINT, REGULAR, pdf_path
from guidekit.qr import qr_file_name, qr_svg, write_qr_files

log = get_plugin_logger("guidekit.print")
GUIDE_LIST = re.compile(r"^<!--\s*guidekit:\s*guide-list\s*-->\s*$", re.MULTILINE)
_state: dict = {}


def _i18n(config):
    return config.plugins.get("guidekit-i18n")


def _language(config) -> str:
    i18n = _i18n(config)
    return (i18n.current_language if i18n else None) or DEFAULT_LANGUAGE


def _default_language(config) -> str:
    i18n = _i18n(config)
    return i18n.default_language if i18n else DEFAULT_LANGUAGE


def _docs_path(page) -> str:
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def on_config(config):
    i18n = _i18n(config)
    if i18n is not None and i18n.building:
        return config  # a further language of the same build: checked once already
    root = Path(config.config_file_path).parent
    try:
        _state["ui"] = load_facts(root / "data" / "ui.yml")
    except FactsError as error:
        raise PluginError(str(error)) from None
    plan = load_plan(root, Path(config.docs_dir), default=_default_language(config))
    _state["plan"] = plan
    _state["names"] = {lang.locale: lang.name for lang in i18n.config.languages} if i18n else {}
    for finding in plan.findings:
        # Errors fail the build: a printed QR code must never lead nowhere.
        log_finding(log, finding)
    return config


def on_nav(nav, config, files):
    _state["order"] = [_docs_path(page) for page in nav.pages]
    return nav


def on_page_markdown(markdown, page, config, files):
    if not GUIDE_LIST.search(markdown):
        return markdown
    lang = _language(config)
    # Addresses relative to the language's root: the page's own folder (sv/...) is not part of them.
    prefix = language_prefix(lang, _default_language(config))
    own_url = page.url[len(prefix):] if page.url.startswith(prefix) else page.url
    listing = guide_list_html(lang, own_url, config)
    return GUIDE_LIST.sub(lambda _match: listing, markdown)


def guide_list_html(lang: str, from_url: str, config) -> str:
    """Every guide of the language: title linking to it, short address, QR code."""
    plan, ui = _state["plan"], _state["ui"][lang]
    items = []
    for guide in plan.inventory.guides(lang, _state.get("order")):
        short_id = plan.inventory.short_of(guide.path)
        href = relative_href(from_url, page_url(guide.path, config.use_directory_urls))
        title = html.escape(guide.title)
        # A guide not yet translated is listed by its Finnish title.
        text_lang = BASE_LANGUAGE.get(guide.lang, guide.lang)
        lang_attr = f' lang="{text_lang}"' if text_lang != BASE_LANGUAGE.get(lang, lang) else ""
        parts = ['<li class="gk-guide-card">',
                 f'<p class="gk-guide-card__title"><a href="{href}"{lang_attr}>{title}</a></p>']
        if short_id:
            address = absolute_url(config.site_url, lang, short_url(short_id), _default_language(config))
            parts.append(
                f'<p class="gk-guide-card__address">{html.escape(ui["short_address"])}: '
                f'<a class="gk-bare-link gk-short-address" href="{html.escape(address)}">{display_url_html(address)}</a></p>'
            )
            label = ui["qr_label"].format(title=guide.title, address=display_url(address))
            parts.append(qr_svg(address, label, size_px=132))
        parts.append("</li>")
        items.append("".join(parts))
    # A raw HTML block: Markdown leaves it as it is, so it must hold no blank line.
    return '\n<ul class="gk-guide-list">\n' + "\n".join(items) + "\n</ul>\n"


def on_page_content(html_text, page, config, files):
    return mark_bare_links(html_text)


def on_page_context(context, page, config, nav):
    context["gk_print"] = print_sheet(page, config)
    return context


def print_sheet(page, config) -> dict | None:
    """What the print sheet of a guide shows; None for pages that are not guides."""
    if "service" not in (page.meta or {}):
        return None
    plan, lang = _state["plan"], _language(config)
    short_id = plan.inventory.short_of(_docs_path(page))
    if not short_id:
        return None  # the front-matter checks (FM102, FM106) tell the author
    address = absolute_url(config.site_url, lang, short_url(short_id), _default_language(config))
    ui = _state["ui"][lang]
    # A page not yet translated is Finnish on paper, whatever the site's language.
    text_language = getattr(page.file, "locale", None) or lang
    label = ui["qr_label"].format(title=plain_text(page.title or ""), address=display_url(address))
    return {
        "short_id": short_id,
        "short_url": address,
        "short_display": display_url(address),
        "short_display_html": display_url_html(address),
        # Published PDFs (./dev build, GUIDEKIT_PUBLISH_PDF=1): the guide links its two editions.
        "pdf": pdf_links(page, lang, short_id) if publishing_pdfs() else None,
        "language_name": _state["names"].get(text_language, text_language),
        "language_code": BASE_LANGUAGE.get(text_language, text_language),
        "qr_svg": qr_svg(address, label),
        # On screen, small, beside the address and the download links (partials/share.html).
        "qr_screen_svg": qr_svg(address, label, size_px=96),
        # The QR files written by on_post_build, to download from the guide page.
        "qr_files": qr_links(page.url, lang, short_id),
    }


def qr_links(from_url: str, lang: str, short_id: str) -> dict:
    """Relative links from a page to a guide's QR files, with a download name that says
    which guide and language a saved file is ("chat-sv-qr.png")."""
    return {kind: {"href": get_relative_url(qr_file_name(lang, short_id, kind), from_url),
                   "download": f"{short_id}-{lang}-qr.{kind}"}
            for kind in ("svg", "png")}


def publishing_pdfs() -> bool:
    return os.environ.get("GUIDEKIT_PUBLISH_PDF") == "1"


def pdf_links(page, lang: str, short_id: str) -> dict:
    """Links from a guide to its PDFs under site/pdf/ (written by `guidekit pdf` after the build)."""
    def href(style):
        return get_relative_url(f"pdf/{pdf_path(lang, short_id, style)}", page.url)
    return {"regular": href(REGULAR), "large": href(LARGE_PRINT)}


def on_post_build(config):
    lang, default = _language(config), _default_language(config)
    plan, ui = _state["plan"], _state["ui"][lang]
    for guide in plan.inventory.guides(lang):
        short_id = plan.inventory.short_of(guide.path)
        if short_id:
            address = absolute_url(config.site_url, lang, short_url(short_id), default)
            write_qr_files(Path(config.site_dir), lang, short_id, address,
                           ui["qr_label"].format(title=guide.title, address=display_url(address)))
    for redirect in plan_redirects(plan.inventory, plan.record, plan.redirects, lang, config.use_directory_urls):
        target = output_file(Path(config.site_dir), lang, redirect.source, default)
        if target.exists() and not is_redirect_page(target.read_text(encoding="utf-8", errors="replace")):
            log_finding(log, Finding(
                path="data/redirects.yml", line=1, rule="AD004",
                message=f"uudelleenohjaus {language_prefix(lang, default)}{redirect.source} osuu olemassa olevaan sivuun",
                fix="nimeä sivu tai lyhyt osoite toisin",
            ))
            continue
        page = plan.inventory.page(lang, redirect.target_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            redirect_html(
                html_lang=BASE_LANGUAGE.get(lang, lang),
                title=page.title if page else redirect.target,
                href=relative_href(redirect.source, redirect.target),
                canonical=absolute_url(config.site_url, lang, redirect.target, default),
                link_text=ui["redirect_text"],
            ),
            encoding="utf-8",
        )
