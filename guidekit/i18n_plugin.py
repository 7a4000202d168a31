"""mkdocs-static-i18n, extended to know the plain-language variant "selko".

Why a subclass: static-i18n validates every language code against ISO 639-1
*while MkDocs loads the plugin config*, before any hook or other plugin runs, so
`selko` is rejected. Setting a per-language `theme.language: fi` on selko also
does not work: static-i18n saves the original theme config only once, so the
override leaks into the languages built after selko. Instead this plugin:

- accepts the locale `selko` (see SELKO below) and otherwise behaves exactly
  like static-i18n;
- lets Material use `theme.language = "selko"`, which loads our own
  overrides/partials/languages/selko.html: Finnish UI strings, simplified, and
  `"language": "fi"`, so selko pages get `<html lang="fi">`;
- gives each language switcher entry an `hreflang` that is a valid BCP 47 tag
  (`selko` is not one; selko becomes `fi-x-selko`, a private-use tag);
- keeps one 404 page per language (MkDocs writes 404.html to the site root on
  every language build, so the last language would otherwise win), whose language
  switcher leads to each language's front page;
- writes one search index per language (<lang>/search/search_index.json) holding
  only that language's own pages, with the analysis of guidekit/search.py (base forms,
  stems, synonyms; selko as Finnish) for our own search worker.
  static-i18n would merge all languages into one index: every reader would
  download all of them and a Swedish reader would get Finnish results. The page
  template points Material's search at the language's root (overrides/main.html);
- in a one-language preview (`build_only_locale`, `./dev serve sv`), still shows
  the Finnish page where the language lacks one. static-i18n makes the previewed
  language the default, so it would fall back to itself and a missing page would
  fail the strict build (see SourceFallbackFiles);
- serves that preview at the language's real addresses (/sv/…, not at the root where
  static-i18n puts the default language): site_dir and site_url get the language's
  folder, so every address the hooks derive from them (pages, short addresses, search,
  canonical links) is the published one; the root gets a page saying that only this
  language is in the preview (also the preview's 404 page), and the live site's
  address is kept for links to the Finnish pages (see OneLanguagePreview);
- makes the fast preview's dirty rebuilds (`./dev serve sv` runs `mkdocs serve --dirty`)
  incremental only while nothing but page text changed, otherwise whole
  (guidekit/incremental.py); in an incremental rebuild the pages not rebuilt keep their
  titles in the navigation and their entries in the search index, and `rebuilt` tells
  the hooks which pages were built again (the checks check only those).
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import watchdog.events
import watchdog.observers
import watchdog.observers.polling
import yaml
from mkdocs import plugins
from mkdocs import utils as mkdocs_utils
from mkdocs.config import config_options
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.utils import clean_directory
from mkdocs.utils.yaml import yaml_load
from mkdocs_static_i18n import config as i18n_config
from mkdocs_static_i18n import folder
from mkdocs_static_i18n.plugin import I18n

import guidekit
from guidekit.incremental import input_signature, merged_index_docs, newer_than_built
from guidekit.languages import BASE_LANGUAGE, DEFAULT_LANGUAGE, language
from guidekit.preview import one_language_root_page
from guidekit.search import SearchDataError, linked_pages, load_search_data, search_data
from guidekit.sitedir import InPlaceBuild

SELKO = "selko"
HREFLANG = {SELKO: "fi-x-selko"}


class Locale(i18n_config.Locale):
    def run_validation(self, value):
        if value == SELKO:
            return value
        return super().run_validation(value)


class LanguageConfig(i18n_config.I18nPluginLanguage):
    locale = Locale(str)
    # guidekit's own settings of the language, read by guidekit/languages.py (which checks them).
    guidekit = config_options.Type(dict, default={})


class PluginConfig(i18n_config.I18nPluginConfig):
    build_only_locale = config_options.Optional(Locale(str))
    languages = config_options.ListOfItems(config_options.SubConfig(LanguageConfig, validate=True))


SEARCH_PLUGINS = ("search", "material/search")


def language_prefix(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


def own_language_index(index: dict, prefix: str, fallback_urls: set[str], lang: str) -> dict:
    """One language's search index: its own pages, addresses relative to its root."""
    docs = []
    for entry in index["docs"]:
        page_url = entry["location"].split("#", 1)[0]
        if page_url in fallback_urls or not page_url.startswith(prefix):
            continue
        docs.append({**entry, "location": entry["location"][len(prefix):]})
    config = {**index["config"], "lang": [BASE_LANGUAGE.get(lang, lang)]}
    return {**index, "config": config, "docs": docs}


