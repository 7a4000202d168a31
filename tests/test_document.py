"""The page parser (guidekit/document.py): what Markdown allows is read as the build reads
it, and every finding lands on its own line.

Each case is one small page parsed with markdown-it-py and, where a rule is the point,
run through the rules with the real guidekit.yml (guidekit.lint.findings_for)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidekit import frontmatter
from guidekit.addresses import read_page
from guidekit.document import parse_document, split_front_matter
from guidekit.frontmatter import read_front_matter
from guidekit.lint import findings_for, make_context
from guidekit.sentences import page_sentences, split_settings
from guidekit.translations import normalized_content, set_source_hash

ROOT = Path(__file__).resolve().parent.parent
PAGE = "docs/fi/ohjeet/zz-testiohje-parseri.md"
FACTS = {"palvelu": {"aukiolo": "ma–pe 8–16", "nimi": "Testipalvelu"}}


@pytest.fixture(scope="module")
def ctx():
    return make_context(ROOT)


def parse(body: str, facts: dict | None = FACTS, path: str = PAGE):
    return parse_document(body, path, path.split("/")[1], facts)


def found(ctx, body: str, rule: str, facts: dict | None = FACTS) -> list[int]:
    """The lines at which `rule` reports on a page of this body."""
    return [f.line for f in findings_for(parse(body, facts), ctx) if f.rule == rule]


def long_sentence(ctx, lang: str = "fi") -> str:
    """A sentence one word longer than PL101 allows in the language (from guidekit.yml)."""
    limit = int(ctx.config.rule("PL101", lang)["max_words"])
    return " ".join(["Sana"] + ["talo"] * limit) + "."


def units(doc) -> list[tuple[str, int, str]]:
    return [(u.kind, u.line, u.text) for u in doc.units]


# --- images -----------------------------------------------------------------------------


def test_reference_style_image_without_alt_is_reported_at_its_line(ctx):
    body = (
        "# Otsikko\n\n"
        "Avaa sovellus.\n\n"
        "![][kuva]\n\n"  # line 5
        "Kirjaudu sisään.\n\n"
        "![Kirjautumisnäkymä. Kirjaudu-painike on alhaalla.][kirjaudu]\n\n"  # line 9
        "[kuva]: ../assets/images/kuva.png\n"
        '[kirjaudu]: ../assets/images/kirjaudu.png "Kirjaudu"\n'
    )
    doc = parse(body)
    assert [(i.line, i.src, i.alt, i.title) for i in doc.images] == [
        (5, "../assets/images/kuva.png", "", None),
        (9, "../assets/images/kirjaudu.png", "Kirjautumisnäkymä. Kirjaudu-painike on alhaalla.", "Kirjaudu"),
    ]
    assert found(ctx, body, "IMG101") == [5]
    # The definitions are no prose.
    assert all("assets" not in u.text for u in doc.units)


def test_undefined_reference_is_no_image_as_in_the_build():
    assert parse("# Otsikko\n\nKatso ![kuva][ei-ole].\n").images == []


def test_images_in_block_quotes_and_list_items_are_reported_at_their_lines(ctx):
    body = (
        "# Otsikko\n\n"
        "> Lainaus alkaa.\n"
        "> ![](lainaus.png)\n\n"  # line 4
        "1. Avaa sovellus.\n\n"
        "    ![](kohta.png)\n\n"  # line 8: four spaces in a numbered item is the item, not code
        "2. Valitse kohta.\n"
        "    - Sisempi kohta ![](sisempi.png)\n"  # line 11
    )
    doc = parse(body)
    assert [(i.line, i.src) for i in doc.images] == [(4, "lainaus.png"), (8, "kohta.png"), (11, "sisempi.png")]
    assert found(ctx, body, "IMG101") == [4, 8, 11]


def test_raw_img_inline_and_as_html_block_are_read_with_their_attributes(ctx):
    body = (
        "# Otsikko\n\n"
        'Paina painiketta <img src="nappi.png"> ja odota.\n\n'  # line 3: no alt at all
        "<p>\n"
        "  <img class='kuvake' src=ohje.png\n"  # line 6
        '       alt="Ohje &amp; neuvot">\n'
        "</p>\n\n"
        '<img src="koriste.png" alt="" role="presentation">\n'  # line 10
    )
    doc = parse(body)
    assert [(i.line, i.src, i.alt, i.html, i.decorative) for i in doc.images] == [
        (3, "nappi.png", None, True, False),
        (6, "ohje.png", "Ohje & neuvot", True, False),
        (10, "koriste.png", "", True, True),
    ]
    assert doc.images[1].attrs["class"] == "kuvake"
    assert found(ctx, body, "IMG101") == [3]
    # The tag is no prose; the words around it are.
    assert ("paragraph", 3, "Paina painiketta ja odota.") in units(doc)


def test_decorative_attribute_lists_both_spellings(ctx):
    body = (
        "# Otsikko\n\n"
        "![](koriste.svg){.decorative}\n\n"
        "![](toinen.svg){: .decorative }\n\n"
        "![](kolmas.svg){ width=20 }\n\n"  # line 7: attributes, but not decorative
        "![](sama.svg) ![](sama.svg){: .decorative}\n"  # line 9: each image its own marks
    )
    doc = parse(body)
    assert [(i.line, i.decorative) for i in doc.images] == [(3, True), (5, True), (7, False), (9, False), (9, True)]
    assert doc.images[2].attrs == {"width": "20"}
    assert found(ctx, body, "IMG101") == [7, 9]
    assert units(doc) == [("heading", 1, "Otsikko")]


# --- prose --------------------------------------------------------------------------------


def test_block_quote_marks_never_stay_in_the_prose():
    doc = parse("# Otsikko\n\n> Ensimmäinen rivi\n> jatkuu tässä.\n>\n> > Sisempi lainaus.\n")
    assert units(doc)[1:] == [
        ("paragraph", 3, "Ensimmäinen rivi jatkuu tässä."),
        ("paragraph", 6, "Sisempi lainaus."),
    ]
    assert not any(">" in u.text for u in doc.units)


def test_setext_headings_are_headings(ctx):
    body = "Pääotsikko\n==========\n\nAvaa sovellus.\n\nVäliotsikko\n-----------\n\nKirjaudu sisään.\n"
    doc = parse(body)
    assert [(u.kind, u.line, u.level, u.text) for u in doc.units if u.kind == "heading"] == [
        ("heading", 1, 1, "Pääotsikko"),
        ("heading", 6, 2, "Väliotsikko"),
    ]
    assert not any("=" in u.text or "---" in u.text for u in doc.units)


def test_fenced_and_indented_code_is_never_prose(ctx):
    sentence = long_sentence(ctx)
    body = (
        "# Otsikko\n\n"
        "Lyhyt kappale.\n\n"
        f"```\n{sentence}\n```\n\n"
        f"~~~text\n{sentence}\n~~~\n\n"
        f"    {sentence}\n\n"
        "Toinen kappale.\n"
    )
    doc = parse(body)
    assert units(doc) == [
        ("heading", 1, "Otsikko"),
        ("paragraph", 3, "Lyhyt kappale."),
        ("paragraph", 15, "Toinen kappale."),
    ]
    assert [f for f in findings_for(doc, ctx) if f.rule.startswith("PL")] == []
    # The same sentence as prose is reported: the code, not the sentence, made the difference.
    assert found(ctx, f"# Otsikko\n\n{sentence}\n", "PL101") == [3]


def test_words_keep_their_lines_through_markup():
    doc = parse("# Otsikko\n\n> Avaa **sovellus** ja\n> valitse [Kirjaudu](kirjaudu.md).\n")
    sentence = page_sentences(doc, split_settings({}, "fi"))[1]
    assert [(w.text, w.line) for w in sentence.words] == [
        ("Avaa", 3), ("sovellus", 3), ("ja", 3), ("valitse", 4), ("Kirjaudu", 4),
    ]


def test_admonitions_are_prose_of_their_own():
    body = (
        "# Otsikko\n\n"
        '!!! note "Huomaa tämä"\n'
        "    Ota henkilökortti mukaan.\n\n"
        "??? tip\n"
        "    Voit myös soittaa.\n"
    )
    assert units(parse(body)) == [
        ("heading", 1, "Otsikko"),
        ("paragraph", 3, "Huomaa tämä"),
        ("paragraph", 4, "Ota henkilökortti mukaan."),
        # No title written: Material shows the type's name ("Tip"), which is not the author's text.
        ("paragraph", 7, "Voit myös soittaa."),
    ]


def test_fact_placeholders_are_filled_and_unknown_ones_reported_at_their_line(ctx):
    body = (
        "# Otsikko\n\n"
        "Palvelu on auki {{ palvelu.aukiolo }}.\n\n"
        "Soita {{ palvelu.puhelin }} tai kirjoita.\n\n"  # line 5: no such fact
        "```\n{{ esimerkki.avain }}\n```\n\n"  # code shows the syntax; not a fact
        "<!-- {{ kommentti.avain }} -->\n"
    )
    doc = parse(body)
    assert ("paragraph", 3, "Palvelu on auki ma–pe 8–16.") in units(doc)
    assert doc.unknown_facts == [(5, "palvelu.puhelin")]
    assert found(ctx, body, "GK002") == [5]


# --- suppressions -------------------------------------------------------------------------


def test_suppression_comments_cover_their_line_and_the_next(ctx):
    sentence = long_sentence(ctx)
    body = (
        "# Otsikko\n\n"
        "<!-- guidekit-disable PL101: lain nimi, ei voi lyhentää -->\n"
        f"{sentence}\n\n"  # line 4: silenced
        f"{sentence}\n\n"  # line 6: reported
        "<!-- guidekit-disable PL101:\n     syy jatkuu toisella rivillä -->\n"
        f"{sentence}\n\n"  # line 10: silenced by the comment that ends just above
        "<!-- guidekit-disable PL101 -->\n"
        f"{sentence}\n\n"  # line 13: a reason is required; GK001 at the comment
        f"```\n<!-- guidekit-disable PL101: koodissa -->\n```\n{sentence}\n"  # line 18
    )
    doc = parse(body)
    assert [(s.line, s.rules, s.reason) for s in doc.suppressions] == [
        (3, ("PL101",), "lain nimi, ei voi lyhentää"),
        (8, ("PL101",), "syy jatkuu toisella rivillä"),
        (12, ("PL101",), ""),
    ]
    assert found(ctx, body, "PL101") == [6, 13, 18]
    assert found(ctx, body, "GK001") == [12]


# --- front matter -------------------------------------------------------------------------


def test_front_matter_is_parsed_once_for_every_reader(monkeypatch):
    text = "---\ntitle: Testi\nshort: zz-testiohje-kerran\n---\n\n# Testi\n\nTeksti.\n"
    loads = []
    real = frontmatter._load
    monkeypatch.setattr(frontmatter, "_load", lambda *args: loads.append(1) or real(*args))
    frontmatter._read_front_matter.cache_clear()
    doc = parse(text)
    assert doc.front is read_front_matter(text)
    assert split_front_matter(text) == ({"title": "Testi", "short": "zz-testiohje-kerran"}, None, 5)
    assert read_page(text, "fi", "ohjeet/zz-testiohje-kerran.md").short_line == 3
    assert normalized_content(text).startswith("Testi")
    assert set_source_hash(text, "abc").count("source_hash") == 1
    assert len(loads) == 1
    assert doc.units[0] == doc.units[0].__class__("heading", 6, 6, "Testi", 1)


def test_repeated_field_keeps_mkdocs_view_and_fm101_reports_its_line(ctx):
    text = "---\ntitle: Eka\ndescription: Kuvaus.\ntitle: Toka\n---\n\n# Testi\n"
    doc = parse(text)
    # MkDocs reads the last value; the document is readable, and FM101 names the repeat.
    assert doc.front_matter["title"] == "Toka" and doc.front_matter_error is None
    assert (doc.front.error.problem, doc.front.error.line) == ("duplicate_field", 4)
    assert doc.front.field_lines == {"title": 2, "description": 3}
    assert [f.line for f in findings_for(doc, ctx) if f.rule == "FM101"] == [4]


def test_broken_front_matter_gives_fm101_at_its_line_and_body_after_it(ctx):
    text = "---\ntitle: Testi\ndescription: Ohje: näin\n---\n\n# Testi\n"
    doc = parse(text)
    assert doc.front_matter_error is not None and doc.body_start == 5
    assert [f.line for f in findings_for(doc, ctx) if f.rule == "FM101"] == [3]
    assert units(doc) == [("heading", 6, "Testi")]


def test_source_hash_line_keeps_crlf_line_endings():
    text = '---\r\ntitle: Testi\r\nsource_hash: "old"\r\n---\r\n\r\n# Testi\r\n'
    assert set_source_hash(text, "new") == text.replace('"old"', '"new"')
    added = set_source_hash("---\r\ntitle: Testi\r\n---\r\n", "new")
    assert added == '---\r\ntitle: Testi\r\nsource_hash: "new"\r\n---\r\n'
