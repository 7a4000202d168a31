"""Drop the rules of a stylesheet that no page of a built site can use (issue 20).

Material's `main.css` styles every feature of the theme (admonitions, code blocks, tabs,
annotations, versions …); a guide page uses about a quarter of it, yet every page loads
all of it before it can show anything. After a build, `prune_stylesheet` keeps a rule when
one of its selectors can match, judged against

- what the built pages contain (`PageNames`, read as html.parser reads them: element names,
  classes, ids, attributes and their values), and
- what the site's scripts can add at run time (`ScriptNames`: every name-like word in
  Material's bundle and our own scripts, the `data-*` attributes of their `dataset`
  properties, and the prefixes they build names from, such as `md-tag--${…}`), so that
  the classes and attributes Material's JavaScript toggles (`md-header--shadow`,
  `data-md-state`, the search results it draws) keep their rules without a hand-kept list.

The judgement is deliberately loose, as PurgeCSS's is: a selector can match when every
element name, class, id and attribute it requires is present somewhere, wherever that is
on the site (structure is not compared). State pseudo-classes (`:hover`, `:focus`,
`:checked`, `:target` …), pseudo-elements and `:not()`/`:has()` arguments require nothing;
`:is()`/`:where()` require one of their alternatives. `@media`, `@supports` and other
grouping rules are pruned inside and kept when something is left; `@keyframes` and
`@font-face` are kept when a kept rule names them; every other at-rule is kept.
A rule's selector list is kept whole: cutting a selector out of a list could make a list
that a browser rejects (an unknown `::-moz-…` part) valid, and so change the page.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import html.parser as html_parser
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import tinycss2

# Functional pseudo-classes whose argument is a selector list one of which must match.
_ANY_OF = {"is", "where", "matches", "-webkit-any", "-moz-any"}
# At-rules holding style rules: pruned inside, kept while something is left.
_GROUPING = {"media", "supports", "container", "layer", "document", "-moz-document", "scope"}
_NAME = re.compile(r"[A-Za-z_][\w-]*")
# A name a script builds by joining: "data-clipboard-" + x, `md-tag--${x}`.
_PREFIX = re.compile(r"([A-Za-z_][\w-]*[-_])(?:\$\{|[\"'`]\s*\+)")


@dataclass
class PageNames:
    """What the built pages contain: element names, classes, ids, attributes with values."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: dict[str, set[str]] = field(default_factory=dict)
    # The scripts the pages run: addresses as written in each page (`<script src>`, and the
    # `.js` addresses in JSON data such as Material's search worker), and inline scripts.
    script_addresses: set[tuple[str, str]] = field(default_factory=set)  # (page address, src)
    inline_scripts: set[str] = field(default_factory=set)
    stylesheet_addresses: set[tuple[str, str]] = field(default_factory=set)  # (page address, href)


def _add_start_tag(names: PageNames, address: str, tag: str, attrs) -> None:
    """One start tag's names (attrs as html.parser gives them: names in lower case, values
    unescaped, None for a name without a value), and the stylesheet or script it loads."""
    names.tags.add(tag)
    for name, value in attrs:
        value = value or ""
        names.attributes.setdefault(name, set()).add(value)
        if name == "class":
            names.classes.update(value.split())
        elif name == "id":
            names.ids.add(value)
    if tag == "link":
        found = dict(attrs)
        if "stylesheet" in (found.get("rel") or "").lower().split() and found.get("href"):
            names.stylesheet_addresses.add((address, found["href"]))
    elif tag == "script":
        src = dict(attrs).get("src")
        if src:
            names.script_addresses.add((address, src))


def _script_type(attrs) -> str:
    return dict(attrs).get("type") or "text/javascript"


def _add_script_text(names: PageNames, address: str, script_type: str, text: str) -> None:
    """A script element's text: JSON data gives the `.js` addresses in it, code itself."""
    if "json" in script_type:
        _add_json_addresses(names, address, text)
    elif text.strip():
        names.inline_scripts.add(text)


def _add_json_addresses(names: PageNames, address: str, text: str) -> None:
    try:
        data = json.loads(text)
    except ValueError:
        return
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str) and value.endswith(".js"):
            names.script_addresses.add((address, value))


