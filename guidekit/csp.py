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
in <head>: it covers only what comes after it. The page is read with html.parser.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Types of <script> that the browser runs (others, like application/json, are data).
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
REFERRER_POLICY = "no-referrer"  # a link to another site does not tell it which guide was read


@dataclass
class PageScripts:
    inline: list[str] = field(default_factory=list)  # text of each inline script that runs
    head_start: int | None = None  # offset right after <head …>
    charset_end: int | None = None  # offset right after <meta charset>, which must stay first


class _ScriptReader(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.result = PageScripts()
        self._line_starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self._line_starts.append(index + 1)
        self._script: list[str] | None = None

    def _offset_after_tag(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column + len(self.get_starttag_text() or "")

    def handle_starttag(self, tag, attrs):
        values = {name: (value or "") for name, value in attrs}
        if tag == "head" and self.result.head_start is None:
            self.result.head_start = self._offset_after_tag()
        elif tag == "meta" and "charset" in values and self.result.charset_end is None:
            self.result.charset_end = self._offset_after_tag()
        elif tag == "script" and "src" not in values and values.get("type", "").strip().lower() in SCRIPT_TYPES:
            self._script = []

    def handle_startendtag(self, tag, attrs):
        if tag != "script":
            self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.result.inline.append("".join(self._script))
            self._script = None


def read_scripts(page_html: str) -> PageScripts:
    reader = _ScriptReader(page_html)
    reader.feed(page_html)
    reader.close()
    return reader.result


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
