"""MkDocs glue for the site itself: facts into pages, template context, fallback marking.

Thin on purpose: the logic lives in guidekit/ and runs without MkDocs.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from guidekit.datacheck import data_findings
from guidekit.datafiles import check_facts, check_ui, format_problem
from guidekit.document import split_front_matter
from guidekit.facts import substitute
from guidekit.findings import log_finding
from guidekit.frontmatter import is_draft, is_guide
from guidekit import buildcache
from guidekit.helpfinder import CALENDAR_FILE, cached_tour_calendar, resident_panel
from guidekit.lint import checks_enabled
from guidekit.html_fixes import valid_material_markup
from guidekit.htmlsafe import escape_nav_titles, escape_page_text, escape_strings
from guidekit.languages import DEFAULT_LANGUAGE
from guidekit.needs import NEEDS_MARKER, GuideEntry, needs_markdown, needs_of
from guidekit.site_context import feedback_link, help_box, paper_help, reviewed_text
from guidekit.templatecache import share_compiled_templates

log = get_plugin_logger("guidekit.site")

_state: dict = {}


def current_language(config) -> str:
    # The i18n plugin sets Material's theme language to the language being built.
    return config.theme.get("language") or DEFAULT_LANGUAGE


def page_language(page) -> str:
    """Language of the page's text: a fallback page is Finnish inside another language's build."""
    return getattr(page.file, "locale", None) or DEFAULT_LANGUAGE


def _default_language(config) -> str:
    i18n = config.plugins.get("guidekit-i18n")
    return i18n.default_language if i18n else DEFAULT_LANGUAGE


def on_config(config):
    root = Path(config.config_file_path).parent
    # Every key the template reads is checked here, before any page is rendered: a missing
    # one stops the build with its file, key and line (not a KeyError deep in a template).
    facts, facts_problems = check_facts(root)
    ui, ui_problems = check_ui(root)
    problems = facts_problems + ui_problems
    if problems:
        raise PluginError("\n".join(format_problem(problem) for problem in problems))
    _state["facts"], _state["ui"] = facts, ui
    i18n = config.plugins.get("guidekit-i18n")
    # Once per build, not once per language; with the checks on, hooks/checks.py reports them.
    if not (i18n is not None and i18n.building) and not checks_enabled():
        for finding in data_findings(root):
            log_finding(log, finding)  # errors fail --strict: markup or an unsafe address in data
    return config


def _src_uri(file) -> str:
    return getattr(file, "norm_src_uri", file.src_uri)


def on_files(files, config):
    # The tour's calendar feed beside this language's help page, so a page links it like
    # any file of the site. Written to a folder outside docs/: static-i18n leaves such files
    # where they are, so the file gets this language's address itself.
    lang = current_language(config)
    host = urlsplit(config.site_url or "").hostname or "localhost"
    if "generated" not in _state:  # one folder per process, not a new one per language build
        _state["generated"] = Path(tempfile.mkdtemp(prefix="guidekit-generated-"))
    folder = _state["generated"]
    src_uri = f"{lang}/{CALENDAR_FILE}"
    (folder / lang).mkdir(parents=True, exist_ok=True)
    (folder / src_uri).write_bytes(cached_tour_calendar(_state["facts"], lang, host, buildcache.current()))
    feed = File(src_uri, str(folder), config.site_dir, config.use_directory_urls)
    prefix = "" if lang == _default_language(config) else f"{lang}/"
    feed.dest_uri = prefix + CALENDAR_FILE
    feed.url = prefix + CALENDAR_FILE
    files.append(feed)
    return files


def on_page_markdown(markdown, page, config, files):
    if NEEDS_MARKER in markdown and _src_uri(page.file) == "index.md":
        markdown = markdown.replace(NEEDS_MARKER, _state.get("needs_markdown", ""), 1)
    # Unknown placeholders are left visible; the checks report them with file and line.
    text, _unknown = substitute(markdown, _state["facts"], page_language(page))
    return text


@event_priority(-110)  # after static-i18n (-100) has put the translated names in the nav
def on_nav(nav, config, files):
    escape_nav_titles(nav.items)
    # The front page by need is made from the guides of this language's build, in nav
    # order: a fallback (untranslated) guide is listed with its Finnish title.
    guides = []
    for page in nav.pages:
        try:
            text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError, TypeError):
            continue  # unreadable: the checks report the file (GK000)
        front, _error, _body = split_front_matter(text)
        if not is_guide(front, page.file.src_uri):
            continue
        guides.append(GuideEntry(_src_uri(page.file), str(front.get("title") or ""),
                                 str(front.get("description") or ""), needs_of(front)))
    lang = current_language(config)
    _state["needs_markdown"] = needs_markdown(guides, _state["facts"].get("needs") or {},
                                              _state["ui"][lang]["other_guides"], lang)
    return nav


def on_env(env, config, files):
    # Every page is read and rendered by now, and no template has run yet: escape the
    # front matter and titles that Material's templates print as they are (guidekit/htmlsafe.py).
    for file in files.documentation_pages():
        if file.page is not None:
            escape_page_text(file.page)
    # Each language's build has a fresh environment: reuse the templates compiled by the others.
    return share_compiled_templates(env)


def _base_context(config) -> dict:
    lang = current_language(config)
    facts = _state["facts"]
    return {
        "lang": lang,
        # Where this language's pages start, relative to the site root ("" or "sv/").
        "root_prefix": "" if lang == _default_language(config) else f"{lang}/",
        "ui": escape_strings(_state["ui"][lang]),
        "example_data": bool(facts.get("example_data")),
    }


def on_template_context(context, template_name, config):
    # Static templates such as 404.html get no page context.
    context["guidekit"] = _base_context(config)
    return context


def on_page_context(context, page, config, nav):
    lang = current_language(config)
    facts = _state["facts"]
    meta = page.meta or {}
    site_url = config.site_url or ""
    gk = _base_context(config)
    gk.update(
        is_fallback=page_language(page) != lang,
        is_guide="service" in meta,
        # Only `mkdocs serve` builds drafts (hooks/publish.py); the banner says so.
        is_draft=is_draft(meta),
        reviewed=reviewed_text(meta, lang),
        help=help_box(facts, _state["ui"][lang], lang, meta.get("service")),
        help_paper=paper_help(facts, lang),
        feedback_url=feedback_link(facts, page.title or "", site_url + page.url),
        digituki_url=_url_of(nav, "digituki.md"),
        panel=resident_panel(facts, lang),
    )
    context["guidekit"] = gk
    return context


def _url_of(nav, norm_src_uri: str) -> str | None:
    # One lookup per language build's nav, not a scan of every page for every page.
    if _state.get("urls_of") is not nav:
        _state["urls"] = {}
        for page in nav.pages:
            _state["urls"].setdefault(getattr(page.file, "norm_src_uri", page.file.src_uri), page.url)
        _state["urls_of"] = nav
    return _state["urls"].get(norm_src_uri)


def on_post_page(output, page, config):
    return valid_material_markup(output)


def on_post_template(output_content, template_name, config):
    # 404.html and other static templates carry the same Material markup as pages.
    return valid_material_markup(output_content) if template_name.endswith(".html") else output_content