class _PageReader(HTMLParser):
    """A page read by html.parser: what the fast reader (_read_markup) must give the same of."""

    def __init__(self, names: PageNames, address: str):
        super().__init__(convert_charrefs=True)
        self.names = names
        self.address = address
        self.script: str | None = None  # the type of the <script> being read
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        _add_start_tag(self.names, self.address, tag, attrs)
        if tag == "script":
            self.script, self.text = _script_type(attrs), []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.script = None

    def handle_data(self, data):
        if self.script is not None:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            _add_script_text(self.names, self.address, self.script, "".join(self.text))
            self.script = None


def read_page_with_parser(html: str, names: PageNames, address: str) -> PageNames:
    """read_page by html.parser itself, for every page the fast reader leaves to it."""
    reader = _PageReader(names, address)
    reader.feed(html)
    reader.close()
    return names


# --- The fast reader -----------------------------------------------------------------------
# html.parser spends its time on the text between tags (unescaped, though nothing here reads
# it) and on a method call per piece of markup. Pruning needs only the distinct start tags
# and the scripts' text, so one regex finds the markup where html.parser's loop (goahead)
# does, and each distinct start tag is read once, as parse_starttag reads it.


def _parser_fingerprint() -> str | None:
    """A digest of the html.parser in use (its module and _markupbase), None without source."""
    import _markupbase

    try:
        sources = [Path(module.__file__).read_bytes() for module in (html_parser, _markupbase)]
    except (OSError, TypeError):
        return None
    return hashlib.sha256(b"\0".join(sources)).hexdigest()


# The html.parser the fast reader copies and was checked against (tests/test_cssprune_reader.py):
# Python 3.11.7's. Its reading of comments, script ends and attributes has changed between
# releases, so with another one html.parser reads every page itself until that one is checked.
_PARSER_CHECKED = {"755d5cf4dbf9750ed5f25d69d2f0c2eb4b0c84e7bc3a9865acbe8d846fe1fa54"}
FAST_READER = _parser_fingerprint() in _PARSER_CHECKED


def _markup_regex() -> re.Pattern:
    """Whatever html.parser reads at a "<", tried in its order, the "<" left out of the
    groups. Markup with no "<" inside (an end tag, <!DOCTYPE>) is left unmatched: nothing
    depends on it, and the scan goes on at the next "<" as html.parser does."""
    # A start tag from its name to where check_for_whole_start_tag ends it: html.parser's
    # own regex, atomic so that it stops where its own match does whatever follows it here.
    start_tag = "(?>(?x:{}))".format(html_parser.locatestarttagend_tolerant.pattern.replace("<", "", 1))
    name_end = r"[\t\n\r\f />]"  # where tagfind_tolerant ends a tag name
    script, style = "[Ss][Cc][Rr][Ii][Pp][Tt]", "[Ss][Tt][Yy][Ll][Ee]"  # the names in any case
    return re.compile(
        r"<(?:"
        r"!--.*?--\s*>"  # a comment, up to the first "--" + ">" (parse_comment)
        r"|!\[[Cc][Dd][Aa][Tt][Aa](?![-_.a-zA-Z0-9]).*?\]\s*\]\s*>"  # <![CDATA[ … ]]> (parse_marked_section)
        r"|!(?!--|\[)[^<>]*<[^>]*>"  # <!DOCTYPE …> or a bogus comment <!…>, up to ">"
        r"|\?[^<>]*<[^>]*>"  # a processing instruction, up to ">"
        r"|/[^<>]*<[^>]*>"  # an end tag, up to ">": outside <script> and <style> it changes nothing
        # The text of <script> and <style> is CDATA up to their end tag (set_cdata_mode). That
        # regex takes any case-insensitive match (`ſ` for s), but parse_endtag then reads a
        # name of ASCII letters only, so the element ends at an ASCII name alone.
        rf"|(?P<script>(?={script}{name_end}){start_tag}(?<!/)>)(?P<text>.*?)</\s*{script}\s*>"
        rf"|(?P<style>(?={style}{name_end}){start_tag}(?<!/)>).*?</\s*{style}\s*>"
        rf"|(?P<tag>{start_tag}/?>)"
        # What html.parser finds unfinished (a start tag without its end, a comment without its
        # end, a marked section other than a closed CDATA) it reads in ways not copied here.
        # Any other unfinished "<" it reads as text up to the next "<", as this scan skips it.
        r"|(?P<odd>[a-zA-Z]|!--|!\[))",
        re.DOTALL,
    )


