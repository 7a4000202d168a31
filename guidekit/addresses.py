"""Permanent addresses: short addresses of guides, redirects of moved pages, the record.

Printed guides and other organisations' pages link to the site, so an address, once
published, must keep working. Three things keep that promise:

- every guide has a short id (front matter `short: sovellus`), giving /o/sovellus/,
  /sv/o/sovellus/, ... that redirects to the guide in that language;
- data/redirects.yml maps an old page path to its new one (`ohjeet/kirjaudu.md:
  ohjeet/sovellus.md`), for every language;
- data/addresses.yml records every page path and short id ever published; a
  recorded address that leads nowhere is an error, a new one is a note until
  `guidekit addresses --update` records it.

Pure functions over the docs folder and the two data files; MkDocs glue is in
hooks/print.py. Problems are Findings (rules listed in RULES). A malformed or
missing `short` is reported by the front-matter checks (FM102, FM106).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

import yaml

from guidekit import yamlsafe
from guidekit.document import split_front_matter
from guidekit.findings import ERROR, INFO, Finding
from guidekit.frontmatter import SHORT_ID, is_draft, read_front_matter
from guidekit.pagelimits import decode_page  # SHORT_ID: the rule FM106 applies
from guidekit.languages import DEFAULT_LANGUAGE, LANGUAGES

SHORT_FOLDER = "o"
RECORD_FILE = "data/addresses.yml"
REDIRECTS_FILE = "data/redirects.yml"

RULES = {
    "AD001": "julkaistu osoite ei johda mihinkään",
    "AD002": "sama lyhyt osoite kahdella sivulla",
    "AD003": "käännöksellä on eri lyhyt osoite kuin suomenkielisellä sivulla",
    "AD004": "uudelleenohjaus on virheellinen",
    "AD005": "lyhyt osoite on annettu toiselle ohjeelle",
    "AD006": "osoiteluettelo tai uudelleenohjaustiedosto on rikki",
    "AD007": "uusi osoite ei ole vielä osoiteluettelossa",
}
UPDATE_HINT = "aja `guidekit addresses --update` ja lisää data/addresses.yml muutoksiin"

# Every address finding's (message, fix), Finnish by default and English with --messages en.
MESSAGES = {
    "fi": {
        "unreadable": ("tiedostoa ei voi lukea ({error})", "tallenna se UTF-8-tekstinä"),
        "yaml": ("YAML-virhe: {problem}", "korjaa tiedoston muoto"),
        "bad_value": ("arvoa ei voi lukea ({error})", "korjaa tiedoston muoto"),
        "redirects_shape": ("tiedoston pitää olla luettelo muotoa vanha.md: uusi.md",
                            "kirjoita jokainen siirto omalle rivilleen: `ohjeet/vanha.md: ohjeet/uusi.md`"),
        "redirect_line": ("rivi ”{old}: {new}” ei ole muotoa vanha.md: uusi.md",
                          "kirjoita sivujen polut docs/<kieli>/-kansion sisältä, esimerkiksi `ohjeet/vanha.md: ohjeet/uusi.md`"),
        "record_shape": ("tiedostossa pitää olla luettelo `pages:` ja sanakirja `short:`",
                         "luo tiedosto uudelleen komennolla `guidekit addresses --update`"),
        "short_differs": ("lyhyt osoite ”{short}” on eri kuin sivulla {source} (”{source_short}”)",
                          "kaikilla kielillä on sama lyhyt osoite: kirjoita `short: {source_short}` tai poista rivi"),
        "short_taken": ("lyhyt osoite ”{short}” on jo sivulla {first}", "valitse tälle sivulle toinen lyhyt osoite"),
        "redirect_page_exists": ("sivu ”{old}” on yhä olemassa, joten uudelleenohjaus ”{old} → {new}” ei koskaan toteudu",
                                 "poista joko sivu tai tämä rivi"),
        "redirect_nowhere": ("uudelleenohjaus ”{old} → {new}” ei johda mihinkään sivuun "
                             "(kohdetta ei ole tai ohjaukset kiertävät kehää)",
                             "korjaa kohteeksi olemassa olevan sivun polku docs/<kieli>/-kansion sisältä"),
        "redirect_onto_page": ("uudelleenohjaus {address} osuu olemassa olevaan sivuun", "nimeä sivu tai lyhyt osoite toisin"),
        "no_record": ("julkaistujen osoitteiden luetteloa ei ole", UPDATE_HINT),
        "page_gone": ("julkaistua sivua ”{path}” ei enää ole eikä sille ole uudelleenohjausta: "
                      "tulosteiden QR-koodit ja muiden sivustojen linkit siihen eivät toimi",
                      "lisää tiedostoon {redirects} rivi `{path}: <uusi polku>.md` tai palauta sivu"),
        "short_reused": ("lyhyt osoite ”{short}” johti ennen sivulle ”{path}”, nyt sitä käyttää ”{now}”: "
                         "painetut QR-koodit veisivät väärään ohjeeseen",
                         "valitse sivulle {now} toinen lyhyt osoite"),
        "short_gone": ("lyhyt osoite ”{short}” johti sivulle ”{path}”, jota ei enää ole",
                       "lisää tiedostoon {redirects} rivi `{path}: <uusi polku>.md`"),
        "unrecorded": ("uudet osoitteet eivät ole vielä luettelossa: {names}", UPDATE_HINT),
        "page_name": "”{path}”",
        "short_name": "lyhyt ”{short}”",
    },
    "en": {
        "unreadable": ("the file cannot be read ({error})", "save it as UTF-8 text"),
        "yaml": ("YAML error: {problem}", "fix the file's format"),
        "bad_value": ("a value cannot be read ({error})", "fix the file's format"),
        "redirects_shape": ("the file must be a list of the form old.md: new.md",
                            "write each move on its own line: `ohjeet/old.md: ohjeet/new.md`"),
        "redirect_line": ("the line “{old}: {new}” is not of the form old.md: new.md",
                          "write the pages' paths inside the docs/<language>/ folder, e.g. `ohjeet/old.md: ohjeet/new.md`"),
        "record_shape": ("the file must hold a list `pages:` and a mapping `short:`",
                         "create the file again with `guidekit addresses --update`"),
        "short_differs": ("short address “{short}” differs from the one on {source} (“{source_short}”)",
                          "every language has the same short address: write `short: {source_short}` or remove the line"),
        "short_taken": ("short address “{short}” is already used by {first}", "choose another short address for this page"),
        "redirect_page_exists": ("page “{old}” still exists, so the redirect “{old} → {new}” never applies",
                                 "remove either the page or this line"),
        "redirect_nowhere": ("redirect “{old} → {new}” leads to no page "
                             "(the target does not exist or the redirects go round in a circle)",
                             "point it at an existing page's path inside the docs/<language>/ folder"),
        "redirect_onto_page": ("redirect {address} lands on an existing page", "rename the page or the short address"),
        "no_record": ("there is no record of the published addresses",
                      "run `guidekit addresses --update` and add data/addresses.yml to your changes"),
        "page_gone": ("published page “{path}” no longer exists and has no redirect: "
                      "printed QR codes and other sites' links to it do not work",
                      "add the line `{path}: <new path>.md` to {redirects}, or restore the page"),
        "short_reused": ("short address “{short}” used to lead to “{path}”, now “{now}” uses it: "
                         "printed QR codes would lead to the wrong guide",
                         "choose another short address for {now}"),
        "short_gone": ("short address “{short}” led to “{path}”, which no longer exists",
                       "add the line `{path}: <new path>.md` to {redirects}"),
        "unrecorded": ("new addresses are not in the record yet: {names}",
                       "run `guidekit addresses --update` and add data/addresses.yml to your changes"),
        "page_name": "“{path}”",
        "short_name": "short “{short}”",
    },
}


@dataclass(frozen=True)
class PageInfo:
    """One Markdown page of one language, as far as addresses are concerned."""

    lang: str
    path: str  # inside docs/<lang>/, e.g. "ohjeet/sovellus.md"
    title: str
    is_guide: bool  # has `service` in its front matter
    short: str | None
    short_line: int  # line of `short:` (or 1) for findings


@dataclass
class Inventory:
    """Every page of every language in docs/, read from the front matter only."""

    pages: dict[str, dict[str, PageInfo]]  # lang -> path -> page
    findings: list[Finding] = field(default_factory=list)
    default_language: str = DEFAULT_LANGUAGE
    docs_prefix: str = "docs"  # docs/ relative to the repository, for findings

    def all_paths(self) -> set[str]:
        return {path for pages in self.pages.values() for path in pages}

    def page(self, lang: str, path: str) -> PageInfo | None:
        """The page a reader of `lang` gets at `path`: its own, or the Finnish one."""
        own = self.pages.get(lang, {}).get(path)
        return own or self.pages.get(self.default_language, {}).get(path)

    def paths_in(self, lang: str) -> set[str]:
        return set(self.pages.get(lang, {})) | set(self.pages.get(self.default_language, {}))

    def guides(self, lang: str, order: list[str] | None = None) -> list[PageInfo]:
        """The guides in `lang` (with fallbacks), in `order` (e.g. the nav), then by path."""
        rank = {path: index for index, path in enumerate(order or [])}
        found = [p for p in (self.page(lang, path) for path in self.paths_in(lang)) if p and p.is_guide]
        return sorted(found, key=lambda p: (rank.get(p.path, len(rank)), p.path))

    def short_ids(self) -> dict[str, str]:
        """short id -> page path. The Finnish page decides; translations repeat it or say nothing."""
        ids: dict[str, str] = {}
        for path in sorted(self.all_paths()):
            page = self.source_page(path)
            if page.short and SHORT_ID.match(page.short) and page.short not in ids:
                ids[page.short] = path
        return ids

    def short_of(self, path: str) -> str | None:
        page = self.source_page(path)
        return page.short if page and page.short and SHORT_ID.match(page.short) else None

    def source_page(self, path: str) -> PageInfo | None:
        """The page whose front matter decides the short id: Finnish, else the first language."""
        for lang in (self.default_language, *LANGUAGES):
            page = self.pages.get(lang, {}).get(path)
            if page:
                return page
        return None

    def file_of(self, page: PageInfo) -> str:
        return f"{self.docs_prefix}/{page.lang}/{page.path}"


@dataclass(frozen=True)
class Record:
    """data/addresses.yml: every page path and short id the site has published."""

    pages: tuple[str, ...] = ()
    short: dict = field(default_factory=dict)  # short id -> page path it was published for
    lines: dict = field(default_factory=dict)  # "pages:<path>" / "short:<id>" -> line in the file
    exists: bool = True


@dataclass(frozen=True)
class Redirects:
    """data/redirects.yml: old page path -> new page path, for every language."""

    moves: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Redirect:
    """One static redirect page. Addresses are relative to the language's root."""

    source: str  # e.g. "o/sovellus/" or "ohjeet/kirjaudu/"
    target: str  # e.g. "ohjeet/sovellus/"
    target_path: str  # docs path of the target page, for its title


