"""Front matter: read it without ever raising, and check it against the schema of guides.

Pure functions over text and plain data. The rules in guidekit/rules/fm*.py and
`guidekit status` / `guidekit new` call these; nothing here knows MkDocs.

A guide is a page with a `service` field or a page under docs/<lang>/ohjeet/.
Guides need every field of GUIDE_FIELDS, other pages need PAGE_FIELDS; the lists
themselves live in guidekit.yml (rules.FM102).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath

import yaml

from guidekit import yamlsafe

GUIDES_FOLDER = "ohjeet"
# The permanent short-address id: lowercase letters, digits, single hyphens between.
SHORT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
# Dates written the Finnish way (12.3.2026): the fix suggests the ISO form.
FINNISH_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
ISO_DATE_TEXT = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
# A page's fields fit in a few hundred bytes; more is a mistake or an attack.
MAX_BLOCK_BYTES = 64 * 1024
MAX_BLOCK_NODES = 10_000


@lru_cache(maxsize=4096)
def load_block(block: str):
    """A front-matter block parsed as YAML: the only place front matter is loaded, with
    guidekit.yamlsafe's limits (no alias bombs, no deep nesting). Cached per distinct text; the
    result is shared: callers must not change it. Raises YAML's errors."""
    return yamlsafe.load(block, max_bytes=MAX_BLOCK_BYTES, max_nodes=MAX_BLOCK_NODES)


@dataclass(frozen=True)
class FrontMatterError:
    """Why the front matter cannot be read; `problem` is a key of PROBLEMS."""

    line: int
    problem: str
    field: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class FrontMatter:
    data: dict
    error: FrontMatterError | None
    present: bool  # the page starts with ---
    closing_line: int  # line number of the closing --- (0 when there is none)
    body_start: int  # first line of the Markdown body (1-based index into the lines)
    field_lines: dict = field(default_factory=dict)  # top-level key -> line of its first occurrence
    # What MkDocs gets from the block: YAML's mapping even when a field repeats (the last one
    # wins, and FM101 reports the repeat); {} when YAML cannot read it.
    loaded: dict = field(default_factory=dict)
    load_error: FrontMatterError | None = None  # a problem YAML itself has (every error but duplicate_field)


def repeats_a_field(block_lines: list[str]) -> bool:
    """Cheap test before a full parse: does a top-level field appear twice?"""
    names = [name for name, _line in _top_level_keys(block_lines, 0)]
    return len(names) != len(set(names))


def _top_level_keys(block_lines: list[str], first_line: int) -> list[tuple[str, int]]:
    keys = []
    for offset, line in enumerate(block_lines):
        match = TOP_LEVEL_KEY.match(line)
        if match:
            keys.append((match.group(1), first_line + offset))
    return keys


def _field_at(keys: list[tuple[str, int]], line: int) -> str | None:
    """The top-level field whose value the given line belongs to."""
    owner = None
    for name, key_line in keys:
        if key_line <= line:
            owner = name
    return owner


def read_front_matter(text: str) -> FrontMatter:
    """Parse the front matter the way MkDocs finds it: between a first line --- and the next --- or ...

    Every reader (the Document, the FM rules, addresses, translations, status) calls this, and it
    parses each distinct text once: the result is cached and shared, so callers must not change it.
    Never raises: a broken block comes back as `error`, with the line and the field.
    """
    return _read_front_matter(text)


