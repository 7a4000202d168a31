"""Each language searches only its own pages and fetches only its own index."""

from __future__ import annotations

import gzip
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


# Done when of issue 15: one language's search data stays under this for the real site.
MAX_INDEX_GZIP = 150_000


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_index_carries_its_languages_analysis_for_the_search_worker(built_site, lang):
    path = built_site / output_dir(lang) / "search" / "search_index.json"
    index = load_index(built_site, lang)
    data = index["config"]["guidekit"]
    assert data["lang"] == lang
    assert len(data["postings"]) == len(data["terms"]) > 0
    for flat in data["postings"]:
        assert all(0 <= doc < len(index["docs"]) for doc in flat[0::2])
        assert all(weight > 0 for weight in flat[1::2])
    for ids in data["synonyms"].values():
        assert ids and all(0 <= i < len(data["terms"]) for i in ids)
    for ids in data["forms"].values():  # a compound part is -(id + 1)
        assert ids and all(0 <= (i if i >= 0 else -i - 1) < len(data["terms"]) for i in ids)
    # The title of each page is among its terms (in the lower case the worker looks up).
    terms = set(data["terms"])
    for doc in index["docs"]:
        if "#" not in doc["location"]:
            title_words = re.findall(r"[^\W_]+", re.sub(r"<[^>]+>", "", doc["title"]).lower())
            assert any(w in terms or w in data["forms"] for w in title_words), doc["title"]
    assert len(gzip.compress(path.read_bytes(), 9)) < MAX_INDEX_GZIP
