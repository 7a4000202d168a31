"""Every built page is valid HTML by the W3C Nu HTML Checker (issue 19).

vnu-jar comes from npm (package.json, pinned in package-lock.json) and runs on Java;
`./dev setup --browser` (and so `./dev test`) installs both. The checker reads the
whole site in one run (one JVM start) and reports in JSON, so every error is listed
with its page and line."""

from __future__ import annotations

import json
import shutil
import subprocess

from conftest import ROOT, require_tool

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(folder) -> list[dict]:
    java = shutil.which("java") or "/usr/bin/java"
    require_tool(java, "Java (Nu HTML Checker)")
    require_tool(str(VNU_JAR), "Nu HTML Checker (vnu-jar)", executable=False)
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]


def test_every_built_page_is_valid_html(built_site):
    pages = list(built_site.rglob("*.html"))
    assert pages
    errors = nu_errors(built_site)
    listed = [f"{m.get('url', '').split(str(built_site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors]
    assert not errors, f"{len(errors)} errors on {len(pages)} pages:\n" + "\n".join(listed[:40])


def test_the_checker_finds_an_invalid_page(tmp_path):
    """The test above would pass on an empty report: this proves the checker really runs."""
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="fi"><head><title>x</title></head><body>'
        '<input type="checkbox" autocomplete="off"><label tabindex="">x</label></body></html>',
        encoding="utf-8",
    )
    messages = " ".join(m["message"] for m in nu_errors(tmp_path))
    assert "autocomplete" in messages and "empty string" in messages


def test_material_markup_is_fixed_without_touching_the_rest():
    from guidekit.html_fixes import valid_material_markup

    page = (
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" name="query" autocomplete="off">'
        '<label class="md-nav__link" for="x" id="x_label" tabindex="">A &amp; B</label>'
        '<label for="y" tabindex="0">C</label>'
    )
    fixed = valid_material_markup(page)
    assert '<input class="md-toggle" type="checkbox" id="__drawer">' in fixed
    assert '<input type="text" name="query" autocomplete="off">' in fixed  # allowed on text
    assert '<label class="md-nav__link" for="x" id="x_label">A &amp; B</label>' in fixed
    assert '<label for="y" tabindex="0">C</label>' in fixed


def test_the_scan_fixes_what_a_full_parse_fixes_on_every_built_page(built_site):
    """Built pages with Material's invalid attributes put back, fixed by the scan and by the
    whole-page html.parser pass it replaced (the oracle): the same page, byte for byte."""
    import html as html_module
    from html.parser import HTMLParser

    from guidekit.html_fixes import _invalid_attributes, valid_material_markup

    class Reference(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=False)
            self.fixes = []

        def handle_starttag(self, tag, attrs, closing=">"):
            invalid, written = _invalid_attributes(tag, attrs), self.get_starttag_text()
            if invalid and written:
                kept = "".join(f" {n}" if v is None else f' {n}="{html_module.escape(v, quote=True)}"'
                               for n, v in attrs if n not in invalid)
                self.fixes.append((written, f"<{tag}{kept}{closing}"))

        def handle_startendtag(self, tag, attrs):
            self.handle_starttag(tag, attrs, closing=" />")

    pages = sorted(built_site.rglob("*.html"))
    broken_count = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        broken = text.replace('type="checkbox"', 'type="checkbox" autocomplete="off"').replace(
            'class="md-nav__link"', 'class="md-nav__link" tabindex=""')
        broken_count += broken != text
        reference = Reference()
        reference.feed(broken)
        reference.close()
        expected = broken
        for written, fixed in dict(reference.fixes).items():
            expected = expected.replace(written, fixed)
        assert valid_material_markup(broken) == expected, path
    assert broken_count > len(pages) / 2


def test_the_fix_finds_the_names_in_any_case_and_after_text_that_lowers_longer():
    from guidekit.html_fixes import valid_material_markup

    tag = '<label for="x" TabIndex="">A</label>'
    for before in ("", "İstanbul ", "kırmızı ", "ÄÖ "):  # İ lowers to two characters; re takes ı for i
        page = f"<p>{before}</p>{tag}<input type=checkbox AUTOCOMPLETE=off><p>tabındex</p>"
        assert valid_material_markup(page) == f'<p>{before}</p><label for="x">A</label><input type="checkbox"><p>tabındex</p>'


def test_the_names_are_found_where_a_case_blind_search_finds_them():
    import random
    import re

    from guidekit.html_fixes import _name_positions

    rng = random.Random(7)
    pieces = ["autocomplete", "AutoComplete", "tabindex", "TABINDEX", "tabindextabindex", "auto", "tab",
              "index", "İ", "ı", "ä", " ", "<", '"', "x"]
    for _ in range(500):
        page = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        expected = [m.start() for m in re.finditer("autocomplete|tabindex", page, re.IGNORECASE)]
        assert _name_positions(page) == expected, page