# --- addresses ---------------------------------------------------------------


def page_url(path: str, use_directory_urls: bool = True) -> str:
    """docs path -> address relative to the language root, as MkDocs makes it."""
    stem = PurePosixPath(path).with_suffix("").as_posix()
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def short_url(short_id: str) -> str:
    return f"{SHORT_FOLDER}/{short_id}/"


def language_prefix(lang: str, default: str = DEFAULT_LANGUAGE) -> str:
    return "" if lang == default else f"{lang}/"


def absolute_url(site_url: str, lang: str, relative: str, default: str = DEFAULT_LANGUAGE) -> str:
    """site_url (may have a sub-path) + language folder + address."""
    base = (site_url or "/").rstrip("/") + "/"
    return base + language_prefix(lang, default) + relative


def display_url(url: str) -> str:
    """An address as printed for people: without https:// (still a working address)."""
    return re.sub(r"^https?://", "", url)


def display_url_html(url: str) -> str:
    """display_url, escaped, with a line-break opportunity only after each slash: a narrow
    column or a handout's card may wrap a short address there, never inside a word."""
    return "/<wbr>".join(html.escape(part) for part in display_url(url).split("/"))


def embed_snippet(address: str, title: str) -> str:
    """The HTML an NGO pastes into its own page: a plain link to the guide's short address."""
    return f'<a href="{html.escape(address)}">{html.escape(title, quote=False)}</a>'