@lru_cache(maxsize=4096)
def _read_front_matter(text: str) -> FrontMatter:
    lines = _without_bom(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return FrontMatter({}, None, present=False, closing_line=0, body_start=1)
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if closing is None:
        error = FrontMatterError(1, "no_closing")
        return FrontMatter({}, error, present=True, closing_line=0, body_start=1, load_error=error)
    block = lines[1:closing]
    keys = _top_level_keys(block, 2)
    field_lines: dict[str, int] = {}
    repeated = None
    for name, line in keys:
        if name in field_lines:
            repeated = repeated or FrontMatterError(line, "duplicate_field", name, str(field_lines[name]))
        else:
            field_lines[name] = line
    data, load_error = _load(block, keys)
    error = repeated or load_error
    return FrontMatter(
        {} if error else data, error, True, closing + 1, closing + 2, field_lines, data, load_error
    )


def _load(block: list[str], keys: list[tuple[str, int]]) -> tuple[dict, FrontMatterError | None]:
    """(mapping, None) or ({}, why YAML cannot read the block)."""
    try:
        data = load_block("\n".join(block)) if any(l.strip() for l in block) else {}
    except yamlsafe.YamlLimitError as error:
        line = error.problem_mark.line + 2
        # detail: the limit's key, put into words in the message language by describe_error
        return {}, FrontMatterError(line, "too_complex", _field_at(keys, line), f"{error.reason}:{error.limit}")
    except yaml.YAMLError as error:
        problem = str(getattr(error, "problem", None) or error)
        context = str(getattr(error, "context", None) or "")
        # An open quote or bracket is noticed only where the block ends; its start is the line to fix.
        opened = "quoted scalar" in context or "flow" in context
        mark = getattr(error, "context_mark" if opened else "problem_mark", None)
        line = mark.line + 2 if mark else 2
        if "quoted scalar" in context:
            code = "open_quote"
        elif "mapping values are not allowed" in problem:
            code = "colon_in_value"
        else:
            code = "yaml"
        # YAML notices a missing quote or colon a line late; name the field the line belongs to.
        return {}, FrontMatterError(line, code, _field_at(keys, line), problem)
    except ValueError as error:
        # PyYAML turns 2026-02-30 into a date and fails outside its own error type.
        line, name, value = _impossible_date(block, keys)
        return {}, FrontMatterError(line, "impossible_date", name, value or str(error))
    if not isinstance(data, dict):
        return {}, FrontMatterError(2, "not_mapping")
    return data, None


def _impossible_date(block: list[str], keys: list[tuple[str, int]]) -> tuple[int, str | None, str]:
    for offset, line in enumerate(block):
        for match in ISO_DATE_TEXT.finditer(line):
            year, month, day = (int(g) for g in match.groups())
            try:
                dt.date(year, month, day)
            except ValueError:
                number = offset + 2
                return number, _field_at(keys, number), match.group(0)
    return 2, None, ""


def _without_bom(text: str) -> str:
    # A byte-order mark some editors write first: MkDocs ignores it, and so do the checks.
    return text[1:] if text.startswith("\ufeff") else text


def body_of(text: str) -> str:
    """The Markdown after the front matter (the whole text when there is none or it is broken)."""
    front = read_front_matter(text)
    text = _without_bom(text)
    if not front.present or (front.error is not None and front.closing_line == 0):
        return text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(lines[front.body_start - 1 :])


def is_guide(front_matter: dict, path: str) -> bool:
    """A guide: it names its `service`, or it lies in docs/<lang>/ohjeet/."""
    if "service" in (front_matter or {}):
        return True
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if "docs" in parts:
        parts = parts[parts.index("docs") + 1 :]
    return len(parts) >= 3 and parts[1] == GUIDES_FOLDER


def is_draft(front_matter: dict) -> bool:
    """`draft: true`: the page is built by `mkdocs serve` only, never published."""
    return (front_matter or {}).get("draft") is True


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def missing_fields(front_matter: dict, required: list[str]) -> list[str]:
    return [name for name in required if is_blank(front_matter.get(name))]


def iso_suggestion(value) -> str | None:
    """12.3.2026 -> 2026-03-12, so the fix can show the author the exact line to write."""
    match = FINNISH_DATE.match(str(value))
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def short_id_problem(value) -> bool:
    return not isinstance(value, (str, int)) or isinstance(value, bool) or not SHORT_ID.match(str(value))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


OK, DUE_SOON, OVERDUE = "ok", "due-soon", "overdue"


def review_due(reviewed: dt.date, months: int) -> dt.date:
    return add_months(reviewed, months)


def review_state(reviewed: dt.date, today: dt.date, months: int, due_soon_days: int) -> str:
    due = review_due(reviewed, months)
    if today > due:
        return OVERDUE
    if (due - today).days <= due_soon_days:
        return DUE_SOON
    return OK


# Problems of a broken block, in the authors' words: (what is wrong, how to fix it).
PROBLEMS = {
    "fi": {
        "no_closing": (
            "sivun alun tiedoilta (front matter) puuttuu loppuviiva ---",
            "lisää rivi --- tietojen jälkeen, ennen sivun otsikkoa",
        ),
        "colon_in_value": (
            "kentän {field} arvossa on kaksoispiste, jota YAML ei ymmärrä",
            'laita arvo lainausmerkkeihin, esimerkiksi {field}: "Ohje: näin kirjaudut"',
        ),
        "open_quote": (
            "kentän {field} lainausmerkki jää auki",
            "lisää arvon loppuun sama lainausmerkki, jolla arvo alkaa",
        ),
        "yaml": (
            "sivun alun tiedoissa (front matter) on YAML-virhe{where}: {detail}",
            "tarkista rivi: muoto on kenttä: arvo, ja lainausmerkit ovat pareittain",
        ),
        "impossible_date": (
            "kentän {field} päivämäärää {detail} ei ole kalenterissa",
            "kirjoita oikea päivä muodossa VVVV-KK-PP, esimerkiksi 2026-03-12",
        ),
        "duplicate_field": (
            "kenttä {field} on sivun alun tiedoissa kahdesti (myös rivillä {detail})",
            "poista toinen rivi; vain yksi {field}-rivi saa jäädä",
        ),
        "not_mapping": (
            "sivun alun tiedot (front matter) eivät ole muotoa kenttä: arvo",
            "kirjoita jokainen tieto omalle rivilleen muodossa kenttä: arvo",
        ),
        "too_complex": (
            "sivun alun tiedot (front matter) ovat liian suuret tai monimutkaiset: {detail}",
            "kirjoita jokainen tieto omalle rivilleen muodossa kenttä: arvo, ilman ankkureita (&) ja viittauksia (*)",
        ),
    },
    "en": {
        "no_closing": (
            "the front matter has no closing ---",
            "add a line --- after the fields, before the page's heading",
        ),
        "colon_in_value": (
            "the value of {field} contains a colon that YAML cannot read",
            'put the value in quotes, e.g. {field}: "Guide: how to log in"',
        ),
        "open_quote": (
            "the quote in field {field} is never closed",
            "end the value with the same quote mark it starts with",
        ),
        "yaml": (
            "YAML error in the front matter{where}: {detail}",
            "check the line: the form is field: value, and quotes come in pairs",
        ),
        "impossible_date": (
            "the date {detail} in {field} does not exist",
            "write a real day as YYYY-MM-DD, e.g. 2026-03-12",
        ),
        "duplicate_field": (
            "field {field} appears twice in the front matter (also on line {detail})",
            "delete one of the lines; keep a single {field} line",
        ),
        "not_mapping": (
            "the front matter is not a list of field: value lines",
            "write each field on its own line as field: value",
        ),
        "too_complex": (
            "the front matter is too large or too complex: {detail}",
            "write each field on its own line as field: value, without anchors (&) and aliases (*)",
        ),
    },
}


def describe_error(error: FrontMatterError, message_lang: str = "fi") -> tuple[str, str]:
    """(what is wrong, how to fix it) for a broken block, in the message language."""
    words = PROBLEMS.get(message_lang, PROBLEMS["fi"])
    message, fix = words[error.problem]
    where = {"fi": f" kentässä {error.field}", "en": f" in field {error.field}"}
    detail = error.detail
    if error.problem == "too_complex":
        reason, _, limit = detail.partition(":")
        words_of_limit = yamlsafe.LIMIT_WORDS.get(message_lang, yamlsafe.LIMIT_WORDS["fi"])
        detail = words_of_limit.get(reason, "{limit}").format(limit=limit)
    values = {
        "field": error.field or "?",
        "detail": detail,
        "where": where.get(message_lang, where["fi"]) if error.field else "",
    }
    return message.format(**values), fix.format(**values)
