"""A guide on paper (issue 17): its help box lists the phone numbers and the service points'
addresses from data/county.yml instead of links, a heading is never left alone at the foot
of a page, and cross-references still lead somewhere: to a page of the same printout, or
to the other guide's short address.

A small site with a planted layout is printed by Chromium (guidekit pdf) and its PDF read
with pypdf; pdftoppm draws its pages into test-output/print/ for a reviewer.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, build_small_site_at, require_tool
from guidekit.addresses import page_url
from guidekit.facts import load_facts, localize
from guidekit.languages import LANGUAGES
from guidekit.localserver import serve_folder
from guidekit.pdf import CHROMIUM, REGULAR, PrintStyle, heading_pages, print_page
from html_tools import parse_html
from test_print import built_file, guides_of, with_browser
from test_print import plan  # noqa: F401  (fixture shared with the print tests)

SITE_URL = "https://asioi.example/"
SCREENSHOTS = ROOT / "test-output" / "print"
FRONT = "---\ntitle: Etusivu\ndescription: Etusivu.\n---\n# Etusivu\n\nTervetuloa.\n"
# The spacer leaves room at the foot of page 1 for the heading "Apua" but not for the
# block after it, which may not be split: without break-after: avoid the heading would
# stay alone at the foot of page 1 (the test checks that too).
CHAT = """---
title: Kysy chatissa
description: Näin kysyt chatissa.
service: chat
reviewed: 2026-11-23
owner: Digituki
short: chat
---

# Kysy chatissa

Jos et pääse alkuun, lue [kohta Apua](#apua). Kirjaudu ensin: lue ohje [Ota sovellus käyttöön](sovellus.md).

<div class="paper-spacer"></div>

## Apua {#apua}

<div class="paper-block">Soita meille.</div>
"""
APP = """---
title: Ota sovellus käyttöön
description: Näin otat sovelluksen käyttöön.
service: app
reviewed: 2026-11-23
owner: Digituki
short: sovellus
---

# Ota sovellus käyttöön

1. Lataa sovellus.
"""
SUPPORT = "---\ntitle: Digituki\ndescription: Mistä saat apua.\n---\n# Digituki\n\nTule käymään.\n"
# The control: the same page with headings free to end a page.
NO_AVOID = PrintStyle("-no-avoid", "no-avoid.css")


def page_texts(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    require_tool(CHROMIUM, "Chromium")
    folder = tmp_path_factory.mktemp("paper")
    site = build_small_site_at(folder, {"fi/index.md": FRONT, "fi/ohjeet/chat.md": CHAT,
                                        "fi/ohjeet/sovellus.md": APP, "fi/digituki.md": SUPPORT}, SITE_URL)
    # The planted sizes come from the site's own stylesheet: the pages' policy (CSP) lets
    # no style attribute through, on screen or on paper.
    with (site / "assets" / "stylesheets" / "site.css").open("a", encoding="utf-8") as css:
        css.write("\n.paper-spacer { height: 110mm; }\n"
                  ".paper-block { height: 120mm; border: 1px solid #000; break-inside: avoid; }\n")
    (site / NO_AVOID.stylesheet).write_text("@media print { .md-typeset h2 { break-after: auto !important; } }",
                                            encoding="utf-8")

    def run(browser):
        page = browser.new_page()
        with serve_folder(site) as base:
            return {style: print_page(page, f"{base}/ohjeet/chat/", folder / f"chat{style.suffix}.pdf", style, base)
                    for style in (REGULAR, NO_AVOID)}

    return {**with_browser(run), "site": site}


def test_a_heading_is_not_left_alone_at_the_foot_of_a_page(printed):
    assert heading_pages(printed[NO_AVOID])["Apua"] == 1, "the planted layout no longer puts the heading at the foot"
    assert heading_pages(printed[REGULAR])["Apua"] == 2
    first, second = page_texts(printed[REGULAR])[:2]
    assert "Soita meille." in second and "Apua" not in first.replace("kohta Apua", "")


def test_a_cross_reference_says_on_which_page_its_section_is(printed):
    word = load_facts(ROOT / "data" / "ui.yml")["fi"]["print_page"]
    first = page_texts(printed[REGULAR])[0]
    assert f"kohta Apua ({word} 2)" in first
    # In the control the heading moved to page 1, and the reference followed it.
    assert f"kohta Apua ({word} 1)" in page_texts(printed[NO_AVOID])[0]


def test_a_link_to_another_guide_prints_its_short_address(printed):
    first = page_texts(printed[REGULAR])[0]
    assert "Ota sovellus käyttöön (asioi.example/o/sovellus/)" in first


def test_the_help_box_on_paper_lists_phone_numbers_and_service_points_from_the_data(printed):
    facts = load_facts(ROOT / "data" / "county.yml")
    text = " ".join(page_texts(printed[REGULAR]))
    assert facts["customer_service"]["phone"] in text and facts["digital_support"]["phone"] in text
    for point in facts["service_points"]["items"]:
        assert localize(point["name"], "fi") in text and point["address"] in text, point["address"]
    # The screen's link to the service points page is no use on paper.
    ui = load_facts(ROOT / "data" / "ui.yml")["fi"]
    assert ui["help_visit_link"] in parse_html(printed["site"] / "ohjeet" / "chat" / "index.html").text
    assert ui["help_visit_link"] not in text and ui["help_visit"] in text


def test_rendered_paper_pages_for_a_reviewer(printed):
    require_tool("/usr/bin/pdftoppm", "pdftoppm (poppler-utils)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["pdftoppm", "-png", "-r", "50", str(printed[REGULAR]), str(SCREENSHOTS / "paper-chat")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(list(SCREENSHOTS.glob("paper-chat*.png"))) == len(PdfReader(printed[REGULAR]).pages)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_guide_has_the_paper_help_facts_hidden_on_screen(built_site, plan, lang):  # noqa: F811
    facts = load_facts(ROOT / "data" / "county.yml")
    for guide in guides_of(plan, lang):
        html = parse_html(built_file(built_site, lang, page_url(guide.path)))
        (paper,) = html.find_all("div", class_="gk-help__paper")
        assert "hidden" in paper.attrs
        assert [a.attrs["href"] for a in paper.find_all("a")] == ["tel:" + facts["digital_support"]["phone_link"]]
        for point in facts["service_points"]["items"]:
            assert localize(point["name"], lang) in paper.text and point["address"] in paper.text
