"""Are the translations up to date with their Finnish source? Decided from the content.

A translation stores in its front matter `source_hash: "…"`: a hash of the Finnish
page's normalized content (title + body) at the moment the translation was last
brought up to date. When the Finnish text changes, its hash no longer matches and
the translation is outdated, without anyone having to remember to bump a date.
Metadata (`reviewed`, `owner`, …), whitespace and HTML comments do not count: they
do not change what a reader reads.

`set_source_hash` writes that one line into the file's text and leaves every other
byte as it was: YAML is never re-serialized.

A translation without the line was never marked up to date: a state of its own
(never-synced), not "outdated", since nobody has yet said what it was translated from.

At each sync the Finnish text is also stored, one sentence a line, under its hash in
data/translation-sources/<page>.yml. Once the Finnish page changes, `guidekit status
PATH` compares the stored sentences with today's and shows the translator what changed,
whether or not anything has been committed to git.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from guidekit import atomicfile, yamlsafe
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
from guidekit.sentences import SplitSettings, split_sentences

SOURCE_LANGUAGE = DEFAULT_LANGUAGE
TRANSLATION_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
HASH_FIELD = "source_hash"
HASH_LENGTH = 12
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

OK, MISSING, OUTDATED, ORPHAN = "ok", "missing", "outdated", "orphan"
NEVER_SYNCED = "never-synced"  # a translation that has no source_hash yet
SOURCES_FOLDER = "data/translation-sources"  # the Finnish sentences at each sync, per page


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
    """(state, reason): ok, never-synced (reason no-hash), or outdated with why."""
    front = read_front_matter(translation_text)
    if front.error is not None:
        return OUTDATED, BROKEN
    return state_from_hash(stored_hash(front.data), source_text)


def state_from_hash(stored: str | None, source_text: str) -> tuple[str, str | None]:
    """(state, reason) of a translation whose front matter holds `stored`."""
    if stored is None:
        return NEVER_SYNCED, NO_HASH
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
    state: str  # ok | missing | never-synced | outdated | orphan (a translation without a Finnish page)
    path: str  # docs/<lang>/<page>
    reason: str | None = None  # no-hash (never-synced) | source-changed | front-matter-broken (outdated)
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


# --- the Finnish text at each sync -------------------------------------------------------

# Where a new item (heading, list item, table row, block) starts in the Markdown body.
ITEM_START = re.compile(r"^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s|!!!|\?\?\?|\||>)")
ITEM_MARKER = re.compile(r"^(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)")
WORDY = re.compile(r"[^\W_]")
STORE_HEADER = (
    "# Suomenkielinen teksti lauseittain sillä hetkellä, kun käännös merkittiin ajan tasalle\n"
    "# (guidekit status --mark-synced). guidekit status SIVU näyttää sen avulla, mikä on muuttunut.\n"
    "# Älä muokkaa käsin: komento kirjoittaa tämän.\n"
)


def source_sentences(text: str, settings: SplitSettings = SplitSettings()) -> list[str]:
    """The Finnish page as its translator reads it, one sentence a line, Markdown kept.

    The title first, then every heading, list item, table row and paragraph split into
    sentences; a list or heading marker stays on the item's first sentence. HTML
    comments and whitespace do not count, as in the hash.
    """
    title = read_front_matter(text).data.get("title")
    found = [f"title: {' '.join(str(title).split())}"] if title else []
    items: list[list[str]] = []
    for line in HTML_COMMENT.sub(" ", body_of(text)).split("\n"):
        if not line.strip():
            items.append([])
        elif ITEM_START.match(line) or not items:
            items.append([line.strip()])
        else:
            items[-1].append(line.strip())
    for item in filter(None, items):
        joined = " ".join(" ".join(item).split())
        if not WORDY.search(joined):
            continue  # a table's |---| line, a rule
        marker = ITEM_MARKER.match(joined)
        prefix = marker.group(1) if marker else ""
        sentences = split_sentences(joined[len(prefix):], settings) or [joined[len(prefix):]]
        # A bullet reads as one, not as the diff's "- removed".
        shown = "• " if prefix.strip() in ("-", "*", "+") else prefix
        found += [shown + sentences[0], *sentences[1:]]
    return found


def store_path(root: Path, page: str) -> Path:
    """data/translation-sources/ohjeet/chat.yml for the page ohjeet/chat.md."""
    return root / SOURCES_FOLDER / Path(page).with_suffix(".yml")


def read_store(path: Path) -> dict[str, list[str]]:
    """hash -> the Finnish sentences synced at that hash; {} when missing or unreadable
    (the status then says the old text is not known, and the next sync writes it anew)."""
    try:
        data = yamlsafe.load_file(path)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        str(key): [str(line) for line in value]
        for key, value in data.items()
        if isinstance(value, list)
    }


def format_store(entries: dict[str, list[str]]) -> str:
    body = yaml.safe_dump(
        {key: entries[key] for key in sorted(entries)}, allow_unicode=True, default_flow_style=False, width=10**6
    )
    return STORE_HEADER + body


def stored_hashes(docs: Path, page: str, skip: str | None = None) -> set[str]:
    """The source hashes the page's translations (but `skip`) hold now: the texts still needed."""
    found = set()
    for lang in TRANSLATION_LANGUAGES:
        if lang == skip:
            continue
        text = _read(docs / lang / page)
        value = stored_hash(read_front_matter(text).data) if text is not None else None
        if value is not None:
            found.add(value)
    return found