_MARKUP = _markup_regex() if FAST_READER else None


@lru_cache(maxsize=1 << 16)
def _start_tag(written: str) -> tuple[str, tuple, bool] | None:
    """(name, attributes, ends with "/>") of one start tag, written without its "<", as
    html.parser's parse_starttag reads it (the same regexes, unescaping and lower-casing),
    or None where it reads the tag as text. Pages repeat most of their tags: each distinct
    one is read once."""
    match = html_parser.tagfind_tolerant.match(written)
    tag, k = match.group(1).lower(), match.end()
    attrs = []
    while k < len(written):
        found = html_parser.attrfind_tolerant.match(written, k)
        if not found:
            break
        name, rest, value = found.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        if value:
            value = unescape(value)
        attrs.append((name.lower(), value))
        k = found.end()
    end = written[k:].strip()
    if end not in (">", "/>"):
        return None
    return tag, tuple(attrs), end.endswith("/>")


def _read_markup(html: str, names: PageNames, address: str) -> bool:
    """Add the page's names as _PageReader would; False (names untouched) where the page
    has markup that html.parser reads in a way not copied here."""
    tags, scripts = [], []
    for script, text, style, tag, odd in set(_MARKUP.findall(html)):  # _MARKUP's groups, in order
        if odd:
            return False
        written = tag or script or style
        if not written:
            continue  # a comment, an end tag, a declaration
        parsed = _start_tag(written)
        if tag:
            if parsed is None:
                continue  # html.parser reads it as text
            if parsed[0] in HTMLParser.CDATA_CONTENT_ELEMENTS and not parsed[2]:
                return False  # a <script> or <style> without its end tag
        elif parsed is None or parsed[2] or parsed[0] != ("script" if script else "style"):
            return False  # not the element whose text the scan skipped
        elif script:
            scripts.append((_script_type(parsed[1]), text))
        tags.append(parsed)
    for tag, attrs, _closes in tags:
        _add_start_tag(names, address, tag, attrs)
    for script_type, text in scripts:
        _add_script_text(names, address, script_type, text)
    return True


def read_page(html: str, names: PageNames | None = None, address: str = "index.html") -> PageNames:
    """Add one page's names to `names` (a new collection when None) and return it, the same
    as html.parser reads them (_PageReader), faster where the page allows.
    `address`: the page's path in the site, against which its script addresses are read."""
    names = names if names is not None else PageNames()
    if FAST_READER and _read_markup(html, names, address):
        return names
    return read_page_with_parser(html, names, address)


@dataclass
class ScriptNames:
    """What the site's scripts can put into a page at run time."""

    words: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    text: str = ""

    def has(self, name: str) -> bool:
        return name in self.words or any(name.startswith(prefix) for prefix in self.prefixes)


def _data_attribute(word: str) -> str | None:
    """`mdState` (an element's `dataset.mdState`) -> `data-md-state`."""
    if not any(c.isupper() for c in word) or not word[0].islower():
        return None
    return "data-" + re.sub(r"[A-Z]", lambda m: "-" + m.group(0).lower(), word)


def read_scripts(texts) -> ScriptNames:
    """Every name a script could give an element: words, `dataset` names, join prefixes."""
    names = ScriptNames()
    joined = []
    for text in texts:
        joined.append(text)
        for word in _NAME.findall(text):
            names.words.add(word)
            attribute = _data_attribute(word)
            if attribute:
                names.words.add(attribute)
        # Only prefixes with a name part of their own: a bare "-" would keep everything.
        names.prefixes.update(p for p in _PREFIX.findall(text) if len(p.strip("-_")) >= 2)
    names.text = "\n".join(joined)
    return names


# Attributes whose values only the pages set: a page's language and text direction come
# from its language's settings (guidekit/languages.py). Material's script reads `dir`
# ("rtl") but never writes it, so `[dir=rtl]` rules stay only for a right-to-left language.
PAGE_ONLY_ATTRIBUTES = {"dir", "lang"}


