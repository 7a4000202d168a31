"""Language as the browser sees it: <html lang> of every page (selko is Finnish), and a
page shown in Finnish inside another language marked as Finnish, with the notice in the
reader's language."""

from __future__ import annotations

import pytest
import yaml

from browser.browser_tools import DESKTOP, open_site_page
from guidekit.languages import BASE_LANGUAGE, LANGUAGES

# What the browser takes as the language of an element (`:lang()` follows lang attributes
# up the tree, as screen readers do).
LANGUAGE_OF = """selector => {
  const element = document.querySelector(selector);
  if (!element) return null;
  return ["fi", "sv", "en"].find(code => element.matches(`:lang(${code})`)) || "";
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_the_html_lang_of_its_language(new_page, site_url, pages, lang):
    tab = new_page(DESKTOP)
    wrong = []
    for site_page in (page for page in pages if page.lang == lang):
        open_site_page(tab, site_url, site_page, wait_until="domcontentloaded")
        html_lang = tab.evaluate("() => document.documentElement.lang")
        if html_lang != site_page.html_lang:
            wrong.append(f"{site_page}: <html lang={html_lang!r}>, expected {site_page.html_lang!r}")
        # A Finnish page inside this language (not yet translated) must say so.
        if tab.locator(".gk-fallback-notice").count():
            if tab.evaluate(LANGUAGE_OF, ".gk-page") != "fi":
                wrong.append(f"{site_page}: Finnish content is not marked lang=fi")
            if tab.evaluate(LANGUAGE_OF, ".gk-fallback-notice") != site_page.html_lang:
                wrong.append(f"{site_page}: the notice is not in {site_page.html_lang}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "fi"])
def test_untranslated_page_is_shown_in_finnish_and_marked_as_finnish(new_page, small_site, root, lang):
    notices = yaml.safe_load((root / "data" / "ui.yml").read_text(encoding="utf-8"))
    tab = new_page(DESKTOP)
    tab.goto(f"{small_site.url}/{lang}/vain-suomeksi/")
    assert tab.evaluate("() => document.documentElement.lang") == BASE_LANGUAGE[lang]
    notice = tab.locator("p.gk-fallback-notice")
    assert notice.is_visible()
    assert notice.inner_text().strip() == notices[lang]["fallback_notice"]
    assert tab.evaluate(LANGUAGE_OF, "p.gk-fallback-notice") == BASE_LANGUAGE[lang]
    assert tab.evaluate(LANGUAGE_OF, ".gk-page") == "fi"
    assert tab.evaluate(LANGUAGE_OF, ".gk-page h1") == "fi"
    assert tab.locator(".gk-page h1").inner_text() == "Vain suomeksi"
    # The Finnish original carries no notice.
    tab.goto(f"{small_site.url}/vain-suomeksi/")
    assert tab.locator(".gk-fallback-notice").count() == 0
