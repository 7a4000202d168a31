"""The raw-HTML allow-list HT101–HT103 (guidekit/rawhtml.py): fixtures per rule
(tests/fixtures/html/{ID}-bad.md marks each line that must be flagged with
`<!-- expect -->`), explicit cases, messages in Finnish and English, and the strict build
failing on a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_site, run_build
from guidekit.document import parse_document
from guidekit.lint import findings_for, make_context

FIXTURES = Path(__file__).parent / "fixtures" / "html"
MARK = "<!-- expect -->"
RULES = ("HT101", "HT102", "HT103")


@pytest.fixture(scope="module")
def ctx(root):
    return make_context(root)


def html_findings(text: str, ctx, lang: str = "fi", path: str = "docs/fi/ohjeet/x.md"):
    doc = parse_document(text, path, lang, ctx.facts)
    return [f for f in findings_for(doc, ctx) if f.rule.startswith("HT")]


def page(body: str) -> str:
    return f"---\ntitle: Ohje\ndescription: Ohje.\n---\n\n# Ohje\n\n{body}\n"


@pytest.mark.parametrize("rid", RULES)
def test_bad_fixture_is_flagged_exactly_where_marked(ctx, rid):
    text = (FIXTURES / f"{rid}-bad.md").read_text(encoding="utf-8")
    expected = {n for n, line in enumerate(text.split("\n"), start=1) if MARK in line}
    assert expected
    findings = html_findings(text, ctx)
    assert {f.line for f in findings if f.rule == rid} == expected, [f.format() for f in findings]
    assert all(f.severity == "error" for f in findings)


def test_good_fixture_has_no_raw_html_finding(ctx):
    text = (FIXTURES / "HT101-good.md").read_text(encoding="utf-8")
    assert [f.format() for f in html_findings(text, ctx)] == []


@pytest.mark.parametrize("body, rule, what", [
    ('<script>alert(1)</script>', "HT101", "<script>"),
    ('<SCRIPT SRC="https://x.example/a.js"></SCRIPT>', "HT101", "<script>"),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "HT101", "<iframe>"),
    ('<div class="mermaid">graph TD; A-->B</div>', "HT101", '<div class="mermaid">'),
    ('<base href="https://evil.example/">', "HT101", "<base>"),
    ('<p onclick="alert(1)">x</p>', "HT102", "onclick"),
    ('<iMg src="../assets/images/kirjaudu.png" alt="" OnErRoR="alert(1)">', "HT102", "onerror"),
    ('<p style="background:url(//t.example/p.png)">x</p>', "HT102", "style"),
    ('<a href="vbscript:msgbox(1)">x</a>', "HT103", "vbscript:msgbox(1)"),
    ('<a href=" javascript:alert(1)">x</a>', "HT103", "javascript:alert(1)"),
    ('[x](data:text/html;base64,PHNjcmlwdD4=)', "HT103", "data:text/html;base64,PHNjcmlwdD4="),
    ('<javascript:alert(1)>', "HT103", "javascript:alert(1)"),
    ('<img src="../assets/images/kirjaudu.png" alt="" srcset="../a.png 1x, https://t.example/b.png 2x">',
     "HT103", "../a.png 1x, https://t.example/b.png 2x"),
])
def test_unsafe_html_is_named_with_its_rule(ctx, body, rule, what):
    findings = html_findings(page(body), ctx)
    assert [(f.rule, f.line) for f in findings] == [(rule, 8)], [f.format() for f in findings]
    assert what in findings[0].message


@pytest.mark.parametrize("body", [
    "# Otsikko {: onclick=\"alert(1)\" }",
    "Kappale.\n{: onmouseover=\"alert(1)\" }",
    "[linkki](https://www.suomi.fi/){onclick=\"alert(1)\"}",
])
def test_an_attribute_list_with_a_handler_is_flagged(ctx, body):
    # Python-Markdown's attr_list publishes any attribute given in {…}.
    assert [f.rule for f in html_findings(page(body), ctx)] == ["HT102"]


@pytest.mark.parametrize("body", [
    "[Suomi.fi](https://www.suomi.fi/) ja [sähköposti](mailto:apu@esimerkkila.example)",
    "<a href=\"https://www.suomi.fi/\">ulkoinen linkki on sallittu</a>",
    "<kbd>Ctrl</kbd> + <kbd>P</kbd>",
    "Teksti, jossa on merkki < ja > mutta ei HTML:ää.",
    "```html\n<script>alert(1)</script>\n```",
    "    <iframe src=\"https://x.example/\"></iframe>",
    "`<script>`",
    "<!-- kommentti <script> -->",
    "## Otsikko {: #id .luokka }",
])
def test_allowed_html_code_and_text_are_not_flagged(ctx, body):
    assert [f.format() for f in html_findings(page(body), ctx)] == []


def test_messages_say_what_and_how_to_fix_in_finnish_and_english(root):
    text = page('<iframe src="https://www.youtube.com/embed/x"></iframe>')
    [finnish] = html_findings(text, make_context(root))
    [english] = html_findings(text, make_context(root, message_lang="en"))
    assert finnish.format() == (
        "[HT101] docs/fi/ohjeet/x.md:8: ohjeen HTML:ssä on elementti <iframe>, jota ei saa käyttää: upotus lataa "
        "sisältöä toiselta palvelimelta ja kertoo sille jokaisen lukijan tiedot — poista upotus ja linkitä "
        "sisältöön tavallisella linkillä, esim. [Katso video](https://…)"
    )
    assert english.message.startswith("the guide's HTML has the element <iframe>, which is not allowed")
    assert english.fix.startswith("remove the embed")


def test_a_suppression_with_a_reason_silences_one_finding(ctx):
    body = "<!-- guidekit-disable HT101: esimerkki vaarallisesta koodista -->\n<script>x</script>\n\n<script>y</script>"
    assert [f.line for f in html_findings(page(body), ctx)] == [11]


def test_the_strict_build_fails_on_raw_html_and_names_file_and_line(tmp_path):
    index = page("Tervetuloa.\n\n<iframe src=\"https://www.youtube.com/embed/x\"></iframe>")
    config = make_site(tmp_path, {"fi/index.md": index})
    result = run_build(config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "[HT101] docs/fi/index.md:10:" in output, output