def published_site_url(config) -> str | None:
    """site_url as mkdocs.yml gives it: `mkdocs serve` replaces config.site_url with its own
    address before any plugin sees the config."""
    try:
        with open(config.config_file_path, encoding="utf-8") as source:
            written = yaml_load(source).get("site_url")
    except (OSError, yaml.YAMLError, ConfigurationError, AttributeError, TypeError):
        written = None  # MkDocs has read the same file already; fall back to what it made of it
    return written if isinstance(written, str) and written else config.site_url


@dataclass(frozen=True)
class OneLanguagePreview:
    """Where a one-language preview's root is, and what its root page links to."""

    code: str
    name: str
    root_dir: str  # the site_dir MkDocs was given; the language is built into root_dir/<code>/
    root_path: str  # the address path of the site root ("/", or site_url's sub-path)
    live_site_url: str | None  # the published site, for links to pages not in the preview

    @property
    def language_path(self) -> str:
        return self.root_path.rstrip("/") + f"/{self.code}/"

    def write_root_pages(self) -> None:
        root = Path(self.root_dir)
        for kind in ("index", "404"):
            html = one_language_root_page(kind, self.code, self.name, self.language_path, self.live_site_url,
                                          HREFLANG.get(self.code, self.code))
            (root / f"{kind}.html").write_text(html, encoding="utf-8")


log = logging.getLogger("mkdocs.plugins.guidekit.preview")


def _no_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


class _WritesOnly(watchdog.events.FileSystemEventHandler):
    """A handler passing on changes only: inotify also reports each file opened or closed
    unwritten, and the build reads every page, so each build would start the next."""

    READS = ("opened", "closed_no_write")

    def __init__(self, handler):
        super().__init__()
        self.handler = handler

    def dispatch(self, event):
        if event.event_type not in self.READS:
            self.handler.dispatch(event)


class _ChangesObserver(watchdog.observers.Observer):
    def schedule(self, event_handler, path, recursive=False, **options):
        return super().schedule(_WritesOnly(event_handler), path, recursive=recursive, **options)


def _notice_saves_at_once(server) -> None:
    """MkDocs' server looks for changed files every half second (a polling observer); the
    fast preview asks the system to tell it of a save at once (inotify on Linux). Where
    that cannot be had, the server keeps polling. Uses the server's list of watched paths,
    which MkDocs 1.6 keeps in _watched_paths."""
    watched = dict(getattr(server, "_watched_paths", {}))
    if watchdog.observers.Observer is watchdog.observers.polling.PollingObserver:
        return  # no system notifications here
    try:
        observer = _ChangesObserver()
    except (OSError, RuntimeError):
        return
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = observer
    try:
        for path, count in watched.items():
            for _ in range(count):
                server.watch(path)
    except OSError:  # e.g. the system's limit of watches: back to polling
        server.observer = watchdog.observers.polling.PollingObserver(timeout=0.5)
        server._watched_paths, server._watch_refs = {}, {}
        for path, count in watched.items():
            for _ in range(count):
                server.watch(path)


class SourceFallbackFiles(folder.I18nFiles):
    """Files of a one-language preview that also resolve links to Finnish fallbacks."""

    def get_file_from_path(self, path):
        found = super().get_file_from_path(path)
        if found is not None:
            return found
        parts = PurePosixPath(path).parts
        rest = parts[1:] if parts and parts[0] in (self.plugin.current_language, DEFAULT_LANGUAGE) else parts
        for lang in (self.plugin.current_language, DEFAULT_LANGUAGE):
            found = self.src_uris.get(PurePosixPath(lang, *rest).as_posix())
            if found is not None:
                return found
        return None


_REAL_CLEAN = mkdocs_utils.clean_directory


def _skip_next_clean(site_dir: str) -> None:
    """MkDocs empties site_dir right after on_pre_build: skip that once (an in-place build)."""
    target = Path(site_dir).resolve()

    def clean_directory(directory: str) -> None:
        _restore_clean()
        if Path(directory).resolve() != target:
            _REAL_CLEAN(directory)

    mkdocs_utils.clean_directory = clean_directory


