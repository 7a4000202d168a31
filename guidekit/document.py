"""A guide page parsed once, shared by every rule (as markdownlint does).

The body is parsed by markdown-it-py, a CommonMark parser, with the table rule and two
plugins of mdit-py-plugins: `attrs` (`![](koriste.svg){.decorative}`) and `admon`
(Material's `!!! note` and `??? tip`). Why markdown-it-py and not Python-Markdown, which
builds the site: Python-Markdown gives an ElementTree without source lines, while every
finding must name its line; markdown-it-py gives a flat token stream in which every block
carries `.map` (its first and last line), is CommonMark-correct (reference-style images,
block quotes, setext headings, indented code, HTML blocks) and is maintained (it is the
parser of MyST and Jupyter Book). The front matter is found the way MkDocs finds it (a
closing `---` or `...`) by guidekit.frontmatter, whose one cached parse every reader
shares; markdown-it-py gets only the body, so its front-matter plugin is not needed.

What the rules get: text units (headings, paragraphs, list items, table rows) as the
reader reads them, with the line of every word; images (Markdown, reference style, raw
`<img>` inline or as an HTML block, read with html.parser); suppression comments; and
unknown fact placeholders. Code, fenced or indented, is never prose.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.attrs import attrs_plugin

from guidekit import pagelimits
from guidekit.facts import DERIVED_BLOCKS, PLACEHOLDER, Derived, lookup, render
from guidekit.frontmatter import FrontMatter, read_front_matter
from guidekit.videotypes import is_video_address

URL = re.compile(r"\b(?:https?://|www\.)\S+?(?=[.,;:!?)]*(?:\s|$))|\b[\w.+-]+@[\w-]+\.[\w.-]*\w")
# (A URL or email ends before trailing punctuation: the full stop after it ends the sentence.)
# Python-Markdown's attr_list at the end of a heading or paragraph ({#id}, {: .class}): not words.
ATTR_LIST = re.compile(r"\{:?[^}]*\}\s*$")
# The same after an image, in Python-Markdown's own form with a colon, which the attrs plugin
# does not read: ![](koriste.svg){: .decorative}
COLON_ATTRS = re.compile(r"^\{:\s*([^}]*)\}")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
WORD_RUN = re.compile(r"\S+")
# An author silences one finding at one place: <!-- guidekit-disable PL101: reason -->
SUPPRESSION = re.compile(
    r"\s*guidekit-disable\s+(?P<rules>[A-Z]{2,4}\d{3}(?:\s*,\s*[A-Z]{2,4}\d{3})*)\s*(?::\s*(?P<reason>.*?))?\s*",
    re.DOTALL,
)
UNSEEN_HTML = ("script", "style")  # their text is no prose


@dataclass(frozen=True)
class TextUnit:
    """A heading, paragraph, list item or table row: the text a reader reads."""

    kind: str  # "heading" | "paragraph" | "list_item" | "table_row"
    line: int  # first line in the file
    end_line: int
    text: str  # plain prose: markup, URLs, link targets and images removed; facts filled in
    level: int = 0  # heading level, or list nesting depth (0: a top-level item)
    # (offset in text, line) where the text moves on to a later line; empty for one-line units.
    breaks: tuple[tuple[int, int], ...] = ()


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
class LinkRef:
    """A Markdown link (or autolink) as written: its address and any {…} attributes."""

    line: int
    href: str
    attrs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Suppression:
    line: int  # the comment's line; it covers its lines and the next non-blank line
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
    images: list[ImageRef]  # pictures; a reference to a video file is in `videos`
    suppressions: list[Suppression]
    unknown_facts: list[tuple[int, str]]
    abs_path: Path | None = None
    # Derived data computed once per page and shared by the rules (sentences, scores).
    cache: dict = field(default_factory=dict, repr=False, compare=False)
    front: FrontMatter | None = None  # the front matter as guidekit.frontmatter read it (fields' lines)
    # For the raw-HTML rules (guidekit/rawhtml.py): each piece of raw HTML as (first line, source),
    # the Markdown links, and the {…} attribute lists of headings and paragraphs (line, attributes).
    raw_html: list[tuple[int, str]] = field(default_factory=list)
    links: list[LinkRef] = field(default_factory=list)
    block_attrs: list[tuple[int, dict]] = field(default_factory=list)
    # Videos, written like images (`![Näin kirjaudut](../assets/video/kirjaudu.mp4)`): told
    # apart by the file type (guidekit/video.py) and checked by the VID rules, not the IMG ones.
    videos: list[ImageRef] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def prose(self, kinds: tuple[str, ...] = ("paragraph", "list_item", "table_row", "heading")):
        return [u for u in self.units if u.kind in kinds]


def _error_of(front: FrontMatter) -> tuple[int, str] | None:
    error = front.load_error
    return None if error is None else (error.line, error.detail or error.problem)


def split_front_matter(text: str) -> tuple[dict, tuple[int, str] | None, int]:
    """(front matter as MkDocs reads it, (line, problem) or None, line where the body starts).

    A view of the one cached parse, guidekit.frontmatter.read_front_matter: a repeated field is
    no error here (YAML keeps the last value, and FM101 reports the repeat)."""
    front = read_front_matter(text)
    return front.loaded, _error_of(front), front.body_start


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.use(attrs_plugin).use(admon_plugin)
    # Every image is checked, a data: or javascript: one too, and with its src as written:
    # the image rules look the file up on disk.
    md.validateLink = lambda url: True
    md.normalizeLink = lambda url: url
    return md


MARKDOWN = _markdown()


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
    if (isinstance(value, dict) and "items" in value) or (
        isinstance(value, Derived) and DERIVED_BLOCKS[value.name]
    ):
        return ""
    # One line, so that every line keeps its number; never markup, as in the build (facts.py).
    return text.replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


def fill_facts(text: str, facts: dict | None, lang: str) -> str:
    """The Markdown with its placeholders filled in, as the build does before parsing."""
    return PLACEHOLDER.sub(lambda m: _fact_text(m, facts, lang), text)


class _HtmlReader(HTMLParser):
    """Images, comments and visible text of a piece of raw HTML, with their lines (1-based)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images: list[tuple[int, dict]] = []
        self.comments: list[tuple[int, str]] = []
        self.data: list[tuple[int, str]] = []
        self._unseen = 0

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            # A bare attribute (<img alt src=…>) is the empty string in HTML.
            self.images.append((self.getpos()[0], {k: (v or "") for k, v in attrs}))
        elif tag in UNSEEN_HTML:
            self._unseen += 1

    def handle_startendtag(self, tag, attrs):
        if tag == "img":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in UNSEEN_HTML and self._unseen:
            self._unseen -= 1

    def handle_comment(self, data):
        self.comments.append((self.getpos()[0], data))

    def handle_data(self, data):
        if not self._unseen:
            self.data.append((self.getpos()[0], data))


