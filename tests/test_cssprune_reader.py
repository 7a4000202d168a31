"""The fast page reader of guidekit/cssprune.py gives what html.parser gives.

read_page scans a page with one regex and reads each distinct start tag with html.parser's
own regexes (_read_markup); a page with markup it does not copy goes to html.parser itself
(_PageReader). Both must collect the same names: one lost name would drop CSS a page needs.
Compared here on every page of the real site and on many hostile snippets, always against
the html.parser of the Python running the tests: on a Python whose html.parser reads
otherwise these fail (the build is still right there: cssprune.FAST_READER is off for an
html.parser it was not checked against), and the fast reader is checked and its digest added."""

from __future__ import annotations

import random

import pytest

from guidekit import cssprune
from guidekit.cssprune import PageNames, read_page, read_page_with_parser

def _fields(names: PageNames) -> tuple:
    return (names.tags, names.classes, names.ids, names.attributes, names.script_addresses,
            names.inline_scripts, names.stylesheet_addresses)


def _parser(html: str, address: str = "ohje/index.html") -> tuple | type:
    """What html.parser reads, or the exception it raises (<![foo[ is an AssertionError)."""
    try:
        return _fields(read_page_with_parser(html, PageNames(), address))
    except AssertionError:
        return AssertionError


def _fast(html: str, address: str = "ohje/index.html") -> tuple | None:
    """What the fast reader reads, or None where it leaves the page to html.parser (then
    having added nothing: read_page goes on with the same collection)."""
    names = PageNames()
    if cssprune._read_markup(html, names, address):
        return _fields(names)
    assert _fields(names) == _fields(PageNames()), html
    return None


def _read_page(html: str, address: str = "ohje/index.html") -> tuple | type:
    try:
        return _fields(read_page(html, PageNames(), address))
    except AssertionError:
        return AssertionError