def embed_snippet_html(address: str, title: str) -> str:
    """embed_snippet shown as text: escaped, and free to wrap only after the address's slashes
    (<wbr> is no text, so a copied snippet is exactly embed_snippet)."""
    snippet = html.escape(embed_snippet(address, title), quote=False)
    shown = html.escape(html.escape(address), quote=False)
    scheme, separator, rest = shown.partition("://")
    return snippet.replace(shown, scheme + separator + "/<wbr>".join(rest.split("/")), 1)


def output_file(site_dir: Path, lang: str, relative: str, default: str = DEFAULT_LANGUAGE) -> Path:
    """Where the file for an address of a language lies in the built site."""
    target = Path(site_dir) / language_prefix(lang, default) / relative
    return target / "index.html" if relative.endswith("/") or relative == "" else target


def relative_href(from_url: str, to_url: str) -> str:
    """Link from the page at from_url to to_url, both relative to the same root."""
    folder = from_url if from_url.endswith("/") else from_url.rpartition("/")[0] + "/"
    depth = folder.strip("/").count("/") + 1 if folder.strip("/") else 0
    return "../" * depth + to_url or "./"


# --- reading -----------------------------------------------------------------


def read_page(text: str, lang: str, path: str) -> PageInfo:
    """A page's address data from its text. Broken front matter counts as none: the
    build and `guidekit lint` report it with its line."""
    meta, _error, _ = split_front_matter(text)
    short = meta.get("short")
    title = meta.get("title")
    if not title:
        heading = re.search(r"^#\s+(.+?)\s*$", text, re.MULTILINE)
        title = heading.group(1) if heading else path
    return PageInfo(
        lang=lang,
        path=path,
        title=str(title),
        is_guide="service" in meta,
        short=None if short is None else str(short),
        short_line=read_front_matter(text).field_lines.get("short", 1),
    )


