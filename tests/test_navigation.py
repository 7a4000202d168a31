"""A page's HTML carries only the open part of the navigation (issue 8: page weight).

With navigation.prune, a collapsed nav section is one link to its first page instead of
a hidden list of all its pages, so a guide page does not grow with every guide added
to another service's section."""

from __future__ import annotations

import datetime as dt
import random

from conftest import make_site, run_build
from guidekit.bench import OWNER, guide_text
from html_tools import parse_html

# Two services' guides, each in its own folder under ohjeet/: MkDocs makes each folder
# a nav section (the small site has no nav of its own).
GUIDES = {
    "chat": ["avaa-chat", "jonota-chatissa", "lopeta-chat"],
    "booking": ["varaa-aika", "peru-aika", "siirra-aika"],
}


def guide_pages() -> dict[str, str]:
    rng = random.Random(8)
    pages = {"fi/index.md": "---\ntitle: Etusivu\ndescription: Sivuston etusivu.\n---\n# Etusivu\n\nTervetuloa sivulle.\n"}
    for number, (service, slug) in enumerate(((s, slug) for s, slugs in GUIDES.items() for slug in slugs), start=1):
        fields = {"service": service, "reviewed": dt.date.today(), "owner": OWNER, "short": slug}
        pages[f"fi/ohjeet/{service}/{slug}.md"] = guide_text("fi", number, rng, fields)
    return pages


def nav_links(page) -> set[str]:
    """Every link target in the page's main navigation, as written in the HTML."""
    return {a.attrs["href"] for nav in page.find_all("nav", class_="md-nav--primary") for a in nav.find_all("a") if a.attrs.get("href")}


def test_a_guide_page_lists_its_own_sections_guides_but_not_a_collapsed_sections(tmp_path):
    config = make_site(tmp_path / "src", guide_pages())
    site = tmp_path / "site"
    result = run_build(config, site)
    assert result.returncode == 0, result.stdout + result.stderr

    page = parse_html(site / "ohjeet" / "chat" / "jonota-chatissa" / "index.html")
    links = nav_links(page)
    # Its own section is open: the sibling guides are there.
    assert {"../avaa-chat/", "../lopeta-chat/"} <= links
    # The other service's section is collapsed: one link, to its first guide, leads
    # into it; its other guides are not in the HTML at all.
    first_booking = min(GUIDES["booking"])  # MkDocs orders a folder's pages by name
    assert {href for href in links if "/booking/" in href} == {f"../../booking/{first_booking}/"}
    html = (site / "ohjeet" / "chat" / "jonota-chatissa" / "index.html").read_text(encoding="utf-8")
    for slug in GUIDES["booking"]:
        if slug != first_booking:
            assert f"booking/{slug}/" not in html
