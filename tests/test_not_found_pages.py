"""Each language's 404 page: its language switcher leads to every language's front page.

A 404 page is shown at any address, so its switcher cannot offer "this page in
another language"; it must lead to the front pages, also when the site lives
under a sub-path of its domain.
"""

from __future__ import annotations

import pytest

from conftest import build_small_site_at
from guidekit.languages import LANGUAGES
from html_tools import parse_html

SUB_PATH_URL = "https://example.test/ohjeet-palvelu/"


def language_folder(lang: str) -> str:
    return "" if lang == "fi" else f"{lang}/"


def front_pages(path_prefix: str) -> dict[str, str]:
    """language → the address of that language's front page, e.g. "selko" → "/selko/"."""
    return {lang: f"{path_prefix}{language_folder(lang)}" for lang in LANGUAGES}


def switcher_links(html) -> dict[str, str]:
    links = html.find_all("a", class_="md-select__link")
    targets = {a.attrs["data-gk-lang"]: a.attrs["href"] for a in links}
    assert len(targets) == len(links), "a language is offered twice"
    return targets


def no_head_alternates(html) -> bool:
    """Material fetches a sitemap.xml next to every <link rel=alternate> (404s); the
    alternates live in sitemap.xml instead."""
    return not html.find_all("link", rel="alternate")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_switcher_leads_to_each_languages_front_page(built_site, lang):
    html = parse_html(built_site / language_folder(lang) / "404.html")
    assert switcher_links(html) == front_pages("/")
    assert no_head_alternates(html)
    for href in front_pages("/").values():
        assert (built_site / href.lstrip("/") / "index.html").is_file(), href


GUIDE = """---
title: Kysy chatissa
description: Näin kysyt chatissa.
---

# Kysy chatissa

Avaa chat ja kirjoita kysymys.
"""


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    """A small site under a sub-path whose last page built is a guide, not a front page."""
    return build_small_site_at(tmp_path_factory.mktemp("not-found-sub-path"), {
        "fi/index.md": "---\ntitle: Etusivu\ndescription: Etusivu.\n---\n# Etusivu\n\nTervetuloa.\n",
        "fi/ohjeet/chat.md": GUIDE,
        "sv/index.md": "---\ntitle: Startsida\ndescription: Startsida.\n---\n# Startsida\n\nVälkommen.\n",
    }, SUB_PATH_URL)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_switcher_under_a_sub_path_keeps_the_sub_path(sub_path_site, lang):
    html = parse_html(sub_path_site / language_folder(lang) / "404.html")
    assert switcher_links(html) == front_pages("/ohjeet-palvelu/")
    assert no_head_alternates(html)