def read_file_text(file: Path) -> str | None:
    """A page's text, or None when it cannot be read as UTF-8."""
    try:
        return decode_page(file.read_bytes())[0]
    except OSError:
        return None


def read_inventory(docs_dir: Path, root: Path | None = None, languages=LANGUAGES,
                   default: str = DEFAULT_LANGUAGE, text_of=read_file_text) -> Inventory:
    """Every page's address data. text_of(path) gives a page's text or None: `guidekit lint`
    passes its context's reader, so a page is read (and its front matter parsed) once per run."""
    docs_dir = Path(docs_dir)
    try:
        prefix = docs_dir.relative_to(root).as_posix() if root else docs_dir.name
    except ValueError:
        prefix = docs_dir.as_posix()
    inventory = Inventory(pages={}, default_language=default, docs_prefix=prefix)
    for lang in languages:
        folder = docs_dir / lang
        pages: dict[str, PageInfo] = {}
        for file in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            rel = file.relative_to(folder).as_posix()
            if any(part.startswith(".") for part in PurePosixPath(rel).parts):
                continue  # MkDocs skips hidden files too
            text = text_of(file)
            # Unreadable or not UTF-8: the build publishes a notice instead, and the checks
            # (GK000) name the file; here it is a page without front matter.
            text = text or ""
            if is_draft(read_front_matter(text).loaded):
                continue  # a draft is not published: no address, no place in the guide lists
            pages[rel] = read_page(text, lang, rel)
        inventory.pages[lang] = pages
    return inventory


