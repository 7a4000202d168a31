"""The site's languages: one registry, read from mkdocs.yml, and how a path tells its language.

Each language is a locale block of the i18n plugin in mkdocs.yml (code, name, default)
with an optional `guidekit:` mapping for what the checks and pages need:

    - locale: et
      name: Eesti
      build: true
      guidekit: {readability: flesch, babel: et_EE, date_format: d.M.y, dir: ltr}

- `base`: the language the text is written in (selko: fi); rules, Voikko and search use it;
- `readability`: the formula's name (READABILITY_FORMULAS; computed in guidekit/readability.py);
  none configured is a finding (LA001), never another language's formula;
- `babel`: the Babel locale for dates and weekday names (default: the code);
- `date_format`: a Babel (CLDR) date pattern (default: the locale's medium date);
- `dir`: ltr or rtl (the pages' `dir` attribute).

The registry is read when this module is first imported, from the mkdocs.yml of the
site being worked on: the nearest folder upwards from the working directory that has
one (as `mkdocs build`, `./dev` and `guidekit` are run), else this repository's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

SITE_CONFIG = "mkdocs.yml"
I18N_PLUGINS = ("guidekit-i18n", "i18n")
GUIDEKIT_KEYS = ("base", "readability", "babel", "date_format", "dir")
DIRECTIONS = ("ltr", "rtl")
# The formulas guidekit/readability.py computes (FORMULAS there), by the name a locale chooses.
READABILITY_FORMULAS = ("wiio", "lix", "flesch")


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    base: str
    readability: str | None
    babel: str
    date_format: str | None
    direction: str
    line: int  # of the locale block in mkdocs.yml, for findings


@dataclass(frozen=True)
class Registry:
    path: str  # mkdocs.yml, as findings name it
    languages: tuple[Language, ...]
    problems: tuple[tuple[int, str], ...]  # (line, Finnish message) for LA001


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """mkdocs.yml may hold !!python/name and !ENV tags: read them as nothing (libyaml when
    installed: mkdocs.yml is read at every start)."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_config_path(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / SITE_CONFIG).is_file() and (folder / "docs").is_dir():
            return folder / SITE_CONFIG
    return Path(__file__).resolve().parent.parent / SITE_CONFIG


def _locale_nodes(text: str) -> list:
    """The mapping nodes of the i18n plugin's `languages:` list, with their lines."""
    root = yaml.compose(text, Loader=_Loader)
    plugins = _value(root, "plugins")
    items = plugins.value if isinstance(plugins, yaml.SequenceNode) else []
    for item in items:
        if isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                if key.value in I18N_PLUGINS:
                    languages = _value(value, "languages")
                    if isinstance(languages, yaml.SequenceNode):
                        return list(languages.value)
    return []


