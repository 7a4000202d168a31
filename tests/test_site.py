"""The built site as a resident meets it: languages, switcher, 404s, facts, nothing external."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import make_site, run_build
from guidekit.facts import load_facts, localize
from guidekit.frontmatter import read_front_matter
from guidekit.helpfinder import upcoming_stops
from guidekit.languages import LANGUAGES
from guidekit.site_context import help_channel_ids
from html_tools import parse_html

HTML_LANG = {"fi": "fi", "sv": "sv", "en": "en", "selko": "fi"}
# BCP 47: language, optional script/region, optional private use (fi-x-selko).
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?(-x(-[a-z0-9]{1,8})+)?$")


def output_dir(lang: str) -> str:
    return "" if lang == "fi" else f"{lang}/"


def built_path(site: Path, lang: str, page: str) -> Path:
    """docs/<lang>/ohjeet/chat.md → site/<lang>/ohjeet/chat/index.html."""
    stem = page[:-3]
    inner = "index.html" if stem == "index" else (stem[: -len("index")] + "index.html" if stem.endswith("/index") else f"{stem}/index.html")
    return site / output_dir(lang) / inner


def source_pages(root: Path, lang: str) -> list[str]:
    folder = root / "docs" / lang
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_its_required_pages_of_its_own(root, lang):
    pages = source_pages(root, lang)
    for required in ("index.md", "digituki.md", "saavutettavuusseloste.md"):
        assert required in pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_are_built_with_the_right_html_lang(root, built_site, lang):
    for page in source_pages(root, lang):
        html = parse_html(built_path(built_site, lang, page))
        assert html.find_all("html")[0].attrs["lang"] == HTML_LANG[lang], page
        # A page of its own language is not marked as fallback content.
        assert not html.find_all("p", class_="gk-fallback-notice"), page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switcher_leads_to_the_same_page_in_each_language(root, built_site, lang):
    for page in source_pages(root, lang):
        path = built_path(built_site, lang, page)
        url = "/" + path.relative_to(built_site).as_posix()
        links = {a.attrs["data-gk-lang"]: a.attrs["href"] for a in parse_html(path).find_all("a", class_="md-select__link")}
        assert set(links) == set(LANGUAGES), page
        for other in LANGUAGES:
            target = urlsplit(urljoin(url, links[other])).path
            expected = "/" + built_path(built_site, other, page).relative_to(built_site).as_posix()
            assert target in (expected, expected.removesuffix("index.html")), (page, other, target)


def test_hreflang_values_are_valid_language_tags(built_site):
    values = set()
    for path in built_site.rglob("*.html"):
        values.update(re.findall(r'hreflang="([^"]*)"', path.read_text(encoding="utf-8")))
    values.update(re.findall(r'hreflang="([^"]*)"', (built_site / "sitemap.xml").read_text(encoding="utf-8")))
    assert values >= {"fi", "sv", "en", "fi-x-selko"}
    assert all(BCP47.match(v) for v in values), values


def test_every_hreflang_alternate_is_absolute(built_site):
    """Search engines want absolute alternates (issue 19): every alternate that carries
    hreflang, `<link rel="alternate">` in the pages and `<xhtml:link>` in sitemap.xml,
    points at an absolute https address. Links a reader clicks (the outdated notice's
    way to the Finnish page) may be relative, so the test does not depend on whether
    a translation is outdated today."""
    hrefs = []
    pages = [(path, r"<link\b[^>]*>") for path in built_site.rglob("*.html")]
    for path, pattern in [*pages, (built_site / "sitemap.xml", r"<xhtml:link\b[^>]*>")]:
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(pattern, text):
            if "hreflang=" not in tag or (path.suffix == ".html" and not re.search(r'\brel="?alternate\b', tag)):
                continue
            found = re.search(r'\bhref="([^"]*)"', tag)
            hrefs.append((path.relative_to(built_site).as_posix(), found.group(1) if found else None))
    assert any(page == "sitemap.xml" for page, _ in hrefs), "no hreflang alternates in sitemap.xml"
    relative = [(page, href) for page, href in hrefs if not (href or "").startswith("https://")]
    assert not relative, relative[:10]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_404_page(root, built_site, lang):
    ui = yaml.safe_load((root / "data" / "ui.yml").read_text(encoding="utf-8"))[lang]
    html = parse_html(built_site / output_dir(lang) / "404.html")
    assert html.find_all("html")[0].attrs["lang"] == HTML_LANG[lang]
    assert ui["not_found_title"] in html.find_all("h1")[0].text
    home = [a.attrs["href"] for a in html.find_all("a") if a.text == ui["not_found_home"]]
    assert home == ["/" + output_dir(lang)]
    help_link = [a.attrs["href"] for a in html.find_all("a") if a.text == ui["not_found_help"]]
    assert help_link == ["/" + output_dir(lang) + "digituki/"]
    assert (built_site / help_link[0].lstrip("/") / "index.html").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_guides_help_box_gives_the_channels_of_its_service_from_the_data_file(root, built_site, lang):
    facts = load_facts(root / "data" / "county.yml")
    guides = [p for p in source_pages(root, lang) if p.startswith("ohjeet/")]
    assert guides, f"docs/{lang}/ohjeet/ has no guide to check"
    for page in guides:
        service = read_front_matter((root / "docs" / lang / page).read_text(encoding="utf-8")).data.get("service")
        html = parse_html(built_path(built_site, lang, page))
        (box,) = html.find_all("aside", class_="gk-help")
        links = [a.attrs["href"] for a in box.find_all("a")]
        expected = []
        for channel in help_channel_ids(facts, service):
            data = facts[channel]
            expected.append(data["url"] if "url" in data else f"tel:{data['phone_link']}")
        assert expected and links[: len(expected)] == expected, page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_digital_support_page_lists_service_points_and_tour_from_the_data_file(root, built_site, lang):
    facts = load_facts(root / "data" / "county.yml")
    text = parse_html(built_path(built_site, lang, "digituki.md")).text
    for point in facts["service_points"]["items"]:
        assert point["address"] in text
    # The tour's coming stops: days gone by are left out (a build of yesterday shows more).
    for stop in upcoming_stops(facts, dt.date.today()):
        assert localize(stop["place"], lang) in text
    assert facts["customer_service"]["phone"] in text


def test_no_placeholder_is_left_unfilled(built_site):
    for path in built_site.rglob("*.html"):
        assert not re.search(r"\{\{\s*[\w.]+\s*\}\}", path.read_text(encoding="utf-8")), path


RESOURCE_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "iframe": ("src",),
    "video": ("src", "poster"), "audio": ("src",), "object": ("data",), "embed": ("src",),
}


def external_resources(site: Path) -> list[str]:
    found = []
    for path in site.rglob("*.html"):
        for element in parse_html(path).iter():
            names = RESOURCE_ATTRS.get(element.tag, ())
            if element.tag == "link" and element.attrs.get("rel") not in ("alternate", "canonical", "prev", "next"):
                names = ("href",)
            for name in names:
                value = element.attrs.get(name, "")
                if re.match(r"^\s*(https?:)?//", value):
                    found.append(f"{path.relative_to(site)}: <{element.tag} {name}={value}>")
    for path in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(site)}: url({url})")
        for url in re.findall(r"@import\s+['\"]((?:https?:)?//[^'\"]+)", path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(site)}: @import {url}")
    return found


def test_no_page_loads_anything_from_outside_the_site(built_site):
    assert external_resources(built_site) == []


def test_the_external_resource_check_catches_a_web_font(tmp_path):
    (tmp_path / "index.html").write_text(
        '<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head></html>'
    )
    (tmp_path / "x.css").write_text("body{background:url(//cdn.example.com/a.png)}")
    assert len(external_resources(tmp_path)) == 2


FALLBACK_PAGES = {
    "fi/index.md": "---\ntitle: Etusivu\ndescription: Sivuston etusivu.\n---\n# Etusivu\n\nTervetuloa sivustolle.\n",
    "fi/vain-suomeksi.md": "---\ntitle: Vain suomeksi\ndescription: Sivu on vain suomeksi.\n---\n# Vain suomeksi\n\nTämä sivu on vain suomeksi.\n",
    "sv/index.md": "---\ntitle: Startsida\ndescription: Webbplatsens startsida.\n---\n# Startsida\n\nVälkommen till webbplatsen.\n",
    "en/index.md": "---\ntitle: Front page\ndescription: The front page of the site.\n---\n# Front page\n\nWelcome to the site.\n",
    "selko/index.md": "---\ntitle: Etusivu\ndescription: Sivuston etusivu.\n---\n# Etusivu\n\nTervetuloa sivulle.\n",
}


def test_missing_translation_shows_the_finnish_page_marked_as_finnish(tmp_path):
    config = make_site(tmp_path / "src", FALLBACK_PAGES)
    site = tmp_path / "site"
    result = run_build(config, site)
    assert result.returncode == 0, result.stdout + result.stderr
    ui = yaml.safe_load((tmp_path / "src" / "data" / "ui.yml").read_text(encoding="utf-8"))
    for lang in ("sv", "en", "selko"):
        html = parse_html(site / lang / "vain-suomeksi" / "index.html")
        assert html.find_all("html")[0].attrs["lang"] == HTML_LANG[lang]
        notice = html.find_all("p", class_="gk-fallback-notice")
        assert notice and notice[0].text == ui[lang]["fallback_notice"]
        assert notice[0].lang() == HTML_LANG[lang]
        heading = [h for h in html.find_all("h1") if h.text == "Vain suomeksi"][0]
        assert heading.lang() == "fi"
    # The Finnish original itself carries no notice.
    assert not parse_html(site / "vain-suomeksi" / "index.html").find_all("p", class_="gk-fallback-notice")