def _read_html(html: str) -> _HtmlReader:
    reader = _HtmlReader()
    reader.feed(html)
    reader.close()
    return reader


def _html_image(line: int, attrs: dict) -> ImageRef:
    return ImageRef(
        line=line,
        src=attrs.get("src", ""),
        alt=attrs.get("alt"),
        title=attrs.get("title"),
        html=True,
        decorative=attrs.get("role") == "presentation"
        or attrs.get("aria-hidden") == "true"
        or "decorative" in attrs.get("class", "").split(),
        attrs=attrs,
    )


class _Page:
    """What one walk over the token stream collects."""

    def __init__(self, first_line: int):
        self.first_line = first_line  # file line of the body's line 0
        self.units: list[TextUnit] = []
        self.images: list[ImageRef] = []
        self.comments: list[tuple[int, int, str]] = []  # (first line, last line, text inside)
        self.code_lines: set[int] = set()
        self.raw_html: list[tuple[int, str]] = []
        self.links: list[LinkRef] = []
        self.block_attrs: list[tuple[int, dict]] = []

    def line(self, token) -> int:
        return token.map[0] + self.first_line

    def html(self, html: str, line: int) -> list[tuple[int, str]]:
        """Record raw HTML's images and comments; its visible text as (line, text)."""
        self.raw_html.append((line, html))
        reader = _read_html(html)
        for offset, attrs in reader.images:
            self.images.append(_html_image(line + offset - 1, attrs))
        for offset, data in reader.comments:
            start = line + offset - 1
            self.comments.append((start, start + data.count("\n"), data))
        return [(line + offset - 1, data) for offset, data in reader.data]

    def inline(self, token, line: int) -> list[tuple[str, int]]:
        """An inline token's prose as (text, line) pieces; its images and comments recorded."""
        pieces: list[tuple[str, int]] = []
        children = token.children or []
        in_autolink = False
        skip_attrs = False
        for position, child in enumerate(children):
            kind = child.type
            if kind == "text":
                text = child.content
                if skip_attrs and (attrs := COLON_ATTRS.match(text)):
                    text = text[attrs.end():]
                skip_attrs = False
                if not in_autolink:
                    # (The test first: most text has no address, and the pattern is slow to fail.)
                    has_address = "://" in text or "www." in text or "@" in text
                    pieces.append((URL.sub(" ", text) if has_address else text, line))
                continue
            skip_attrs = False
            if kind in ("softbreak", "hardbreak"):
                pieces.append((" ", line))
                line += 1
            elif kind == "image":
                following = children[position + 1] if position + 1 < len(children) else None
                self.images.append(self._markdown_image(child, following, line))
                pieces.append((" ", line))
                skip_attrs = True
            elif kind == "html_inline":
                for data_line, data in self.html(child.content, line):
                    pieces.append((data, data_line))
                pieces.append((" ", line))
                line += child.content.count("\n")
            elif kind == "code_inline":
                pieces.append((" ", line))
            elif kind == "link_open":
                self.links.append(LinkRef(line, str(child.attrs.get("href", "")),
                                          {k: str(v) for k, v in _all_attrs(child).items() if k != "href"}))
                in_autolink = child.markup == "autolink"
            elif kind == "link_close":
                in_autolink = False
        return pieces

    def _markdown_image(self, child, following, line: int) -> ImageRef:
        """An image token; `following` is the token after it, where {: .decorative} may stand."""
        classes = str(child.attrs.get("class", "")).split()
        if following is not None and following.type == "text" and (attrs := COLON_ATTRS.match(following.content)):
            classes += [part[1:] for part in attrs.group(1).split() if part.startswith(".")]
        title = child.attrs.get("title")
        return ImageRef(
            line=line,
            src=str(child.attrs.get("src", "")),
            alt=MARKDOWN.renderer.renderInlineAsText(child.children or [], MARKDOWN.options, {}),
            title=None if title is None else str(title),
            decorative="decorative" in classes,
            attrs={k: str(v) for k, v in _all_attrs(child).items() if k not in ("src", "alt", "title")},
        )