@dataclass
class SiteNames:
    pages: PageNames
    scripts: ScriptNames
    # Custom properties (`--md-…`) read outside the pruned stylesheet: in the site's other
    # stylesheets and in the pages' style attributes.
    variables_read_elsewhere: set[str] = field(default_factory=set)

    def has_tag(self, tag: str) -> bool:
        return tag in self.pages.tags or self.scripts.has(tag)

    def has_class(self, name: str) -> bool:
        return name in self.pages.classes or self.scripts.has(name)

    def has_id(self, name: str) -> bool:
        return name in self.pages.ids or self.scripts.has(name)

    def has_attribute(self, name: str, operator: str | None, value: str | None) -> bool:
        in_pages = self.pages.attributes.get(name)
        if in_pages is None:
            # Set by a script: which values it gives is not known, so any may match.
            return self.scripts.has(name)
        if operator != "=" or value is None:
            return True
        if name in PAGE_ONLY_ATTRIBUTES:
            return value in in_pages
        return value in in_pages or value in self.scripts.text


def _split_commas(tokens) -> list[list]:
    parts, current = [], []
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return parts


def _attribute_can_match(block, names: SiteNames) -> bool:
    tokens = [t for t in block.content if t.type not in ("whitespace", "comment")]
    if not tokens or tokens[0].type != "ident":
        return True  # a namespace or something unexpected: keep
    name = tokens[0].lower_value
    operator, value = None, None
    rest = tokens[1:]
    if rest and rest[0].type == "literal":
        operator = "".join(t.value for t in rest if t.type == "literal" and t.value in "~|^$*=")
        values = [t for t in rest if t.type in ("ident", "string")]
        value = values[0].value if values else None
        # `[a=b i]`: compared without case; keep it rather than compare.
        if len(values) > 1 or any(t.type == "ident" and t.lower_value in ("i", "s") for t in rest[2:]):
            return names.has_attribute(name, None, None)
    return names.has_attribute(name, operator, value)


def selector_can_match(tokens, names: SiteNames) -> bool:
    """Whether one selector (tinycss2 tokens, no commas at the top) may match an element."""
    tokens = list(tokens)
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        kind = token.type
        if kind == "literal" and token.value == ":":
            # `:pseudo`, `::pseudo-element`, `:fn(...)`
            j = i + 1
            if j < n and tokens[j].type == "literal" and tokens[j].value == ":":
                j += 1
            if j < n and tokens[j].type == "function" and tokens[j].lower_name in _ANY_OF and i + 1 == j:
                alternatives = _split_commas(tokens[j].arguments)
                if not any(selector_can_match(alt, names) for alt in alternatives):
                    return False
            i = j + 1  # a state, a pseudo-element, :not(), :has(), :nth-…(): requires nothing
            continue
        if kind == "literal" and token.value == ".":
            if i + 1 < n and tokens[i + 1].type == "ident":
                if not names.has_class(tokens[i + 1].value):
                    return False
                i += 2
                continue
        elif kind == "hash":
            if not names.has_id(token.value):
                return False
        elif kind == "[] block":
            if not _attribute_can_match(token, names):
                return False
        elif kind == "ident":
            # An element name (a pseudo-class name was consumed above). Before `|` it is a namespace.
            namespaced = i + 1 < n and tokens[i + 1].type == "literal" and tokens[i + 1].value == "|"
            if not namespaced and not names.has_tag(token.lower_value):
                return False
        i += 1
    return True


def _names_used(nodes) -> set[str]:
    """The identifiers and strings in kept rules' declarations (animation and font names)."""
    used = set()
    stack = list(nodes)
    while stack:
        node = stack.pop()
        kind = getattr(node, "type", None)
        if kind in ("ident", "string"):
            used.add(node.value)
        for attribute in ("content", "arguments"):
            children = getattr(node, attribute, None)
            if children:
                stack.extend(children)
    return used


@dataclass
class _Group:
    """A grouping at-rule (@media …) with the rules kept inside it."""

    rule: object
    inner: list


def _prune_rules(rules, names: SiteNames) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            if any(selector_can_match(selector, names) for selector in _split_commas(rule.prelude)):
                kept.append(rule)
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING and rule.content is not None:
            inner = _prune_rules(tinycss2.parse_rule_list(rule.content), names)
            if inner:
                kept.append(_Group(rule, inner))
        elif rule.type in ("qualified-rule", "at-rule"):
            kept.append(rule)
        # comments and whitespace are dropped
    return kept


