"""Facts from data/county.yml written into pages through {{ key.path }} placeholders.

Pure functions: load the data once, then substitute per page and language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from guidekit import yamlsafe
from guidekit.datacheck import is_unsafe_address
from guidekit.languages import BASE_LANGUAGE, LANGUAGES

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS = {
    "fi": ("maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"),
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


class FactsError(ValueError):
    """The data file cannot be read; the message names the file and the reason."""


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
    """1.10.2026 in Finnish and Swedish, 1 October 2026 in English."""
    base = BASE_LANGUAGE.get(lang, lang)
    if base == "en":
        text = f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    else:
        text = f"{value.day}.{value.month}.{value.year}"
    if weekday:
        text = f"{WEEKDAYS[base][value.weekday()]} {text}"
    return text


def localize(value, lang: str):
    """Pick the page's language from a {fi, sv, en, selko} map; selko falls back to fi."""
    if is_language_map(value):
        if lang in value:
            return value[lang]
        return value.get(BASE_LANGUAGE.get(lang, "fi"), value["fi"])
    return value


def render(value, lang: str) -> str:
    value = localize(value, lang)
    if isinstance(value, dict) and "items" in value:
        return render_list(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, (dict, list)):
        raise TypeError("not a single value")
    return str(value)


def render_list(value: dict, lang: str) -> str:
    template = localize(value.get("format", {}), lang)
    lines = []
    for item in value["items"]:
        fields = {
            key: (format_date(v, lang, weekday=True) if isinstance(v, dt.date) else localize(v, lang))
            for key, v in item.items()
        }
        lines.append("- " + template.format(**fields))
    return "\n".join(lines)


def lookup(facts: dict, key: str):
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
                return safe_in_markdown(match.group(1), render(lookup(facts, match.group(1)), lang))
            except (KeyError, TypeError):
                unknown.append(UnknownFact(number, match.group(1)))
                return match.group(0)

        out_lines.append(PLACEHOLDER.sub(replace, line))
    return "\n".join(out_lines), unknown