def _yaml_lines(text: str) -> dict:
    """Line of each top-level key ("old.md"), and of each entry under one ("pages:x.md",
    "short:chat"), so that findings point at the line to change."""
    lines: dict = {}
    try:
        node = yamlsafe.compose(text)
    except yaml.YAMLError:
        return lines
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key, value in node.value:
        lines.setdefault(str(key.value), key.start_mark.line + 1)
        if isinstance(value, yaml.MappingNode):
            entries = [k for k, _ in value.value]
        elif isinstance(value, yaml.SequenceNode):
            entries = value.value
        else:
            entries = []
        for entry in entries:
            if isinstance(entry, yaml.ScalarNode):
                lines.setdefault(f"{key.value}:{entry.value}", entry.start_mark.line + 1)
    return lines


def _load_yaml(path: Path, shown: str, lang: str = "fi") -> tuple[object, Finding | None]:
    try:
        return yamlsafe.load_file(path), None
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError) as error:
        return None, _finding(shown, 1, "AD006", lang, "unreadable", error=error)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or error
        return None, _finding(shown, line, "AD006", lang, "yaml", problem=problem)
    except ValueError as error:  # an impossible date, e.g. 2026-02-30
        return None, _finding(shown, 1, "AD006", lang, "bad_value", error=error)


def _is_page_path(value) -> bool:
    return isinstance(value, str) and value.endswith(".md") and not value.startswith("/") and ".." not in value


def load_redirects(path: Path, shown: str = REDIRECTS_FILE, lang: str = "fi") -> tuple[Redirects, list[Finding]]:
    data, problem = _load_yaml(Path(path), shown, lang)
    if problem:
        return Redirects(), [problem]
    if data is None:
        return Redirects(), []
    lines = _yaml_lines(yamlsafe.read_text(Path(path)))
    if not isinstance(data, dict):
        return Redirects(), [_finding(shown, 1, "AD006", lang, "redirects_shape")]
    moves, findings = {}, []
    for old, new in data.items():
        if _is_page_path(old) and _is_page_path(new):
            moves[old] = new
        else:
            findings.append(_finding(shown, lines.get(str(old), 1), "AD006", lang, "redirect_line", old=old, new=new))
    return Redirects(moves=moves, lines=lines), findings


def load_record(path: Path, shown: str = RECORD_FILE, lang: str = "fi") -> tuple[Record, list[Finding]]:
    data, problem = _load_yaml(Path(path), shown, lang)
    if problem:
        return Record(exists=False), [problem]
    if data is None:
        return Record(exists=Path(path).exists()), []
    pages = data.get("pages") if isinstance(data, dict) else None
    short = data.get("short") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(pages or [], list) or not isinstance(short or {}, dict):
        return Record(exists=False), [_finding(shown, 1, "AD006", lang, "record_shape")]
    return Record(
        pages=tuple(str(p) for p in pages or []),
        short={str(k): str(v) for k, v in (short or {}).items()},
        lines=_yaml_lines(yamlsafe.read_text(Path(path))),
    ), []


def format_record(record: Record) -> str:
    """The record file's text: sorted, so that changes are easy to review."""
    header = (
        "# Every address this site has published. Printed guides, QR codes and other\n"
        "# organisations' pages link to them, so each must keep working: as a page in\n"
        "# docs/<lang>/, or through data/redirects.yml. The build fails otherwise.\n"
        "# Generated: `guidekit addresses --update` adds new addresses, never removes any.\n"
    )
    body = yaml.safe_dump(
        {"pages": sorted(set(record.pages)), "short": dict(sorted(record.short.items()))},
        allow_unicode=True, sort_keys=False, default_flow_style=False,
    )
    return header + body