def _font_family(rule) -> str | None:
    for declaration in tinycss2.parse_declaration_list(rule.content or []):
        if declaration.type == "declaration" and declaration.lower_name == "font-family":
            values = [t.value for t in declaration.value if t.type in ("ident", "string")]
            return " ".join(values) if values else None
    return None


def _drop_unreferenced(kept, used: set[str]) -> list:
    result = []
    for item in kept:
        if isinstance(item, _Group):
            inner = _drop_unreferenced(item.inner, used)
            if inner:
                result.append(_Group(item.rule, inner))
            continue
        if item.type == "at-rule" and item.lower_at_keyword.endswith("keyframes"):
            name = [t.value for t in item.prelude if t.type in ("ident", "string")]
            if name and name[0] not in used:
                continue
        elif item.type == "at-rule" and item.lower_at_keyword == "font-face":
            family = _font_family(item)
            if family and family not in used and family.split()[0] not in used:
                continue
        result.append(item)
    return result


def _style_rules(kept) -> list:
    out = []
    for item in kept:
        if isinstance(item, _Group):
            out.extend(_style_rules(item.inner))
        elif item.type == "qualified-rule":
            out.append(item)
    return out


def _serialize(kept) -> str:
    parts = []
    for item in kept:
        if isinstance(item, _Group):
            prelude = tinycss2.serialize(item.rule.prelude).strip()
            parts.append(f"@{item.rule.at_keyword} {prelude}{{{_serialize(item.inner)}}}")
        elif item.type == "qualified-rule":
            parts.append(f"{tinycss2.serialize(item.prelude).strip()}{{{tinycss2.serialize(item.content).strip()}}}")
        elif item.type == "rewritten-rule":
            parts.append(f"{tinycss2.serialize(item.prelude).strip()}{{{item.declarations}}}")
        else:
            parts.append(item.serialize().strip())
    return "".join(parts)


def variables_read(tokens) -> set[str]:
    """The custom properties `var(--x, …)` reads in these tokens (nested functions too)."""
    found = set()
    stack = list(tokens)
    while stack:
        token = stack.pop()
        if token.type == "function":
            if token.lower_name == "var":
                first = next((t for t in token.arguments if t.type not in ("whitespace", "comment")), None)
                if first is not None and first.type == "ident" and first.value.startswith("--"):
                    found.add(first.value)
            stack.extend(token.arguments)
        elif getattr(token, "content", None) and token.type.endswith("block"):
            stack.extend(token.content)
    return found


def _without_unread_variables(kept, names: SiteNames) -> list:
    """Drop the custom-property declarations nothing reads: not a kept rule, not a custom
    property that is itself read, not another stylesheet or style attribute, not a script."""
    rules = _style_rules(kept)
    declarations = {id(rule): [d for d in tinycss2.parse_declaration_list(rule.content, skip_whitespace=True,
                                                                        skip_comments=True)
                               if d.type == "declaration"] for rule in rules}
    read = set(names.variables_read_elsewhere)
    custom = []
    for found in declarations.values():
        for declaration in found:
            if declaration.name.startswith("--"):
                custom.append(declaration)
            else:
                read |= variables_read(declaration.value)
    read |= {d.name for d in custom if d.name in names.scripts.text}
    while True:  # a property read only by another one that is read
        more = set().union(*(variables_read(d.value) for d in custom if d.name in read)) - read
        if not more:
            break
        read |= more
    return _rewrite(kept, declarations, read)


def _rewrite(kept, declarations, read) -> list:
    result = []
    for item in kept:
        if isinstance(item, _Group):
            inner = _rewrite(item.inner, declarations, read)
            if inner:
                result.append(_Group(item.rule, inner))
        elif item.type == "qualified-rule" and id(item) in declarations:
            found = declarations[id(item)]
            left = [d for d in found if not d.name.startswith("--") or d.name in read]
            if not left:
                continue
            if len(left) < len(found):
                item = _Rewritten(item.prelude, ";".join(d.serialize() for d in left))
            result.append(item)
        else:
            result.append(item)
    return result


@dataclass
class _Rewritten:
    """A style rule with some declarations taken out."""

    prelude: list
    declarations: str
    type: str = "rewritten-rule"


