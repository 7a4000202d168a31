"""Make Material's generated markup valid HTML (issue 19), read with a parser.

Two things in Material 9's templates fail the W3C Nu HTML Checker on every page:
`autocomplete="off"` on the drawer and search toggles (allowed on text-like inputs
only, not checkboxes; base.html writes them outside any block, so no partial can
override them), and `tabindex=""` on section labels of the navigation (nav-item.html
writes an empty value for sections). Both are dropped; neither changes behaviour:
a checkbox has no autocomplete, and an empty tabindex is ignored by browsers.

The start tags that name one of these attributes are read with html.parser and only the
offending ones are rewritten, from their parsed attributes; the rest of the page is left
byte for byte.
"""

from __future__ import annotations

import bisect
import html
import re
from functools import lru_cache
from html.parser import HTMLParser


def _invalid_attributes(tag: str, attrs: list[tuple[str, str | None]]) -> set[str]:
    names = {name for name, _ in attrs}
    values = dict(attrs)
    invalid = set()
    if tag == "input" and (values.get("type") or "").lower() == "checkbox" and "autocomplete" in names:
        invalid.add("autocomplete")
    if "tabindex" in names and not (values.get("tabindex") or "").strip():
        invalid.add("tabindex")
    return invalid


class _TagFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.fixes: list[tuple[str, str]] = []  # (start tag as written, its valid form)

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs, self.get_starttag_text(), closing=">")

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs, self.get_starttag_text(), closing=" />")

    def _check(self, tag, attrs, written, closing):
        invalid = _invalid_attributes(tag, attrs)
        if not invalid or written is None:
            return
        kept = "".join(
            f" {name}" if value is None else f' {name}="{html.escape(value, quote=True)}"'
            for name, value in attrs
            if name not in invalid
        )
        self.fixes.append((written, f"<{tag}{kept}{closing}"))


# Comments and the text of scripts and styles are skipped (a parser would not read tags
# there); of the other start tags only those naming one of the attributes fixed here are
# read by the parser. Scanning the page for them instead of parsing every tag costs a tenth.
# A tag's attributes: runs of other characters between quoted values, written so that each
# character can be matched one way only (no backtracking on a quote left open).
_ATTRIBUTES = r"[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*"
_CANDIDATES = re.compile(
    r"<!--.*?-->"
    rf"|<(?P<raw>script|style)(?=[\s/>]){_ATTRIBUTES}>.*?</(?P=raw)\s*>"
    rf"|(?P<tag><[a-zA-Z][\w:-]*(?=[\s/>]){_ATTRIBUTES}>)",
    re.IGNORECASE | re.DOTALL,
)
FIXED_NAMES = ("autocomplete", "tabindex")
_FIXED_NAMES = re.compile("|".join(FIXED_NAMES), re.IGNORECASE)


def _name_positions(page_html: str) -> list[int]:
    """Where _FIXED_NAMES matches. A case-blind regex reads a page slowly; str.find on the
    lower-case page is six times faster and finds the same places (the names cannot overlap),
    as long as lowering kept every character one character (no İ) and there is no
    dotless ı (which re also takes for i)."""
    lowered = page_html.lower()
    if len(lowered) != len(page_html) or "ı" in lowered:
        return [found.start() for found in _FIXED_NAMES.finditer(page_html)]
    positions = []
    for name in FIXED_NAMES:
        found = lowered.find(name)
        while found >= 0:
            positions.append(found)
            found = lowered.find(name, found + len(name))
    return sorted(positions)


def valid_material_markup(page_html: str) -> str:
    """The page with Material's invalid attributes removed from the tags that carry them."""
    # Where the names are: a tag without one is not read, and the scan ends after the last.
    names = _name_positions(page_html)
    if not names:
        return page_html
    out, position, last = [], 0, names[-1]
    for part in _CANDIDATES.finditer(page_html):
        start, end = part.span("tag")
        if part.start() > last:
            break
        if start < 0 or names[bisect.bisect_left(names, start)] >= end:
            continue  # a comment, a script, a style, or a tag without the names
        fixed = _fixed_tag(part.group("tag"))
        if fixed is not None:
            out += [page_html[position:start], fixed]
            position = end
    return "".join(out) + page_html[position:] if out else page_html


@lru_cache(maxsize=4096)
def _fixed_tag(written: str) -> str | None:
    # The same tags come back on every page of a language (the toggles, the nav's labels).
    finder = _TagFinder()
    finder.feed(written)
    finder.close()
    return finder.fixes[0][1] if finder.fixes else None