def _all_attrs(token) -> dict:
    """A token's {…} attributes, with those the attrs plugin set aside as insecure (on…):
    Python-Markdown, which builds the site, would publish them."""
    return {**token.attrs, **((token.meta or {}).get("insecure_attrs") or {})}


def _unit(kind: str, pieces: list[tuple[str, int]], line: int, end_line: int, level: int = 0,
          attr_list: bool = True) -> TextUnit | None:
    """A text unit from (text, line) pieces: whitespace collapsed, each word keeping its line."""
    raw = "".join([text for text, _line in pieces])
    if attr_list and "{" in raw:
        raw = ATTR_LIST.sub("", raw)
    if all(piece_line == line for _text, piece_line in pieces):  # most units: one line
        text = " ".join(raw.split())
        return TextUnit(kind, line, end_line, text, level) if text else None
    # Where in raw each later line starts: words are read in order, so one pass finds their lines.
    changes, offset, current = [], 0, line
    for text, piece_line in pieces:
        if piece_line != current and text.strip():
            changes.append((offset, piece_line))
            current = piece_line
        offset += len(text)
    words, breaks, length, current, pending = [], [], 0, line, 0
    for match in WORD_RUN.finditer(raw):
        word_line = current
        while pending < len(changes) and changes[pending][0] <= match.start():
            word_line = changes[pending][1]
            pending += 1
        position = length + (1 if words else 0)
        if word_line != current:
            breaks.append((position, word_line))
            current = word_line
        words.append(match.group())
        length = position + len(match.group())
    if not words:
        return None
    return TextUnit(kind, line, end_line, " ".join(words), level, tuple(breaks))


def _walk(tokens, page: _Page) -> None:
    list_depth = -1
    item_opened = False  # the next paragraph is a list item's first: the item's own text
    index = 0
    row: list[list[tuple[str, int]]] | None = None
    row_line = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "list_item_open":
            item_opened = True
        elif kind in ("heading_open", "paragraph_open", "admonition_title_open"):
            inline = tokens[index + 1]
            line = page.line(inline)
            pieces = page.inline(inline, line)
            end_line = inline.map[1] + page.first_line - 1
            if "{" in inline.content and (attrs := _block_attrs(inline.content)):
                page.block_attrs.append((end_line, attrs))
            if kind == "heading_open":
                unit = _unit("heading", pieces, line, end_line, int(token.tag[1]))
            elif kind == "admonition_title_open":
                # A title the author wrote (!!! note "Huomaa"), not the type's name Material shows.
                explicit = '"' in (tokens[index - 1].info or "")
                unit = _unit("paragraph", pieces, line, end_line) if explicit else None
            elif item_opened:
                unit = _unit("list_item", pieces, line, end_line, max(list_depth, 0))
            else:
                unit = _unit("paragraph", pieces, line, end_line)
            if unit is not None:
                page.units.append(unit)
            item_opened = False
            index += 2
            continue
        elif kind == "tr_open":
            row, row_line = [], page.line(token)
        elif kind == "inline" and row is not None:
            row.append(page.inline(token, row_line))
        elif kind == "tr_close" and row is not None:
            page.units.extend(_table_row(row, row_line))
            row = None
        elif kind in ("fence", "code_block"):
            page.code_lines.update(range(page.line(token), token.map[1] + page.first_line))
            item_opened = False
        elif kind == "html_block":
            line = page.line(token)
            data = page.html(token.content, line)
            unit = _unit("paragraph", [(text, data_line) for data_line, text in data],
                         line, token.map[1] + page.first_line - 1, attr_list=False)
            if unit is not None:
                page.units.append(unit)
            item_opened = False
        index += 1


