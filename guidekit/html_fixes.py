"""Make Material's generated markup valid HTML (issue 19), read with a parser.

Two things in Material 9's templates fail the W3C Nu HTML Checker on every page:
`autocomplete="off"` on the drawer and search toggles (allowed on text-like inputs
only, not checkboxes; base.html writes them outside any block, so no partial can
override them), and `tabindex=""` on section labels of the navigation (nav-item.html
writes an empty value for sections). Both are dropped; neither changes behaviour:
a checkbox has no autocomplete, and an empty tabindex is ignored by browsers.

The page is scanned with html.parser (as Material's privacy plugin does) and only the
offending start tags are rewritten, from their parsed attributes; the rest of the
page is left byte for byte.
"""

from __future__ import annotations

import html
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


def valid_material_markup(page_html: str) -> str:
    """The page with Material's invalid attributes removed from the tags that carry them."""
    finder = _TagFinder()
    finder.feed(page_html)
    finder.close()
    for written, fixed in dict(finder.fixes).items():
        page_html = page_html.replace(written, fixed)
    return page_html
