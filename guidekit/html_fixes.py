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

import html
import re
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
_CANDIDATES = re.compile(
    r"<!--.*?-->"
    r"|<(?P<raw>script|style)(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</(?P=raw)\s*>"
    r"|(?P<tag><[a-zA-Z][\w:-]*(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)",
    re.IGNORECASE | re.DOTALL,
)
_FIXED_NAMES = re.compile(r"autocomplete|tabindex", re.IGNORECASE)


def valid_material_markup(page_html: str) -> str:
    """The page with Material's invalid attributes removed from the tags that carry them."""
    out, position = [], 0
    for part in _CANDIDATES.finditer(page_html):
        written = part.group("tag")
        if not written or not _FIXED_NAMES.search(written):
            continue
        finder = _TagFinder()
        finder.feed(written)
        finder.close()
        if finder.fixes:
            out += [page_html[position:part.start()], finder.fixes[0][1]]
            position = part.end()
    return "".join(out) + page_html[position:] if out else page_html