def _restore_clean() -> None:
    # static-i18n swaps clean_directory out during its own builds and puts back what it found.
    if getattr(mkdocs_utils.clean_directory, "__qualname__", "").startswith("_skip_next_clean"):
        mkdocs_utils.clean_directory = _REAL_CLEAN


class GuidekitI18n(I18n):
    config_class = PluginConfig

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.search_indexes: dict[str, dict] = {}
        self.preview: OneLanguagePreview | None = None
        # The fast preview (guidekit/incremental.py); all kept between rebuilds of `mkdocs serve`.
        self.dirty = False  # mkdocs serve --dirty (or build --dirty)
        self.incremental = False  # this build renders only the changed pages
        self.rebuilt: list = []  # the files of the pages this build renders
        self._signature: str | None = None
        self._signature_seen = False
        self._titles: dict[str, str] = {}
        self._search_before: dict[str, tuple[list, dict]] = {}
        self.command: str | None = None
        self.in_place: InPlaceBuild | None = None  # `mkdocs build` over the last build (guidekit/sitedir.py)

    def on_startup(self, *, command, dirty):
        self.command = command
        self.dirty = dirty
        if dirty:
            # MkDocs warns on every dirty rebuild that the navigation may be wrong; this plugin
            # handles that (see on_pre_build) and says itself what each rebuild does.
            logging.getLogger("mkdocs.commands.build").addFilter(_no_dirty_warning)

    @property
    def fast_preview(self) -> bool:
        """A dirty one-language build: the preview `./dev serve LANG` runs."""
        return bool(self.dirty and self.config.build_only_locale)

    def on_pre_build(self, config):
        self.incremental, self.rebuilt = False, []
        self._start_in_place(config)
        if not self.fast_preview:
            return
        root = Path(config.config_file_path).parent
        others = [Path(config.config_file_path), root / "hooks", Path(guidekit.__file__).parent, *map(Path, config.watch)]
        if config.theme.custom_dir:
            others.append(Path(config.theme.custom_dir))
        signature = input_signature(Path(config.docs_dir), others)
        unchanged = signature == self._signature and (Path(config.site_dir) / "index.html").is_file()
        self._signature = signature
        if unchanged:
            self.incremental = True
            config.theme.static_templates.discard("sitemap.xml")  # for search engines, not the preview
            log.info("guidekit: nopea esikatselu: vain muuttuneet sivut rakennetaan ja tarkistetaan uudelleen")
        else:
            # Something besides page text changed (or this is the first build): every page
            # again. `mkdocs --dirty` never empties the folder itself.
            clean_directory(config.site_dir)
            self._titles, self._search_before = {}, {}
            if self._signature_seen:
                log.info("guidekit: nopea esikatselu: muutos muussa kuin sivun tekstissä (asetukset, data, "
                         "mallit, kuvat, sivujen luettelo): koko esikatselu rakennetaan uudelleen")
            self._signature_seen = True

    def _start_in_place(self, config) -> None:
        """`mkdocs build` (not serve, not dirty) writes over the last build's files instead of
        emptying the folder first, and removes what it did not write at its end."""
        if self.building:
            return  # static-i18n's builds of the other languages: within the outermost one
        _restore_clean()
        self.in_place = None
        if self.command != "build" or self.dirty:
            return
        build = InPlaceBuild(config.site_dir)
        if build.start():
            self.in_place = build
            _skip_next_clean(config.site_dir)

    def _finish_in_place(self) -> None:
        build, self.in_place = self.in_place, None
        if build is not None:
            removed = build.finish()
            log.debug(f"guidekit: rakennettu edellisen päälle; poistettiin {len(removed)} tiedostoa, joita tämä rakennus ei kirjoittanut")

    def on_build_error(self, error):
        _restore_clean()
        build = self.in_place
        if build is not None and isinstance(error, (NotADirectoryError, IsADirectoryError, FileExistsError)):
            # A file of the last build where this one makes a folder (or the reverse): empty
            # the folder as MkDocs would have; the next build starts clean.
            self.in_place = None
            mkdocs_utils.clean_directory(str(build.site_dir))
            log.warning(f"guidekit: sivustokansio {build.site_dir} tyhjennettiin: edellisen rakennuksen tiedosto oli "
                        "tämän tiellä — aja rakennus uudelleen")
        self._finish_in_place()

    def on_serve(self, server, config, builder):
        if self.fast_preview:
            _notice_saves_at_once(server)
        return server

    def on_pre_page(self, page, config, files):
        self.rebuilt.append(page.file)  # MkDocs reads only the pages it builds again
        return page

    def on_env(self, env, config, files):
        env = super().on_env(env, config, files)
        if self.incremental:
            # A page not read in this build has no title: the navigation and the previous/next
            # links of the rebuilt page show the one it had when it was last built.
            for file in files.documentation_pages():
                if file.page is not None and file.page.markdown is None and file.src_uri in self._titles:
                    file.page.title = self._titles[file.src_uri]
        return env

    def on_config(self, config):
        config = super().on_config(config)
        # The text direction of the language being built (mkdocs.yml: guidekit: dir:), set on
        # every language's build so that one language's rtl never leaks into the next.
        registered = language(self.current_language)
        config.theme["direction"] = registered.direction if registered else "ltr"
        self.preview = None
        only = self.config.build_only_locale
        if only and only != DEFAULT_LANGUAGE:
            self._serve_at_own_addresses(config, only)
        return config

    def _serve_at_own_addresses(self, config, code: str) -> None:
        """One-language preview: build the language into its own folder of the site and give
        site_url that folder, so /sv/… is what it is on the published site."""
        self.preview = OneLanguagePreview(
            code=code,
            name=self.get_language_config(code).name or code,
            root_dir=config.site_dir,
            root_path=urlsplit(config.site_url or "/").path or "/",
            live_site_url=published_site_url(config),
        )
        config.site_dir = str(Path(config.site_dir) / code)
        if config.site_url:
            config.site_url = config.site_url.rstrip("/") + f"/{code}/"

    def reconfigure_files(self, files, mkdocs_config):
        i18n_files = super().reconfigure_files(files, mkdocs_config)
        if not self.config.build_only_locale or self.current_language == DEFAULT_LANGUAGE:
            return i18n_files
        # One-language preview: add the Finnish pages and images this language lacks,
        # at the preview's root, as the full build would show them.
        preview = SourceFallbackFiles(self, list(i18n_files))
        present = {getattr(f, "norm_src_uri", f.src_uri) for f in i18n_files}
        docs = Path(mkdocs_config.docs_dir)
        for file in files:
            parts = PurePosixPath(file.src_uri).parts
            if not file.abs_src_path or not Path(file.abs_src_path).is_relative_to(docs) or len(parts) < 2 or parts[0] != DEFAULT_LANGUAGE or PurePosixPath(*parts[1:]).as_posix() in present:
                continue
            fallback = folder.create_i18n_file(file, DEFAULT_LANGUAGE, DEFAULT_LANGUAGE, self.all_languages, mkdocs_config)
            fallback.locale_alternate_of = self.current_language
            preview.append(fallback)
        if self.incremental:
            self._rebuild_when_source_changed(preview, docs)
        return preview

    def _rebuild_when_source_changed(self, files, docs: Path) -> None:
        """A translation whose Finnish page changed since it was built is built again: its
        outdated notice and its findings (TR101) follow the Finnish text."""
        for file in files.documentation_pages():
            if file.locale != self.current_language or not file.abs_dest_path:
                continue
            source = docs / DEFAULT_LANGUAGE / file.norm_src_uri
            built = Path(file.abs_dest_path)
            if source.is_file() and built.is_file() and newer_than_built(source, built):
                built.unlink()

    def reconfigure_search_plugin(self, config, search_plugin_name, search_plugin):
        # Each language is stemmed as itself only; several languages would also
        # make Material load lunr.multi and every stemmer.
        search_plugin.config.lang = [BASE_LANGUAGE.get(self.current_language, self.current_language)]
        return config

    def extend_search_entries(self, config):
        # Called at the end of each language's build: keep that language's index.
        for name, plugin in config.plugins.items():
            if name in SEARCH_PLUGINS and hasattr(plugin, "search_index"):
                lang = self.current_language
                fallback_urls = {
                    f.url for f in self.i18n_files_per_language.get(lang, []) if f.locale != lang
                }
                index = json.loads(plugin.search_index.generate_search_index(None))
                prefix = language_prefix(lang, self.default_language)
                own = own_language_index(index, prefix, fallback_urls, lang)
                meta, links = self._page_meta(lang, prefix), self._page_links(lang, prefix)
                if self.incremental and lang in self._search_before:
                    # Only the rebuilt pages were indexed: the others keep their entries.
                    docs_before, meta_before, links_before = self._search_before[lang]
                    own["docs"] = merged_index_docs(docs_before, own["docs"])
                    meta, links = {**meta_before, **meta}, {**links_before, **links}
                if self.fast_preview:
                    self._search_before[lang] = (own["docs"], meta, links)
                own["config"]["guidekit"] = search_data(
                    own["docs"], lang, meta, self._search_settings(config)[lang], links
                )
                self.search_indexes[lang] = own

    def _search_settings(self, config):
        # Read on every language's build: `mkdocs serve` rebuilds when data/ changes.
        try:
            return load_search_data(Path(config.config_file_path).parent)
        except SearchDataError as error:
            raise PluginError(str(error)) from None

    def _page_meta(self, lang: str, prefix: str) -> dict[str, dict]:
        """Front matter of the language's own pages by their address in its index."""
        meta = {}
        for file in self.i18n_files_per_language.get(lang, []):
            page = getattr(file, "page", None)
            if page is None or page.markdown is None:
                continue  # not read in an incremental rebuild; its meta is kept from before
            if file.locale == lang and file.url.startswith(prefix):
                meta[file.url[len(prefix):]] = page.meta or {}
        return meta

    def _page_links(self, lang: str, prefix: str) -> dict[str, set[str]]:
        """The pages each of the language's own pages links to, by their address in its index."""
        links = {}
        for file in self.i18n_files_per_language.get(lang, []):
            page = getattr(file, "page", None)
            if page is not None and file.locale == lang and file.url.startswith(prefix) and page.content:
                links[file.url[len(prefix):]] = linked_pages(page.content, file.url, prefix)
        return links

    def reconfigure_search_index(self, config):
        # Instead of one merged index: write each language's own (the root one is Finnish).
        for lang, index in self.search_indexes.items():
            folder = Path(config.site_dir) / language_prefix(lang, self.default_language) / "search"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "search_index.json").write_text(
                json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
            )
        self.search_indexes = {}

    def reconfigure_material_theme(self, config, locale):
        config = super().reconfigure_material_theme(config, locale)
        for alternate in config.extra.get("alternate") or []:
            alternate["hreflang"] = HREFLANG.get(alternate["lang"], alternate["lang"])
        if self.extra_alternate:
            self.extra_alternate = [dict(a) for a in config.extra["alternate"]]
        return config

    @plugins.event_priority(50)  # as static-i18n's own
    def on_template_context(self, context, template_name, config):
        context = super().on_template_context(context, template_name, config)
        if template_name == "404.html" and self.extra_alternate:
            # A 404 page is no page of its own: the switcher would keep the alternates
            # of the last page built (in the language built before). Each language's
            # front page instead; these links carry site_url's sub-path and hreflang.
            front_pages = [dict(a) for a in self.extra_alternate]
            config.extra["alternate"] = front_pages
            # static-i18n sets the page alternates as an attribute, which templates
            # read before the item, so both must change.
            config.extra.alternate = front_pages
        return context

    @plugins.event_priority(-90)
    def on_post_build(self, config):
        # Runs just before static-i18n's own on_post_build (-100), which, in the
        # default language's build, builds every other language into site_dir.
        root_404 = Path(config.site_dir) / "404.html"
        outermost_build = self.is_default_language_build and not self.building
        if outermost_build:
            default_404 = root_404.read_bytes() if root_404.exists() else None
        elif root_404.exists():
            target = Path(config.site_dir) / self.current_language / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(root_404, target)
        super().on_post_build(config)
        if outermost_build:
            self._finish_in_place()
            if default_404 is not None:
                root_404.write_bytes(default_404)
            # static-i18n leaves current_language at the last language built.
            self.current_language = self.default_language
            if self.preview is not None:
                self.preview.write_root_pages()
            if self.fast_preview:
                self._titles.update({f.src_uri: f.page.title for f in self.rebuilt if f.page is not None and f.page.title})
