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
    embed_snippet_html,
    language_prefix,
    load_plan,
    mark_bare_links,
    mark_guide_links,
    output_file,
    page_url,
    plan_redirects,
    redirect_collisions,
    redirect_onto_page,
    is_redirect_page,
    redirect_html,
    relative_href,
    short_url,
)
from guidekit.facts import FactsError, load_facts
from guidekit.csp import with_policy
from guidekit.findings import log_finding
from guidekit.lint import checks_enabled
from guidekit.htmlsafe import plain_text
from guidekit.languages import BASE_LANGUAGE, DEFAULT_LANGUAGE
from guidekit.pdf import LARGE_PRINT, REGULAR, pdf_path
from guidekit import buildcache
from guidekit.qr import qr_file_name, qr_svg, write_qr_files
from guidekit.sitedir import write_unless_same, written

log = get_plugin_logger("guidekit.print")
# The redirect pages' own small stylesheet (long words break on a narrow screen).
REDIRECT_STYLESHEET = "assets/stylesheets/redirect.css"
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
    buildcache.use(root)  # QR codes kept between builds (.cache/guidekit/artifacts)
    try:
        _state["ui"] = load_facts(root / "data" / "ui.yml")
    except FactsError as error:
        raise PluginError(str(error)) from None
    plan = load_plan(root, Path(config.docs_dir), default=_default_language(config))
    _state["plan"] = plan
    _state["short_addresses"] = {}
    _state["names"] = {lang.locale: lang.name for lang in i18n.config.languages} if i18n else {}
    if not checks_enabled():
        # With the checks on, hooks/checks.py reports these with the rest (guidekit/sitecheck.py).
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
    listing = guide_list_html(lang, own_url, config, page.url)
    return GUIDE_LIST.sub(lambda _match: listing, markdown)


def guide_list_html(lang: str, from_url: str, config, page_url_in_site: str | None = None) -> str:
    """Every guide of the language: title linking to it, short address, QR code, its files
    (PDFs in the publish build, QR images) and an embed snippet for an NGO's own page."""
    plan, ui = _state["plan"], _state["ui"][lang]
    # Files are addressed from the site root (pdf/, qr/); the page's own address in the site.
    own_url = page_url_in_site if page_url_in_site is not None else from_url
    publishing = publishing_pdfs()
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
            parts.append(card_files_html(guide_files(own_url, lang, short_id, publishing), ui))
            parts.append(
                f'<p class="gk-embed__label">{html.escape(ui["embed_label"])}</p>'
                f'<pre class="gk-embed"><code>{embed_snippet_html(address, guide.title)}</code></pre>'
            )
        parts.append("</li>")
        items.append("".join(parts))
    # A raw HTML block: Markdown leaves it as it is, so it must hold no blank line.
    pack = ""
    if publishing:
        pack_href = get_relative_url(f"pdf/{lang}/{ui['handout_file']}.pdf", own_url)
        pack = (f'<p class="gk-handout-link"><a href="{html.escape(pack_href)}" type="application/pdf" download>'
                f'{html.escape(ui["handout_download"])}</a></p>\n')
    return "\n" + pack + '<ul class="gk-guide-list">\n' + "\n".join(items) + "\n</ul>\n"


def guide_files(from_url: str, lang: str, short_id: str, with_pdfs: bool) -> list[tuple[str, str, str, str]]:
    """(ui key of the link text, href, MIME type, download name) of a guide's files, from the
    page at from_url; the PDFs only in the publish build, where they exist."""
    files = []
    if with_pdfs:
        for key, style in (("pdf_download", REGULAR), ("pdf_large_print", LARGE_PRINT)):
            files.append((key, get_relative_url(f"pdf/{pdf_path(lang, short_id, style)}", from_url),
                          "application/pdf", ""))
    qr = qr_links(from_url, lang, short_id)
    for key, kind, mime in (("qr_download_png", "png", "image/png"), ("qr_download_svg", "svg", "image/svg+xml")):
        files.append((key, qr[kind]["href"], mime, qr[kind]["download"]))
    return files


