"""A guide page parsed once, shared by every rule (as markdownlint does).

The parser is line based and knows the Markdown this site uses: front matter,
headings, paragraphs, list items, tables, fenced code, HTML comments, images
(Markdown and raw <img>) and fact placeholders. Rules never re-read the file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from guidekit.facts import PLACEHOLDER, lookup, render
from guidekit.frontmatter import load_block

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$")
FENCE = re.compile(r"^\s*(```|~~~)")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
MD_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*(?P<src><[^>]*>|[^)\s]+)(?:\s+\"(?P<title>[^\"]*)\")?\s*\)"
    r"(?P<attrs>\{[^}]*\})?"
)
HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HTML_ATTR = re.compile(r"([a-zA-Z-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
AUTOLINK = re.compile(r"<(https?://|mailto:)[^>]+>")
URL = re.compile(r"\b(?:https?://|www\.)\S+?(?=[.,;:!?)]*(?:\s|$))|\b[\w.+-]+@[\w-]+\.[\w.-]*\w")
# (A URL or email ends before trailing punctuation: the full stop after it ends the sentence.)
INLINE_CODE = re.compile(r"`[^`]*`")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
ATTR_LIST = re.compile(r"\{:?[^}]*\}\s*$")
COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"
# An author silences one finding at one place: <!-- guidekit-disable PL101: reason -->
SUPPRESSION = re.compile(r"<!--\s*guidekit-disable\s+(?P<rules>[A-Z]{2,4}\d{3}(?:\s*,\s*[A-Z]{2,4}\d{3})*)\s*(?::\s*(?P<reason>.*?))?\s*-->")


@dataclass(frozen=True)
class TextUnit:
    """A heading, paragraph, list item or table row: the text a reader reads."""

    kind: str  # "heading" | "paragraph" | "list_item" | "table_row"
    line: int  # first line in the file
    end_line: int
    text: str  # plain prose: markup, URLs, link targets and images removed; facts filled in
    level: int = 0  # heading level, or list nesting depth


@dataclass(frozen=True)
class ImageRef:
    line: int
    src: str
    alt: str | None  # None: no alt attribute at all (raw HTML)
    title: str | None = None
    html: bool = False
    decorative: bool = False  # marked {.decorative} or role="presentation"/aria-hidden
    attrs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Suppression:
    line: int  # the comment's line; it covers that line and the next non-blank line
    rules: tuple[str, ...]
    reason: str
    covers: tuple[int, ...]


@dataclass
class Document:
    path: str  # as shown in findings (relative, forward slashes)
    lang: str
    text: str
    front_matter: dict
    front_matter_error: tuple[int, str] | None  # (line, problem) when the YAML is broken
    body_start: int  # line number where the Markdown body starts
    units: list[TextUnit]
    images: list[ImageRef]
    suppressions: list[Suppression]
    unknown_facts: list[tuple[int, str]]
    abs_path: Path | None = None
    # Derived data computed once per page and shared by the rules (sentences, scores).
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def prose(self, kinds: tuple[str, ...] = ("paragraph", "list_item", "table_row", "heading")):
        return [u for u in self.units if u.kind in kinds]


def split_front_matter(text: str) -> tuple[dict, tuple[int, str] | None, int]:
    """(front matter, error or None, line where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, None, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            block = "\n".join(lines[1:index])
            try:
                data = load_block(block) if block.strip() else {}
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                line = (mark.line + 2) if mark else 1
                return {}, (line, str(getattr(error, "problem", None) or error)), index + 2
            except ValueError as error:
                # PyYAML builds `reviewed: 2026-02-30` as a date and fails with ValueError.
                return {}, (2, str(error)), index + 2
            if not isinstance(data, dict):
                return {}, (2, "front matter is not a mapping of key: value"), index + 2
            return data, None, index + 2
    return {}, (1, "front matter has no closing ---"), 1


def _fact_text(match: re.Match, facts: dict | None, lang: str) -> str:
    # An unknown fact (reported by GK002) reads as a number: a neutral word for
    # the prose rules, never an abbreviation or a long word.
    if facts is None:
        return "0"
    try:
        value = lookup(facts, match.group(1))
        text = render(value, lang)
    except (KeyError, TypeError):
        return "0"
    # A list placeholder becomes a whole bulleted list of data-file entries, not
    # prose of this paragraph: it adds no words to the sentence around it.
    return "" if isinstance(value, dict) and "items" in value else text


def clean_inline(text: str, facts: dict | None, lang: str) -> str:
    """Markdown inline → the words a reader reads."""
    text = MD_IMAGE.sub(" ", text)
    text = HTML_IMG.sub(" ", text)
    text = AUTOLINK.sub(" ", text)
    text = PLACEHOLDER.sub(lambda m: _fact_text(m, facts, lang), text)
    text = LINK.sub(r"\1", text)
    text = REF_LINK.sub(r"\1", text)
    text = INLINE_CODE.sub(" ", text)
    text = HTML_TAG.sub(" ", text)
    text = URL.sub(" ", text)
    text = ATTR_LIST.sub("", text)
    for _ in range(2):
        text = EMPHASIS.sub(r"\2", text)
    text = text.replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()


def _images_on(line: str, number: int) -> list[ImageRef]:
    found = []
    for match in MD_IMAGE.finditer(line):
        attrs = match.group("attrs") or ""
        src = match.group("src").strip("<>")
        found.append(
            ImageRef(
                line=number,
                src=src,
                alt=match.group("alt"),
                title=match.group("title"),
                decorative=".decorative" in attrs,
            )
        )
    for match in HTML_IMG.finditer(line):
        attrs = {k.lower(): v.strip("\"'") for k, v in HTML_ATTR.findall(match.group(0))}
        found.append(
            ImageRef(
                line=number,
                src=attrs.get("src", ""),
                alt=attrs.get("alt"),
                title=attrs.get("title"),
                html=True,
                decorative=attrs.get("role") == "presentation"
                or attrs.get("aria-hidden") == "true"
                or "decorative" in attrs.get("class", "").split(),
                attrs=attrs,
            )
        )
    return found


def parse_document(
    text: str, path: str, lang: str, facts: dict | None = None, abs_path: Path | None = None
) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front_matter, fm_error, body_start = split_front_matter(text)
    lines = text.split("\n")
    units: list[TextUnit] = []
    images: list[ImageRef] = []
    comments: list[tuple[int, str]] = []
    unknown: list[tuple[int, str]] = []

    block_kind: str | None = None
    block_lines: list[str] = []
    block_start = 0
    block_level = 0
    in_fence: str | None = None
    in_comment = False
    comment_start = 0
    comment_text: list[str] = []

    def flush(end_line: int) -> None:
        nonlocal block_kind, block_lines
        if block_kind and block_lines:
            prose = clean_inline(" ".join(block_lines), facts, lang)
            if prose:
                units.append(TextUnit(block_kind, block_start, end_line, prose, block_level))
        block_kind, block_lines = None, []

    for number in range(body_start, len(lines) + 1):
        raw = lines[number - 1]
        # HTML comments (possibly spanning lines) are not text; suppressions live in them.
        if in_comment:
            comment_text.append(raw)
            if COMMENT_CLOSE in raw:
                in_comment = False
                comments.append((comment_start, "\n".join(comment_text)))
                raw = raw.split(COMMENT_CLOSE, 1)[1]
                if not raw.strip():
                    continue
            else:
                continue
        if in_fence:
            if raw.strip().startswith(in_fence):
                in_fence = None
            continue
        fence = FENCE.match(raw)
        if fence:
            flush(number - 1)
            in_fence = fence.group(1)
            continue
        while COMMENT_OPEN in raw:
            before, after = raw.split(COMMENT_OPEN, 1)
            if COMMENT_CLOSE in after:
                inside, rest = after.split(COMMENT_CLOSE, 1)
                comments.append((number, COMMENT_OPEN + inside + COMMENT_CLOSE))
                raw = before + " " + rest
            else:
                in_comment, comment_start, comment_text = True, number, [COMMENT_OPEN + after]
                raw = before
                break

        for match in PLACEHOLDER.finditer(raw):
            try:
                render(lookup(facts, match.group(1)), lang) if facts is not None else None
            except (KeyError, TypeError):
                unknown.append((number, match.group(1)))
        images.extend(_images_on(raw, number))

        stripped = raw.strip()
        if not stripped:
            flush(number - 1)
            continue
        heading = HEADING.match(stripped)
        item = LIST_ITEM.match(raw)
        if heading:
            flush(number - 1)
            block_kind, block_start, block_level = "heading", number, len(heading.group(1))
            block_lines = [heading.group(2)]
            flush(number)
        elif item:
            flush(number - 1)
            block_kind, block_start = "list_item", number
            block_level = len(item.group(1).expandtabs(4)) // 2
            block_lines = [item.group(3)]
        elif stripped.startswith("|") or (block_kind == "table_row" and "|" in stripped):
            flush(number - 1)
            if not TABLE_RULE.match(stripped):
                cells = [c.strip() for c in stripped.strip("|").split("|")]
                block_kind, block_start, block_level = "table_row", number, 0
                # Each cell ends its own thought; a full stop keeps sentences apart.
                block_lines = [". ".join(c.rstrip(".") for c in cells if c) + "."]
                flush(number)
        elif block_kind in ("paragraph", "list_item"):
            block_lines.append(stripped)
        else:
            flush(number - 1)
            block_kind, block_start, block_level = "paragraph", number, 0
            block_lines = [stripped]
    flush(len(lines))

    suppressions = _suppressions(comments, lines)
    return Document(
        path=path,
        lang=lang,
        text=text,
        front_matter=front_matter,
        front_matter_error=fm_error,
        body_start=body_start,
        units=units,
        images=images,
        suppressions=suppressions,
        unknown_facts=unknown,
        abs_path=abs_path,
    )


def _suppressions(comments: list[tuple[int, str]], lines: list[str]) -> list[Suppression]:
    found = []
    for line, comment in comments:
        match = SUPPRESSION.search(comment)
        if not match:
            continue
        rules = tuple(r.strip() for r in match.group("rules").split(","))
        covers = [line]
        for number in range(line + 1, len(lines) + 1):
            if lines[number - 1].strip():
                covers.append(number)
                break
        found.append(Suppression(line, rules, (match.group("reason") or "").strip(), tuple(covers)))
    return found


def read_page_text(abs_path: Path, rel_path: str) -> str:
    """A page's text; a file that cannot be read as UTF-8 text raises DocumentError naming it."""
    try:
        return abs_path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(f"{rel_path}: tiedosto ei ole UTF-8-tekstiä ({error.reason})") from None
    except OSError as error:
        raise DocumentError(f"{rel_path}: tiedostoa ei voi lukea ({error.strerror})") from None


def read_document(abs_path: Path, rel_path: str, lang: str, facts: dict | None = None) -> Document:
    """Read and parse a page; a file that is not UTF-8 text raises DocumentError."""
    return parse_document(read_page_text(abs_path, rel_path), rel_path, lang, facts, abs_path)


class DocumentError(ValueError):
    pass


def as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None
