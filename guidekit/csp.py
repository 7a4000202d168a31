"""A Content-Security-Policy and a referrer policy for every built page (issue 14).

The site loads nothing from outside itself; the policy makes the browser hold it to that
even if something slips past the checks: only the site's own scripts, styles, images,
fonts and connections, no frames, no plugins, no form posts elsewhere. Inline scripts
(Material's few and ours) are allowed by the SHA-256 of their text, computed from each
built page, so 'unsafe-inline' is not needed for scripts: an injected `<script>`, an
`onerror=` or a `javascript:` link does not run. Styles need no 'unsafe-inline' either:
the pages carry no `<style>` or `style=` (HT102 refuses them in guides), and Material's
JavaScript sets its positions through the CSSOM (`element.style.…`), which a policy does
not restrict (tests/browser/test_browser_csp.py sees no violation with search, menu and
language switcher in use).

As a `<meta http-equiv>` (a static site sets no headers), the policy is the first thing
in <head>: it covers only what comes after it. The page is scanned for its scripts,
<head> and <meta> tags (comments skipped); their attributes are read with html.parser.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

# Types of <script> that the browser runs (others, like application/json, are data).
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
REFERRER_POLICY = "no-referrer"  # a link to another site does not tell it which guide was read


@dataclass
class PageScripts:
    inline: list[str] = field(default_factory=list)  # text of each inline script that runs
    head_start: int | None = None  # offset right after <head …>
    charset_end: int | None = None  # offset right after <meta charset>, which must stay first


# The parts of a built page the policy needs, in document order: comments (skipped, as a
# parser does), whole <script> elements (their text runs up to `</script>`, as HTML's
# script data does), and <head> and <meta> start tags. Attribute values may hold ">" when
# quoted. Scanning for these instead of parsing every tag of the page costs a tenth.
_PARTS = re.compile(
    r"<!--.*?-->"
    r"|<(?P<script>script)(?P<script_attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(?P<text>.*?)</script\s*>"
    r"|<(?P<tag>head|meta)(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.IGNORECASE | re.DOTALL,
)


class _StartTag(HTMLParser):
    """The attributes of one start tag, read by html.parser."""

    def __init__(self, tag_text: str):
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}
        self.feed(tag_text)
        self.close()

    def handle_starttag(self, tag, attrs):
        if not self.attrs:
            self.attrs = {name: (value or "") for name, value in attrs}

    handle_startendtag = handle_starttag


@lru_cache(maxsize=1024)
def _attributes(tag_text: str) -> dict[str, str]:
    # The same <script> and <meta> tags come back on every page; callers only read the dict.
    return _StartTag(tag_text).attrs


def read_scripts(page_html: str) -> PageScripts:
    """The inline scripts that run, where <head> starts and where <meta charset> ends."""
    result = PageScripts()
    for part in _PARTS.finditer(page_html):
        if part.group("script"):
            written = part.group("script_attrs")
            attrs = _attributes(f"<script{written}>") if written.strip() else {}
            if "src" not in attrs and attrs.get("type", "").strip().lower() in SCRIPT_TYPES:
                result.inline.append(part.group("text"))
        elif part.group("tag"):
            tag = part.group("tag").lower()
            if tag == "head" and result.head_start is None:
                result.head_start = part.end()
            elif (tag == "meta" and result.charset_end is None and "charset" in part.group(0).lower()
                  and "charset" in _attributes(part.group(0))):
                result.charset_end = part.end()
    return result


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(script_hashes: list[str], live_reload: bool = False) -> str:
    """The policy for a page whose inline scripts have these hashes.

    live_reload: `mkdocs serve` adds a script of its own to every page, different on each
    request, so a preview allows inline scripts; a published build never does."""
    scripts = "'self' 'unsafe-inline'" if live_reload else " ".join(["'self'", *sorted(set(script_hashes))])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self'",
        # data: images are the icons inside Material's own stylesheet (mask-image url(data:…)).
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def with_policy(page_html: str, live_reload: bool = False) -> str:
    """The page with the CSP and referrer <meta> first in its <head> (after <meta charset>)."""
    scripts = read_scripts(page_html)
    at = scripts.charset_end if scripts.charset_end is not None else scripts.head_start
    if at is None:
        return page_html  # not a page (a fragment): nothing to protect
    content = policy([script_hash(text) for text in scripts.inline], live_reload)
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{content}">'
            f'<meta name="referrer" content="{REFERRER_POLICY}">')
    return page_html[:at] + tags + page_html[at:]