def _block_attrs(content: str) -> dict:
    """The attributes of a Python-Markdown attribute list ending a heading or paragraph
    (`# Otsikko {: #id .luokka }`), read by Python-Markdown's own attr_list parser."""
    match = ATTR_LIST.search(content)
    if not match:
        return {}
    inner = match.group().strip()[1:-1].lstrip(":")
    pairs, _rest = get_attrs_and_remainder(inner)
    return {str(name): "" if value is None else str(value) for name, value in pairs if name not in (".", ":")}


def _table_row(cells: list[list[tuple[str, int]]], line: int) -> list[TextUnit]:
    # Each cell ends its own thought; a full stop keeps sentences apart.
    texts = [" ".join("".join(text for text, _line in cell).split()).rstrip(".") for cell in cells]
    texts = [text for text in texts if text]
    if not texts:
        return []
    return [TextUnit("table_row", line, line, ". ".join(texts) + ".")]


def parse_document(
    text: str, path: str, lang: str, facts: dict | None = None, abs_path: Path | None = None
) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front = read_front_matter(text)
    lines = text.split("\n")
    body = "\n".join(lines[front.body_start - 1 :])
    page = _Page(front.body_start)
    _walk(MARKDOWN.parse(fill_facts(body, facts, lang)), page)
    return Document(
        path=path,
        lang=lang,
        text=text,
        front_matter=front.loaded,
        front_matter_error=_error_of(front),
        body_start=front.body_start,
        units=page.units,
        images=sorted((i for i in page.images if not is_video_address(i.src)), key=lambda image: image.line),
        suppressions=_suppressions(page.comments, lines),
        unknown_facts=_unknown_facts(body, front.body_start, page.code_lines, facts, lang),
        abs_path=abs_path,
        front=front,
        raw_html=page.raw_html,
        links=page.links,
        block_attrs=page.block_attrs,
        videos=sorted((i for i in page.images if is_video_address(i.src)), key=lambda image: image.line),
    )


def _unknown_facts(body: str, first_line: int, code_lines: set[int], facts: dict | None,
                   lang: str) -> list[tuple[int, str]]:
    """(line, key) of each placeholder that names no fact; not in code or in HTML comments."""
    if facts is None:
        return []
    # Comments blanked out, their line breaks kept: what is left has the file's line numbers.
    visible = COMMENT.sub(lambda m: "\n" * m.group().count("\n"), body)
    found = []
    for number, line in enumerate(visible.split("\n"), start=first_line):
        if number in code_lines or "{{" not in line:
            continue
        for match in PLACEHOLDER.finditer(line):
            try:
                render(lookup(facts, match.group(1)), lang)
            except (KeyError, TypeError):
                found.append((number, match.group(1)))
    return found


def _suppressions(comments: list[tuple[int, int, str]], lines: list[str]) -> list[Suppression]:
    found = []
    for first, last, comment in comments:
        match = SUPPRESSION.fullmatch(comment)
        if not match:
            continue
        rules = tuple(r.strip() for r in match.group("rules").split(","))
        covers = list(range(first, last + 1))
        for number in range(last + 1, len(lines) + 1):
            if lines[number - 1].strip():
                covers.append(number)
                break
        reason = " ".join((match.group("reason") or "").split())
        found.append(Suppression(first, rules, reason, tuple(covers)))
    return sorted(found, key=lambda s: s.line)


def read_page_text(abs_path: Path, rel_path: str) -> str:
    """A page's text; a file that cannot be read as UTF-8 text raises DocumentError naming it,
    with the PageProblem (line, reason) the checks report."""
    try:
        data = abs_path.read_bytes()
    except OSError as error:
        problem = pagelimits.PageProblem(1, "unreadable", str(error.strerror or error))
        raise DocumentError(f"{rel_path}: tiedostoa ei voi lukea ({problem.detail})", problem) from None
    # A byte-order mark (some Windows editors write one) is no part of the text.
    text, problem = pagelimits.decode_page(data)
    if problem is not None:
        raise DocumentError(f"{rel_path}:{problem.line}: tiedosto ei ole UTF-8-tekstiä ({problem.detail})", problem)
    return text


def read_document(abs_path: Path, rel_path: str, lang: str, facts: dict | None = None) -> Document:
    """Read and parse a page; a file that is not UTF-8 text raises DocumentError."""
    return parse_document(read_page_text(abs_path, rel_path), rel_path, lang, facts, abs_path)


class DocumentError(ValueError):
    """A page that cannot be read; `problem` says why, for a finding in the author's language."""

    def __init__(self, message: str, problem: "pagelimits.PageProblem | None" = None):
        super().__init__(message)
        self.problem = problem


def as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None
