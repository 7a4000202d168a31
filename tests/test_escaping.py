"""Escaping by construction (issue 14): hostile front matter and data values are printed
as text even in a build that publishes despite the FM110/DA101/DA102 errors
(`mkdocs build --no-strict`, as `mkdocs serve --no-strict` would), and an address from
data becomes a link only when it is https:, mailto: or tel:."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
import yaml
from markupsafe import Markup

from conftest import MKDOCS, make_site
from guidekit.facts import safe_in_markdown
from guidekit.htmlsafe import escape_strings, plain_text, safe_href
from html_tools import parse_html

HOSTILE_TITLE = "Kysy<img src=x onerror=alert(1)>"
HOSTILE_DESCRIPTION = '"><script>alert(2)</script>'
HOSTILE_PHONE = "010 555<script>alert(3)</script>"
HOSTILE_PHONE_LINK = '+358" onclick="alert(4)'
HOSTILE_CHAT = "javascript:alert(5)"
HOSTILE_FORM = "javascript:alert(6)"
HOSTILE_UI = "Saat apua<svg onload=alert(7)>"

GUIDE = f"""---
title: '{HOSTILE_TITLE}'
description: '{HOSTILE_DESCRIPTION}'
service: chat
reviewed: 2026-11-23
owner: Viestintä
short: vihamielinen
---

# Kysy chatissa

Soita numeroon {{{{ customer_service.phone }}}}. Avaa [chat]({{{{ chat.url }}}}).

## Jos ei onnistu

Soita.
"""
# No heading: Material's search then indexes the front-matter title as the page's title.
NO_HEADING = f"---\ntitle: '{HOSTILE_TITLE}'\ndescription: Sivu.\n---\n\nTällä sivulla ei ole otsikkoa.\n"
INDEX = "---\ntitle: Etusivu\ndescription: Etusivu.\n---\n\n# Etusivu\n\nAloita tästä.\n"


def _edit_yaml(path, edit):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    config = make_site(folder, {"fi/index.md": INDEX, "fi/ohjeet/vihamielinen.md": GUIDE,
                                 "fi/ilman-otsikkoa.md": NO_HEADING})

    def county(data):
        data["customer_service"]["phone"] = HOSTILE_PHONE
        data["customer_service"]["phone_link"] = HOSTILE_PHONE_LINK
        data["chat"]["url"] = HOSTILE_CHAT
        data["feedback"]["form_url"] = HOSTILE_FORM

    def ui(data):
        for words in data.values():
            words["get_help"] = HOSTILE_UI

    _edit_yaml(folder / "data" / "county.yml", county)
    _edit_yaml(folder / "data" / "ui.yml", ui)
    site = folder / "site"
    result = subprocess.run(
        [*MKDOCS, "build", "--no-strict", "-f", str(config), "-d", str(site)],
        cwd=folder, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDEKIT_CHECKS": "0"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The data checks still report what they found, though this build publishes.
    assert "[DA101]" in result.stderr and "[DA102]" in result.stderr, result.stderr
    return site


def _pages(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 8  # four languages, each with the front page and the guide
    return pages


def test_no_hostile_value_becomes_an_element_or_attribute(hostile_site):
    for page in _pages(hostile_site):
        for element in parse_html(page).iter():
            where = f"{page.relative_to(hostile_site)}: <{element.tag} {element.attrs}>"
            assert not [name for name in element.attrs if name.startswith("on")], where
            assert element.tag != "img" or element.attrs.get("src") != "x", where
            assert element.tag != "svg" or "alert" not in str(element.attrs), where
            if element.tag == "script":
                assert "alert(" not in element.text, where
            for name in ("href", "src", "action"):
                assert not element.attrs.get(name, "").strip().lower().startswith("javascript:"), where


@pytest.mark.parametrize("lang_prefix", ["", "sv/", "en/", "selko/"])
def test_hostile_values_are_shown_as_text(hostile_site, lang_prefix):
    guide = parse_html(hostile_site / lang_prefix / "ohjeet" / "vihamielinen" / "index.html")
    [head] = guide.find_all("head")
    [title] = head.find_all("title")
    assert title.text.startswith(HOSTILE_TITLE)
    descriptions = [m.attrs["content"] for m in guide.find_all("meta") if m.attrs.get("name") == "description"]
    assert descriptions == [HOSTILE_DESCRIPTION]
    # Material's navigation prints page titles as they are: here they are text.
    assert HOSTILE_TITLE in [link.text for link in guide.find_all("a")]
    [help_box] = guide.find_all("aside", class_="gk-help")
    assert HOSTILE_UI in help_box.text and HOSTILE_PHONE in help_box.text
    # The unsafe chat address is text, not a link; the phone link stays a tel: link.
    assert HOSTILE_CHAT in help_box.text
    hrefs = [link.attrs.get("href", "") for link in help_box.find_all("a")]
    assert not [href for href in hrefs if "alert" in href and not href.startswith("tel:")], hrefs
    assert [href for href in hrefs if href.startswith("tel:")], hrefs
    # The feedback form's address was unsafe: the link falls back to email.
    [feedback] = guide.find_all("section", class_="gk-feedback")
    assert [link.attrs["href"] for link in feedback.find_all("a")][0].startswith("mailto:")


def test_a_fact_in_the_text_is_text_and_an_unsafe_address_is_dropped(hostile_site):
    guide = parse_html(hostile_site / "ohjeet" / "vihamielinen" / "index.html")
    [article] = guide.find_all("div", class_="gk-page")
    assert HOSTILE_PHONE in article.text
    [chat_link] = [a for a in article.find_all("a") if a.text == "chat"]
    assert "javascript" not in chat_link.attrs.get("href", "")


def test_the_search_index_holds_the_title_escaped(hostile_site):
    # Material's search shows result titles as HTML: the index must hold them escaped.
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    assert not [title for title in titles if "<img" in title], titles
    assert [doc["title"] for doc in index["docs"] if doc["location"] == "ilman-otsikkoa/"] == [
        "Kysy&lt;img src=x onerror=alert(1)&gt;"]


@pytest.mark.parametrize("value, expected", [
    ("https://chat.example/", "https://chat.example/"),
    ("mailto:a@example.fi", "mailto:a@example.fi"),
    ("tel:+358105550100", "tel:+358105550100"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("http://chat.example/", None),
    ("//evil.example/", None),
    ("", None),
    (None, None),
])
def test_safe_href_keeps_only_https_mailto_and_tel(value, expected):
    assert safe_href(value) == expected


def test_escaped_values_are_not_escaped_twice():
    escaped = escape_strings({"a": ["<b>", {"c": "&"}], "d": 3})
    assert escaped == {"a": ["&lt;b&gt;", {"c": "&amp;"}], "d": 3}
    assert isinstance(escaped["a"][0], Markup)
    assert escape_strings(escaped) == escaped
    assert plain_text(escaped["a"][0]) == "<b>"


def test_a_fact_is_never_markup_nor_an_unsafe_address():
    assert safe_in_markdown("customer_service.phone", "010<script>") == "010&lt;script&gt;"
    assert safe_in_markdown("chat.url", "javascript:alert(1)") == ""
    assert safe_in_markdown("chat.url", "https://chat.example/") == "https://chat.example/"