# --- checks ------------------------------------------------------------------


def _finding(file: str, line: int, rule: str, lang: str, key: str, severity: str = ERROR, /, **details) -> Finding:
    """An address finding in the message language (MESSAGES; Finnish when it has none);
    details fill the message's fields (positional-only above, so `path=` is a detail)."""
    message, fix = MESSAGES.get(lang, MESSAGES["fi"])[key]
    details.setdefault("redirects", REDIRECTS_FILE)
    return Finding(path=file, line=line, rule=rule, message=message.format(**details),
                   fix=fix.format(**details), severity=severity)


def redirect_onto_page(lang: str, default: str, source: str, message_lang: str = "fi") -> Finding:
    """AD004: a redirect of `lang` would be written where a page (or another file) is."""
    return _finding(REDIRECTS_FILE, 1, "AD004", message_lang, "redirect_onto_page",
                    address=f"{language_prefix(lang, default)}{source}")


def resolve(path: str, inventory: Inventory, redirects: Redirects) -> str | None:
    """Where an address of `path` leads now: the page itself or the end of its redirects."""
    pages, seen = inventory.all_paths(), []
    while path not in pages:
        if path in seen or path not in redirects.moves:
            return None
        seen.append(path)
        path = redirects.moves[path]
    return path


def check_short_ids(inventory: Inventory, lang: str = "fi") -> list[Finding]:
    findings: list[Finding] = []
    owner: dict[str, PageInfo] = {}
    for path in sorted(inventory.all_paths()):
        source = inventory.source_page(path)
        for page_lang in LANGUAGES:
            page = inventory.pages.get(page_lang, {}).get(path)
            if page is None:
                continue
            # A malformed id (FM106) or a missing one on a guide (FM102) is the checks' job.
            if page is not source and page.short and source.short and page.short != source.short:
                findings.append(_finding(
                    inventory.file_of(page), page.short_line, "AD003", lang, "short_differs",
                    short=page.short, source=inventory.file_of(source), source_short=source.short))
        if source.short and SHORT_ID.match(source.short):
            first = owner.setdefault(source.short, source)
            if first is not source:
                findings.append(_finding(
                    inventory.file_of(source), source.short_line, "AD002", lang, "short_taken",
                    short=source.short, first=inventory.file_of(first)))
    return findings


def check_redirects(inventory: Inventory, redirects: Redirects, shown: str = REDIRECTS_FILE,
                    lang: str = "fi") -> list[Finding]:
    findings = []
    pages = inventory.all_paths()
    for old, new in sorted(redirects.moves.items()):
        line = redirects.lines.get(old, 1)
        if old in pages:
            findings.append(_finding(shown, line, "AD004", lang, "redirect_page_exists", old=old, new=new))
        elif resolve(old, inventory, redirects) is None:
            findings.append(_finding(shown, line, "AD004", lang, "redirect_nowhere", old=old, new=new))
    return findings


