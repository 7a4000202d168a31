"""The raw HTML a guide may contain: an allow-list of elements and attributes (issue 14).

Markdown lets an author write any HTML, and the site would publish it: a `<script>`, an
`<iframe>` of a video service, an `onclick`, a `javascript:` link, a `srcset` or CSS
`url()` that loads from another site, `<pre class="mermaid">` (Material then fetches its
diagram library from a CDN). Guides need little HTML beyond Markdown (`kbd`, `abbr`,
`details`, a table cell with `colspan`), so what is not on the lists below is a finding:

- HT101: an element that is not allowed (or a Mermaid diagram);
- HT102: an attribute that is not allowed (`on…` handlers, `style`, `srcdoc` …);
- HT103: an address that runs code or loads from outside the site (`javascript:`,
  `data:`, an external `src`/`srcset`), in raw HTML or in a Markdown link.

Read with html.parser (the standard library's HTML tokenizer, the one the rest of
guidekit uses) and not nh3: nh3 cleans HTML and returns the cleaned text, but cannot say
what it removed or on which line, and every finding must name its line. `<img src>` is
left to the image rules (IMG201, IMG202), which already check every image.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from guidekit.htmlsafe import url_scheme

ALLOWED_ELEMENTS = frozenset({
    "a", "abbr", "b", "bdi", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "picture", "pre", "q", "s", "samp", "small", "source", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u",
    "ul", "var", "wbr",
})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "lang", "dir", "title", "role", "hidden", "translate"})
ELEMENT_ATTRIBUTES = {
    "a": {"href", "hreflang", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "type", "media", "sizes", "width", "height"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
# Attributes holding an address (in any element), and those whose address the browser
# fetches with the page (an outside one tells another server about every reader).
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "cite", "poster", "action", "formaction", "data",
                            "background", "xlink:href", "ping", "longdesc", "manifest", "lowsrc"})
LOADED_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background", "lowsrc"})
CODE_SCHEMES = frozenset({"javascript", "vbscript", "data"})


@dataclass(frozen=True)
class HtmlProblem:
    line: int
    rule: str  # HT101 element, HT102 attribute, HT103 address
    what: str  # as the author wrote it: "<script>", "onclick", "javascript:alert(1)"
    kind: str  # which advice fits: "script", "embed", "form", "mermaid", "other", …


def _element_kind(tag: str) -> str:
    if tag in ("script", "noscript", "template"):
        return "script"
    if tag in ("style", "link", "meta", "base"):
        return "head"
    if tag in ("iframe", "frame", "frameset", "object", "embed", "applet", "portal", "video", "audio", "track"):
        return "embed"
    if tag in ("form", "input", "button", "select", "textarea", "option", "label", "fieldset"):
        return "form"
    if tag in ("svg", "math", "canvas"):
        return "drawing"
    return "other"


def is_outside(url: str) -> bool:
    """An address on another site: with a scheme (https:, http: …) or protocol-relative (//)."""
    text = url.strip()
    return text.startswith("//") or text.startswith("\\\\") or url_scheme(text) is not None


def _srcset_urls(value: str) -> list[str]:
    # "a.png 1x, b.png 2x": each candidate is an address and an optional descriptor.
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def address_problem(name: str, value: str, loaded: bool) -> str | None:
    """The kind of problem of one address attribute, or None when it is fine."""
    urls = _srcset_urls(value) if name == "srcset" else [value]
    for url in urls:
        compact = "".join(char for char in url if ord(char) > 32)  # "java\tscript:" is javascript:
        if url_scheme(compact) in CODE_SCHEMES:
            return "code"
        if loaded and is_outside(url):
            return "outside"
    return None


def tag_problems(tag: str, attrs: list[tuple[str, str | None]], line: int) -> list[HtmlProblem]:
    """The problems of one start tag of raw HTML."""
    if tag not in ALLOWED_ELEMENTS:
        return [HtmlProblem(line, "HT101", f"<{tag}>", _element_kind(tag))]
    problems = []
    allowed = GLOBAL_ATTRIBUTES | ELEMENT_ATTRIBUTES.get(tag, set())
    for name, value in attrs:
        value = value or ""
        if name == "class" and "mermaid" in value.split():
            problems.append(HtmlProblem(line, "HT101", f'<{tag} class="mermaid">', "mermaid"))
        elif not (name in allowed or name.startswith("aria-")):
            kind = "handler" if name.startswith("on") else "style" if name == "style" else "other"
            problems.append(HtmlProblem(line, "HT102", name, kind))
        elif name in URL_ATTRIBUTES and not (tag == "img" and name == "src"):
            kind = address_problem(name, value, loaded=name in LOADED_ATTRIBUTES)
            if kind:
                problems.append(HtmlProblem(line, "HT103", value.strip()[:80], kind))
    return problems


class _Reader(HTMLParser):
    def __init__(self, first_line: int):
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.problems: list[HtmlProblem] = []

    def handle_starttag(self, tag, attrs):
        self.problems.extend(tag_problems(tag, attrs, self.first_line + self.getpos()[0] - 1))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_pi(self, data):  # <?php …?>, <?xml …?>: no HTML of a guide
        self.problems.append(HtmlProblem(self.first_line + self.getpos()[0] - 1, "HT101", f"<?{data[:20]}", "other"))


def html_problems(html: str, line: int) -> list[HtmlProblem]:
    """Problems of a piece of raw HTML whose first line is `line` in the file."""
    reader = _Reader(line)
    reader.feed(html)
    reader.close()
    return reader.problems


def link_problems(href: str, attrs: dict, line: int) -> list[HtmlProblem]:
    """A Markdown link, image, heading or paragraph: its address, and the attributes given
    with {…} (attr_list), which Python-Markdown publishes whatever they are."""
    problems = []
    if address_problem("href", href, loaded=False) == "code":
        problems.append(HtmlProblem(line, "HT103", href.strip()[:80], "code"))
    for name, value in attrs.items():
        if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
            problems.append(HtmlProblem(line, "HT102", name, "handler" if name.startswith("on") else "style"))
        elif name in URL_ATTRIBUTES and (kind := address_problem(name, str(value), name in LOADED_ATTRIBUTES)):
            problems.append(HtmlProblem(line, "HT103", str(value).strip()[:80], kind))
    return problems


def document_problems(doc) -> list[HtmlProblem]:
    """Every raw-HTML problem of a page, computed once and shared by HT101–HT103."""
    if "html_problems" not in doc.cache:
        problems = []
        for line, html in doc.raw_html:
            problems.extend(html_problems(html, line))
        for link in doc.links:
            problems.extend(link_problems(link.href, link.attrs, link.line))
        for image in doc.images:
            if not image.html:  # a raw <img> is read with the rest of the raw HTML
                problems.extend(link_problems("", image.attrs, image.line))
        for line, attrs in doc.block_attrs:
            problems.extend(link_problems("", attrs, line))
        # A {…} ending a paragraph after a link is read as the link's and as the paragraph's.
        doc.cache["html_problems"] = sorted(set(problems), key=lambda p: (p.line, p.rule, p.what))
    return doc.cache["html_problems"]