def _value(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    return None


def load_registry(path: Path) -> Registry:
    """The languages of the site whose mkdocs.yml is at path; problems become LA001 findings."""
    try:
        text = path.read_text(encoding="utf-8")
        nodes = _locale_nodes(text)
        blocks = [(node.start_mark.line + 1, yaml.load(yaml.serialize(node), Loader=_Loader)) for node in nodes]
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        blocks = []  # MkDocs itself reports a broken mkdocs.yml
    languages, problems = [], []
    for line, block in blocks:
        if not isinstance(block, dict) or not block.get("locale"):
            continue
        code = str(block["locale"])
        extra = block.get("guidekit") or {}
        if not isinstance(extra, dict):
            problems.append((line, f"kielen {code} guidekit-asetusten pitää olla sanakirja"))
            extra = {}
        for key in extra:
            if key not in GUIDEKIT_KEYS:
                problems.append((line, f"kielen {code} tuntematon guidekit-avain {key} (sallitut: {', '.join(GUIDEKIT_KEYS)})"))
        formula = extra.get("readability")
        if formula is None:
            problems.append((line, f"kielelle {code} ei ole valittu luettavuuskaavaa (guidekit: readability: "
                                   f"{' / '.join(READABILITY_FORMULAS)}); sen sivuille ei lasketa luettavuutta"))
        elif formula not in READABILITY_FORMULAS:
            problems.append((line, f"kielen {code} luettavuuskaava {formula} on tuntematon "
                                   f"(sallitut: {', '.join(READABILITY_FORMULAS)})"))
            formula = None
        direction = str(extra.get("dir", "ltr"))
        if direction not in DIRECTIONS:
            problems.append((line, f"kielen {code} dir: {direction} ei käy (ltr tai rtl)"))
            direction = "ltr"
        languages.append(Language(
            code=code, name=str(block.get("name") or code), base=str(extra.get("base") or code),
            readability=formula, babel=str(extra.get("babel") or code),
            date_format=extra.get("date_format"), direction=direction, line=line,
        ))
        if block.get("default"):
            languages.insert(0, languages.pop())  # the default language first
    return Registry(path.name, tuple(languages), tuple(problems))


REGISTRY = load_registry(site_config_path())
LANGUAGES = tuple(lang.code for lang in REGISTRY.languages) or ("fi",)
DEFAULT_LANGUAGE = LANGUAGES[0]
BASE_LANGUAGE = {lang.code: lang.base for lang in REGISTRY.languages}
TRANSLATIONS = tuple(code for code in LANGUAGES if code != DEFAULT_LANGUAGE)


def language(code: str) -> Language | None:
    return next((lang for lang in REGISTRY.languages if lang.code == code), None)


def written_in(*bases: str) -> tuple[str, ...]:
    """The languages whose text is written in one of bases (written_in("fi"): fi and selko)."""
    return tuple(code for code in LANGUAGES if BASE_LANGUAGE.get(code, code) in bases)


class UnknownLanguage(ValueError):
    """A page lies in docs/<folder>/ where <folder> is no language of the site (folder None:
    not inside docs/ at all). message() says so in the author's language."""

    MESSAGES = {
        "fi": {"outside": "{path}: ei ole kielen kansiossa {docs}/<kieli>/",
               "unknown": "{path}: tuntematon kieli '{folder}' (sallitut: {allowed})"},
        "en": {"outside": "{path}: not inside a language folder {docs}/<language>/",
               "unknown": "{path}: unknown language '{folder}' (allowed: {allowed})"},
    }
    FIXES = {
        "fi": "siirrä sivu jonkin kielen kansioon ({allowed}) tai lisää kieli mkdocs.yml:n guidekit-i18n-lohkoon (README: Uusi kieli)",
        "en": "move the page into a language's folder ({allowed}) or add the language's locale block to guidekit-i18n in mkdocs.yml (README: Adding a language)",
    }

    def __init__(self, path, folder: str | None, docs_dir: str = "docs"):
        self.path, self.folder, self.docs_dir = str(path), folder, docs_dir
        super().__init__(self.message("fi"))

    def message(self, lang: str = "fi") -> str:
        texts = self.MESSAGES.get(lang, self.MESSAGES["fi"])
        return texts["outside" if self.folder is None else "unknown"].format(
            path=self.path, docs=self.docs_dir, folder=self.folder, allowed=", ".join(LANGUAGES))

    def fix(self, lang: str = "fi") -> str:
        return self.FIXES.get(lang, self.FIXES["fi"]).format(allowed=", ".join(LANGUAGES))


def language_of(path: str | PurePosixPath, docs_dir: str = "docs") -> str:
    """Language of a page from its path: docs/<lang>/... (or <lang>/... inside docs)."""
    parts = PurePosixPath(str(path).replace("\\", "/")).parts
    if docs_dir in parts:
        parts = parts[parts.index(docs_dir) + 1 :]
    if not parts:
        raise UnknownLanguage(path, None, docs_dir)
    if parts[0] in LANGUAGES:
        return parts[0]
    raise UnknownLanguage(path, parts[0], docs_dir)
