"""The front page by need (guidekit/needs.py): every guide is listed under the needs its
front matter names, in every language, so a new guide appears there by itself. The
built-site test derives the guides and their needs from the tree, never from a list."""

from __future__ import annotations

import pytest

from conftest import checks_tree, write_page
from guidekit.facts import load_facts, localize
from guidekit.frontmatter import is_guide, read_front_matter
from guidekit.languages import LANGUAGES
from guidekit.lint import lint_file, make_context
from guidekit.needs import OTHER, GuideEntry, group_by_need, needs_markdown, needs_of
from html_tools import parse_html
from test_site import built_path, source_pages

NEEDS = {
    "kirjaudu": {"fi": "En pääse kirjautumaan", "sv": "Jag kommer inte in"},
    "kysy": {"fi": "Haluan kysyä"},
}


def entry(path, *needs, title="Otsikko", description=""):
    return GuideEntry(path, title, description, tuple(needs))


def test_guides_are_grouped_in_the_order_of_the_needs_and_keep_their_own_order():
    guides = [entry("ohjeet/b.md", "kysy"), entry("ohjeet/a.md", "kysy", "kirjaudu"), entry("ohjeet/c.md", "kirjaudu")]
    groups = group_by_need(guides, list(NEEDS))
    assert [(need, [g.path for g in items]) for need, items in groups] == [
        ("kirjaudu", ["ohjeet/a.md", "ohjeet/c.md"]),
        ("kysy", ["ohjeet/b.md", "ohjeet/a.md"]),
    ]


def test_a_guide_without_a_known_need_is_listed_last_not_left_out():
    groups = group_by_need([entry("ohjeet/a.md"), entry("ohjeet/b.md", "kirjautuminen"), entry("ohjeet/c.md", "kysy")], list(NEEDS))
    assert [(need, [g.path for g in items]) for need, items in groups] == [
        ("kysy", ["ohjeet/c.md"]),
        (OTHER, ["ohjeet/a.md", "ohjeet/b.md"]),
    ]


def test_markdown_has_a_heading_per_need_in_the_page_language_and_escapes_titles():
    text = needs_markdown([entry("ohjeet/a.md", "kirjaudu", title="Kirjaudu *heti* [nyt]", description="Näin <b>")],
                          NEEDS, "Muut ohjeet", "sv")
    assert text.splitlines()[0] == "## Jag kommer inte in"
    assert r"- **[Kirjaudu \*heti\* \[nyt\]](ohjeet/a.md)** – Näin &lt;b>" in text
    assert needs_markdown([entry("ohjeet/a.md", "kysy")], NEEDS, "Muut ohjeet", "selko").startswith("## Haluan kysyä")


@pytest.mark.parametrize(("value", "expected"), [(["a", " b "], ("a", "b")), ("a", ("a",)), (None, ()), (3, ())])
def test_needs_of_accepts_a_list_or_one_id(value, expected):
    assert needs_of({"needs": value}) == expected


def test_unknown_need_is_a_finding_that_lists_the_known_ones(tmp_path):
    tree = checks_tree(tmp_path)
    known = list(load_facts(tree / "data" / "county.yml")["needs"])
    page = write_page(tree, "fi/ohjeet/chat.md", (
        "---\ntitle: Kysy chatissa\ndescription: Näin kysyt.\nservice: chat\n"
        f"needs: [{known[0]}, kirjautuminen]\nreviewed: 2026-01-05\nowner: Viestintä\nshort: chat\n---\n\n"
        "# Kysy chatissa\n\nKirjoita kysymys chattiin.\n"))
    findings = [f for f in lint_file(page, make_context(tree)) if f.rule == "FM111"]
    assert [(f.line, f.severity) for f in findings] == [(5, "error")]
    assert "”kirjautuminen”" in findings[0].message and ", ".join(known) in findings[0].fix


def _front_page_lists(built_site, lang) -> dict[str, list[str]]:
    """Heading → links of the guides under it, in the front page's article."""
    article = parse_html(built_path(built_site, lang, "index.md")).find_all("article")[0]
    lists, heading = {}, None
    for element in article.iter():
        if element.tag == "h2":
            heading = element.text
            lists.setdefault(heading, [])
        elif element.tag == "a" and heading is not None and element.parent.tag == "strong":
            lists[heading].append(element.attrs["href"])
    return lists


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_guide_is_on_its_language_front_page_under_each_of_its_needs(root, built_site, lang):
    facts = load_facts(root / "data" / "county.yml")
    ui = load_facts(root / "data" / "ui.yml")[lang]
    lists = _front_page_lists(built_site, lang)
    guides = 0
    for page in source_pages(root, "fi"):
        own = root / "docs" / lang / page
        text = (own if own.is_file() else root / "docs" / "fi" / page).read_text(encoding="utf-8")
        front = read_front_matter(text).data
        if not is_guide(front, f"docs/fi/{page}"):
            continue
        guides += 1
        href = page[: -len(".md")] + "/"
        headings = [localize(facts["needs"][n], lang) for n in needs_of(front) if n in facts["needs"]] or [ui["other_guides"]]
        for heading in headings:
            assert href in lists.get(heading, []), (page, heading, lists.keys())
    assert guides and sum(len(links) for links in lists.values()) >= guides
