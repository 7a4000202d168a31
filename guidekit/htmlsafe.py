"""Text from authors and data files made safe where it enters HTML (issue 14).

MkDocs renders the theme with Jinja's autoescape off, and Material's own templates print
page titles as they are. So values are escaped once, where they come in: front matter
and titles (hooks/site.py, `escape_page_text`), data values (`escape_strings`). An
escaped value is a markupsafe `Markup`: printed raw it is text, and Jinja's `| e` does
not escape it twice. Addresses from data become a link only with a scheme a resident can
safely follow (`safe_href`).
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# A character that could open or close a tag (FM110, DA101 and the templates' escaping).
MARKUP = re.compile(r"[<>]")
SAFE_SCHEMES = ("https", "mailto", "tel")
SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")


def url_scheme(value: str) -> str | None:
    """The scheme of an address, lower case ("javascript" for " JavaScript:x"), or None."""
    match = SCHEME.match(value)
    return match.group(1).lower() if match else None


def safe_href(value) -> str | None:
    """The address itself when it is https:, mailto: or tel: with nothing a browser would
    strip or read otherwise (control characters, spaces); otherwise None: not a link."""
    if not isinstance(value, str) or not value:
        return None
    if any(ord(char) < 33 or char == "\x7f" for char in value):
        return None  # "java\tscript:" and friends: browsers remove such characters
    return value if url_scheme(value) in SAFE_SCHEMES else None


def escape_strings(value):
    """A copy of a data tree (dicts, lists) with every string escaped as Markup."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {key: escape_strings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [escape_strings(item) for item in value]
    return value


def plain_text(value) -> str:
    """Back to plain text (for an attribute escaped again later, a mail subject)."""
    return value.unescape() if isinstance(value, Markup) else str(value)


def escape_page_text(page) -> None:
    """Escape a page's front matter and title in place, once.

    A front-matter value is plain text: escaped. A title MkDocs took from the page's
    first heading is already HTML text (tags stripped, entities kept): marked as such.
    """
    if page.meta:
        page.meta = {key: escape_strings(value) for key, value in page.meta.items()}
    rendered = getattr(page, "_title_from_render", None)
    if isinstance(rendered, str) and not isinstance(rendered, Markup):
        page._title_from_render = Markup(rendered)
    given = page.__dict__.get("title")  # a title from the nav in mkdocs.yml
    if isinstance(given, str) and not isinstance(given, Markup):
        page.title = escape(given)


def escape_nav_titles(items) -> None:
    """Section and link titles of the navigation (mkdocs.yml, translated names)."""
    for item in items:
        if getattr(item, "is_page", False):
            continue  # pages: escape_page_text
        title = getattr(item, "title", None)
        if isinstance(title, str) and not isinstance(title, Markup):
            item.title = escape(title)
        escape_nav_titles(getattr(item, "children", None) or [])
