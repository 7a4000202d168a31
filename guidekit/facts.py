"""Facts from data/county.yml written into pages through {{ key.path }} placeholders.

Pure functions: load the data once, then substitute per page and language.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.dates import format_date as babel_date

from guidekit import yamlsafe
from guidekit.datacheck import is_unsafe_address
from guidekit.languages import BASE_LANGUAGE, LANGUAGES, language

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")



def today() -> dt.date:
    """The build's day; GUIDEKIT_TODAY=YYYY-MM-DD pins it (reproducible builds, tests)."""
    pinned = os.environ.get("GUIDEKIT_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


class FactsError(ValueError):
    """The data file cannot be read; the message names the file and the reason."""


@dataclass(frozen=True, eq=False)
class Derived:
    """A value the kit works out from the data rather than reads (the help finder)."""

    name: str
    facts: dict

    def render(self, lang: str) -> str:
        from guidekit import helpfinder  # helpfinder formats with this module

        if self.name == "help_finder":
            return helpfinder.help_finder_html(self.facts, lang)
        return helpfinder.panel_invitation_markdown(self.facts, lang)


# Placeholders that need no key in data/county.yml: the kit builds them from the data.
# Block values stand alone (a list, an HTML block); the others are words in a sentence.
DERIVED_BLOCKS = {"help_finder": True, "resident_panel_invitation": True}


@dataclass(frozen=True)
class UnknownFact:
    line: int
    key: str


def load_facts(path: str | Path) -> dict:
    path = Path(path)
    try:
        data = yamlsafe.load_file(path)
    except FileNotFoundError:
        raise FactsError(f"{path}: tiedostoa ei löydy") from None
    except UnicodeDecodeError as error:
        raise FactsError(f"{path}: tiedosto ei ole UTF-8-tekstiä ({error.reason}); tallenna se UTF-8-muodossa") from None
    except OSError as error:
        raise FactsError(f"{path}: tiedostoa ei voi lukea ({error.strerror})") from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f":{where.line + 1}" if where else ""
        raise FactsError(f"{path}{line}: YAML-virhe: {getattr(error, 'problem', error)}") from None
    except ValueError as error:  # an impossible date, e.g. 2026-02-30
        raise FactsError(f"{path}: arvoa ei voi lukea ({error})") from None
    if not isinstance(data, dict):
        raise FactsError(f"{path}: tiedoston pitää olla YAML-sanakirja (avain: arvo)")
    return data


def is_language_map(value) -> bool:
    return isinstance(value, dict) and "fi" in value and set(value) <= set(LANGUAGES)


def format_date(value: dt.date, lang: str, weekday: bool = False) -> str:
    """The date in the language's pattern and Babel locale (mkdocs.yml: 1.10.2026 in Finnish
    and Swedish, 1 October 2026 in English), with the weekday's name first when asked."""
    found = language(lang)
    locale = found.babel if found else lang
    text = babel_date(value, (found.date_format if found else None) or "medium", locale=locale)
    if weekday:
        # cccc: the weekday's stand-alone name (Finnish "torstai", not the form "torstaina").
        text = f"{babel_date(value, 'cccc', locale=locale)} {text}"
    return text


def localize(value, lang: str):
    """Pick the page's language from a {fi, sv, en, selko} map; selko falls back to fi."""
    if is_language_map(value):
        if lang in value:
            return value[lang]
        return value.get(BASE_LANGUAGE.get(lang, "fi"), value["fi"])
    return value


def render(value, lang: str) -> str:
    if isinstance(value, Derived):
        return value.render(lang)
    value = localize(value, lang)
    if isinstance(value, dict) and "items" in value:
        return render_list(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, (dict, list)):
        raise TypeError("not a single value")
    return str(value)


def coming_items(items: list[dict], on: dt.date) -> list[dict]:
    """A schedule's items from the given day on, in date order; an item with no date stays."""
    kept = (item for item in items if not isinstance(item.get("date"), dt.date) or item["date"] >= on)
    return sorted(kept, key=lambda item: item.get("date") or dt.date.min)


def render_list(value: dict, lang: str) -> str:
    template = localize(value.get("format", {}), lang)
    lines = []
    items = value["items"]
    if value.get("hide_past"):  # a schedule: days gone by are left out at build time
        items = coming_items(items, today())
        if not items:
            return str(localize(value.get("empty", ""), lang))
    for item in items:
        fields = {
            key: (format_date(v, lang, weekday=True) if isinstance(v, dt.date) else localize(v, lang))
            for key, v in item.items()
        }
        lines.append("- " + template.format(**fields))
    return "\n".join(lines)


def lookup(facts: dict, key: str):
    if key in DERIVED_BLOCKS and key not in facts:
        return Derived(key, facts)
    value = facts
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value or is_language_map(value):
            raise KeyError(key)
        value = value[part]
    return value


def safe_in_markdown(key: str, value: str) -> str:
    """A fact as Markdown text: never a tag (DA101), never an unsafe address (DA102, dropped:
    in `[x]({{ chat.url }})` a `javascript:` value would otherwise become a live link)."""
    if is_unsafe_address(key, value):
        return ""
    return value.replace("<", "&lt;").replace(">", "&gt;")


def substitute(markdown: str, facts: dict, lang: str) -> tuple[str, list[UnknownFact]]:
    """Replace every {{ key.path }}; unknown keys are returned, their text left as is."""
    unknown: list[UnknownFact] = []
    out_lines = []
    for number, line in enumerate(markdown.split("\n"), start=1):

        def replace(match: re.Match) -> str:
            try:
                value = lookup(facts, match.group(1))
                if isinstance(value, Derived):  # HTML the kit built, every data value in it escaped
                    return value.render(lang)
                return safe_in_markdown(match.group(1), render(value, lang))
            except (KeyError, TypeError):
                unknown.append(UnknownFact(number, match.group(1)))
                return match.group(0)

        out_lines.append(PLACEHOLDER.sub(replace, line))
    return "\n".join(out_lines), unknown