def prune_stylesheet(css: str, names: SiteNames) -> str:
    """The stylesheet without the rules no element of the site can match, and without the
    custom properties nothing reads."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    kept = _prune_rules(rules, names)
    used = _names_used([t for rule in _style_rules(kept) for t in (rule.content or [])])
    return _serialize(_without_unread_variables(_drop_unreferenced(kept, used), names))


def site_paths(addresses) -> set[str]:
    """(page, address as written in it) pairs -> paths inside the site (other sites' left out)."""
    paths = set()
    for page, src in addresses:
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            continue  # another site's: the CSP blocks it, and no page has one
        path = parts.path.lstrip("/") if parts.path.startswith("/") else posixpath.join(posixpath.dirname(page), parts.path)
        paths.add(posixpath.normpath(path))
    return paths


def _as_data(names: PageNames) -> dict:
    return {
        "tags": sorted(names.tags), "classes": sorted(names.classes), "ids": sorted(names.ids),
        "attributes": {name: sorted(values) for name, values in names.attributes.items()},
        "scripts": sorted(names.script_addresses), "inline": sorted(names.inline_scripts),
        "stylesheets": sorted(names.stylesheet_addresses),
    }


def _merge(into: PageNames, data: dict) -> None:
    into.tags.update(data["tags"])
    into.classes.update(data["classes"])
    into.ids.update(data["ids"])
    for name, values in data["attributes"].items():
        into.attributes.setdefault(name, set()).update(values)
    into.script_addresses.update(tuple(pair) for pair in data["scripts"])
    into.inline_scripts.update(data["inline"])
    into.stylesheet_addresses.update(tuple(pair) for pair in data["stylesheets"])


def _add_page(pages: PageNames, html: bytes, address: str, cache) -> None:
    """One page's names into `pages`. Reading the pages costs a few tenths of a millisecond
    each (read_page; with html.parser it was 1–4 ms), so with a build cache
    (guidekit/buildcache.py) a page of the same bytes at the same address is read once."""
    key = None
    if cache is not None and cache.enabled:
        from guidekit import buildcache

        key = buildcache.key_of(buildcache.code_version(__file__), address, html)
        found = cache.get("page-names", key)
        if found is not None:
            try:
                _merge(pages, json.loads(found.payload))
                return
            except (ValueError, KeyError, TypeError):
                pass  # another shape: read the page again
    own = _as_data(read_page(html.decode("utf-8", errors="replace"), PageNames(), address))
    if key is not None:
        cache.put("page-names", key, json.dumps(own).encode("utf-8"))
    _merge(pages, own)


SITE_NAMES_KIND = "site-names"


def _pages_names(pages: list[tuple[str, bytes]], cache) -> PageNames:
    """The names of all the pages ((address, html) pairs). With a build cache the whole set
    is kept under all the pages' addresses and bytes: a rebuild of an unchanged site reads
    one entry instead of one per page (808 at 100 guides, 0.2 s); after an edit the pages
    not edited still come from their own entries (_add_page)."""
    key = None
    if cache is not None and cache.enabled:
        from guidekit import buildcache

        key = buildcache.key_of(buildcache.code_version(__file__), *(part for page in pages for part in page))
        found = cache.get(SITE_NAMES_KIND, key)
        if found is not None:
            try:
                names = PageNames()
                _merge(names, json.loads(found.payload))
                cache.reused[SITE_NAMES_KIND] += 1
                return names
            except (ValueError, KeyError, TypeError):
                pass  # another shape: read the pages again
    names = PageNames()
    for address, html in pages:
        _add_page(names, html, address, cache)
    if key is not None:
        cache.made[SITE_NAMES_KIND] += 1
        cache.put(SITE_NAMES_KIND, key, json.dumps(_as_data(names)).encode("utf-8"))
    return names


def read_site_pages(site_dir: Path) -> list[tuple[str, bytes]]:
    """Every .html file of a built site as (path inside the site, bytes), by path."""
    pages = []
    # os.walk, not Path.rglob: the site has thousands of files and only the pages are read.
    for folder, _dirs, names in os.walk(site_dir):
        for name in names:
            if name.endswith(".html"):
                file = Path(folder, name)
                pages.append((file.relative_to(site_dir).as_posix(), file.read_bytes()))
    return sorted(pages)


def site_names(site_dir: Path, pruning: tuple[str, ...] = (), cache=None,
               pages: list[tuple[str, bytes]] | None = None) -> SiteNames:
    """What every page of a built site contains, what the scripts they load can add, and the
    custom properties the stylesheets they link read (but those being pruned, `pruning`).
    `cache`: a guidekit.buildcache.ArtifactCache to keep each page's names in, or None.
    `pages`: read_site_pages(site_dir), when the caller has read them already."""
    pages = _pages_names(read_site_pages(site_dir) if pages is None else pages, cache)
    texts = sorted(pages.inline_scripts)  # in one order in every process: names_digest holds them
    for path in sorted(site_paths(pages.script_addresses)):
        file = site_dir / path
        if file.is_file():
            texts.append(file.read_text(encoding="utf-8", errors="replace"))
    elsewhere = set()
    for path in sorted(site_paths(pages.stylesheet_addresses) - set(pruning)):
        file = site_dir / path
        if file.is_file():
            elsewhere |= variables_read(tinycss2.parse_component_value_list(file.read_text(encoding="utf-8", errors="replace")))
    for style in pages.attributes.get("style", ()):
        elsewhere |= variables_read(tinycss2.parse_component_value_list(style))
    return SiteNames(pages, read_scripts(texts), elsewhere)


@dataclass
class Pruned:
    """One theme stylesheet replaced by its pruned copy."""

    original: str  # path inside the site, kept (nothing links it any more)
    pruned: str
    bytes_before: int
    bytes_after: int


def pruned_name(path: str, css: str) -> str:
    """`assets/stylesheets/main.57a0d79d.min.css` -> `…/main.57a0d79d.pruned-<hash>.min.css`:
    a new name for new content, so a cache never serves the other one."""
    folder, name = posixpath.split(path)
    stem = name[: -len(".min.css")] if name.endswith(".min.css") else name[: -len(".css")]
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:8]
    return posixpath.join(folder, f"{stem}.pruned-{digest}.min.css")