def test_every_page_of_the_real_site_reads_fast_and_the_same(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_bytes().decode("utf-8", errors="replace")
        address = page.relative_to(built_site).as_posix()
        fast = _fast(html, address)
        assert fast is not None, f"{address}: left to html.parser"
        assert fast == _parser(html, address), address


# Each is read by both; those marked True must not be left to html.parser.
HOSTILE = [
    ('<!doctype html><html lang="fi"><body class="a  b"><p id=x>t</p></body></html>', True),
    ('<!-- <div class="in-comment"> --><p class="after">', True),
    ('<!--> <b class="x"> -->', True),
    ('<!---> <b class="x"> --><i class=y>', True),
    ('<!-- a -- > <b class="x"> -- >', True),
    ('<!-- never closed <b class="lost">', False),
    ('<script>if (a < b) { x = "</div>"; } <!-- <p class="no"> </script><p class=yes>', True),
    ('<script type="application/json">{"a": "x.js", "b": ["../y.js", {"c": "z.js"}]}</script>', True),
    ('<script type="application/json">{not json</script>', True),
    ('<SCRIPT>a = 1</SCRIPT ><Script>b = 2</script\n>', True),
    ('<script>a</script foo><p class=in-script></script>', True),
    ('<script>x</ſcript><b class=in-script>y</scrıpt>z</script><b class=out>', True),
    ('<script src="s.js"/><p class=after-self-closed>', True),
    ('<script src=s.js />text<i class=i></i>', True),
    ('<script a=b/>text<i class=in-script></i></script>', False),
    ('<script>&amp; &lt;b&gt;</script>', True),
    ('<script>   </script><script></script>', True),
    ('<p>before<script>never closed <b class=lost>', False),
    ('<style>p > a { color: red }</style><style media="print"><div class=no></style >', True),
    ('<STYLE>a</STYLE><style/><b class=after-style>', True),
    ('<style>unclosed <b class="lost">', False),
    ('<![CDATA[ <b class=cdata> ]]><i class=after-cdata>', True),
    ('<![CDATA[ unclosed <b class=x>', False),
    ('<![if !IE]><b class=x><![endif]>', False),
    ('<![foo[ x ]]>', False),
    ('<?xml version="1.0"?><?pi <b class=pi> ?><i class=after-pi>', True),
    ('<!DOCTYPE html <b class=in-doctype>><i class=after>', True),
    ('<!x><!><!-x <b class=bogus>><i class=ok>', True),
    ('</><// x></ div></div class="a>b"></a<b class=q>><p class=after-end>', True),
    ('<DIV CLASS="Upper Case" ID=Top DATA-X=Y>', True),
    ("<p class=unquoted id='single' title=\"double\" data-e=''>", True),
    ('<span data-x="1" data-x="2" class=a class=b>', True),
    ('<a href="?a=1&amp;b=2&#x41;&#65;&copy&notanentity;&amp" title="&lt;&gt;&quot;">', True),
    ('<a title="x>y" class="after-gt">', True),
    ("<a b='c\"d' e=\"f'g\">", True),
    ('<a b=c/><a b="c"/><br/><br /><img src=x / >', True),
    ('<p\nclass="n\nl"\n  id\t=\t"tab"\r\n>', True),
    ('<a b=""c d==\'e\' ="f" / g>', True),
    ('<x-y:z a.b="1" _c=2>', True),
    ('<svg viewBox="0 0 1 1"><use href="#i"/><path d="M0 0z"/></svg>', True),
    ('<input disabled><input disabled="">', True),
    ('a < b and 1<2, <3 or < div> & x &amp; y', True),
    ('if x<y then z', False),
    ('if x<y then z>w', True),
    ('<a b="unclosed', False),
    # html.parser's regex reads '>' as b's quoted value, then finds the tag unfinished; a regex
    # let to backtrack would end the tag at that ">" instead (b's value `='`).
    ("<p class=k><a b=='>'x", False),
    ('<div class="x"', False),
    ('<p', False),
    ('<', True),
    ('text <!', True),
    ('</', True),
    ('<a\x00b>', False),
    ('<a\x0bb class=v>', True),
    ('<a\u00a0b class=v>', True),
    ('<á class=x><a ſ=1 K=2>', True),
    ('<link rel="stylesheet" href="a.css"><link rel="Preload Stylesheet" href=b.css><link rel=icon href=c>', True),
    ('<link rel=stylesheet href="x.css" href="y.css"><link rel=stylesheet>', True),
    ('<script src="a.js" src="b.js" type=module>1</script>', True),
    ('<script type="x" type="application/json">{"a": "q.js"}</script>', True),
    ('<p class="a"/>', True),
    ('<p class="a" /x>', True),
    ('<p\x00 class=a>', False),
]


@pytest.mark.parametrize("html,fast", HOSTILE)
def test_hostile_snippets_read_the_same(html, fast):
    expected = _parser(html)
    assert _read_page(html) == expected
    found = _fast(html)
    assert (found is not None) == fast, "left to html.parser" if fast else "read fast"
    if found is not None:
        assert found == expected


PIECES = [
    "<div>", "</div>", "<DIV CLASS=A>", "<p class='x y'>", '<p class="x&amp;y">', "<a href=?a&b>",
    '<a title="x>y">', "<a b='c\"d'>", "<br/>", "<br />", "<img src=x />", "<input disabled>",
    '<span data-x="1" data-x="2">', '<x-y:z a="\n b">', '<p\nclass="n\nl"\n>', "<a b=c/>",
    "<!-- <b class=c1> -->", "<!-->", "<!--->", "<!-- x -- >", "<!--", "-->", "--", "<!DOCTYPE html>",
    "<!doctype html <b>>", "<!x>", "<!>", "</>", "</ div>", '</div class="a>b">', "</a<b class=q>",
    "<script>", "</script>", "</script >", "</SCRIPT\n>", "</script foo>", "</ſcript>", "<SCRIPT>",
    '<script type="application/json">', '{"s": "w.js"}', "<script src=a.js>", "<script src=b.js/>",
    "<style>", "</style>", "<STYLE media=x>", "</style >", "<![CDATA[", "]]>", "] ]>", "<![if x]>",
    "<?xml?>", "<?pi <b class=p>?>", "a < b", "1<2", "<3", "< div>", "&amp;", "&#x41;", "&copy",
    "&#65", "&", "<", ">", '"', "'", "=", "/", "\n", "\t", " ", "text", "x<y", "<a", "<a ", "<a b",
    "<a b=", '<a b="', "<a b='", "<p class=", "&lt;b&gt;", "\x00", "\x0b", "\u00a0", "á", "ſ",
]
CHARS = "<>/!-?[]=\"' \n\tabcsSptyle&#;x0"


def _snippet(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 14)):
        if rng.random() < 0.2:
            parts.append("".join(rng.choice(CHARS) for _ in range(rng.randint(1, 8))))
        else:
            piece = rng.choice(PIECES)
            parts.append(piece.upper() if rng.random() < 0.1 else piece)
    text = "".join(parts)
    return text[: rng.randint(0, len(text))] if rng.random() < 0.2 else text


def test_random_snippets_read_the_same():
    rng = random.Random(20261204)
    read_fast = 0
    for _ in range(6000):
        html = _snippet(rng)
        expected = _parser(html)
        assert _read_page(html) == expected, repr(html)
        found = _fast(html)
        if found is not None:
            read_fast += 1
            assert found == expected, repr(html)
    assert read_fast > 2000  # most snippets exercise the fast reader, not only the fallback