def check_record(inventory: Inventory, record: Record, redirects: Redirects,
                 shown: str = RECORD_FILE, lang: str = "fi") -> list[Finding]:
    findings: list[Finding] = []
    if not record.exists:
        return [_finding(shown, 1, "AD007", lang, "no_record", INFO)]
    recorded = set(record.pages)
    for path in sorted(recorded):
        if resolve(path, inventory, redirects) is None:
            findings.append(_finding(shown, record.lines.get(f"pages:{path}", 1), "AD001", lang, "page_gone", path=path))
    current = inventory.short_ids()
    for short_id, path in sorted(record.short.items()):
        now = current.get(short_id)
        was = resolve(path, inventory, redirects)
        if now is not None and was is not None and now != was:
            findings.append(_finding(shown, record.lines.get(f"short:{short_id}", 1), "AD005", lang, "short_reused",
                                     short=short_id, path=path, now=now))
        elif now is None and was is None and path in recorded:
            pass  # the recorded page is missing: AD001 above says so
        elif now is None and was is None:
            findings.append(_finding(shown, record.lines.get(f"short:{short_id}", 1), "AD001", lang, "short_gone",
                                     short=short_id, path=path))
    new_pages = sorted(inventory.all_paths() - recorded)
    new_short = sorted(set(current) - set(record.short))
    if new_pages or new_short:
        words = MESSAGES.get(lang, MESSAGES["fi"])
        names = [words["page_name"].format(path=p) for p in new_pages]
        names += [words["short_name"].format(short=s) for s in new_short]
        findings.append(_finding(shown, 1, "AD007", lang, "unrecorded", INFO, names=", ".join(names)))
    return findings


def check_all(inventory: Inventory, record: Record, redirects: Redirects, lang: str = "fi") -> list[Finding]:
    """Every address check; lang is the messages' language."""
    return [
        *inventory.findings,
        *check_short_ids(inventory, lang),
        *check_redirects(inventory, redirects, lang=lang),
        *check_record(inventory, record, redirects, lang=lang),
        *check_redirect_collisions(inventory, record, redirects, lang=lang),
    ]


def redirect_collisions(inventory: Inventory, record: Record, redirects: Redirects, lang: str,
                        use_directory_urls: bool = True) -> list[Redirect]:
    """The redirects of one language whose address is a page's own: writing them would replace it."""
    own = {page_url(path, use_directory_urls) for path in inventory.paths_in(lang)}
    return [r for r in plan_redirects(inventory, record, redirects, lang, use_directory_urls) if r.source in own]


def check_redirect_collisions(inventory: Inventory, record: Record, redirects: Redirects,
                              shown: str = REDIRECTS_FILE, lang: str = "fi") -> list[Finding]:
    """AD004 before the build: a short address or moved page's redirect would land on a page."""
    return [
        redirect_onto_page(site_lang, inventory.default_language, redirect.source, lang)
        for site_lang in inventory.pages
        for redirect in redirect_collisions(inventory, record, redirects, site_lang)
    ]


def updated_record(record: Record, inventory: Inventory, redirects: Redirects) -> Record:
    """The record with today's pages and short ids added; nothing published is ever removed."""
    short = dict(record.short)
    for short_id, path in inventory.short_ids().items():
        was = short.get(short_id)
        # A guide that moved keeps its short id: record where it is now.
        if was is None or resolve(was, inventory, redirects) == path:
            short[short_id] = path
    return Record(pages=tuple(sorted(set(record.pages) | inventory.all_paths())), short=short)


# --- redirect pages ----------------------------------------------------------


def plan_redirects(inventory: Inventory, record: Record, redirects: Redirects, lang: str,
                   use_directory_urls: bool = True) -> list[Redirect]:
    """Every redirect page of one language: short addresses, retired short ids, moved pages."""
    planned: dict[str, Redirect] = {}
    pages = inventory.paths_in(lang)

    def add(source: str, path: str | None):
        if path is not None and path in pages and source not in planned:
            planned[source] = Redirect(source, page_url(path, use_directory_urls), path)

    current = inventory.short_ids()
    for short_id, path in sorted(current.items()):
        add(short_url(short_id), path)
    for short_id, path in sorted(record.short.items()):
        if short_id not in current:
            add(short_url(short_id), resolve(path, inventory, redirects))
    for old in sorted(redirects.moves):
        if old not in inventory.all_paths():
            add(page_url(old, use_directory_urls), resolve(old, inventory, redirects))
    return list(planned.values())


REDIRECT_MARK = '<meta name="generator" content="guidekit redirect">'