def names_digest(names: SiteNames) -> str:
    """A digest of everything prune_stylesheet judges by: the pages' names, the scripts'
    text (their words and prefixes come from it) and the custom properties read elsewhere."""
    data = {"pages": _as_data(names.pages), "scripts": names.scripts.text,
            "elsewhere": sorted(names.variables_read_elsewhere)}
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")).hexdigest()


def pruned_stylesheet(css: str, names: SiteNames, cache=None) -> str:
    """prune_stylesheet, kept in the build cache (guidekit/buildcache.py) under the
    stylesheet and the site's names: a rebuild of an unchanged site does not parse
    Material's stylesheet again. Any change of a page's names is a new key."""
    if cache is None or not cache.enabled:
        return prune_stylesheet(css, names)
    from guidekit import buildcache

    key = buildcache.key_of(buildcache.code_version(__file__, "tinycss2"), css, names_digest(names))
    return cache.payload_or_make(PRUNED_KIND, key, lambda: prune_stylesheet(css, names).encode("utf-8"),
                                 accept=_is_utf8).decode("utf-8")


def _is_utf8(payload: bytes) -> bool:
    # Anything else is not what was written: prune again.
    try:
        payload.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


PRUNED_KIND = "pruned-css"


def prune_site(site_dir: Path, stylesheets: list[str], cache=None) -> list[Pruned]:
    """Write a pruned copy of each stylesheet (paths inside the site) and point every page
    of the site at it. The originals stay, unlinked, for comparison."""
    if not stylesheets:
        return []
    pages = read_site_pages(site_dir)
    names = site_names(site_dir, tuple(stylesheets), cache, pages)
    linked = site_paths(names.pages.stylesheet_addresses)
    done, renames = [], {}
    for path in (p for p in stylesheets if p in linked):
        css = (site_dir / path).read_text(encoding="utf-8")
        pruned = pruned_stylesheet(css, names, cache)
        new_path = pruned_name(path, pruned)
        (site_dir / new_path).write_text(pruned, encoding="utf-8")
        renames[posixpath.basename(path)] = posixpath.basename(new_path)
        done.append(Pruned(path, new_path, len(css.encode("utf-8")), len(pruned.encode("utf-8"))))
    for path, html in pages:
        changed = html
        for old, new in renames.items():
            # Every page links the theme's stylesheets as …/assets/stylesheets/<name>.
            changed = changed.replace(f"stylesheets/{old}\"".encode("utf-8"), f"stylesheets/{new}\"".encode("utf-8"))
        if changed != html:
            (site_dir / path).write_bytes(changed)
    return done