def changed_sentences(old: list[str], new: list[str], context: int = 1) -> list[str]:
    """What changed, as lines a translator can read: "- " removed, "+ " added, "  " around
    them; hunks separated by "...". Empty when the sentences are the same."""
    lines: list[str] = []
    for group in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_grouped_opcodes(context):
        if lines:
            lines.append("...")
        for tag, a_start, a_end, b_start, b_end in group:
            if tag == "equal":
                lines += [f"  {line}" for line in old[a_start:a_end]]
                continue
            lines += [f"- {line}" for line in old[a_start:a_end]]
            lines += [f"+ {line}" for line in new[b_start:b_end]]
    return lines


@dataclass(frozen=True)
class SourceChanges:
    """What changed in the Finnish page since one translation was synced."""

    source: Path
    store: Path
    known: bool  # the sentences at sync time are stored
    lines: tuple[str, ...] = ()


def source_changes(translation: Path, docs: Path, settings: SplitSettings = SplitSettings()) -> SourceChanges | None:
    """For an outdated translation: the Finnish sentences since its sync. None otherwise."""
    docs = docs.resolve()
    lang, page = split_path(translation.resolve(), docs)
    source = docs / SOURCE_LANGUAGE / page
    source_text, text = _read(source), _read(translation)
    if source_text is None or text is None:
        return None
    front = read_front_matter(text)
    value = stored_hash(front.data)
    if front.error is not None or value is None or value == content_hash(source_text):
        return None
    store = store_path(docs.parent, page.as_posix())
    old = read_store(store).get(value)
    if old is None:
        return SourceChanges(source, store, False)
    return SourceChanges(source, store, True, tuple(changed_sentences(old, source_sentences(source_text, settings))))


@dataclass(frozen=True)
class SyncResult:
    path: Path
    changed: bool
    value: str
    store: Path | None = None  # the sentences file, when this sync wrote it


def split_path(translation: Path, docs: Path) -> tuple[str, Path]:
    """docs/sv/ohjeet/chat.md -> ("sv", ohjeet/chat.md)."""
    try:
        inside = translation.relative_to(docs)
    except ValueError:
        raise SyncError(f"{translation}: ei ole kansiossa {docs}") from None
    if len(inside.parts) < 2:
        raise SyncError(f"{translation}: anna käännöksen polku, esimerkiksi docs/sv/ohjeet/SIVU.md")
    return inside.parts[0], Path(*inside.parts[1:])


def _store_sentences(docs: Path, lang: str, page: str, value: str, source_text: str,
                     settings: SplitSettings) -> Path | None:
    """Keep the Finnish sentences under `value`, dropping those no other translation of the
    page needs. Returns the file when it changed."""
    path = store_path(docs.parent, page)
    entries = read_store(path)
    needed = stored_hashes(docs, page, skip=lang) | {value}
    updated = {key: lines for key, lines in entries.items() if key in needed}
    updated[value] = source_sentences(source_text, settings)
    text = format_store(updated)
    if _read(path) == text:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(path, text)
    return path


def _write(path: Path, text: str) -> None:
    # Written aside and renamed: a build or a parallel run never reads half a file.
    try:
        atomicfile.write_text(path, text)
    except OSError as error:
        raise SyncError(f"tiedostoa {path.name} ei voi kirjoittaa ({error.strerror}); se on ennallaan") from None


def mark_synced(translation: Path, docs: Path, settings: SplitSettings = SplitSettings()) -> SyncResult:
    """Write the Finnish source's current hash into one translation file, and keep the
    Finnish sentences of that moment for `guidekit status PATH`."""
    translation = translation.resolve()
    docs = docs.resolve()
    lang, page = split_path(translation, docs)
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
    # The sentences first: should the page then fail to be written, it stays as it was and
    # the stored text is only one more entry, dropped at the next sync.
    store = _store_sentences(docs, lang, page.as_posix(), value, source_text, settings)
    changed = stored_hash(front.data) != value
    if changed:
        _write(translation, set_source_hash(original, value))
    return SyncResult(translation, changed, value, store)