def is_redirect_page(text: str) -> bool:
    """A redirect page this module wrote (a dirty rebuild may find last build's)."""
    return REDIRECT_MARK in text


def redirect_html(*, html_lang: str, title: str, href: str, canonical: str, link_text: str,
                  stylesheet: str | None = None) -> str:
    """A static redirect: immediate meta refresh, canonical address and a visible link."""
    e = html.escape
    return (
        "<!doctype html>\n"
        f'<html lang="{e(html_lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{e(title)}</title>\n"
        + (f'<link rel="stylesheet" href="{e(stylesheet)}">\n' if stylesheet else "")
        + '<meta name="robots" content="noindex">\n'
        f"{REDIRECT_MARK}\n"
        f'<link rel="canonical" href="{e(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={e(href)}">\n'
        "</head>\n<body>\n<main>\n"
        f"<h1>{e(title)}</h1>\n"
        f'<p>{e(link_text)} <a href="{e(href)}">{e(title)}</a></p>\n'
        "</main>\n</body>\n</html>\n"
    )


# --- printed link addresses --------------------------------------------------

_LINK = re.compile(r'<a\b(?P<attrs>[^>]*?)\bhref="(?P<href>https?://[^"]+)"(?P<rest>[^>]*)>(?P<text>[^<]*)</a>')


def mark_bare_links(page_html: str) -> str:
    """Class gk-bare-link on links whose text is their address, so print does not repeat it."""

    def mark(match: re.Match) -> str:
        text = html.unescape(match.group("text")).strip()
        href = html.unescape(match.group("href"))
        link = match.group(0)
        if "gk-bare-link" in link or display_url(text).rstrip("/") != display_url(href).rstrip("/"):
            return link
        if re.search(r'\sclass="', link.split(">", 1)[0]):
            return re.sub(r'\sclass="', ' class="gk-bare-link ', link, count=1)
        return '<a class="gk-bare-link"' + link[2:]

    return _LINK.sub(mark, page_html)


_SITE_LINK = re.compile(r'<a\b(?P<attrs>[^>]*?)\bhref="(?P<href>[^"#:][^":]*)"(?P<rest>[^>]*)>')


def mark_guide_links(page_html: str, page_address: str, guide_addresses: dict[str, str]) -> str:
    """Links to another guide get data-gk-print-address, the guide's short address, which
    print.css prints after the link: on paper a cross-reference says where to find it.

    page_address is the page's address from the site root ("sv/ohjeet/chat/");
    guide_addresses maps each guide's address from the site root to its short address."""
    base = "https://site.invalid/" + page_address

    def mark(match: re.Match) -> str:
        link = match.group(0)
        target = urlsplit(urljoin(base, html.unescape(match.group("href"))))
        path = target.path.lstrip("/")
        address = guide_addresses.get(path if path.endswith("/") or not path else path + "/")
        if not address or path == page_address or "data-gk-print-address" in link:
            return link
        return link[:-1] + f' data-gk-print-address="{html.escape(address)}">'

    return _SITE_LINK.sub(mark, page_html)


# --- everything at once --------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    inventory: Inventory
    record: Record
    redirects: Redirects
    findings: list


def load_plan(root: Path, docs_dir: Path | None = None, default: str = DEFAULT_LANGUAGE,
              text_of=read_file_text, message_lang: str = "fi") -> Plan:
    """Read docs/, the record and the redirects of the site in `root`, and check them
    (findings in message_lang: fi or en)."""
    root = Path(root)
    inventory = read_inventory(docs_dir or root / "docs", root, default=default, text_of=text_of)
    record, record_problems = load_record(root / RECORD_FILE, lang=message_lang)
    redirects, redirect_problems = load_redirects(root / REDIRECTS_FILE, lang=message_lang)
    findings = [*record_problems, *redirect_problems, *check_all(inventory, record, redirects, message_lang)]
    return Plan(inventory, record, redirects, findings)
