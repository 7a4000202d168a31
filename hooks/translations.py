"""MkDocs glue for translation status: tell readers and authors when a translation is behind.

A translation page whose Finnish source changed after it was last marked up to date
(guidekit/translations.py) gets a notice for its readers, and each language's build
ends with one INFO note listing its outdated pages. INFO, never WARNING: under
`--strict` a warning fails the build, and an outdated translation must never block
publishing a fix to the Finnish text. The per-page finding (TR101) comes from the
checks hook like every other finding, also at INFO because its severity is warning.
"""

from __future__ import annotations

import logging
from pathlib import Path

from guidekit.languages import DEFAULT_LANGUAGE
from guidekit.translations import NEVER_SYNCED, OUTDATED, SOURCE_LANGUAGE, translation_state

log = logging.getLogger("mkdocs.plugins.guidekit.translations")
NOTE_PREFIX = "guidekit: käännös voi olla vanhentunut"
NEVER_PREFIX = "guidekit: käännöstä ei ole merkitty ajan tasalle"

_state: dict = {OUTDATED: [], NEVER_SYNCED: []}


def _build_language(config) -> str:
    return config.theme.get("language") or DEFAULT_LANGUAGE


def _root_language(config) -> str:
    """The language static-i18n builds as its default: Finnish, or the one language of a preview."""
    i18n = config.plugins.get("guidekit-i18n")
    return i18n.default_language if i18n else DEFAULT_LANGUAGE


def _live_site_url(config) -> str | None:
    """The published site's address (a one-language preview links its Finnish pages there)."""
    i18n = config.plugins.get("guidekit-i18n")
    preview = getattr(i18n, "preview", None)
    return preview.live_site_url if preview is not None else None


def source_of(abs_src_path: str, docs_dir: str, lang: str) -> Path | None:
    """docs/sv/ohjeet/chat.md -> docs/fi/ohjeet/chat.md (None when not a page of `lang`)."""
    try:
        inside = Path(abs_src_path).resolve().relative_to(Path(docs_dir).resolve() / lang)
    except ValueError:
        return None
    return Path(docs_dir) / SOURCE_LANGUAGE / inside


def source_url(page_url: str, lang: str, root_lang: str, live_site_url: str | None = None) -> str | None:
    """The Finnish page's address, from the translation's: in the whole site relative to its
    root (sv/ohjeet/chat/ -> ohjeet/chat/); in a one-language preview, which has no Finnish
    pages and addresses its pages from the language's folder (ohjeet/chat/), the live
    site's (https://…/ohjeet/chat/). None when there is no such address."""
    if root_lang == SOURCE_LANGUAGE:
        prefix = f"{lang}/"
        return page_url[len(prefix):] if page_url.startswith(prefix) else None
    if not live_site_url:
        return None
    return live_site_url.rstrip("/") + "/" + page_url


def on_config(config):
    _state[OUTDATED], _state[NEVER_SYNCED] = [], []
    return config


def on_page_context(context, page, config, nav):
    lang = _build_language(config)
    locale = getattr(page.file, "locale", None)
    if lang == SOURCE_LANGUAGE or locale != lang or not page.file.abs_src_path:
        return context  # the Finnish source itself, or a Finnish fallback page
    source = source_of(page.file.abs_src_path, config.docs_dir, lang)
    if source is None or not source.is_file():
        return context
    try:
        translation_text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        source_text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return context  # unreadable files are reported by the checks, with their names
    state, _reason = translation_state(source_text, translation_text)
    # A never-synced translation gets the reader's notice too: nobody has yet said it
    # matches the Finnish page.
    if state not in (OUTDATED, NEVER_SYNCED):
        return context
    gk = context.setdefault("guidekit", {})
    gk["translation_outdated"] = True
    gk["translation_never_synced"] = state == NEVER_SYNCED
    gk["outdated_source_url"] = source_url(page.url, lang, _root_language(config), _live_site_url(config))
    _state[state].append(Path(page.file.abs_src_path).relative_to(Path(config.docs_dir) / lang).as_posix())
    return context


def on_post_build(config):
    # static-i18n runs each language's build (with its own on_post_build) in turn.
    lang = _build_language(config)
    for state, prefix in ((OUTDATED, NOTE_PREFIX), (NEVER_SYNCED, NEVER_PREFIX)):
        pages = sorted(_state[state])
        if pages:
            log.info(
                f"{prefix} ({lang}, {len(pages)} sivua): {', '.join(pages)} "
                "— katso guidekit status; ei estä julkaisua"
            )
        _state[state] = []