def card_files_html(files: list[tuple[str, str, str, str]], ui: dict) -> str:
    def link(key, href, mime, name):
        download = f'download="{html.escape(name)}"' if name else "download"
        return f'<li><a href="{html.escape(href)}" type="{mime}" {download}>{html.escape(ui[key])}</a></li>'
    return '<ul class="gk-guide-card__files">' + "".join(link(*file) for file in files) + "</ul>"


def on_page_content(html_text, page, config, files):
    lang = _language(config)
    return mark_guide_links(mark_bare_links(html_text), page.url, guide_short_addresses(lang, config))


def guide_short_addresses(lang: str, config) -> dict[str, str]:
    """Each guide of the language by its address from the site root, with the short address
    a printed cross-reference shows (kept per language: the same for every page)."""
    cache = _state.setdefault("short_addresses", {})
    if lang not in cache:
        plan, default = _state["plan"], _default_language(config)
        prefix = language_prefix(lang, default)
        cache[lang] = {
            prefix + page_url(guide.path, config.use_directory_urls):
                display_url(absolute_url(config.site_url, lang, short_url(short_id), default))
            for guide in plan.inventory.guides(lang)
            if (short_id := plan.inventory.short_of(guide.path))
        }
    return cache[lang]


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


def _rebuilt_only(config) -> set[str] | None:
    """In the fast preview's incremental rebuild (guidekit/incremental.py), the docs paths of
    the pages built again: only their QR files can have changed. None: a whole build."""
    i18n = _i18n(config)
    if i18n is None or not getattr(i18n, "incremental", False):
        return None
    return {getattr(f, "norm_src_uri", f.src_uri) for f in i18n.rebuilt}


def on_post_build(config):
    lang, default = _language(config), _default_language(config)
    plan, ui = _state["plan"], _state["ui"][lang]
    rebuilt = _rebuilt_only(config)
    for guide in plan.inventory.guides(lang):
        short_id = plan.inventory.short_of(guide.path)
        if short_id:
            if rebuilt is not None and guide.path not in rebuilt and all(
                (Path(config.site_dir) / qr_file_name(lang, short_id, kind)).is_file() for kind in ("svg", "png")
            ):
                continue
            address = absolute_url(config.site_url, lang, short_url(short_id), default)
            write_qr_files(Path(config.site_dir), lang, short_id, address,
                           ui["qr_label"].format(title=guide.title, address=display_url(address)),
                           lambda path, content: write_unless_same(config, path, content))
    # A redirect onto a page is AD004 of the address checks already (check_redirect_collisions).
    foreseen = {r.source for r in redirect_collisions(plan.inventory, plan.record, plan.redirects, lang,
                                                      config.use_directory_urls)}
    for redirect in plan_redirects(plan.inventory, plan.record, plan.redirects, lang, config.use_directory_urls):
        target = output_file(Path(config.site_dir), lang, redirect.source, default)
        if redirect.source in foreseen:
            continue  # the page stays
        if rebuilt is not None and redirect.target_path not in rebuilt and target.is_file():
            continue  # written by an earlier build of the preview, for a page that did not change
        # (A file of the last build is not in the way: an in-place build writes over it, guidekit/sitedir.py.)
        if written(config, target) and not is_redirect_page(target.read_text(encoding="utf-8", errors="replace")):
            # another file than a page is there (an asset, say)
            log_finding(log, redirect_onto_page(lang, default, redirect.source))
            continue
        page = plan.inventory.page(lang, redirect.target_path)
        html = with_policy(redirect_html(
            html_lang=BASE_LANGUAGE.get(lang, lang),
            title=page.title if page else redirect.target,
            href=relative_href(redirect.source, redirect.target),
            canonical=absolute_url(config.site_url, lang, redirect.target, default),
            link_text=ui["redirect_text"],
            stylesheet=Path(os.path.relpath(Path(config.site_dir) / REDIRECT_STYLESHEET, target.parent)).as_posix(),
        ))  # a redirect page has no script of its own
        write_unless_same(config, target, html.encode("utf-8"))
