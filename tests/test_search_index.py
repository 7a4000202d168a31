"""Each language searches only its own pages and fetches only its own index."""

from __future__ import annotations

import json
import re

import pytest

from guidekit.i18n_plugin import own_language_index
from guidekit.languages import LANGUAGES
from test_site import built_path, output_dir, source_pages

SEARCH_LANG = {"fi": ["fi"], "sv": ["sv"], "en": ["en"], "selko": ["fi"]}


def test_own_language_index_keeps_own_pages_relative_to_the_language_root():
    index = {
        "config": {"lang": ["fi", "sv", "en"]},
        "docs": [
            {"location": "sv/ohjeet/chat/#starta", "title": "Starta", "text": "a"},
            {"location": "sv/", "title": "Start", "text": "b"},
            {"location": "sv/ohjeet/viestit/", "title": "Viestit", "text": "suomeksi"},
        ],
    }
    result = own_language_index(index, "sv/", {"sv/ohjeet/viestit/"}, "sv")
    assert result["config"]["lang"] == ["sv"]
    assert [d["location"] for d in result["docs"]] == ["ohjeet/chat/#starta", ""]


def load_index(site, lang):
    return json.loads((site / output_dir(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_index_of_its_own_pages(root, built_site, lang):
    index = load_index(built_site, lang)
    assert index["config"]["lang"] == SEARCH_LANG[lang]
    own_pages = {built_path(built_site, lang, p).parent for p in source_pages(root, lang)}
    indexed_pages = set()
    for doc in index["docs"]:
        page = doc["location"].split("#", 1)[0]
        target = built_site / output_dir(lang) / page
        assert (target / "index.html").is_file(), doc["location"]
        indexed_pages.add(target)
    assert indexed_pages == own_pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_point_search_at_their_own_language(root, built_site, lang):
    page = built_path(built_site, lang, "ohjeet/chat.md")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', page.read_text(encoding="utf-8"), re.S).group(1))
    base = (page.parent / config["base"]).resolve()
    assert base == (built_site / output_dir(lang)).resolve()
