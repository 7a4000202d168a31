"""The Content-Security-Policy and referrer policy of every built page (guidekit/csp.py):
first in <head>, allowing exactly the page's own inline scripts by hash, never
'unsafe-inline' for scripts, nothing from another origin."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from guidekit.csp import SCRIPT_TYPES, policy, read_scripts, script_hash, with_policy


class _Head(HTMLParser):
    """The <meta> tags of the head in order, up to the first tag that is not a meta."""

    def __init__(self):
        super().__init__()
        self.metas: list[dict] = []
        self.in_head = False
        self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if tag == "head":
            self.in_head = True
        elif self.in_head and tag == "meta":
            self.metas.append(dict(attrs))
        elif self.in_head:
            self.done = True

    handle_startendtag = handle_starttag


def head_metas(text: str) -> list[dict]:
    reader = _Head()
    reader.feed(text)
    return reader.metas


def directives(content: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in content.split(";") if part.strip()}


def test_every_built_page_has_the_policy_first_with_its_own_script_hashes(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        text = path.read_text(encoding="utf-8")
        metas = head_metas(text)
        where = str(path.relative_to(built_site))
        assert "charset" in metas[0], where
        csp = [m for m in metas[:3] if m.get("http-equiv") == "Content-Security-Policy"]
        assert len(csp) == 1, f"{where}: no policy right after <meta charset>: {metas[:3]}"
        assert {"name": "referrer", "content": "no-referrer"} in metas[:3], where
        rules = directives(csp[0]["content"])
        assert rules["default-src"] == ["'self'"]
        expected = {script_hash(script) for script in read_scripts(text).inline}
        assert set(rules["script-src"]) == {"'self'", *expected}, where
        assert not [name for name, sources in rules.items() if "'unsafe-inline'" in sources], where
        assert rules["style-src"] == ["'self'"]
        for name, sources in rules.items():
            assert all(s.startswith("'") or s == "data:" for s in sources), f"{where}: {name} {sources}"
        assert rules["frame-src"] == ["'none'"] and rules["object-src"] == ["'none'"]


class _ReferenceScripts(HTMLParser):
    """What a full html.parser pass over the page finds: the oracle of read_scripts' scan."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.inline, self.metas, self.script = [], 0, None

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        if tag == "script" and "src" not in values and values.get("type", "").strip().lower() in SCRIPT_TYPES:
            self.script = []

    def handle_data(self, data):
        if self.script is not None:
            self.script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            self.inline.append("".join(self.script))
            self.script = None


def test_the_scan_finds_the_scripts_a_full_parse_finds_on_every_built_page(built_site):
    for path in sorted(built_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        reference = _ReferenceScripts()
        reference.feed(text)
        reference.close()
        found = read_scripts(text)
        assert found.inline == reference.inline, path
        assert text[:found.charset_end].rstrip().endswith(">") and "charset" in text[:found.charset_end][-40:], path


def test_scripts_in_comments_and_tags_in_scripts_are_read_as_a_parser_reads_them():
    page = ('<html><head><!-- <meta charset="x"> <script>alert(1)</script> -->'
            '<script>var s = "<meta charset=y>";</script><META Charset="utf-8">'
            "<script type='text/javascript' data-x='a>b'>ok()</script><script src=a.js>ignored</script>"
            '<SCRIPT TYPE="module">m()</SCRIPT ></head><header></header></html>')
    scripts = read_scripts(page)
    assert scripts.inline == ['var s = "<meta charset=y>";', "ok()", "m()"]
    assert page[:scripts.charset_end].endswith('<META Charset="utf-8">')
    assert page[:scripts.head_start].endswith("<html><head>")


def test_redirect_pages_have_the_policy_too(built_site):
    redirects = [p for p in built_site.rglob("index.html") if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")]
    assert redirects  # the short addresses /o/<short>/
    for path in redirects:
        assert 'http-equiv="Content-Security-Policy"' in path.read_text(encoding="utf-8"), path


PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>t</title>
<script>alert("a")</script>
<script type="application/json">{"data": true}</script>
<script src="x.js"></script>
<script type="module">import "./m.js";</script>
</head><body><p>x</p></body></html>
"""


def test_only_inline_scripts_that_run_are_hashed():
    scripts = read_scripts(PAGE)
    assert scripts.inline == ['alert("a")', 'import "./m.js";']


def test_the_policy_goes_right_after_the_charset_and_is_exact():
    out = with_policy(PAGE)
    assert out.startswith('<!doctype html>\n<html><head>\n<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    referrer = '<meta name="referrer" content="no-referrer">'
    added = out[out.index("<meta http-equiv"):out.index(referrer) + len(referrer)]
    assert out.replace(added, "", 1) == PAGE  # nothing else changed
    # The hash as a browser computes it (`printf '%s' 'alert("a")' | openssl dgst -sha256 -binary | base64`).
    assert "'sha256-SKV/HgGYXzsfYpUSTmvujMt5ZntUpsb//PekhjFQoL0='" in out


@pytest.mark.parametrize("live_reload", [False, True])
def test_only_the_preview_allows_inline_scripts(live_reload):
    rules = directives(policy(["'sha256-abc'"], live_reload=live_reload))
    assert ("'unsafe-inline'" in rules["script-src"]) is live_reload
    assert ("'sha256-abc'" in rules["script-src"]) is not live_reload
