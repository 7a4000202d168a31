"""Are the translations up to date with their Finnish source? Decided from the content.

A translation stores in its front matter `source_hash: "…"`: a hash of the Finnish
page's normalized content (title + body) at the moment the translation was last
brought up to date. When the Finnish text changes, its hash no longer matches and
the translation is outdated, without anyone having to remember to bump a date.
Metadata (`reviewed`, `owner`, …), whitespace and HTML comments do not count: they
do not change what a reader reads.

`set_source_hash` writes that one line into the file's text and leaves every other
byte as it was: YAML is never re-serialized.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from guidekit import atomicfile
from guidekit.document import as_date
from guidekit.frontmatter import (
    body_of,
    describe_error,
    is_guide,
    read_front_matter,
    review_due,
    review_state,
)
from guidekit.languages import DEFAULT_LANGUAGE, LANGUAGES

SOURCE_LANGUAGE = DEFAULT_LANGUAGE
TRANSLATION_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
HASH_FIELD = "source_hash"
HASH_LENGTH = 12
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

OK, MISSING, OUTDATED, ORPHAN = "ok", "missing", "outdated", "orphan"


class SyncError(ValueError):
    """The hash line cannot be written; the message names the file and what to do."""


def normalized_content(text: str) -> str:
    """What a translator translates: the title and the body, whitespace collapsed."""
    title = read_front_matter(text).data.get("title") or ""
    body = HTML_COMMENT.sub(" ", body_of(text))
    return " ".join(f"{title}\n{body}".split())


@lru_cache(maxsize=4096)
def content_hash(text: str) -> str:
    # Cached: each Finnish page is compared with three translations in one run.
    return hashlib.sha256(normalized_content(text).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def stored_hash(front_matter: dict) -> str | None:
    value = (front_matter or {}).get(HASH_FIELD)
    return None if value is None else str(value)


# Why a translation is outdated; status and the TR101 finding say it in these words.
NO_HASH, HASH_DIFFERS, BROKEN = "no-hash", "source-changed", "front-matter-broken"


def translation_state(source_text: str, translation_text: str) -> tuple[str, str | None]:
    """(state, reason): ok, or outdated with why."""
    front = read_front_matter(translation_text)
    if front.error is not None:
        return OUTDATED, BROKEN
    return state_from_hash(stored_hash(front.data), source_text)


def state_from_hash(stored: str | None, source_text: str) -> tuple[str, str | None]:
    """(state, reason) of a translation whose front matter holds `stored`."""
    if stored is None:
        return OUTDATED, NO_HASH
    if stored != content_hash(source_text):
        return OUTDATED, HASH_DIFFERS
    return OK, None


def set_source_hash(text: str, value: str) -> str:
    """The text with `source_hash: "value"` in its front matter; nothing else changes.

    An existing source_hash line is replaced in place; otherwise the line goes just
    before the closing ---. The line ending follows the file's own (LF or CRLF).
    """
    front = read_front_matter(text)
    if not front.present:
        raise SyncError("sivulla ei ole alun tietoja (front matter); lisää ensin title ja description")
    if front.closing_line == 0:
        raise SyncError("sivun alun tiedoilta puuttuu loppuviiva ---; korjaa se ensin")
    # The parse counts lines of the text with CRLF made LF: the same lines as splitting at LF.
    lines = text.split("\n")
    new_line = f'{HASH_FIELD}: "{value}"'
    index = front.field_lines.get(HASH_FIELD, front.closing_line) - 1
    ending = "\r" if lines[index].endswith("\r") else ""
    if HASH_FIELD in front.field_lines:
        lines[index] = new_line + ending
    else:
        lines.insert(index, new_line + ending)
    return "\n".join(lines)


@dataclass(frozen=True)
class PageStatus:
    """One page in one language, as `guidekit status` reports it."""

    page: str  # path inside docs/<lang>/, e.g. ohjeet/chat.md
    lang: str
    state: str  # ok | missing | outdated | orphan (a translation without a Finnish page)
    path: str  # docs/<lang>/<page>
    reason: str | None = None  # why outdated: no-hash | source-changed | front-matter-broken
    source: bool = False  # the Finnish page itself
    guide: bool = False
    reviewed: str | None = None  # ISO date, when the page has one
    review_due: str | None = None
    review_state: str | None = None  # ok | due-soon | overdue (None: the page has no review date)

    def as_dict(self) -> dict:
        return asdict(self)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def pages_of(docs: Path, lang: str) -> list[str]:
    folder = docs / lang
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


def _review_fields(front_matter: dict, today: dt.date, months: int, due_soon_days: int) -> dict:
    reviewed = as_date(front_matter.get("reviewed"))
    if reviewed is None:
        return {}
    return {
        "reviewed": reviewed.isoformat(),
        "review_due": review_due(reviewed, months).isoformat(),
        "review_state": review_state(reviewed, today, months, due_soon_days),
    }


def collect_status(
    docs: Path, today: dt.date, review_months: int, due_soon_days: int, docs_prefix: str = "docs"
) -> list[PageStatus]:
    """Every Finnish page × every language, then translations that have no Finnish page."""
    rows: list[PageStatus] = []
    sources = pages_of(docs, SOURCE_LANGUAGE)
    for page in sources:
        source_text = _read(docs / SOURCE_LANGUAGE / page) or ""
        source_front = read_front_matter(source_text).data
        guide = is_guide(source_front, f"{docs_prefix}/{SOURCE_LANGUAGE}/{page}")
        rows.append(
            PageStatus(
                page, SOURCE_LANGUAGE, OK, f"{docs_prefix}/{SOURCE_LANGUAGE}/{page}", source=True, guide=guide,
                **_review_fields(source_front, today, review_months, due_soon_days),
            )
        )
        for lang in TRANSLATION_LANGUAGES:
            path = f"{docs_prefix}/{lang}/{page}"
            text = _read(docs / lang / page)
            if text is None:
                rows.append(PageStatus(page, lang, MISSING, path, guide=guide))
                continue
            state, reason = translation_state(source_text, text)
            review = _review_fields(read_front_matter(text).data, today, review_months, due_soon_days)
            rows.append(PageStatus(page, lang, state, path, reason, guide=guide, **review))
    known = set(sources)
    for lang in TRANSLATION_LANGUAGES:
        for page in pages_of(docs, lang):
            if page not in known:
                rows.append(PageStatus(page, lang, ORPHAN, f"{docs_prefix}/{lang}/{page}"))
    return rows


def translation_targets(target: Path, docs: Path) -> list[Path]:
    """Translation files named by a file, a folder or a language code."""
    if not target.exists() and target.name in TRANSLATION_LANGUAGES:
        target = docs / target.name
    if target.is_dir():
        return sorted(target.rglob("*.md"))
    return [target]


@dataclass(frozen=True)
class SyncResult:
    path: Path
    changed: bool
    value: str


def mark_synced(translation: Path, docs: Path) -> SyncResult:
    """Write the Finnish source's current hash into one translation file."""
    translation = translation.resolve()
    docs = docs.resolve()
    try:
        inside = translation.relative_to(docs)
    except ValueError:
        raise SyncError(f"{translation}: ei ole kansiossa {docs}") from None
    lang, page = inside.parts[0], Path(*inside.parts[1:])
    if lang == SOURCE_LANGUAGE:
        raise SyncError("suomenkielinen sivu on lähde, sitä ei merkitä; anna käännöksen polku (sv, en tai selko)")
    if lang not in TRANSLATION_LANGUAGES:
        raise SyncError(f"tuntematon kieli '{lang}' (sallitut: {', '.join(TRANSLATION_LANGUAGES)})")
    if not translation.is_file():
        raise SyncError("tiedostoa ei ole")
    source = docs / SOURCE_LANGUAGE / page
    source_text = _read(source)
    if source_text is None:
        raise SyncError(f"suomenkielistä lähdesivua docs/{SOURCE_LANGUAGE}/{page.as_posix()} ei ole")
    value = content_hash(source_text)
    # Bytes, not text mode: keeps CRLF, a final newline or its absence exactly as they were.
    try:
        original = translation.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise SyncError("tiedosto ei ole UTF-8-tekstiä") from None
    front = read_front_matter(original)
    if front.error is not None:
        problem, _fix = describe_error(front.error)
        raise SyncError(f"rivi {front.error.line}: {problem}; korjaa se ensin")
    if stored_hash(front.data) == value:
        return SyncResult(translation, False, value)
    # Written aside and renamed: a build or a parallel run never reads half a page.
    try:
        atomicfile.write_text(translation, set_source_hash(original, value))
    except OSError as error:
        raise SyncError(f"tiedostoa ei voi kirjoittaa ({error.strerror}); se on ennallaan") from None
    return SyncResult(translation, True, value)
